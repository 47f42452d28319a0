import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, Modal, ModalActions, ModalContent, ModalTitle } from '@dhis2/ui'
import React from 'react'

/** Asks before a destructive action (deleting a program area or a pair, discarding changes). */
export const ConfirmModal = ({
    title,
    message,
    confirmLabel,
    onConfirm,
    onCancel,
    dataTest,
}: {
    title: string
    message: string
    confirmLabel: string
    onConfirm: () => void
    onCancel: () => void
    dataTest: string
}) => (
    <Modal small onClose={onCancel} dataTest={dataTest}>
        <ModalTitle>{title}</ModalTitle>
        <ModalContent>{message}</ModalContent>
        <ModalActions>
            <ButtonStrip end>
                <Button secondary onClick={onCancel}>
                    {i18n.t('Cancel')}
                </Button>
                <Button destructive onClick={onConfirm} dataTest={`${dataTest}-confirm`}>
                    {confirmLabel}
                </Button>
            </ButtonStrip>
        </ModalActions>
    </Modal>
)
