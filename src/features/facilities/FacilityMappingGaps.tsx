import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader } from '@dhis2/ui'
import { useQuery } from '@tanstack/react-query'
import React from 'react'
import { mappingGaps, parseMapping, type MappingGaps } from '../../domain/facilities/review'
import { ErrorNotice } from '../../shared/api-errors'
import { downloadText, toCsv } from '../../shared/download'
import { fetchCurrentFacilities } from './dhis-facilities'
import { loadMappingEntry } from './mapping-store'
import classes from './FacilitiesPage.module.css'

const SHOWN = 100

const gapsCsv = (gaps: MappingGaps): string =>
    toCsv([
        ['gap', 'system', 'id_or_code', 'name'],
        ...gaps.unmatchedLmis.map((f) => ['not matched', 'LMIS', f.code, f.name]),
        ...gaps.dhisWithoutLmis.map((f) => ['no LMIS facility', 'DHIS2', f.id, f.name]),
        ...gaps.openedSince.map((f) => ['opened since review', 'DHIS2', f.id, f.name]),
        ...gaps.closedSince.map((f) => ['closed since review', 'DHIS2', f.id, f.name]),
    ])

const GapList = ({
    title,
    names,
    dataTest,
}: {
    title: string
    names: string[]
    dataTest: string
}) => (
    <details data-test={dataTest}>
        <summary>
            {title} ({names.length})
        </summary>
        <ul>
            {names.slice(0, SHOWN).map((name, i) => (
                <li key={i}>{name}</li>
            ))}
        </ul>
        {names.length > SHOWN && (
            <p className={classes.hint}>
                {i18n.t('{{shown}} of {{total}} shown; download the CSV for all.', {
                    shown: SHOWN,
                    total: names.length,
                })}
            </p>
        )}
    </details>
)

/**
 * The facility lists' gaps on the data quality page: LMIS facilities the last review left
 * unmatched, DHIS2 facilities with no LMIS counterpart, facilities opened or closed since then.
 */
export const FacilityMappingGaps = () => {
    const engine = useDataEngine()
    const query = useQuery({
        queryKey: ['facilityMappingGaps'],
        queryFn: async ({ signal }) => {
            const entry = await loadMappingEntry(engine, signal)
            const mapping = entry.exists ? parseMapping(entry.value) : null
            if (!mapping) return null
            return mappingGaps(mapping, await fetchCurrentFacilities(engine, signal))
        },
    })
    return (
        <section className={classes.section} data-test="quality-facility-gaps">
            <h2 className={classes.heading}>{i18n.t('Facility lists')}</h2>
            {query.isLoading && <CircularLoader small />}
            {query.error && (
                <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
            )}
            {query.data === null && (
                <p className={classes.hint}>
                    {i18n.t(
                        'No reviewed mapping of the LMIS facility list yet. Make one in the Facilities tab.'
                    )}
                </p>
            )}
            {query.data && (
                <>
                    <p className={classes.hint}>
                        {i18n.t('Mapping last reviewed on {{date}}.', {
                            date: query.data.reviewedAt.slice(0, 10),
                        })}
                    </p>
                    <GapList
                        title={i18n.t('LMIS facilities not matched')}
                        names={query.data.unmatchedLmis.map((f) =>
                            f.code ? `${f.name} (${f.code})` : f.name
                        )}
                        dataTest="gaps-unmatched-lmis"
                    />
                    <GapList
                        title={i18n.t('DHIS2 facilities with no LMIS facility')}
                        names={query.data.dhisWithoutLmis.map((f) => f.name)}
                        dataTest="gaps-dhis-without-lmis"
                    />
                    <GapList
                        title={i18n.t('Facilities opened since the review')}
                        names={query.data.openedSince.map((f) => f.name)}
                        dataTest="gaps-opened"
                    />
                    <GapList
                        title={i18n.t('Facilities closed since the review')}
                        names={query.data.closedSince.map((f) => f.name)}
                        dataTest="gaps-closed"
                    />
                    <div>
                        <Button
                            small
                            onClick={() =>
                                query.data &&
                                downloadText('facility-list-gaps.csv', gapsCsv(query.data))
                            }
                        >
                            {i18n.t('Download CSV')}
                        </Button>
                    </div>
                </>
            )}
        </section>
    )
}
