import { escapeHtml, escapeText } from './text'

describe('escapeHtml', () => {
    it('escapes markup so that it is shown as text', () => {
        expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe(
            '&lt;img src=x onerror=alert(1)&gt;'
        )
        expect(escapeHtml(`Tom & "Jerry's" <b>`)).toBe(
            'Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;'
        )
    })

    it('leaves plain text and non-ASCII names unchanged', () => {
        expect(escapeHtml('Sierra Leone / Bo')).toBe('Sierra Leone / Bo')
        expect(escapeHtml('Ségou – Région')).toBe('Ségou – Région')
        expect(escapeHtml('')).toBe('')
    })

    it('escapes an ampersand once (no double escaping of its own output)', () => {
        expect(escapeHtml('&lt;')).toBe('&amp;lt;')
    })
})

describe('escapeText', () => {
    it('turns missing values into an empty string and numbers into text', () => {
        expect(escapeText(null)).toBe('')
        expect(escapeText(undefined)).toBe('')
        expect(escapeText(12)).toBe('12')
        expect(escapeText('<b>')).toBe('&lt;b&gt;')
    })
})
