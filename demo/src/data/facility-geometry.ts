/**
 * Coordinates of the demo country's facilities, derived from their path only (no stored state):
 * each region a spot in the country, each district around its region, each facility within
 * ±0.15° (≈ 16 km) of its district's centre. Served as the org unit's `geometry` (GeoJSON Point,
 * `[longitude, latitude]`, as DHIS2 2.32+ stores it) and used by the LMIS facility list.
 */
import { hashString } from './random'

const unit = (text: string, salt: number): number => hashString(text, salt) / 0x1_0000_0000

/** [longitude, latitude] of a facility at the given path (root/region/district/facility) */
export const facilityPoint = (path: string): [number, number] => {
    const [, regionId = '', districtId = '', facilityId = ''] = path.split('/').filter(Boolean)
    const lon =
        12 +
        10 * unit(regionId, 1) +
        1.2 * (unit(districtId, 3) - 0.5) +
        0.3 * (unit(facilityId, 5) - 0.5)
    const lat =
        -8 +
        10 * unit(regionId, 2) +
        1.2 * (unit(districtId, 4) - 0.5) +
        0.3 * (unit(facilityId, 6) - 0.5)
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]
}

/** The GeoJSON geometry DHIS2 returns for a facility with coordinates */
export const facilityGeometry = (
    path: string
): { type: 'Point'; coordinates: [number, number] } => ({
    type: 'Point',
    coordinates: facilityPoint(path),
})
