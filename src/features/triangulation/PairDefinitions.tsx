import React from 'react'
import { indicatorDefinitions } from '../../domain/indicators/definitions'

/**
 * The definitions of the logistics figures, in a card's "How to interpret" panel: loaded with the
 * panel's first opening, not with the view (18 translated texts), and made when shown
 */
export const PairDefinitions = ({ className }: { className: string | undefined }) => (
    <dl className={className} data-test="pair-definitions">
        {indicatorDefinitions().map((d) => (
            <React.Fragment key={d.id}>
                <dt>{d.name}</dt>
                <dd>{d.text}</dd>
            </React.Fragment>
        ))}
    </dl>
)
