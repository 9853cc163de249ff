import * as z from 'zod/mini';
import { DEG, type CampusPoint, type Vec2 } from '../geometry';

/**
 * Where the campus frame sits on the Earth: the geographic position of the campus origin (0, 0)
 * and the compass direction of the frame's "up" (−y, the top of the screen).
 *
 * `bearingDeg` is measured clockwise from true north: 0 means screen-up is north (and so +x is
 * east), 90 means screen-up is east (and +x is south).
 */
export interface SiteAnchor {
  readonly latitude: number;
  readonly longitude: number;
  readonly bearingDeg: number;
}

const degrees = (min: number, max: number, what: string) => {
  const message = `must be ${what} from ${min} to ${max} degrees`;
  return z
    .number({ error: message })
    .check(z.gte(min, { error: message }), z.lte(max, { error: message }));
};

/**
 * The site anchor as it may appear in a file (a later `settings.site`). Bearing 360 is accepted
 * and means the same as 0.
 */
export const siteAnchorSchema = z.object(
  {
    latitude: degrees(-90, 90, 'a latitude'),
    longitude: degrees(-180, 180, 'a longitude'),
    bearingDeg: z._default(degrees(0, 360, 'a bearing'), 0),
  },
  { error: 'must be a site anchor object (latitude, longitude, bearingDeg)' },
);

// Compile-time check that the schema's output is a SiteAnchor, so the two cannot drift apart.
const _outputIsAnchor = (v: z.output<typeof siteAnchorSchema>): SiteAnchor => v;
void _outputIsAnchor;

/** WGS84 equatorial radius, m: the radius of the sphere the projection below uses. */
export const EARTH_RADIUS_M = 6_378_137;

/** Metres east and north of the anchor. */
export interface EastNorth {
  readonly east: number;
  readonly north: number;
}

/** A campus point (x right, y down, metres) as metres east and north of the anchor. */
export function campusToEastNorth(anchor: SiteAnchor, p: Vec2): EastNorth {
  const b = anchor.bearingDeg * DEG;
  const c = snapUnit(Math.cos(b));
  const s = snapUnit(Math.sin(b));
  // Screen-up (−y) points at azimuth b: (east, north) = (sin b, cos b); screen-right (+x) points at
  // azimuth b + 90°: (cos b, −sin b). The point is x·right + (−y)·up.
  return { east: p.x * c - p.y * s, north: -p.x * s - p.y * c };
}

/** The inverse of campusToEastNorth. */
export function eastNorthToCampus(anchor: SiteAnchor, en: EastNorth): CampusPoint {
  const b = anchor.bearingDeg * DEG;
  const c = snapUnit(Math.cos(b));
  const s = snapUnit(Math.sin(b));
  return { x: en.east * c - en.north * s, y: -en.east * s - en.north * c };
}

/**
 * Metres east/north of the anchor → [longitude, latitude] in degrees, unwrapped (the longitude
 * may leave ±180 near the antimeridian; campusToLngLat wraps it).
 */
export function eastNorthToLngLatUnwrapped(anchor: SiteAnchor, en: EastNorth): [number, number] {
  const lat = anchor.latitude + en.north / EARTH_RADIUS_M / DEG;
  const lng = anchor.longitude + en.east / (EARTH_RADIUS_M * cosLat(anchor)) / DEG;
  return [lng, Math.max(-90, Math.min(90, lat))];
}

/**
 * A campus point → [longitude, latitude] in degrees (GeoJSON's order).
 *
 * The projection is a local tangent plane: equirectangular about the anchor on a sphere of radius
 * EARTH_RADIUS_M (WGS84's equatorial radius), with the cos(latitude) factor taken at the anchor.
 * A degree of latitude is then 111,319.49 m everywhere. What that costs:
 *
 * - Flat-plane error, against the great-circle point at the same distance and azimuth on that
 *   sphere, grows with the square of the distance d from the anchor and with tan(latitude): at 45°
 *   it is 0.09 m at 1 km, 0.36 m at 2 km, 0.8 m at 3 km, 2.3 m at 5 km (0.16 / 0.63 / 1.4 / 3.9 m
 *   at 60°; nil at the equator). geo.test.ts measures it.
 * - Sphere against the WGS84 ellipsoid: a uniform scale error about the anchor, not a shape error.
 *   The ellipsoid's local radii of curvature differ from 6,378,137 m: north–south by 0.67 % at the
 *   equator (a degree of latitude is really 110,574 m there), 0.17 % at 45°, −0.08 % at 60°;
 *   east–west by 0 %, −0.17 %, −0.25 %. So points land up to ~1.7–6.7 m per km of distance from
 *   the anchor away from their true WGS84 place. Anchoring at the campus centre halves the worst
 *   case. Good for siting sketches and map overlays; not survey grade. (Using the ellipsoid's radii
 *   at the anchor latitude instead of one radius would remove this term.)
 * - Near the poles (within a few km) the cos(latitude) factor makes longitudes meaningless.
 *
 * Longitudes are wrapped into [−180, 180]; latitudes are clamped to [−90, 90].
 */
export function campusToLngLat(anchor: SiteAnchor, p: Vec2): [number, number] {
  const [lng, lat] = eastNorthToLngLatUnwrapped(anchor, campusToEastNorth(anchor, p));
  return [wrapLongitude(lng), lat];
}

/** The inverse of campusToLngLat (same approximation), for tests and for placing map points. */
export function lngLatToCampus(anchor: SiteAnchor, lngLat: readonly [number, number]): CampusPoint {
  let dLng = lngLat[0] - anchor.longitude;
  dLng -= 360 * Math.round(dLng / 360); // the short way round the antimeridian
  const east = dLng * DEG * EARTH_RADIUS_M * cosLat(anchor);
  const north = (lngLat[1] - anchor.latitude) * DEG * EARTH_RADIUS_M;
  return eastNorthToCampus(anchor, { east, north });
}

/** A longitude brought into [−180, 180] (values already inside are returned unchanged). */
export function wrapLongitude(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  const w = (((lng + 180) % 360) + 360) % 360;
  return w - 180;
}

/** cos(anchor latitude), kept away from 0 so that the poles give finite (if meaningless) values. */
function cosLat(anchor: SiteAnchor): number {
  return Math.max(Math.cos(anchor.latitude * DEG), 1e-12);
}

/** Exact 0 and ±1 for quarter turns, so that bearing 90 maps campus axes exactly onto east/north. */
function snapUnit(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-12 ? r : v;
}
