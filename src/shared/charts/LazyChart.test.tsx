/** @vitest-environment jsdom */
import { act, cleanup, render, screen } from '@testing-library/react'
import React from 'react'
import { Chart, loadChart } from './LazyChart'

const options = {
    title: { text: 'Deliveries' },
    series: [{ type: 'line' as const, data: [1, 2, 3] }],
}

afterEach(cleanup)

/** The chart's box, found as the app's tests do (`data-test`) */
const box = (name: string) => {
    const element = document.querySelector<HTMLElement>(`[data-test="${name}"]`)
    if (!element) throw new Error(`no ${name}`)
    return element
}

describe('the chart with Highcharts loaded on demand', () => {
    it('shows a placeholder of the chart’s size until Highcharts is loaded, then the chart', async () => {
        render(<Chart options={options} height={240} dataTest="chart-a" />)
        expect(box('chart-a').style.height).toBe('240px')
        expect(box('chart-a').querySelector('[data-test="chart-placeholder"]')).not.toBeNull()
        await act(() => loadChart())
        await screen.findByText('Deliveries', { selector: 'text, tspan' })
    })

    it('once loaded, draws the chart in its first render (no placeholder, no suspending)', async () => {
        await loadChart()
        render(<Chart options={options} height={240} dataTest="chart-b" />)
        expect(box('chart-b').querySelector('[data-test="chart-placeholder"]')).toBeNull()
        expect(box('chart-b').querySelector('.highcharts-root')).not.toBeNull()
    })
})
