import i18n from '@dhis2/d2-i18n'
import {
    Button,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    OrganisationUnitTree,
} from '@dhis2/ui'
import React, { useState } from 'react'

/** Org unit selection starting at the user's data-view roots: the tree never offers more. */
export const OrgUnitPicker = ({
    roots,
    rootPaths,
    selectedName,
    selectedPath,
    onSelect,
}: {
    roots: string[]
    rootPaths: string[]
    selectedName: string
    selectedPath?: string
    onSelect: (id: string) => void
}) => {
    const [open, setOpen] = useState(false)
    return (
        <>
            <Button onClick={() => setOpen(true)} dataTest="orgunit-picker-button">
                {i18n.t('Org unit – {{name}}', {
                    name: selectedName,
                    interpolation: { escapeValue: false },
                })}
            </Button>
            {open && (
                <Modal onClose={() => setOpen(false)} position="middle" dataTest="orgunit-picker">
                    <ModalTitle>{i18n.t('Choose an org unit')}</ModalTitle>
                    <ModalContent>
                        <OrganisationUnitTree
                            roots={roots}
                            singleSelection
                            initiallyExpanded={
                                selectedPath
                                    ? [selectedPath.split('/').slice(0, -1).join('/')]
                                    : rootPaths
                            }
                            selected={selectedPath ? [selectedPath] : []}
                            onChange={({ id }: { id: string }) => {
                                onSelect(id)
                                setOpen(false)
                            }}
                        />
                    </ModalContent>
                    <ModalActions>
                        <Button onClick={() => setOpen(false)}>{i18n.t('Cancel')}</Button>
                    </ModalActions>
                </Modal>
            )}
        </>
    )
}
