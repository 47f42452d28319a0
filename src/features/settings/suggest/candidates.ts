/**
 * Fetching the instance's aggregate data elements for the starter mapping, in one request, with
 * their data sets and disaggregations.
 */
import type { DataEngine, QueryParams } from '../../../data/engine'
import type { SuggestCandidate } from './match'

export const CANDIDATE_PAGE_SIZE = 1000

export const candidateParams = (page: number): QueryParams => ({
    fields: 'id,code,displayName,shortName,formName,aggregationType,dataSetElements[dataSet[id,periodType]],categoryCombo[isDefault,categoryOptionCombos[id,displayName]]',
    filter: ['domainType:eq:AGGREGATE'],
    order: 'id:asc',
    pageSize: CANDIDATE_PAGE_SIZE,
    page,
})

/** Number of pages of a list response (1 when it says nothing). */
export const pageCountOf = (response: unknown): number => {
    const pager = isRecord(response) && isRecord(response.pager) ? response.pager : undefined
    return typeof pager?.pageCount === 'number' ? pager.pageCount : 1
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const str = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined

/** A `dataElements` list response as candidates. */
export const parseCandidates = (response: unknown): SuggestCandidate[] => {
    const list =
        isRecord(response) && Array.isArray(response.dataElements) ? response.dataElements : []
    return list.flatMap((raw: unknown): SuggestCandidate[] => {
        if (!isRecord(raw)) return []
        const id = str(raw.id)
        const name = str(raw.displayName) ?? str(raw.name)
        if (!id || !name) return []
        const dataSets = (Array.isArray(raw.dataSetElements) ? raw.dataSetElements : [])
            .map((link: unknown) =>
                isRecord(link) && isRecord(link.dataSet) ? link.dataSet : undefined
            )
            .filter((dataSet): dataSet is Record<string, unknown> => Boolean(str(dataSet?.id)))
            .map((dataSet) => ({
                id: str(dataSet.id) as string,
                periodType: str(dataSet.periodType) ?? '',
            }))
        const combo = isRecord(raw.categoryCombo) ? raw.categoryCombo : {}
        const cocs =
            combo.isDefault === true || !Array.isArray(combo.categoryOptionCombos)
                ? []
                : combo.categoryOptionCombos
                      .filter(isRecord)
                      .map((coc) => ({
                          id: str(coc.id) ?? '',
                          name: str(coc.displayName) ?? str(coc.name) ?? '',
                      }))
                      .filter((coc) => coc.id !== '' && coc.name !== '' && coc.name !== 'default')
        const shortName = str(raw.shortName)
        const formName = str(raw.formName)
        const code = str(raw.code)
        const aggregationType = str(raw.aggregationType)
        return [
            {
                id,
                name,
                ...(code ? { code } : {}),
                ...(shortName ? { shortName } : {}),
                ...(formName ? { formName } : {}),
                ...(aggregationType ? { aggregationType } : {}),
                dataSets,
                ...(cocs.length ? { categoryOptionCombos: cocs } : {}),
            },
        ]
    })
}

/** Every aggregate data element, page by page. */
export const fetchCandidates = async (
    engine: DataEngine,
    signal?: AbortSignal
): Promise<SuggestCandidate[]> => {
    const candidates: SuggestCandidate[] = []
    for (let page = 1; ; page++) {
        const result = await engine.query(
            {
                result: {
                    resource: 'dataElements',
                    params: candidateParams(page) as Record<string, string>,
                },
            },
            signal ? { signal } : {}
        )
        candidates.push(...parseCandidates(result.result))
        if (page >= pageCountOf(result.result)) return candidates
    }
}
