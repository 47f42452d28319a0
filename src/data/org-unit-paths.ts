/**
 * Org unit paths as @dhis2/ui's OrganisationUnitTree accepts them: `/id/id…` of DHIS2 uids. Its
 * prop types reject anything else (an empty string among them: "Invalid org unit path ``"), see
 * @dhis2-ui/organisation-unit-tree `build/es/prop-types.js`.
 */
const UID = '[a-zA-Z][a-zA-Z0-9]{10}'
const PATH = new RegExp(`^(/${UID})+$`)

export const isOrgUnitPath = (path: string | undefined): path is string =>
    typeof path === 'string' && PATH.test(path)

/** The path of the unit's parent, or undefined for a top-level unit (`/abc` has no parent) */
export const parentPath = (path: string): string | undefined => {
    const parent = path.slice(0, path.lastIndexOf('/'))
    return isOrgUnitPath(parent) ? parent : undefined
}

/**
 * What the tree opens with: the selected unit's parent (the tree opens every level above it too)
 * when the selected unit is below one of the roots, else the roots themselves. Never an empty or
 * malformed path, whatever has loaded yet.
 */
export const treeExpandedPaths = (
    selectedPath: string | undefined,
    rootPaths: readonly string[]
): string[] => {
    const roots = rootPaths.filter(isOrgUnitPath)
    if (!isOrgUnitPath(selectedPath)) return roots
    const parent = parentPath(selectedPath)
    const belowRoot = roots.some((root) => selectedPath.startsWith(`${root}/`))
    return parent && belowRoot ? [parent] : roots
}

/** The selection for the tree: the selected unit's path when it is one (and within the roots) */
export const treeSelectedPaths = (
    selectedPath: string | undefined,
    rootPaths: readonly string[]
): string[] =>
    isOrgUnitPath(selectedPath) &&
    rootPaths.some((root) => selectedPath === root || selectedPath.startsWith(`${root}/`))
        ? [selectedPath]
        : []
