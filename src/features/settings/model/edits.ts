/**
 * Editing operations on the draft: pure functions returning a new draft, so the editor's state is
 * one `useState<Draft>` and every operation is unit-tested.
 */
import { newKey, emptyPair, type Draft, type DraftArea, type DraftPair } from './draft'

/** `Oxytocin ↔ Deliveries (PPH)` → `oxytocin-deliveries-pph` (accents removed, at most 48 chars). */
export const slugify = (name: string): string =>
    name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48)
        .replace(/-+$/g, '')

/** `base` if free, else `base-2`, `base-3`... */
export const uniqueId = (base: string, taken: ReadonlySet<string>): string => {
    const start = base === '' ? 'item' : base
    if (!taken.has(start)) return start
    for (let n = 2; ; n++) {
        const candidate = `${start}-${n}`
        if (!taken.has(candidate)) return candidate
    }
}

export const areaIds = (draft: Draft, except?: string): Set<string> =>
    new Set(draft.areas.filter((area) => area.key !== except).map((area) => area.id))

export const pairIds = (draft: Draft, except?: string): Set<string> =>
    new Set(
        draft.areas.flatMap((area) =>
            area.pairs.filter((pair) => pair.key !== except).map((pair) => pair.id)
        )
    )

const move = <T>(list: readonly T[], index: number, offset: number): T[] => {
    const target = index + offset
    if (index < 0 || target < 0 || target >= list.length) return [...list]
    const copy = [...list]
    const [item] = copy.splice(index, 1)
    copy.splice(target, 0, item as T)
    return copy
}

// Program areas ------------------------------------------------------------------------------

export const addArea = (draft: Draft, name = ''): Draft => {
    const id = uniqueId(slugify(name) || 'program-area', areaIds(draft))
    const area: DraftArea = { key: newKey('area'), autoId: true, id, name, pairs: [] }
    return { ...draft, areas: [...draft.areas, area] }
}

export const updateArea = (
    draft: Draft,
    areaKey: string,
    patch: Partial<Pick<DraftArea, 'id' | 'name'>>
): Draft => ({
    ...draft,
    areas: draft.areas.map((area) => {
        if (area.key !== areaKey) return area
        const next = { ...area, ...patch }
        if (patch.id !== undefined) {
            next.autoId = false
        } else if (patch.name !== undefined && area.autoId) {
            next.id = uniqueId(slugify(patch.name) || 'program-area', areaIds(draft, areaKey))
        }
        return next
    }),
})

export const moveArea = (draft: Draft, areaKey: string, offset: -1 | 1): Draft => ({
    ...draft,
    areas: move(
        draft.areas,
        draft.areas.findIndex((area) => area.key === areaKey),
        offset
    ),
})

export const deleteArea = (draft: Draft, areaKey: string): Draft => ({
    ...draft,
    areas: draft.areas.filter((area) => area.key !== areaKey),
})

const copyPair = (pair: DraftPair, id: string, name: string): DraftPair => ({
    ...pair,
    key: newKey('pair'),
    autoId: false,
    id,
    name,
    hmisItems: pair.hmisItems.map((item) => ({ ...item })),
    hmisDataSets: [...pair.hmisDataSets],
    lmis: {
        consumption: [...pair.lmis.consumption],
        stockOnHand: [...pair.lmis.stockOnHand],
        stockoutDays: [...pair.lmis.stockoutDays],
        losses: [...pair.lmis.losses],
        received: [...pair.lmis.received],
    },
    stockedOut: [...pair.stockedOut],
    reportingGroups: pair.reportingGroups
        ? {
              ...pair.reportingGroups,
              groups: pair.reportingGroups.groups.map((group) => ({ ...group })),
          }
        : null,
    lmisDataSets: [...pair.lmisDataSets],
    tips: pair.tips.map((tip) => ({ ...tip })),
})

/** A copy of a program area and its pairs, with new ids, right after it. */
export const duplicateArea = (draft: Draft, areaKey: string, copyName: string): Draft => {
    const index = draft.areas.findIndex((area) => area.key === areaKey)
    const source = draft.areas[index]
    if (!source) return draft
    const takenPairs = pairIds(draft)
    const pairs = source.pairs.map((pair) => {
        const id = uniqueId(`${pair.id}-copy`, takenPairs)
        takenPairs.add(id)
        return copyPair(pair, id, pair.name)
    })
    const copy: DraftArea = {
        ...(source.extra ? { extra: source.extra } : {}),
        key: newKey('area'),
        autoId: false,
        id: uniqueId(`${source.id}-copy`, areaIds(draft)),
        name: copyName,
        pairs,
    }
    const areas = [...draft.areas]
    areas.splice(index + 1, 0, copy)
    return { ...draft, areas }
}

// Pairs --------------------------------------------------------------------------------------

/** Adds an empty pair at the end of a program area; returns the draft and the new pair's key. */
export const addPair = (draft: Draft, areaKey: string): { draft: Draft; pairKey: string } => {
    const pair = emptyPair(uniqueId('pair', pairIds(draft)))
    return { draft: insertPairs(draft, areaKey, [pair]), pairKey: pair.key }
}

/** Appends pairs to a program area (ids made unique). */
export const insertPairs = (draft: Draft, areaKey: string, pairs: readonly DraftPair[]): Draft => {
    const taken = pairIds(draft)
    const unique = pairs.map((pair) => {
        const id = uniqueId(pair.id, taken)
        taken.add(id)
        return id === pair.id ? pair : { ...pair, id }
    })
    return {
        ...draft,
        areas: draft.areas.map((area) =>
            area.key === areaKey ? { ...area, pairs: [...area.pairs, ...unique] } : area
        ),
    }
}

export const findPairLocation = (
    draft: Draft,
    pairKey: string
): { area: DraftArea; areaIndex: number; pair: DraftPair; pairIndex: number } | undefined => {
    for (const [areaIndex, area] of draft.areas.entries()) {
        const pairIndex = area.pairs.findIndex((pair) => pair.key === pairKey)
        const pair = area.pairs[pairIndex]
        if (pair) return { area, areaIndex, pair, pairIndex }
    }
    return undefined
}

const mapPairs = (
    draft: Draft,
    fn: (pairs: DraftPair[], area: DraftArea) => DraftPair[]
): Draft => ({
    ...draft,
    areas: draft.areas.map((area) => {
        const pairs = fn(area.pairs, area)
        return pairs === area.pairs ? area : { ...area, pairs }
    }),
})

/** Changes a pair; a name change also renames an automatic id. */
export const updatePair = (
    draft: Draft,
    pairKey: string,
    update: (pair: DraftPair) => DraftPair
): Draft =>
    mapPairs(draft, (pairs) =>
        pairs.some((pair) => pair.key === pairKey)
            ? pairs.map((pair) => {
                  if (pair.key !== pairKey) return pair
                  const next = update(pair)
                  if (next.id !== pair.id) return { ...next, autoId: false }
                  if (next.name !== pair.name && pair.autoId) {
                      return {
                          ...next,
                          id: uniqueId(slugify(next.name) || 'pair', pairIds(draft, pairKey)),
                      }
                  }
                  return next
              })
            : pairs
    )

export const movePair = (draft: Draft, pairKey: string, offset: -1 | 1): Draft =>
    mapPairs(draft, (pairs) => {
        const index = pairs.findIndex((pair) => pair.key === pairKey)
        return index < 0 ? pairs : move(pairs, index, offset)
    })

/** Moves a pair to the end of another program area. */
export const movePairToArea = (draft: Draft, pairKey: string, areaKey: string): Draft => {
    const location = findPairLocation(draft, pairKey)
    if (!location || location.area.key === areaKey) return draft
    return {
        ...draft,
        areas: draft.areas.map((area) => {
            if (area.key === location.area.key) {
                return { ...area, pairs: area.pairs.filter((pair) => pair.key !== pairKey) }
            }
            if (area.key === areaKey) return { ...area, pairs: [...area.pairs, location.pair] }
            return area
        }),
    }
}

export const deletePair = (draft: Draft, pairKey: string): Draft =>
    mapPairs(draft, (pairs) =>
        pairs.some((pair) => pair.key === pairKey)
            ? pairs.filter((pair) => pair.key !== pairKey)
            : pairs
    )

/** A copy of a pair right after it, with a new id; returns the draft and the copy's key. */
export const duplicatePair = (
    draft: Draft,
    pairKey: string,
    copyName: string
): { draft: Draft; pairKey: string } => {
    const location = findPairLocation(draft, pairKey)
    if (!location) return { draft, pairKey }
    const copy = copyPair(
        location.pair,
        uniqueId(`${location.pair.id}-copy`, pairIds(draft)),
        copyName
    )
    return {
        draft: mapPairs(draft, (pairs, area) => {
            if (area.key !== location.area.key) return pairs
            const next = [...pairs]
            next.splice(location.pairIndex + 1, 0, copy)
            return next
        }),
        pairKey: copy.key,
    }
}
