import { isOrgUnitPath, parentPath, treeExpandedPaths, treeSelectedPaths } from './org-unit-paths'

const ROOT = '/ImspTQPwCqd'
const REGION = `${ROOT}/O6uvpzGd5pu`
const DISTRICT = `${REGION}/YuQRtpLP10I`

describe('org unit paths for the tree', () => {
    it('accepts only paths of DHIS2 uids', () => {
        expect(isOrgUnitPath(ROOT)).toBe(true)
        expect(isOrgUnitPath(DISTRICT)).toBe(true)
        expect(isOrgUnitPath('')).toBe(false)
        expect(isOrgUnitPath(undefined)).toBe(false)
        expect(isOrgUnitPath('ImspTQPwCqd')).toBe(false)
        expect(isOrgUnitPath('/short')).toBe(false)
        expect(isOrgUnitPath(`${ROOT}/`)).toBe(false)
    })

    it('has no parent path for a top-level unit', () => {
        expect(parentPath(ROOT)).toBeUndefined()
        expect(parentPath(DISTRICT)).toBe(REGION)
    })

    it('opens the roots when the selected unit is a root (its parent path would be empty)', () => {
        expect(treeExpandedPaths(ROOT, [ROOT])).toEqual([ROOT])
        expect(treeExpandedPaths(ROOT, [ROOT])).not.toContain('')
    })

    it('opens the roots while nothing is selected or loaded', () => {
        expect(treeExpandedPaths(undefined, [ROOT])).toEqual([ROOT])
        expect(treeExpandedPaths('', [ROOT, ''])).toEqual([ROOT])
        expect(treeExpandedPaths(undefined, [])).toEqual([])
    })

    it('opens down to the parent of a selected unit below a root', () => {
        expect(treeExpandedPaths(DISTRICT, [ROOT])).toEqual([REGION])
        // A user whose root is the region
        expect(treeExpandedPaths(DISTRICT, [REGION])).toEqual([REGION])
    })

    it('selects only a unit within the roots', () => {
        expect(treeSelectedPaths(DISTRICT, [ROOT])).toEqual([DISTRICT])
        expect(treeSelectedPaths(ROOT, [ROOT])).toEqual([ROOT])
        expect(treeSelectedPaths(undefined, [ROOT])).toEqual([])
        expect(treeSelectedPaths('', [ROOT])).toEqual([])
        expect(treeSelectedPaths(ROOT, [REGION])).toEqual([])
    })
})
