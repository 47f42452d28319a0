import React from 'react'
import classes from '../SettingsPage.module.css'

/** Errors (block saving) and warnings (advice) of one field, as plain text. */
export const FieldMessages = ({
    errors = [],
    warnings = [],
    dataTest,
}: {
    errors?: readonly string[]
    warnings?: readonly string[]
    dataTest?: string
}) =>
    errors.length + warnings.length === 0 ? null : (
        <ul className={classes.messages} data-test={dataTest}>
            {errors.map((message) => (
                <li key={`e:${message}`} className={classes.error} data-test="settings-field-error">
                    {message}
                </li>
            ))}
            {warnings.map((message) => (
                <li
                    key={`w:${message}`}
                    className={classes.warning}
                    data-test="settings-field-warning"
                >
                    {message}
                </li>
            ))}
        </ul>
    )

/** First message of a field, for `validationText` of an input. */
export const fieldProps = (errors: readonly string[], warnings: readonly string[] = []) => {
    if (errors.length) return { error: true, validationText: errors.join(' ') }
    if (warnings.length) return { warning: true, validationText: warnings.join(' ') }
    return {}
}
