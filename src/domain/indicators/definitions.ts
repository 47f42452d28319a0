/**
 * The definitions of the logistics figures the cards show, with their sources, in one place: the
 * "How to interpret" panel lists them, so that what a figure means is never a guess.
 *
 * Sources:
 * - USAID|DELIVER PROJECT, Task Order 1. 2011. The Logistics Handbook: A Practical Guide for the
 *   Supply Chain Management of Health Commodities (stockout rate, AMC, months of stock, max–min
 *   inventory control, losses and adjustments).
 * - OpenLMIS v3 requisition (`LineItemFieldsCalculator`: adjusted consumption, AMC) and stock
 *   status reporting (under 3 months understocked, 3–6 adequate, over 6 overstocked: the default
 *   min–max here, `DEFAULT_STOCK_BANDS`; a pair's `thresholds.monthsOfStock` overrides it, as
 *   countries set their own per level).
 * - DHIS2 data set reporting: `REPORTING_RATE` = ACTUAL_REPORTS / EXPECTED_REPORTS,
 *   `REPORTING_RATE_ON_TIME` = ACTUAL_REPORTS_ON_TIME / EXPECTED_REPORTS (reports by the data
 *   set's `timelyDays` after the period).
 * - DHIS2 `AggregationType.LAST_IN_PERIOD`: the last value within the period only (unlike
 *   `LAST`, which carries a value forward from earlier periods).
 */
import i18n from '@dhis2/d2-i18n'

export type DefinitionId =
    | 'stockedOut'
    | 'amc'
    | 'monthsOfStock'
    | 'minMax'
    | 'losses'
    | 'received'
    | 'timeliness'
    | 'ratio'
    | 'incomplete'

export interface Definition {
    id: DefinitionId
    name: string
    text: string
}

/** Every definition, translated, in the order the panel lists them. */
export const indicatorDefinitions = (): Definition[] => [
    {
        id: 'stockedOut',
        name: i18n.t('Facilities stocked out'),
        text: i18n.t(
            'Facilities whose closing balance is 0 or that report stockout days, among the facilities that reported for the period, counted facility by facility or by the LMIS stocked-out flag summed on the server (never an average of percentages). Source – USAID|DELIVER Logistics Handbook, stockout rate.'
        ),
    },
    {
        id: 'amc',
        name: i18n.t('Average monthly consumption (AMC)'),
        text: i18n.t(
            'Consumption per month, averaged over the last 3 monthly values each facility reported (a quarterly report counts as its quarter ÷ 3), summed over the facilities. Source – Logistics Handbook; OpenLMIS requisition.'
        ),
    },
    {
        id: 'monthsOfStock',
        name: i18n.t('Months of stock'),
        text: i18n.t(
            'Stock on hand ÷ AMC, both summed over the facilities that reported them. Stock on hand is the count reported in the period only, never an older count carried forward (DHIS2 aggregation “last value in period”). Source – Logistics Handbook.'
        ),
    },
    {
        id: 'minMax',
        name: i18n.t('Under, within or over min–max'),
        text: i18n.t(
            'Facilities (not stocked out) whose stock on hand ÷ AMC is below the minimum, between the minimum and the maximum, or above the maximum of the pair. Default 3 to 6 (OpenLMIS stock status); the mapping may set other levels. Source – Logistics Handbook, max–min inventory control.'
        ),
    },
    {
        id: 'losses',
        name: i18n.t('Losses and adjustments'),
        text: i18n.t(
            'Quantities lost (expired, damaged) or adjusted (transfers, corrections) in the period, as reported. Source – Logistics Handbook.'
        ),
    },
    {
        id: 'received',
        name: i18n.t('Quantity received'),
        text: i18n.t('Quantities received by the facilities in the period, as reported.'),
    },
    {
        id: 'timeliness',
        name: i18n.t('Reports on time'),
        text: i18n.t(
            'Reports received by their due date ÷ reports expected, for each system (DHIS2 reporting rate on time).'
        ),
    },
    {
        id: 'ratio',
        name: i18n.t('Consumption per case'),
        text: i18n.t(
            'LMIS consumption ÷ HMIS cases of the same period, compared with the band the mapping expects. Only for pairs with a consistent dose per case.'
        ),
    },
    {
        id: 'incomplete',
        name: i18n.t('Incomplete periods'),
        text: i18n.t(
            'A period that is not over, or whose reports are still arriving (the latest periods with fewer reports than usual), is marked incomplete with the number of reports in. It is not drawn, compared or used for estimates, ratios or alerts – a partial total would look like a drop.'
        ),
    },
]
