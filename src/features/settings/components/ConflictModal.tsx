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
import React, { useMemo } from 'react'
import type { StoredConfigEntry } from '../api/config-store'
import { formatServerTime } from '../format'
import type { BasedOn } from '../hooks/use-mapping-editor'
import { describeDiff, diffConfigs } from '../model/diff'
import type { ConfigJson } from '../model/draft'
import classes from '../SettingsPage.module.css'

const DiffList = ({ lines, dataTest }: { lines: string[]; dataTest: string }) =>
    lines.length === 0 ? (
        <p className={classes.help}>{i18n.t('No differences')}</p>
    ) : (
        <ul className={classes.diffList} data-test={dataTest}>
            {lines.map((line, index) => (
                <li key={index}>{line}</li>
            ))}
        </ul>
    )

/**
 * Someone else saved the mapping while this admin was editing: show what they changed and what
 * overwriting would change, and let the admin choose.
 */
export const ConflictModal = ({
    remote,
    reason = 'changed',
    basedOn,
    mine,
    saving,
    onReloadTheirs,
    onOverwrite,
    onExportMine,
    onCancel,
}: {
    remote: StoredConfigEntry
    /** `concurrent`: they saved at the same moment; `overwritten`: just after this save */
    reason?: 'changed' | 'concurrent' | 'overwritten'
    basedOn: BasedOn
    mine: ConfigJson
    saving: boolean
    onReloadTheirs: () => void
    onOverwrite: () => void
    onExportMine: () => void
    onCancel: () => void
}) => {
    const theirChanges = useMemo(
        () =>
            basedOn.exists && basedOn.value !== null
                ? describeDiff(diffConfigs(basedOn.value, remote.value))
                : null,
        [basedOn, remote]
    )
    const myChanges = useMemo(
        () =>
            basedOn.exists && basedOn.value !== null
                ? describeDiff(diffConfigs(basedOn.value, mine))
                : null,
        [basedOn, mine]
    )
    const overwriteChanges = useMemo(
        () => describeDiff(diffConfigs(remote.exists ? remote.value : null, mine)),
        [remote, mine]
    )
    const who = remote.lastUpdatedBy ?? i18n.t('Someone')
    return (
        <Modal large onClose={onCancel} dataTest="settings-conflict-modal">
            <ModalTitle>{i18n.t('The mapping was changed by someone else')}</ModalTitle>
            <ModalContent>
                <p data-test="settings-conflict-reason">
                    {!remote.exists
                        ? i18n.t(
                              'The mapping was deleted from the server while you were editing it.'
                          )
                        : reason === 'concurrent'
                          ? i18n.t(
                                '{{who}} saved the mapping at the same moment as you ({{time}}). Your version was not saved. Choose which version to keep.',
                                {
                                    who,
                                    time: formatServerTime(remote.lastUpdated),
                                    interpolation: { escapeValue: false },
                                }
                            )
                          : reason === 'overwritten'
                            ? i18n.t(
                                  '{{who}} saved the mapping right after you ({{time}}) and replaced your version. Choose which version to keep.',
                                  {
                                      who,
                                      time: formatServerTime(remote.lastUpdated),
                                      interpolation: { escapeValue: false },
                                  }
                              )
                            : i18n.t(
                                  '{{who}} saved the mapping ({{time}}) while you were editing it. Choose which version to keep.',
                                  {
                                      who,
                                      time: formatServerTime(remote.lastUpdated),
                                      interpolation: { escapeValue: false },
                                  }
                              )}{' '}
                    {i18n.t('Your changes are still here, kept in this browser.')}
                </p>
                {theirChanges !== null && (
                    <>
                        <h4 className={classes.sectionTitle}>
                            {i18n.t('What they changed since you started')}
                        </h4>
                        <DiffList lines={theirChanges} dataTest="settings-conflict-theirs" />
                    </>
                )}
                {myChanges !== null && (
                    <>
                        <h4 className={classes.sectionTitle}>
                            {i18n.t('What you changed since you started')}
                        </h4>
                        <DiffList lines={myChanges} dataTest="settings-conflict-yours" />
                    </>
                )}
                <h4 className={classes.sectionTitle}>
                    {i18n.t('What overwriting with yours would change in theirs')}
                </h4>
                <DiffList lines={overwriteChanges} dataTest="settings-conflict-mine" />
                <NoticeBox warning title={i18n.t('Reloading theirs discards your changes')}>
                    {i18n.t('Export your version to a file first to keep a copy.')}
                </NoticeBox>
            </ModalContent>
            <ModalActions>
                <ButtonStrip end>
                    <Button secondary onClick={onCancel} dataTest="settings-conflict-cancel">
                        {i18n.t('Cancel')}
                    </Button>
                    <Button secondary onClick={onExportMine} dataTest="settings-conflict-export">
                        {i18n.t('Export mine')}
                    </Button>
                    <Button onClick={onReloadTheirs} dataTest="settings-conflict-reload">
                        {i18n.t('Reload theirs')}
                    </Button>
                    <Button
                        primary
                        loading={saving}
                        onClick={onOverwrite}
                        dataTest="settings-conflict-overwrite"
                    >
                        {i18n.t('Overwrite with mine')}
                    </Button>
                </ButtonStrip>
            </ModalActions>
        </Modal>
    )
}
