import i18n from '@dhis2/d2-i18n'
import { Tag } from '@dhis2/ui'
import React from 'react'
import type { Tier } from '../../domain/alerts/tiers'
import { tierLabel } from './alert-view'

/** An entry's rank ("#3") and its tier as a tag (extreme in red), in the list and the dashboard item */
export const EntryBadges = ({
    rank,
    tier,
    rankClassName,
    rankDataTest,
    tierDataTest,
}: {
    rank: number
    tier: Tier
    rankClassName?: string
    rankDataTest?: string
    tierDataTest: string
}) => (
    <>
        <span className={rankClassName} data-test={rankDataTest}>
            {i18n.t('#{{rank}}', { rank: String(rank) })}
        </span>
        <Tag
            {...(tier === 'extreme' ? { negative: true } : { neutral: true })}
            dataTest={tierDataTest}
        >
            {tierLabel(tier)}
        </Tag>
    </>
)
