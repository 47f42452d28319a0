import i18n from '@dhis2/d2-i18n'
import {
    Button,
    LinearLoader,
    MultiSelectField,
    MultiSelectOption,
    NoticeBox,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import React from 'react'
import type { Config } from '../../domain/config'
import { ErrorNotice } from '../../shared/api-errors'
import { formatNumber } from '../../shared/format/number'
import { OrgUnitPicker } from '../triangulation/OrgUnitPicker'
import { BASELINE_CHOICES, TEST_WINDOW_CHOICES } from './scan-plan'
import { AreaSelect, MonthsSelect } from './SelectFields'
import type { ScanSetup } from './use-scan-setup'
import classes from './AlertsPage.module.css'

/** Progress of a running scan: requests, then org units analysed; and a way to stop it. */
const ScanProgressView = ({ setup }: { setup: ScanSetup }) => {
    const { progress, cancel } = setup.scan
    const total = progress?.total ?? setup.scan.requests?.length ?? 0
    const done = progress?.done ?? 0
    const amount = total > 0 ? Math.round((done / total) * 100) : 0
    const text =
        progress?.phase === 'analysis'
            ? i18n.t('{{done}} of {{total}} org units analysed', { done, total })
            : i18n.t('{{done}} of {{total}} analytics requests done', { done, total })
    return (
        <div className={classes.progress} data-test="alerts-progress" aria-live="polite">
            <div className={classes.progressRow}>
                <span>{text}</span>
                <Button small secondary onClick={cancel} dataTest="alerts-cancel">
                    {i18n.t('Cancel')}
                </Button>
            </div>
            <LinearLoader amount={amount} width="100%" aria-label={text} />
        </div>
    )
}

/**
 * What to scan (program area, org unit, levels, last month, tested months, baseline), the scan's
 * size, Run, progress and Cancel. Shared by the Alerts and Data quality pages: one scan serves
 * both. `onRun`: the scan was started with Run.
 */
export const ScanPanel = ({
    config,
    setup,
    onRun,
}: {
    config: Config
    setup: ScanSetup
    onRun?: () => void
}) => {
    const { settings, setSettings, levels, rootLevel, scanLevels, counts, scan, window } = setup
    const run = () => {
        scan.run()
        onRun?.()
    }
    const levelName = (level: number) =>
        levels.find((l) => l.level === level)?.name ??
        i18n.t('Level {{level}}', { level, interpolation: { escapeValue: false } })
    const orgUnits = scanLevels.reduce((sum, level) => sum + (counts?.[level] ?? 0), 0)
    // null while a large scan's batches are asked (its count is not known yet)
    const requestCount = scan.requests?.length ?? null
    const canRun = setup.input !== null && requestCount !== 0 && !scan.running
    /** The scan's size, as the panel states it */
    const size = {
        levels: scanLevels.map(levelName).join(', '),
        orgUnits: formatNumber(orgUnits, { locale: i18n.language }),
        pairs: setup.pairs.length,
        interpolation: { escapeValue: false },
    }
    const sizeWithRequests = {
        ...size,
        requests: formatNumber(requestCount, { locale: i18n.language }),
    }
    return (
        <section className={classes.panel} aria-label={i18n.t('Scan settings')}>
            <div className={classes.row}>
                {config.programAreas.length > 1 && (
                    <div className={classes.field}>
                        <AreaSelect
                            config={config}
                            selected={settings.areaId}
                            onChange={(areaId) => setSettings({ areaId })}
                            dataTest="alerts-area"
                        />
                    </div>
                )}
                {setup.userRoots.length > 0 && (
                    <div className={classes.field} data-test="alerts-orgunit">
                        <OrgUnitPicker
                            roots={setup.userRoots.map((root) => root.id)}
                            rootPaths={setup.userRoots.map((root) => root.path)}
                            selectedName={setup.rootUnits
                                .map((root) => root.displayName)
                                .join(', ')}
                            selectedPath={
                                setup.rootUnits.length === 1 ? setup.rootUnits[0]?.path : undefined
                            }
                            onSelect={(rootId) => setSettings({ rootId })}
                        />
                    </div>
                )}
                <div className={classes.field}>
                    <MultiSelectField
                        label={i18n.t('Org unit levels')}
                        selected={scanLevels.map(String)}
                        onChange={({ selected }: { selected: string[] }) =>
                            selected.length > 0 &&
                            setSettings({ levels: selected.map(Number).sort((a, b) => a - b) })
                        }
                        dense
                        dataTest="alerts-levels"
                    >
                        {levels
                            .filter((level) => level.level >= rootLevel)
                            .map((level) => (
                                <MultiSelectOption
                                    key={level.level}
                                    value={String(level.level)}
                                    label={level.name}
                                />
                            ))}
                    </MultiSelectField>
                </div>
                <div className={classes.field}>
                    <SingleSelectField
                        label={i18n.t('Last month checked')}
                        selected={settings.end}
                        onChange={({ selected }: { selected: string }) =>
                            setSettings({ end: selected })
                        }
                        dense
                        dataTest="alerts-end"
                    >
                        {setup.endChoices.map((month) => (
                            <SingleSelectOption
                                key={month}
                                value={month}
                                label={setup.periodName(month)}
                            />
                        ))}
                    </SingleSelectField>
                </div>
                <div className={classes.field}>
                    <MonthsSelect
                        label={i18n.t('Check the last')}
                        choices={TEST_WINDOW_CHOICES}
                        selected={settings.testMonths}
                        onChange={(testMonths) => setSettings({ testMonths })}
                        dataTest="alerts-test-window"
                    />
                </div>
                <div className={classes.field}>
                    <MonthsSelect
                        label={i18n.t('Baseline')}
                        choices={BASELINE_CHOICES}
                        selected={settings.baselineMonths}
                        onChange={(baselineMonths) => setSettings({ baselineMonths })}
                        dataTest="alerts-baseline"
                    />
                </div>
                <Button primary onClick={run} disabled={!canRun} dataTest="alerts-run">
                    {scan.data ? i18n.t('Scan again') : i18n.t('Run the scan')}
                </Button>
            </div>
            <p className={classes.hint} data-test="alerts-size">
                {i18n.t(
                    'Each month from {{first}} to {{last}} is compared with the {{baseline}} months before it.',
                    {
                        baseline: settings.baselineMonths,
                        first: setup.periodName(
                            window.months[window.months.length - window.testMonths] ?? ''
                        ),
                        last: setup.periodName(window.months[window.months.length - 1] ?? ''),
                        interpolation: { escapeValue: false },
                    }
                )}{' '}
                {setup.input &&
                    (requestCount === null
                        ? i18n.t('{{orgUnits}} org units ({{levels}}), {{pairs}} pairs.', size)
                        : i18n.t(
                              '{{orgUnits}} org units ({{levels}}), {{pairs}} pairs, {{requests}} analytics requests.',
                              sizeWithRequests
                          ))}
            </p>
            {setup.input && requestCount === 0 && (
                <NoticeBox warning title={i18n.t('Nothing to scan')}>
                    {i18n.t(
                        'None of the data items of these pairs exists on this server, or the pairs have none.'
                    )}
                </NoticeBox>
            )}
            {scan.running && <ScanProgressView setup={setup} />}
            {scan.error && !scan.running && (
                <ErrorNotice error={scan.error} onRetry={scan.run} dataTest="alerts-error" />
            )}
        </section>
    )
}
