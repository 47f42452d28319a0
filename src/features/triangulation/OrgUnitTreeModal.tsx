import i18n from '@dhis2/d2-i18n'
import {
    Button,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    OrganisationUnitTree,
} from '@dhis2/ui'
import React from 'react'

/** The org unit tree in a modal, from the user's data-view roots (see `OrgUnitPicker`). */
export const OrgUnitTreeModal = ({
    roots,
    rootPaths,
    selectedPath,
    onSelect,
    onClose,
}: {
    roots: string[]
    rootPaths: string[]
    selectedPath?: string
    onSelect: (id: string) => void
    onClose: () => void
}) => (
    <Modal onClose={onClose} position="middle" dataTest="orgunit-picker">
        <ModalTitle>{i18n.t('Choose an org unit')}</ModalTitle>
        <ModalContent>
            <OrganisationUnitTree
                roots={roots}
                singleSelection
                initiallyExpanded={
                    selectedPath ? [selectedPath.split('/').slice(0, -1).join('/')] : rootPaths
                }
                selected={selectedPath ? [selectedPath] : []}
                onChange={({ id }: { id: string }) => onSelect(id)}
            />
        </ModalContent>
        <ModalActions>
            <Button onClick={onClose}>{i18n.t('Cancel')}</Button>
        </ModalActions>
    </Modal>
)
