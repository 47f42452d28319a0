import {
    addTip,
    removeTip,
    setTipLocale,
    setTipText,
    TIP_PAGE,
    TIP_PREVIEW,
    tipPreview,
    tipRows,
    visibleTipRows,
} from './tips'

describe('tips', () => {
    it('always offers English, French and Swahili, then the other languages', () => {
        const rows = tipRows([
            { locale: 'pt_BR', text: 'Dica' },
            { locale: 'fr', text: 'Conseil' },
        ])
        expect(rows.map((row) => [row.locale, row.text, row.index, row.fixed])).toEqual([
            ['en', '', -1, true],
            ['fr', 'Conseil', 1, true],
            ['sw', '', -1, true],
            ['pt_BR', 'Dica', 0, false],
        ])
    })

    it('adds a tip when text is typed for a language without one', () => {
        const rows = tipRows([])
        const tips = setTipText([], rows[2] ?? rows[0]!, 'Ushauri')
        expect(tips).toEqual([{ locale: 'sw', text: 'Ushauri' }])
        const updated = setTipText(tips, tipRows(tips)[2]!, 'Ushauri mpya')
        expect(updated).toEqual([{ locale: 'sw', text: 'Ushauri mpya' }])
    })

    it('adds, renames and removes other languages', () => {
        let tips = addTip([{ locale: 'en', text: 'Tip' }])
        tips = setTipLocale(tips, 1, 'ar')
        expect(tips).toEqual([
            { locale: 'en', text: 'Tip' },
            { locale: 'ar', text: '' },
        ])
        expect(removeTip(tips, 0)).toEqual([{ locale: 'ar', text: '' }])
    })
})

describe('showing many tip languages', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
        locale: `x${String(i).padStart(3, '0')}`,
        text: `Tip ${i}`,
    }))
    const withDefaults = [{ locale: 'en', text: 'English' }, ...many]

    it('opens the default languages, lists a page of the others closed, and counts the rest', () => {
        const { rows, hidden } = visibleTipRows(tipRows(withDefaults), {
            open: new Set(),
            shown: TIP_PAGE,
        })
        expect(rows.filter((row) => row.open).map((row) => row.locale)).toEqual(['en', 'fr', 'sw'])
        expect(rows.filter((row) => !row.open)).toHaveLength(TIP_PAGE)
        expect(hidden).toBe(500 - TIP_PAGE)
    })

    it('keeps open what is opened or has a problem, and new rows without a language', () => {
        const rows = tipRows([...withDefaults, { locale: '', text: '' }])
        const { rows: shown, hidden } = visibleTipRows(rows, {
            open: new Set([300]),
            shown: 0,
            withIssues: new Set([400]),
        })
        expect(shown.filter((row) => !row.fixed).map((row) => row.index)).toEqual([300, 400, 501])
        expect(shown.every((row) => row.open)).toBe(true)
        expect(hidden).toBe(498)
    })

    it('previews a tip on one line', () => {
        expect(tipPreview('Given at\nevery   birth')).toBe('Given at every birth')
        expect(tipPreview('x'.repeat(200))).toHaveLength(TIP_PREVIEW)
    })
})
