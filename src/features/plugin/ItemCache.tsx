import { CacheableSection, useCacheableSection, useConfig } from '@dhis2/app-runtime'
import { CircularLoader, Layer } from '@dhis2/ui'
import React, { useEffect, type ReactNode } from 'react'

const RecordingMask = () => (
    <Layer>
        <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 24 }}>
            <CircularLoader small />
        </div>
    </Layer>
)

/**
 * The item's part in the dashboard's offline cache, as DHIS2's own plugins do it (the
 * `CacheableSectionWrapper` of data-visualizer-app and maps-app): when the dashboard is made
 * available offline (`isParentCached`) and this item is not cached yet, its requests are recorded
 * into the section `cacheId`; when the dashboard is no longer cached, the item's cache is removed.
 * Needs the app's PWA features (`pwa.enabled` in d2.config.js, on; API requests otherwise go to
 * the network, see the README); without them it only renders.
 */
const Recorder = ({
    cacheId,
    isParentCached,
    children,
}: {
    cacheId: string
    isParentCached: boolean
    children: ReactNode
}) => {
    const { startRecording, isCached, remove } = useCacheableSection(cacheId)
    useEffect(() => {
        if (isParentCached && !isCached) {
            // A failed recording leaves the item working online; the dashboard shows its state
            startRecording({ onError: (error: Error) => console.error(error) })
        }
        if (!isParentCached && isCached) void remove()
    }, [isCached, isParentCached, remove, startRecording])
    return (
        <CacheableSection id={cacheId} loadingMask={<RecordingMask />}>
            {children}
        </CacheableSection>
    )
}

export const ItemCache = ({
    cacheId,
    isParentCached,
    children,
}: {
    cacheId?: string
    isParentCached?: boolean
    children: ReactNode
}) => {
    const { pwaEnabled } = useConfig() as { pwaEnabled?: boolean }
    if (!cacheId || !pwaEnabled) return <>{children}</>
    return (
        <Recorder cacheId={cacheId} isParentCached={isParentCached === true}>
            {children}
        </Recorder>
    )
}
