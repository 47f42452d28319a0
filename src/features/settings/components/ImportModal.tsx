import i18n from '@dhis2/d2-i18n'
import {
    Button,
    ButtonStrip,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    NoticeBox,
} from '@dhis2/ui'
import React from 'react'
import type { ImportReport } from '../model/import-report'
import classes from '../SettingsPage.module.css'

/** What an imported file holds, pair by pair, before it replaces the draft. */
export const ImportModal = ({
    fileName,
    report,
    onAcceptValid,
    onImportAll,
    onCancel,
}: {
    fileName: string
    report: ImportReport
    onAcceptValid: () => void
    onImportAll: () => void
    onCancel: () => void
}) => {
    const usable = report.fatal.length === 0 && report.config !== null
    return (
        <Modal large onClose={onCancel} dataTest="settings-import-modal">
            <ModalTitle>
                {i18n.t('Import {{file}}', {
                    file: fileName,
                    interpolation: { escapeValue: false },
                })}
            </ModalTitle>
            <ModalContent>
                {report.fatal.length > 0 && (
                    <NoticeBox error title={i18n.t('This file cannot be imported')}>
                        <ul className={classes.diffList}>
                            {report.fatal.map((message, index) => (
                                <li key={index}>{message}</li>
                            ))}
                        </ul>
                    </NoticeBox>
                )}
                {report.migratedFrom !== null && (
                    <p>
                        {i18n.t(
                            'The file was saved by an older version of the app (configuration version {{version}}); it was updated.',
                            {
                                version: String(report.migratedFrom),
                                interpolation: { escapeValue: false },
                            }
                        )}
                    </p>
                )}
                {usable && (
                    <>
                        <h4 className={classes.sectionTitle}>
                            {i18n.t('Accepted pairs – {{number}}', {
                                number: String(report.accepted.length),
                                interpolation: { escapeValue: false },
                            })}
                        </h4>
                        <ul className={classes.diffList} data-test="settings-import-accepted">
                            {report.accepted.map((pair) => (
                                <li key={pair.path}>
                                    {pair.area ? `${pair.area} › ${pair.name}` : pair.name}
                                </li>
                            ))}
                        </ul>
                        <h4 className={classes.sectionTitle}>
                            {i18n.t('Rejected pairs – {{number}}', {
                                number: String(report.rejected.length),
                                interpolation: { escapeValue: false },
                            })}
                        </h4>
                        <ul className={classes.diffList} data-test="settings-import-rejected">
                            {report.rejected.map((pair) => (
                                <li key={pair.path}>
                                    {pair.area ? `${pair.area} › ${pair.name}` : pair.name}
                                    <ul>
                                        {pair.reasons.map((reason, index) => (
                                            <li key={index} className={classes.error}>
                                                {reason}
                                            </li>
                                        ))}
                                    </ul>
                                </li>
                            ))}
                        </ul>
                        {report.otherProblems.length > 0 && (
                            <>
                                <h4 className={classes.sectionTitle}>{i18n.t('Other problems')}</h4>
                                <ul className={classes.diffList}>
                                    {report.otherProblems.map((message, index) => (
                                        <li key={index} className={classes.error}>
                                            {message}
                                        </li>
                                    ))}
                                </ul>
                            </>
                        )}
                        <p className={classes.help}>
                            {i18n.t(
                                'Importing replaces the mapping in the editor. Nothing is saved to the server until you save.'
                            )}
                        </p>
                    </>
                )}
            </ModalContent>
            <ModalActions>
                <ButtonStrip end>
                    <Button secondary onClick={onCancel} dataTest="settings-import-cancel">
                        {i18n.t('Cancel')}
                    </Button>
                    {usable && (report.rejected.length > 0 || report.otherProblems.length > 0) && (
                        <Button onClick={onImportAll} dataTest="settings-import-all">
                            {i18n.t('Import everything and fix it in the editor')}
                        </Button>
                    )}
                    {usable && (
                        <Button
                            primary
                            disabled={report.accepted.length === 0}
                            onClick={onAcceptValid}
                            dataTest="settings-import-accept"
                        >
                            {i18n.t('Replace with the accepted pairs')}
                        </Button>
                    )}
                </ButtonStrip>
            </ModalActions>
        </Modal>
    )
}
