import i18n from '@dhis2/d2-i18n'
import { Button, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React from 'react'
import { alertTypeLabel, describeAlert } from '../../../domain/alerts'
import type { Config } from '../../../domain/config'
import type { EffectiveFollowUp } from '../../../domain/follow-up/follow-up'
import { downloadText, fileNamePart } from '../../../shared/download'
import { alertNames, entryPairName, orgUnitsById, pairsById, tierLabel } from '../alert-view'
import type { ScanData } from '../scan-data'
import type { ScanEntry } from '../scan-entries'
import { alertsCsv, followUpKeyOf, type ExportRow, type FollowUpFilter } from './alert-entries'
import { assigneeLabel, effectiveStatusLabel, eventLine, sortableWhen } from './follow-up-text'
import classes from './FollowUp.module.css'

export interface ExportContext {
    config: Config
    scan: ScanData
    followUps: ReadonlyMap<string, EffectiveFollowUp>
    periodName: (id: string) => string
    levelName: (level: number) => string
    locale: string
}

/** The entries as the list shows them (its order, its words), with their follow-ups */
export const exportRows = (entries: readonly ScanEntry[], ctx: ExportContext): ExportRow[] => {
    const pairs = pairsById(ctx.config)
    const units = orgUnitsById(ctx.scan)
    return entries.map((entry, i) => {
        const pair = pairs.get(entry.pairId)
        const unit = units.get(entry.orgUnitId)
        return {
            rank: i + 1,
            tier: tierLabel(entry.tier),
            orgUnit: unit?.name ?? entry.orgUnitId,
            path: unit ? unit.ancestorNames.join(' / ') : '',
            level: ctx.levelName(entry.level),
            pair: entryPairName(entry, pair),
            periods: entry.periods.map(ctx.periodName).join(', '),
            reasons: entry.reasons.map(
                (reason) =>
                    `${alertTypeLabel(reason.alert.type)} — ${describeAlert(
                        reason.alert,
                        alertNames(
                            reason,
                            pairs.get(reason.alert.pairId),
                            units.get(reason.alert.orgUnitId),
                            ctx.scan.itemNames,
                            ctx.periodName
                        )
                    )}`
            ),
            parentShare: entry.parentShare,
            followUp: ctx.followUps.get(followUpKeyOf(entry)),
        }
    })
}

/** The CSV of the entries shown: the ranked list with reasons and follow-up */
export const downloadAlertsCsv = (entries: readonly ScanEntry[], ctx: ExportContext) => {
    const csv = alertsCsv(exportRows(entries, ctx), {
        headers: [
            i18n.t('Rank'),
            i18n.t('Tier'),
            i18n.t('Org unit'),
            i18n.t('Path'),
            i18n.t('Level'),
            i18n.t('Pair'),
            i18n.t('Periods'),
            i18n.t('Reasons'),
            i18n.t('Share of the parent total (%)'),
            i18n.t('Follow-up'),
            i18n.t('Assigned to'),
            i18n.t('Last action'),
            i18n.t('By'),
            i18n.t('When'),
            i18n.t('Comments'),
        ],
        status: (f) => (f ? effectiveStatusLabel(f) : i18n.t('Open')),
        assignee: (f) => (f.assignee ? assigneeLabel(f.assignee) : ''),
        event: eventLine,
        // Sortable in a spreadsheet (the screen and the print keep the user's format)
        when: sortableWhen,
    })
    const month = ctx.scan.window.months[ctx.scan.window.months.length - 1] ?? ''
    downloadText(`${fileNamePart(i18n.t('alerts'), 'alerts')}-${month}.csv`, csv)
}

/** The follow-up filter of the list (a field of its filter row) */
export const FollowUpFilterSelect = ({
    filter,
    onFilter,
}: {
    filter: FollowUpFilter
    onFilter: (filter: FollowUpFilter) => void
}) => (
    <SingleSelectField
        dense
        label={i18n.t('Follow-up')}
        selected={filter}
        onChange={({ selected }: { selected: string }) => onFilter(selected as FollowUpFilter)}
        dataTest="alerts-filter-follow-up"
    >
        <SingleSelectOption value="all" label={i18n.t('All alerts')} />
        <SingleSelectOption value="notResolved" label={i18n.t('Not resolved')} />
        <SingleSelectOption value="open" label={i18n.t('Open')} />
        <SingleSelectOption value="acknowledged" label={i18n.t('Acknowledged')} />
        <SingleSelectOption value="resolved" label={i18n.t('Resolved')} />
    </SingleSelectField>
)

/** Beside the count of the list: the CSV download and the print view of the entries shown */
export const AlertsExportActions = ({
    count,
    onCsv,
    onPrint,
}: {
    count: number
    onCsv: () => void
    onPrint: () => void
}) => (
    <div className={classes.actions} data-test="alerts-export">
        <Button small disabled={count === 0} onClick={onCsv} dataTest="alerts-csv">
            {i18n.t('Download CSV')}
        </Button>
        <Button small disabled={count === 0} onClick={onPrint} dataTest="alerts-print">
            {i18n.t('Print for the review meeting')}
        </Button>
    </div>
)
