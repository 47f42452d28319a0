import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, Layer } from '@dhis2/ui'
import React, { Suspense, useState } from 'react'
import { LoadBoundary, lazyWithRetry, retryFailedLoads } from '../../shared/api-errors/LoadBoundary'
import classes from './TriangulationPage.module.css'

// The tree (and its modal) are not part of the first view: loaded on the first click, and
// again on the next click if that download failed
const OrgUnitTreeModal = lazyWithRetry(
    () => import('./OrgUnitTreeModal'),
    (m) => m.OrgUnitTreeModal
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
    // Each opening is a new attempt to load the modal's code
    const [openings, setOpenings] = useState(0)
    return (
        <div className={classes.orgUnit}>
            <Button
                onClick={() => {
                    retryFailedLoads()
                    setOpen(true)
                    setOpenings((n) => n + 1)
                }}
                dataTest="orgunit-picker-button"
            >
                <span className={classes.orgUnitLabel}>
                    {i18n.t('Org unit – {{name}}', {
                        name: selectedName,
                        interpolation: { escapeValue: false },
                    })}
                </span>
            </Button>
            {open && (
                <LoadBoundary resetKey={String(openings)}>
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
                </LoadBoundary>
            )}
        </div>
    )
}
