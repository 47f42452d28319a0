/**
 * One translated sentence per alert, e.g. "Consumption of oxytocin 10 IU in District X fell 85% in
 * March 2025 while deliveries stayed stable".
 *
 * Names are plain text, inserted as given (`escapeValue: false`): escape the result where it is
 * parsed as markup. Commodity and service names are used inside sentences: their first letter is
 * lower-cased unless the first word looks like an acronym (`PPH cases`, `ORS`), so pass them as
 * the configuration stores them. Org unit, pair and period names are used as given; format the
 * period for the user's language before passing it.
 */
import i18n from '@dhis2/d2-i18n'
import type { LmisMeasure } from '../config'
import type {
    Alert,
    AlertType,
    CompletenessAlert,
    DivergenceAlert,
    OutlierAlert,
    StockoutAlert,
} from './types'

export interface AlertNames {
    /** The pair, e.g. `Oxytocin ↔ Deliveries` */
    pair: string
    /** The commodity, e.g. `Oxytocin 10 IU` */
    commodity: string
    /** The service (HMIS) side, e.g. `Deliveries` */
    service: string
    orgUnit: string
    /** The period as shown to the user, e.g. `March 2025` */
    period: string
}

/** A name used inside a sentence: `Deliveries` → `deliveries`, `PPH cases` unchanged */
export const inSentence = (name: string): string => {
    const trimmed = name.trim()
    const [first, second] = [...trimmed]
    if (first === undefined || second === undefined) return trimmed
    const acronym = second !== second.toLocaleLowerCase() || !/\p{L}/u.test(second)
    return acronym ? trimmed : first.toLocaleLowerCase() + trimmed.slice(first.length)
}

const formatter = (digits: number): Intl.NumberFormat => {
    try {
        return new Intl.NumberFormat(i18n.language || 'en', { maximumFractionDigits: digits })
    } catch {
        return new Intl.NumberFormat('en', { maximumFractionDigits: digits })
    }
}

/** A value: at most one decimal */
const num = (value: number | null): string => (value === null ? '–' : formatter(1).format(value))
/** A percentage, unsigned and rounded */
const pct = (value: number | null): string =>
    value === null ? '–' : formatter(0).format(Math.round(Math.abs(value)))
/** A signed, rounded percentage: `+12`, `−40`, `0` */
const signed = (value: number | null): string => {
    if (value === null) return '–'
    const rounded = Math.round(value)
    const text = formatter(0).format(Math.abs(rounded))
    return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text
}

/** An LMIS measure inside a sentence */
export const measureName = (measure: LmisMeasure): string => {
    switch (measure) {
        case 'consumption':
            return i18n.t('consumption')
        case 'stockOnHand':
            return i18n.t('stock on hand')
        case 'stockoutDays':
            return i18n.t('stockout days')
        case 'losses':
            return i18n.t('losses and adjustments')
        case 'received':
            return i18n.t('quantity received')
    }
}

/** A short label of an alert type, e.g. for a filter */
export const alertTypeLabel = (type: AlertType): string => {
    switch (type) {
        case 'spike':
            return i18n.t('Spike')
        case 'collapse':
            return i18n.t('Collapse')
        case 'divergence':
            return i18n.t('Consumption and cases diverge')
        case 'stockoutWithCases':
            return i18n.t('Stockout while patients keep coming')
        case 'completenessDrop':
            return i18n.t('Incomplete reporting')
        case 'lmisWithoutHmis':
            return i18n.t('LMIS data without HMIS data')
        case 'hmisWithoutLmis':
            return i18n.t('HMIS data without LMIS data')
    }
}

/** A median below which a rise is told as the value against the median, without a percentage */
export const SMALL_USUAL_LEVEL = 1

type Vars = Record<string, string>

/** The values as they are (React shows them as text); built apart from i18n.t for the extractor. */
const asText = (vars: Vars) => ({ ...vars, interpolation: { escapeValue: false } })

const describeOutlier = (alert: OutlierAlert, vars: Vars): string => {
    const { details } = alert
    const options = {
        ...vars,
        value: num(details.value),
        median: num(details.median),
        percent: pct(details.changePercent),
        interpolation: { escapeValue: false },
    }
    // Above a usual level of 0 (or below 1: a month with any at all), a percentage means nothing
    // (17 against a median of 0 is "16,900%" over a baseline of 0.1): the value and the median
    const fromZero =
        details.changePercent === null ||
        (alert.type === 'spike' && Math.abs(details.median) < SMALL_USUAL_LEVEL)
    if (alert.method === 'REPEATED') {
        const repeated = {
            ...options,
            months: String(details.repeatedPeriods?.length ?? alert.magnitude),
            measure: measureName(alert.measure ?? 'consumption'),
        }
        return alert.series === 'hmis'
            ? i18n.t(
                  'In {{orgUnit}}, {{service}} was reported as {{value}} every month for {{months}} months, up to {{period}} (a copied form?)',
                  repeated
              )
            : i18n.t(
                  'In {{orgUnit}}, {{measure}} of {{commodity}} was reported as {{value}} every month for {{months}} months, up to {{period}} (a copied form?)',
                  repeated
              )
    }
    if (alert.series === 'hmis') {
        if (fromZero) {
            return i18n.t(
                'In {{orgUnit}}, {{service}} rose to {{value}} in {{period}}, against a median of {{median}}',
                options
            )
        }
        return alert.type === 'spike'
            ? i18n.t(
                  'In {{orgUnit}}, {{service}} rose {{percent}}% above the usual level in {{period}} ({{value}} against a median of {{median}})',
                  options
              )
            : i18n.t(
                  'In {{orgUnit}}, {{service}} fell {{percent}}% below the usual level in {{period}} ({{value}} against a median of {{median}})',
                  options
              )
    }
    const withMeasure = { ...options, measure: measureName(alert.measure ?? 'consumption') }
    if (fromZero) {
        return i18n.t(
            'In {{orgUnit}}, {{measure}} of {{commodity}} rose to {{value}} in {{period}}, against a median of {{median}}',
            withMeasure
        )
    }
    return alert.type === 'spike'
        ? i18n.t(
              'In {{orgUnit}}, {{measure}} of {{commodity}} rose {{percent}}% above the usual level in {{period}} ({{value}} against a median of {{median}})',
              withMeasure
          )
        : i18n.t(
              'In {{orgUnit}}, {{measure}} of {{commodity}} fell {{percent}}% below the usual level in {{period}} ({{value}} against a median of {{median}})',
              withMeasure
          )
}

const describeDivergence = (alert: DivergenceAlert, vars: Vars): string => {
    const { details } = alert
    const base = { ...vars, interpolation: { escapeValue: false } }
    if (alert.trigger === 'band') {
        const options = {
            ...base,
            ratio: num(details.ratio),
            low: num(details.bandLow),
            high: num(details.bandHigh),
        }
        return alert.direction === 'down'
            ? i18n.t(
                  'Consumption of {{commodity}} in {{orgUnit}} was {{ratio}} per case ({{service}}) in {{period}}, below the expected minimum of {{low}}',
                  options
              )
            : i18n.t(
                  'Consumption of {{commodity}} in {{orgUnit}} was {{ratio}} per case ({{service}}) in {{period}}, above the expected maximum of {{high}}',
                  options
              )
    }
    const stable = (change: number | null): boolean =>
        change !== null && Math.abs(change) <= details.stablePercent
    const consumptionChange = details.consumptionChangePercent
    const casesChange = details.casesChangePercent
    if (stable(casesChange) && consumptionChange !== null && !stable(consumptionChange)) {
        const options = { ...base, percent: pct(consumptionChange) }
        return consumptionChange < 0
            ? i18n.t(
                  'Consumption of {{commodity}} in {{orgUnit}} fell {{percent}}% in {{period}} while {{service}} stayed stable',
                  options
              )
            : i18n.t(
                  'Consumption of {{commodity}} in {{orgUnit}} rose {{percent}}% in {{period}} while {{service}} stayed stable',
                  options
              )
    }
    if (stable(consumptionChange) && casesChange !== null && !stable(casesChange)) {
        const options = { ...base, percent: pct(casesChange) }
        return casesChange > 0
            ? i18n.t(
                  'In {{orgUnit}}, {{service}} rose {{percent}}% in {{period}} while consumption of {{commodity}} stayed stable',
                  options
              )
            : i18n.t(
                  'In {{orgUnit}}, {{service}} fell {{percent}}% in {{period}} while consumption of {{commodity}} stayed stable',
                  options
              )
    }
    const options = {
        ...base,
        percent: pct(details.ratioChangePercent),
        consumptionChange: signed(consumptionChange),
        casesChange: signed(casesChange),
    }
    return alert.direction === 'down'
        ? i18n.t(
              'Consumption of {{commodity}} relative to {{service}} in {{orgUnit}} fell {{percent}}% in {{period}} (consumption {{consumptionChange}}%, cases {{casesChange}}%)',
              options
          )
        : i18n.t(
              'Consumption of {{commodity}} relative to {{service}} in {{orgUnit}} rose {{percent}}% in {{period}} (consumption {{consumptionChange}}%, cases {{casesChange}}%)',
              options
          )
}

const describeStockout = (alert: StockoutAlert, vars: Vars): string => {
    const { details } = alert
    const options = {
        ...vars,
        cases: num(details.cases),
        median: num(details.casesMedian),
        interpolation: { escapeValue: false },
    }
    switch (alert.reason) {
        case 'noStock':
            return i18n.t(
                'In {{orgUnit}}, {{commodity}} was out of stock in {{period}} while {{service}} continued ({{cases}}, usually {{median}})',
                options
            )
        case 'stockoutDays': {
            // Options built apart from the call: the string extractor cannot read a spread in it
            const withDays = { ...options, days: num(details.stockoutDays) }
            return i18n.t(
                'In {{orgUnit}}, {{commodity}} was out of stock in {{period}} (stockout days – {{days}}) while {{service}} continued ({{cases}}, usually {{median}})',
                withDays
            )
        }
        case 'stockoutRate': {
            const withRates = {
                ...options,
                rate: pct(details.stockoutRate),
                usualRate: pct(details.stockoutRateMedian),
            }
            return i18n.t(
                'In {{orgUnit}}, {{rate}}% of facilities were out of {{commodity}} in {{period}} (usually {{usualRate}}%) while {{service}} continued ({{cases}}, usually {{median}})',
                withRates
            )
        }
    }
}

const describeCompleteness = (alert: CompletenessAlert, vars: Vars): string => {
    const { details } = alert
    const options = {
        ...vars,
        rate: pct(details.rate),
        threshold: pct(details.threshold),
        points: pct(details.dropPoints),
        median: pct(details.median),
        interpolation: { escapeValue: false },
    }
    const byDrop =
        details.dropPoints !== null &&
        details.dropPoints > 0 &&
        alert.magnitude === details.dropPoints
    if (alert.report === 'hmis') {
        return byDrop
            ? i18n.t(
                  'In {{orgUnit}}, the HMIS report was {{rate}}% complete in {{period}}, {{points}} points below its usual {{median}}%',
                  options
              )
            : i18n.t(
                  'In {{orgUnit}}, the HMIS report was {{rate}}% complete in {{period}}, below {{threshold}}%',
                  options
              )
    }
    return byDrop
        ? i18n.t(
              'In {{orgUnit}}, the LMIS report was {{rate}}% complete in {{period}}, {{points}} points below its usual {{median}}%',
              options
          )
        : i18n.t(
              'In {{orgUnit}}, the LMIS report was {{rate}}% complete in {{period}}, below {{threshold}}%',
              options
          )
}

/** One sentence describing an alert, in the user's language. */
export const describeAlert = (alert: Alert, names: AlertNames): string => {
    const vars: Vars = {
        pair: names.pair,
        commodity: inSentence(names.commodity),
        service: inSentence(names.service),
        orgUnit: names.orgUnit,
        period: names.period,
    }
    switch (alert.type) {
        case 'spike':
        case 'collapse':
            return describeOutlier(alert, vars)
        case 'divergence':
            return describeDivergence(alert, vars)
        case 'stockoutWithCases':
            return describeStockout(alert, vars)
        case 'completenessDrop':
            return describeCompleteness(alert, vars)
        case 'lmisWithoutHmis':
            return i18n.t(
                '{{orgUnit}} reported LMIS data for {{pair}} in {{period}} but no HMIS data',
                asText(vars)
            )
        case 'hmisWithoutLmis':
            return i18n.t(
                '{{orgUnit}} reported HMIS data for {{pair}} in {{period}} but no LMIS data',
                asText(vars)
            )
    }
}
