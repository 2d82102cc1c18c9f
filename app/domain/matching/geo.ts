/**
 * Great-circle geometry on a spherical Earth. Commune points are the centres
 * of their outlines, so a metre-level ellipsoid model would be false precision.
 */
import type { CommunePointSource } from "../vocabulary";

export type GeoPoint = {
  latitude: number;
  longitude: number;
  /**
   * How far the true centre may lie from this point: absent or 0 for a commune's own centre, more for
   * a commune placed approximately (POINT_UNCERTAINTY_KM).
   */
  uncertaintyKm?: number;
};

/**
 * The uncertainty of each kind of commune point: a commune placed at a neighbour sharing its postal
 * code lies within a postal sector (rarely more than 10 km across); one placed at its department's
 * centre, anywhere in the department.
 */
export const POINT_UNCERTAINTY_KM: Readonly<Record<CommunePointSource, number>> = {
  ign: 0,
  deleguees: 0,
  geonames: 0,
  postal: 10,
  department: 60,
};

/** What a point's uncertainty says of it: the commune's own centre, its postal sector, or only its department. */
export type PointApproximation = "postal" | "department" | null;

export function approximationOf(...points: (GeoPoint | null | undefined)[]): PointApproximation {
  const u = Math.max(0, ...points.map((p) => p?.uncertaintyKm ?? 0));
  if (u === 0) return null;
  return u <= POINT_UNCERTAINTY_KM.postal ? "postal" : "department";
}

/** The combined uncertainty of a distance between two points. */
export function uncertaintyKm(a: GeoPoint | null | undefined, b: GeoPoint | null | undefined): number {
  return (a?.uncertaintyKm ?? 0) + (b?.uncertaintyKm ?? 0);
}

/**
 * The distance a score may count on: never closer than the points' uncertainty allows (two communes
 * placed at the same borrowed point are not 0 km apart). Never less than `distanceKm`, so bounds
 * computed from the bare distance stay sound.
 */
export function scoredDistanceKm(distanceKm: number | null, uncertainty: number): number | null {
  if (distanceKm === null) return null;
  return distanceKm > uncertainty ? distanceKm : uncertainty;
}

/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;
/** Length of one degree of latitude on the sphere. */
export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** Haversine distance in km: numerically stable for the short distances that matter here. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  return haversineKmRaw(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** The same, from plain numbers (the index keeps coordinates in typed arrays). */
export function haversineKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Unit vector of a point: chord lengths between vectors give a trig-free distance prefilter. */
export function unitVector(p: GeoPoint): [number, number, number] {
  const lat = p.latitude * DEG;
  const lon = p.longitude * DEG;
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
}

/**
 * Squared chord (on the unit sphere) of a great-circle distance. Monotonic in the
 * distance, so `chord² > chordSquared(r)` proves `distance > r` without any trig.
 */
export function chordSquared(distanceKm: number): number {
  const half = Math.min(Math.PI / 2, distanceKm / (2 * EARTH_RADIUS_KM));
  return 4 * Math.sin(half) ** 2;
}

/**
 * Latitude/longitude half-widths (degrees) of a box holding every point within
 * `radiusKm` of `p`. Longitude uses the exact spherical-cap bound
 * asin(sin r / cos φ); `null` longitude means the cap reaches a pole or wraps.
 */
export function boundingDegrees(p: GeoPoint, radiusKm: number): { dLat: number; dLon: number | null } {
  const r = radiusKm / EARTH_RADIUS_KM;
  const dLat = r / DEG;
  const s = Math.sin(Math.min(r, Math.PI / 2)) / Math.cos(p.latitude * DEG);
  if (r >= Math.PI / 2 || s >= 1 || Math.abs(p.latitude) + dLat >= 90) return { dLat, dLon: null };
  return { dLat, dLon: Math.asin(s) / DEG };
}

export function isValidPoint(p: GeoPoint): boolean {
  return (
    Number.isFinite(p.latitude) &&
    Number.isFinite(p.longitude) &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  );
}
