/**
 * For tests: an analytics response header as DHIS2 writes it, the `value` column a number and
 * every dimension column text.
 */
export const analyticsHeader = (name: string) => ({
    name,
    column: name,
    valueType: name === 'value' ? 'NUMBER' : 'TEXT',
    type: name === 'value' ? 'java.lang.Double' : 'java.lang.String',
    hidden: false,
    meta: name !== 'value',
})
