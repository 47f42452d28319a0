import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, Layer } from '@dhis2/ui'
import React, { Suspense, lazy, useState } from 'react'

// The tree (and its modal) are not part of the first view: loaded on the first click
const OrgUnitTreeModal = lazy(() =>
    import('./OrgUnitTreeModal').then((m) => ({ default: m.OrgUnitTreeModal }))
)

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
                <Suspense
                    fallback={
                        <Layer translucent>
                            <CircularLoader />
                        </Layer>
                    }
                >
                    <OrgUnitTreeModal
                        roots={roots}
                        rootPaths={rootPaths}
                        selectedPath={selectedPath}
                        onSelect={(id) => {
                            onSelect(id)
                            setOpen(false)
                        }}
                        onClose={() => setOpen(false)}
                    />
                </Suspense>
            )}
        </>
    )
}
