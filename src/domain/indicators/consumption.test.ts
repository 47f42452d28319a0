import {
    adjustConsumptionForStockouts,
    amcSeries,
    averageMonthlyConsumption,
    monthsOfStock,
    stockStatus,
} from './index'

describe('adjustConsumptionForStockouts (OpenLMIS)', () => {
    it('scales consumption up to the days in stock', () => {
        expect(adjustConsumptionForStockouts(20, 5, 90)).toBeCloseTo(21.176, 3) // OpenLMIS rounds up to 22
        expect(adjustConsumptionForStockouts(60, 15)).toBe(120)
    })

    it('leaves consumption alone without stockout days or when out of stock all period', () => {
        expect(adjustConsumptionForStockouts(20, 0)).toBe(20)
        expect(adjustConsumptionForStockouts(20, null)).toBe(20)
        expect(adjustConsumptionForStockouts(20, 30)).toBe(20)
        expect(adjustConsumptionForStockouts(20, 45)).toBe(20)
        expect(adjustConsumptionForStockouts(0, 10)).toBe(0)
    })
})

describe('averageMonthlyConsumption', () => {
    it('averages the last 3 months, the current one included', () => {
        expect(averageMonthlyConsumption([100, 10, 20, 30])).toEqual({
            value: 20,
            monthsUsed: 3,
            adjusted: false,
        })
    })

    it('leaves out months without a value and says how many were used', () => {
        expect(averageMonthlyConsumption([10, null, 30])).toEqual({
            value: 20,
            monthsUsed: 2,
            adjusted: false,
        })
        expect(averageMonthlyConsumption([null, undefined])).toEqual({
            value: null,
            monthsUsed: 0,
            adjusted: false,
        })
        expect(averageMonthlyConsumption([])).toEqual({
            value: null,
            monthsUsed: 0,
            adjusted: false,
        })
    })

    it('counts zeros as consumption', () => {
        expect(averageMonthlyConsumption([0, 0, 30]).value).toBe(10)
    })

    it('adjusts each month for its stockout days when given', () => {
        const result = averageMonthlyConsumption([30, 30, 15], { stockoutDays: [0, 0, 15] })
        expect(result).toEqual({ value: 30, monthsUsed: 3, adjusted: true })
    })

    it('computes a rolling series', () => {
        expect(amcSeries([30, 60, 90, 120]).map((result) => result.value)).toEqual([30, 45, 60, 90])
    })
})

describe('monthsOfStock and stockStatus', () => {
    it('divides stock on hand by AMC, null when AMC is 0 or unknown', () => {
        expect(monthsOfStock(90, 30)).toBe(3)
        expect(monthsOfStock(0, 30)).toBe(0)
        expect(monthsOfStock(90, 0)).toBeNull()
        expect(monthsOfStock(90, null)).toBeNull()
        expect(monthsOfStock(null, 30)).toBeNull()
    })

    it('classifies in the OpenLMIS bands', () => {
        expect(stockStatus(0, 0)).toBe('STOCKED_OUT')
        expect(stockStatus(0, null)).toBe('STOCKED_OUT')
        expect(stockStatus(10, 2.9)).toBe('UNDERSTOCKED')
        expect(stockStatus(10, 3)).toBe('ADEQUATE')
        expect(stockStatus(10, 6)).toBe('ADEQUATE')
        expect(stockStatus(10, 6.1)).toBe('OVERSTOCKED')
        expect(stockStatus(10, null)).toBe('UNKNOWN')
        expect(stockStatus(10, 5, { min: 1, max: 4 })).toBe('OVERSTOCKED')
    })
})
