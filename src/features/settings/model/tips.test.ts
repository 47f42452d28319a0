import { addTip, removeTip, setTipLocale, setTipText, tipRows } from './tips'

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
