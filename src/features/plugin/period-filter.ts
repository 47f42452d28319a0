/**
 * A dashboard period the item's view has no choice for — a fixed period of any type (`2024W5`,
 * `20240105`, `202401B`, `2024S1`, `2024April`, `2024July`, `2024Oct`, `2024Nov`, a month, a
 * quarter…), a relative period of any type (`LAST_12_WEEKS`, `THIS_FINANCIAL_YEAR`…) or several
 * of them — is passed to DHIS2 analytics, which resolves it as it does for the dashboard's own
 * charts: relative periods with the instance's financial year start (system setting
 * `analyticsFinancialYearStart`) and calendar, fixed periods with their period type
 * (dhis2-core `DimensionalObjectProducer.getPeriodDimension`). The request asks for metadata only
 * (`skipData=true`, no data item needed: `DefaultQueryValidator` asks for one only when data is
 * fetched) with the periods' details (`includeMetadataDetails=true`: each period's `startDate` and
 * `endDate`, dhis2-core `MetadataItem.setDataItem`).
 *
 * The pair's data is reported by month (or quarter): DHIS2 aggregates a data value only into
 * periods of its own period type or longer ones (`PeriodType.getPeriodTypePeriods`: the period
 * structure of a monthly value has no week or day), so a week or a day of monthly data has no
 * value, and a financial year is one total. The item therefore shows the months covering the
 * dashboard's periods (from the first one's start to the last one's end) by month or quarter, and
 * says so in words, naming the periods as DHIS2 does — never an empty item.
 */
import i18n from '@dhis2/d2-i18n'
import type { AnalyticsQuery, AnalyticsTable } from '../../api/analytics'
import {
    calendarDateOfIso,
    monthRangeSelection,
    periodIdContaining,
    type CalendarOptions,
} from '../../domain/periods'

/** A dashboard period as DHIS2 resolved it */
export interface ResolvedPeriod {
    id: string
    /** DHIS2's name of the period (`W5 2024`, `July 2024 - June 2025`) */
    name: string
    /** ISO dates `yyyy-MM-dd` */
    startDate: string
    endDate: string
}

/** The metadata-only analytics request that resolves the dashboard's period items. */
export const periodResolutionQuery = (items: readonly string[]): AnalyticsQuery => ({
    resource: 'analytics',
    params: {
        dimension: [`pe:${[...new Set(items)].join(';')}`],
        displayProperty: 'NAME',
        skipData: true,
        includeMetadataDetails: true,
    },
})

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/

/** The periods of the response (`metaData.dimensions.pe`, in DHIS2's order) with their dates. */
export const resolvedPeriodsOf = (table: AnalyticsTable): ResolvedPeriod[] =>
    table.itemIds('pe').flatMap((id) => {
        const item = table.items[id]
        const start = ISO_DATE.exec(item?.startDate ?? '')?.[1]
        const end = ISO_DATE.exec(item?.endDate ?? '')?.[1]
        return start && end ? [{ id, name: item?.name ?? id, startDate: start, endDate: end }] : []
    })

/** What the item shows for the dashboard's periods */
export interface PeriodAlignment {
    /** The view's period selection: the months covering the periods (`202401_202402`) */
    selection: string
    /** The first and last day the dashboard's periods cover (ISO) */
    startDate: string
    endDate: string
    /** A period shorter than a month: finer than the data, shown by the months containing it */
    finer: boolean
}

/** Days of an ISO date range, inclusive */
const daysOf = (start: string, end: string): number =>
    Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1

/**
 * The months covering the resolved periods, in the instance calendar; `null` when there is no
 * period or the calendar's dates cannot be converted here (a calendar of the date library).
 */
export const alignDashboardPeriods = (
    periods: readonly ResolvedPeriod[],
    options: CalendarOptions = {}
): PeriodAlignment | null => {
    if (periods.length === 0) return null
    const startDate = periods.map((p) => p.startDate).reduce((a, b) => (a < b ? a : b))
    const endDate = periods.map((p) => p.endDate).reduce((a, b) => (a > b ? a : b))
    const first = calendarDateOfIso(startDate, options)
    const last = calendarDateOfIso(endDate, options)
    if (first === null || last === null) return null
    return {
        selection: monthRangeSelection(
            periodIdContaining(first, 'MONTHLY', options),
            periodIdContaining(last, 'MONTHLY', options)
        ),
        startDate,
        endDate,
        // The shortest month has 28 days: a period shorter than that is a week, days or a day
        finer: periods.some((p) => daysOf(p.startDate, p.endDate) < 28),
    }
}

/**
 * What the item shows for the dashboard's periods, in words: the periods as DHIS2 resolved them
 * (first – last), and the months or quarters shown instead.
 */
export const alignedPeriodText = ({
    filterLabel,
    periods,
    alignment,
    grain,
    shownLabel,
}: {
    /** The dashboard's filter in words (DHIS2's names of its items) */
    filterLabel: string
    periods: readonly ResolvedPeriod[]
    alignment: PeriodAlignment
    grain: 'monthly' | 'quarterly'
    /** The months shown, in words (`January 2024 to February 2024`) */
    shownLabel: string
}): string => {
    const first = periods[0]
    const last = periods[periods.length - 1]
    const span =
        !first || !last
            ? filterLabel
            : first === last
              ? first.name
              : i18n.t('{{first}} to {{last}}', {
                    first: first.name,
                    last: last.name,
                    interpolation: { escapeValue: false },
                })
    const dates = i18n.t('{{first}} to {{last}}', {
        first: alignment.startDate,
        last: alignment.endDate,
        interpolation: { escapeValue: false },
    })
    const values = {
        filter: filterLabel,
        // The periods' names only when they say more than the filter (a relative period, several)
        details: span === filterLabel ? dates : `${span}, ${dates}`,
        shown: shownLabel,
        interpolation: { escapeValue: false },
    }
    if (alignment.finer) {
        return grain === 'quarterly'
            ? i18n.t(
                  '{{shown}} – the quarters containing the dashboard period “{{filter}}” ({{details}}), which is shorter than a month, and this data is reported by month.',
                  values
              )
            : i18n.t(
                  '{{shown}} – the months containing the dashboard period “{{filter}}” ({{details}}), which is shorter than a month, and this data is reported by month.',
                  values
              )
    }
    return grain === 'quarterly'
        ? i18n.t('{{shown}} – the dashboard period “{{filter}}” ({{details}}) by quarter.', values)
        : i18n.t('{{shown}} – the dashboard period “{{filter}}” ({{details}}) by month.', values)
}
