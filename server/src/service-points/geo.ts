import { WALKING_DETOUR_FACTOR, WALKING_METERS_PER_MINUTE, type Coordinates } from '@linli/shared';

const EARTH_RADIUS_M = 6_371_008.8;
const METERS_PER_DEGREE_LAT = 111_320;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. GCJ-02's offset is locally near-constant, so distances between its points hold. */
export function haversineMeters(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that holds every point within `meters` of the centre (a little more at its corners): the indexed prefilter. */
export function boundingBox(centre: Coordinates, meters: number) {
  const dLat = meters / METERS_PER_DEGREE_LAT;
  // Widest at the box's edge nearer the pole; China lies far from the poles, so cos stays well above zero.
  const poleward = Math.min(89, Math.abs(centre.lat) + dLat);
  const dLng = meters / (METERS_PER_DEGREE_LAT * Math.cos(rad(poleward)));
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/** What a resident is told: the walking distance (straight line × detour factor) and minutes at an elder's pace. */
export function walkingEstimate(straightMeters: number): { walkingMeters: number; walkingMinutes: number } {
  const walkingMeters = Math.round(straightMeters * WALKING_DETOUR_FACTOR);
  return { walkingMeters, walkingMinutes: Math.max(1, Math.round(walkingMeters / WALKING_METERS_PER_MINUTE)) };
}

/** Bands of latitude per degree (see ServicePoint.latBand). */
const BANDS_PER_DEGREE = 100;

export function latBand(lat: number): number {
  return Math.floor(lat * BANDS_PER_DEGREE);
}

/** Every band a box touches, south to north. */
export function bandsOf(box: { minLat: number; maxLat: number }): number[] {
  const bands: number[] = [];
  for (let b = latBand(box.minLat); b <= latBand(box.maxLat); b++) bands.push(b);
  return bands;
}
