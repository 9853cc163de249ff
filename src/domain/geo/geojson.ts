import { fromXY, rectCorners, type Vec2, type XY } from '../geometry';
import {
  COLLECTIONS,
  kindOf,
  layoutKindContext,
  round3,
  type ExportKind,
  parcelAreaM2,
  SQ_M_PER_ACRE,
  type AnyElement,
} from '../kinds';
import type { Layout } from '../model';
import {
  campusToEastNorth,
  eastNorthToLngLatUnwrapped,
  wrapLongitude,
  type SiteAnchor,
} from './anchor';

/*
 * The few GeoJSON (RFC 7946) types the export writes. Declared here rather than taken from
 * @types/geojson, which the project does not depend on.
 */

/** [longitude, latitude] in degrees. */
export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  /** One exterior ring: counter-clockwise, closed (first position repeated last). */
  coordinates: Position[][];
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}
export type Geometry = PolygonGeometry | LineStringGeometry;
export type PropertyValue = string | number | null;
export type GeoFeatureKind = 'parcel' | ExportKind;
export interface FeatureProperties {
  kind: GeoFeatureKind;
  /** The element's id; null for the parcel, which has none. */
  id: string | null;
  /** The element's name; null for rack rows, which have none. The parcel carries the layout's. */
  name: string | null;
  [field: string]: PropertyValue;
}
export interface Feature {
  type: 'Feature';
  /** The element's id (absent for the parcel). */
  id?: string;
  /** null only for a rack row whose hall is missing from the layout. */
  geometry: Geometry | null;
  properties: FeatureProperties;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Coordinates are rounded to 1e-7 degrees: about 1.1 cm of latitude. */
export const COORDINATE_DECIMALS = 7;
const COORD_SCALE = 10 ** COORDINATE_DECIMALS;
const roundCoord = (v: number) => Math.round(v * COORD_SCALE) / COORD_SCALE;

/**
 * The layout as a GeoJSON FeatureCollection placed on the Earth by `anchor` (see campusToLngLat
 * for the projection and its accuracy).
 *
 * Features, in this order: the parcel; then every element of each collection in file order (halls,
 * rack rows, cooling zones, substations, fiber trenches, generator yards, battery yards, cooling
 * plants, power feeders), each once. Rectangles (halls, rows, zones, substations, yards, plants)
 * become Polygons from their four rotated corners — rows placed through their hall's frame —, the
 * parcel a Polygon of its points, trenches and feeders LineStrings. Polygon rings are closed and counter-clockwise
 * (RFC 7946 §3.1.6 right-hand rule), whatever the orientation in the file.
 *
 * Properties: `kind`, `id`, `name`, then the element's fields without its placement (x, y,
 * rotation are in the geometry): e.g. a hall's width, depth, floorRatingKpa, rowPowerMw; a row's
 * hallId, profile, rackCount. Derived figures carry their unit in the name (areaM2, itKw, lengthM).
 * A row's kwPerRack and massKg are the effective values: the profile's default where the file
 * says null. Each element feature also carries its id as the Feature `id`.
 *
 * Features that cross the antimeridian (±180°) are not split (RFC 7946 §3.1.9): a campus within
 * 100 km of it would draw wrongly in most viewers.
 */
export function layoutToGeoJson(layout: Layout, anchor: SiteAnchor): FeatureCollection {
  const ring = (points: readonly Vec2[]): PolygonGeometry => ({
    type: 'Polygon',
    coordinates: [closedCcwRing(anchor, points)],
  });
  const rect = (r: Parameters<typeof rectCorners>[0]) => ring(rectCorners(r));
  const features: Feature[] = [];

  const parcelArea = parcelAreaM2(layout.parcel);
  features.push({
    type: 'Feature',
    geometry: ring(layout.parcel.points.map((p) => fromXY(p as XY))),
    properties: {
      kind: 'parcel',
      id: null,
      name: layout.name,
      areaM2: round3(parcelArea),
      acres: round3(parcelArea / SQ_M_PER_ACRE),
    },
  });

  const ctx = layoutKindContext(layout);
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    for (const e of layout[c] as readonly AnyElement[]) {
      const footprint = kind.footprint(e, ctx);
      features.push({
        type: 'Feature',
        id: e.id,
        geometry:
          footprint === null
            ? null
            : footprint.kind === 'rect'
              ? rect(footprint.rect)
              : {
                  type: 'LineString',
                  coordinates: footprint.points.map((p) => position(anchor, fromXY(p))),
                },
        properties: { kind: kind.exportKind, id: e.id, ...kind.exportProperties(e, ctx) },
      });
    }
  }

  return { type: 'FeatureCollection', features };
}

/** One campus point as a rounded, wrapped GeoJSON position. */
function position(anchor: SiteAnchor, p: Vec2): Position {
  const [lng, lat] = eastNorthToLngLatUnwrapped(anchor, campusToEastNorth(anchor, p));
  return finish(roundCoord(lng), roundCoord(lat));
}

function finish(lng: number, lat: number): Position {
  // Re-round after wrapping: lng ± 360 can bring back float noise in the last digits.
  return [roundCoord(wrapLongitude(lng)), lat];
}

/**
 * A closed, counter-clockwise ring. The orientation is taken from the rounded but still unwrapped
 * positions (a degree box is a positive scaling of east/north metres, so the sign is the map's),
 * and only then are longitudes wrapped.
 */
function closedCcwRing(anchor: SiteAnchor, points: readonly Vec2[]): Position[] {
  const raw = points.map((p): Position => {
    const [lng, lat] = eastNorthToLngLatUnwrapped(anchor, campusToEastNorth(anchor, p));
    return [roundCoord(lng), roundCoord(lat)];
  });
  // Reversed in place after the first point, so that the ring still starts where the file's does.
  if (ringSignedArea(raw) < 0) raw.push(...raw.splice(1).reverse());
  const out = raw.map(([lng, lat]) => finish(lng, lat));
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/**
 * Shoelace area of a ring in (lng, lat) degrees (open or closed): positive when it runs
 * counter-clockwise (north up, east right). Longitudes are taken relative to the first point the
 * short way round, so a small ring across the antimeridian is measured as drawn on the map.
 */
export function ringSignedArea(ring: readonly (readonly [number, number])[]): number {
  const n = ring.length;
  if (n === 0) return 0;
  const [x0, y0] = ring[0]!;
  const rel = (p: readonly [number, number]): [number, number] => {
    const dx = p[0] - x0;
    return [dx - 360 * Math.round(dx / 360), p[1] - y0];
  };
  let s = 0;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = rel(ring[i]!);
    const [bx, by] = rel(ring[(i + 1) % n]!);
    s += ax * by - bx * ay;
  }
  return s / 2;
}
