import i18n from '@dhis2/d2-i18n'
import { NoticeBox } from '@dhis2/ui'
import React from 'react'
import type { OrgUnitFallback } from '../../data/use-org-unit'

/** Says that the link's org unit is not shown, why, and what is shown instead. */
export const OrgUnitFallbackNotice = ({
    fallback,
    shownName,
}: {
    fallback: OrgUnitFallback
    /** The user's own org unit, shown instead */
    shownName: string
}) => (
    <NoticeBox
        warning
        title={
            fallback.reason === 'outside'
                ? i18n.t('This link is for an org unit you do not have access to')
                : i18n.t('The org unit of this link was not found')
        }
        dataTest="ou-fallback-notice"
    >
        {fallback.reason === 'outside'
            ? i18n.t(
                  '{{name}} is outside the org units your account may see. Showing {{own}} instead.',
                  {
                      name: fallback.requestedName,
                      own: shownName,
                      interpolation: { escapeValue: false },
                  }
              )
            : i18n.t('{{name}} does not exist or cannot be read. Showing {{own}} instead.', {
                  name: fallback.requestedName,
                  own: shownName,
                  interpolation: { escapeValue: false },
              })}
    </NoticeBox>
)
