/**
 * A readable summary of what differs between two configurations: program areas and pairs added,
 * removed or changed, named as the admin knows them. Used when someone else saved while the admin
 * was editing ("Reload theirs" / "Overwrite with mine").
 */
import i18n from '@dhis2/d2-i18n'
import { draftPairToJson, extraOf, jsonEqual, jsonToDraft, type DraftPair } from './draft'

export type PairChange =
    'name' | 'commodity' | 'hmis' | 'lmis' | 'ratio' | 'tips' | 'thresholds' | 'other'

export interface NamedPair {
    id: string
    name: string
    area: string
}

export interface ConfigDiff {
    areasAdded: string[]
    areasRemoved: string[]
    areasRenamed: { from: string; to: string }[]
    pairsAdded: NamedPair[]
    pairsRemoved: NamedPair[]
    pairsChanged: (NamedPair & { changes: PairChange[]; movedFrom?: string })[]
    /** Same areas and pairs, in another order */
    reordered: boolean
}

const label = (name: string, id: string): string => (name.trim() === '' ? id : name)

const CHANGE_PARTS: Record<PairChange, (json: Record<string, unknown>) => unknown> = {
    name: (json) => json.name,
    commodity: (json) => json.commodity,
    hmis: (json) => json.hmis,
    lmis: (json) => json.lmis,
    ratio: (json) => json.ratio,
    tips: (json) => json.tips,
    thresholds: (json) => json.thresholds,
    // Fields the editor does not know (kept, not edited here)
    other: (json) =>
        extraOf(json, ['id', 'name', 'commodity', 'hmis', 'lmis', 'ratio', 'tips', 'thresholds']),
}

const pairChanges = (before: DraftPair, after: DraftPair): PairChange[] => {
    const a = draftPairToJson(before)
    const b = draftPairToJson(after)
    return (Object.keys(CHANGE_PARTS) as PairChange[]).filter(
        (part) => !jsonEqual(CHANGE_PARTS[part](a), CHANGE_PARTS[part](b))
    )
}

/** What changed from `before` to `after` (both stored JSON, valid or not). */
export const diffConfigs = (before: unknown, after: unknown): ConfigDiff => {
    const a = jsonToDraft(before)
    const b = jsonToDraft(after)
    const areasA = new Map(a.areas.map((area) => [area.id, area]))
    const areasB = new Map(b.areas.map((area) => [area.id, area]))
    const pairsA = new Map(
        a.areas.flatMap((area) => area.pairs.map((pair) => [pair.id, { pair, area }] as const))
    )
    const pairsB = new Map(
        b.areas.flatMap((area) => area.pairs.map((pair) => [pair.id, { pair, area }] as const))
    )
    const diff: ConfigDiff = {
        areasAdded: b.areas.filter((area) => !areasA.has(area.id)).map((x) => label(x.name, x.id)),
        areasRemoved: a.areas
            .filter((area) => !areasB.has(area.id))
            .map((x) => label(x.name, x.id)),
        areasRenamed: b.areas.flatMap((area) => {
            const old = areasA.get(area.id)
            return old && old.name !== area.name ? [{ from: old.name, to: area.name }] : []
        }),
        pairsAdded: [],
        pairsRemoved: [],
        pairsChanged: [],
        reordered: false,
    }
    for (const [id, { pair, area }] of pairsB) {
        const old = pairsA.get(id)
        const named = { id, name: label(pair.name, id), area: label(area.name, area.id) }
        if (!old) {
            diff.pairsAdded.push(named)
            continue
        }
        const changes = pairChanges(old.pair, pair)
        const moved = old.area.id !== area.id
        if (changes.length || moved) {
            diff.pairsChanged.push({
                ...named,
                changes,
                ...(moved ? { movedFrom: label(old.area.name, old.area.id) } : {}),
            })
        }
    }
    for (const [id, { pair, area }] of pairsA) {
        if (!pairsB.has(id)) {
            diff.pairsRemoved.push({
                id,
                name: label(pair.name, id),
                area: label(area.name, area.id),
            })
        }
    }
    const order = (draft: typeof a) =>
        draft.areas.map((area) => [area.id, area.pairs.map((pair) => pair.id)])
    diff.reordered =
        !jsonEqual(order(a), order(b)) &&
        diff.areasAdded.length === 0 &&
        diff.areasRemoved.length === 0 &&
        diff.pairsAdded.length === 0 &&
        diff.pairsRemoved.length === 0 &&
        diff.pairsChanged.every((pair) => pair.movedFrom === undefined)
    return diff
}

export const isEmptyDiff = (diff: ConfigDiff): boolean =>
    diff.areasAdded.length === 0 &&
    diff.areasRemoved.length === 0 &&
    diff.areasRenamed.length === 0 &&
    diff.pairsAdded.length === 0 &&
    diff.pairsRemoved.length === 0 &&
    diff.pairsChanged.length === 0 &&
    !diff.reordered

const changeLabel = (change: PairChange): string => {
    switch (change) {
        case 'name':
            return i18n.t('name')
        case 'commodity':
            return i18n.t('commodity')
        case 'hmis':
            return i18n.t('HMIS items')
        case 'lmis':
            return i18n.t('LMIS items')
        case 'ratio':
            return i18n.t('consumption per case')
        case 'tips':
            return i18n.t('tips')
        case 'thresholds':
            return i18n.t('thresholds')
        case 'other':
            return i18n.t('other fields')
    }
}

/** The diff as translated lines of plain text, one per change. */
export const describeDiff = (diff: ConfigDiff): string[] => [
    ...diff.areasAdded.map((name) =>
        i18n.t('Program area added – {{name}}', { name, interpolation: { escapeValue: false } })
    ),
    ...diff.areasRemoved.map((name) =>
        i18n.t('Program area removed – {{name}}', { name, interpolation: { escapeValue: false } })
    ),
    ...diff.areasRenamed.map(({ from, to }) =>
        i18n.t('Program area renamed – {{from}} → {{to}}', {
            from,
            to,
            interpolation: { escapeValue: false },
        })
    ),
    ...diff.pairsAdded.map((pair) =>
        i18n.t('Pair added – {{name}} ({{area}})', {
            name: pair.name,
            area: pair.area,
            interpolation: { escapeValue: false },
        })
    ),
    ...diff.pairsRemoved.map((pair) =>
        i18n.t('Pair removed – {{name}} ({{area}})', {
            name: pair.name,
            area: pair.area,
            interpolation: { escapeValue: false },
        })
    ),
    ...diff.pairsChanged.map((pair) => {
        const parts = pair.changes.map(changeLabel)
        if (pair.movedFrom !== undefined) {
            parts.push(
                i18n.t('moved from {{area}}', {
                    area: pair.movedFrom,
                    interpolation: { escapeValue: false },
                })
            )
        }
        return i18n.t('Pair changed – {{name}} ({{changes}})', {
            name: pair.name,
            changes: parts.join(', '),
            interpolation: { escapeValue: false },
        })
    }),
    ...(diff.reordered ? [i18n.t('Program areas or pairs reordered')] : []),
]
