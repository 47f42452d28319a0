import i18n from '@dhis2/d2-i18n'

/** How many org unit names a combined selection's line lists before "and N more" */
const NAMED = 4

/** A short name of the sum of several org units (chart titles, file names). */
export const combinedOrgUnitsName = (names: readonly string[]): string =>
    names.length === 1
        ? (names[0] as string)
        : names.length <= 2
          ? names.join(', ')
          : i18n.t('{{count}} org units', { count: names.length })

/** What a combined selection shows, in words: the filter and the org units DHIS2 summed. */
export const combinedOrgUnitsText = (
    filterLabel: string,
    names: readonly string[],
    /** How many names before "and N more" (more in the line's tooltip) */
    named = NAMED
): string => {
    const listed = names.slice(0, named).join(', ')
    const list =
        names.length > named
            ? i18n.t('{{names}} and {{count}} more', {
                  names: listed,
                  count: names.length - named,
                  interpolation: { escapeValue: false },
              })
            : listed
    return i18n.t('Dashboard filter {{filter}} – the sum of {{count}} org units – {{list}}', {
        filter: filterLabel,
        count: names.length,
        list,
        interpolation: { escapeValue: false },
    })
}
