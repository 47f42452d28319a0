// @vitest-environment jsdom
/**
 * How long the mapping editor's pair form takes to appear with many tip languages (jsdom: React
 * work only, no layout). Not part of the test suite: run with
 * `npx vitest run -c bench/measure/vitest.config.ts`.
 */
import { CustomDataProvider } from '@dhis2/app-runtime'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { describe, it } from 'vitest'
import React from 'react'
import { PairEditor } from '../../src/features/settings/components/PairEditor'
import { jsonToDraft } from '../../src/features/settings/model/draft'
import {
    indexIssues,
    summarizeIssues,
    validateDraft,
} from '../../src/features/settings/model/issues'
import { pairWarnings } from '../../src/features/settings/model/warnings'

const configWithTips = (languages: number) => ({
    version: 1,
    programAreas: [
        {
            id: 'mnh',
            name: 'Maternal',
            pairs: [
                {
                    id: 'oxytocin',
                    name: 'Oxytocin',
                    commodity: { name: 'Oxytocin' },
                    hmis: { items: [{ id: 'abcdefghijk' }] },
                    lmis: { consumption: 'bcdefghijkl' },
                    tips: Object.fromEntries(
                        Array.from({ length: languages }, (_, i) => [
                            `l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}_${String(i).padStart(4, '0')}`,
                            `Tip number ${i}: given at every birth; compare with deliveries.`,
                        ])
                    ),
                },
            ],
        },
    ],
})

describe.each([500, 5000])('a pair with %i tip languages', (languages) => {
    it('renders', () => {
        const started = performance.now()
        const draft = jsonToDraft(configWithTips(languages))
        const issues = validateDraft(draft)
        const index = indexIssues(issues)
        summarizeIssues(draft, issues)
        const pair = draft.areas[0]!.pairs[0]!
        const warnings = pairWarnings(pair, { items: new Map(), checked: new Set() })
        const model = performance.now()
        const { container } = render(
            <CustomDataProvider data={{}}>
                <QueryClientProvider client={new QueryClient()}>
                    <PairEditor
                        pair={pair}
                        areaIndex={0}
                        pairIndex={0}
                        issues={index}
                        warnings={warnings}
                        lookup={{ items: new Map(), checked: new Set() }}
                        remember={() => undefined}
                        onChange={() => undefined}
                    />
                </QueryClientProvider>
            </CustomDataProvider>
        )
        const done = performance.now()
        const fields = container.querySelectorAll('textarea').length
        console.log(
            `${languages} languages: model ${Math.round(model - started)} ms, render ${Math.round(done - model)} ms, ${fields} text areas, ${issues.length} issues`
        )
    }, 600_000)
})
