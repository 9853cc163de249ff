import { getIssues } from '@placemarkio/check-geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLayoutText, serializeLayout } from '../format';
import { minimalLayout, plantLayout } from '../format/testing';
import { DEG, rectCorners } from '../geometry';
import { COLLECTIONS, createRackRow, rowRectInCampus } from '../kinds';
import type { Layout } from '../model';
import {
  campusToLngLat,
  EARTH_RADIUS_M,
  layoutToGeoJson,
  lngLatToCampus,
  ringSignedArea,
  siteAnchorSchema,
  wrapLongitude,
  type Feature,
  type FeatureCollection,
  type Position,
  type SiteAnchor,
} from '.';

const ONE_DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180; // 111,319.49 m
const at = (latitude: number, longitude: number, bearingDeg = 0): SiteAnchor => ({
  latitude,
  longitude,
  bearingDeg,
});

/** The GeoJSON text check-geojson would complain about; [] when valid. */
function issuesOf(fcol: FeatureCollection): string[] {
  return getIssues(JSON.stringify(fcol)).map((i) => i.message);
}

function rings(f: Feature): Position[][] {
  return f.geometry?.type === 'Polygon' ? f.geometry.coordinates : [];
}

describe('campusToLngLat', () => {
  it('hand-checked points, bearing 0: screen-up is north, +x is east', () => {
    expect(ONE_DEGREE_M).toBeCloseTo(111_319.49, 2);
    const a = at(0, 0, 0);
    const north = campusToLngLat(a, { x: 0, y: -111_319.49 });
    expect(north[0]).toBe(0);
    expect(north[1]).toBeCloseTo(1, 7);
    const east = campusToLngLat(a, { x: 111_319.49, y: 0 });
    expect(east[0]).toBeCloseTo(1, 7);
    expect(east[1]).toBeCloseTo(0, 12);
    const south = campusToLngLat(a, { x: 0, y: 1000 });
    expect(south[1]).toBeCloseTo(-1000 / ONE_DEGREE_M, 12);
  });

  it('bearing 90: campus "up" points east and +x points south', () => {
    const a = at(0, 0, 90);
    const up = campusToLngLat(a, { x: 0, y: -111_319.49 });
    expect(up[0]).toBeCloseTo(1, 7);
    expect(up[1]).toBe(0);
    const right = campusToLngLat(a, { x: 111_319.49, y: 0 });
    expect(right[0]).toBe(0);
    expect(right[1]).toBeCloseTo(-1, 7);
  });

  it('bearings 180 and 270: up is south, then west', () => {
    expect(campusToLngLat(at(0, 0, 180), { x: 0, y: -ONE_DEGREE_M })[1]).toBeCloseTo(-1, 9);
    expect(campusToLngLat(at(0, 0, 270), { x: 0, y: -ONE_DEGREE_M })[0]).toBeCloseTo(-1, 9);
    // Bearing 360 is the same as 0.
    const p = { x: 123, y: -456 };
    const a = campusToLngLat(at(10, 20, 360), p);
    const b = campusToLngLat(at(10, 20, 0), p);
    expect(a[0]).toBeCloseTo(b[0], 12);
    expect(a[1]).toBeCloseTo(b[1], 12);
  });

  it('bearing 45: up is north-east, at equal parts', () => {
    const [lng, lat] = campusToLngLat(at(0, 0, 45), { x: 0, y: -1000 });
    expect(lng).toBeCloseTo(lat, 12);
    expect(lat).toBeCloseTo((1000 * Math.SQRT1_2) / ONE_DEGREE_M, 12);
  });

  it('applies the cos(latitude) factor to longitudes', () => {
    const [lng, lat] = campusToLngLat(at(60, 10), { x: 1000, y: 0 });
    expect(lat).toBe(60);
    expect(lng - 10).toBeCloseTo(1000 / (ONE_DEGREE_M * 0.5), 10);
  });

  it('wraps longitudes across the antimeridian and stays finite at the poles', () => {
    const [lng] = campusToLngLat(at(0, 179.999), { x: 1000, y: 0 });
    expect(lng).toBeLessThan(-179.99);
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-190)).toBe(170);
    expect(wrapLongitude(180)).toBe(180);
    const pole = campusToLngLat(at(90, 0), { x: 500, y: 500 });
    expect(pole.every(Number.isFinite)).toBe(true);
    expect(pole[0]).toBeGreaterThanOrEqual(-180);
    expect(pole[0]).toBeLessThanOrEqual(180);
    expect(pole[1]).toBeLessThanOrEqual(90);
  });

  it('lngLatToCampus inverts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: -100_000, max: 100_000, noNaN: true }),
        fc.double({ min: -100_000, max: 100_000, noNaN: true }),
        (lat, lon, bearing, x, y) => {
          const a = at(lat, lon, bearing);
          const back = lngLatToCampus(a, campusToLngLat(a, { x, y }));
          expect(Math.hypot(back.x - x, back.y - y)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is within the documented flat-plane error of the exact great-circle position', () => {
    // Reference: the point at the same distance and azimuth from the anchor along a great circle
    // of the same sphere (azimuthal equidistant). The tangent-plane error grows as d².
    const worst = (lat: number, radiusM: number) => {
      let max = 0;
      for (let az = 0; az < 360; az += 15) {
        const e = radiusM * Math.sin(az * DEG);
        const n = radiusM * Math.cos(az * DEG);
        const a = at(lat, 0, 0);
        const got = campusToLngLat(a, { x: e, y: -n });
        const want = destination(lat, 0, az, radiusM);
        max = Math.max(max, haversineM(got, want));
      }
      return max;
    };
    // The figures documented on campusToLngLat.
    expect(worst(45, 1000)).toBeLessThan(0.1);
    expect(worst(45, 2000)).toBeLessThan(0.4);
    expect(worst(45, 3000)).toBeLessThan(0.85);
    expect(worst(45, 5000)).toBeLessThan(2.4);
    expect(worst(60, 2000)).toBeLessThan(0.7);
    expect(worst(0, 5000)).toBeLessThan(0.01);
  });
});

describe('siteAnchorSchema', () => {
  it('accepts anchors in range and defaults the bearing to 0', () => {
    expect(siteAnchorSchema.parse({ latitude: 39.04, longitude: -77.49 })).toEqual({
      latitude: 39.04,
      longitude: -77.49,
      bearingDeg: 0,
    });
    for (const a of [at(-90, -180, 0), at(90, 180, 360), at(0, 0, 359.9)]) {
      expect(siteAnchorSchema.safeParse(a).success).toBe(true);
    }
  });

  it('refuses out-of-range or non-numeric values with a clear message', () => {
    const bad: [unknown, string][] = [
      [{ latitude: 91, longitude: 0 }, 'must be a latitude from -90 to 90 degrees'],
      [{ latitude: 0, longitude: -180.5 }, 'must be a longitude from -180 to 180 degrees'],
      [{ latitude: 0, longitude: 0, bearingDeg: 361 }, 'must be a bearing from 0 to 360 degrees'],
      [{ latitude: 0, longitude: 0, bearingDeg: -1 }, 'must be a bearing from 0 to 360 degrees'],
      [{ latitude: Number.NaN, longitude: 0 }, 'must be a latitude from -90 to 90 degrees'],
      [{ latitude: '1', longitude: 0 }, 'must be a latitude from -90 to 90 degrees'],
      [{ longitude: 0 }, 'must be a latitude from -90 to 90 degrees'],
      [null, 'must be a site anchor object (latitude, longitude, bearingDeg)'],
    ];
    for (const [value, message] of bad) {
      const r = siteAnchorSchema.safeParse(value);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(message);
    }
  });
});

/** A layout with every kind, rotations, a second hall and a clockwise (on screen) parcel. */
function richLayout(): Layout {
  const base = plantLayout();
  return {
    ...base,
    parcel: {
      points: [
        [0, 0],
        [1000, 0],
        [1100, 500],
        [1000, 800],
        [0, 800],
      ],
    },
    halls: [
      ...base.halls,
      { ...base.halls[0]!, id: 'hall-2', name: 'Hall 2', y: 500, rotation: 30 },
    ],
    rackRows: [
      ...base.rackRows,
      createRackRow('row-3', 'hall-2', { x: 80, y: 30 }, { rotation: 90, rackCount: 4 }),
    ],
  };
}

describe('layoutToGeoJson', () => {
  const anchor = at(39.0438, -77.4874, 20); // Ashburn, VA; campus up 20° east of north

  it('writes valid GeoJSON (check-geojson) for the minimal and a richer layout', () => {
    for (const layout of [minimalLayout(), richLayout()]) {
      for (const a of [anchor, at(0, 0, 0), at(-33.9, 151.2, 270), at(64.1, -21.9, 135.5)]) {
        expect(issuesOf(layoutToGeoJson(layout, a))).toEqual([]);
      }
    }
  });

  it('holds every element once, in file order after the parcel, with its id and kind', () => {
    const layout = richLayout();
    const out = layoutToGeoJson(layout, anchor);
    const kindOf = {
      halls: 'hall',
      rackRows: 'rackRow',
      coolingZones: 'coolingZone',
      substations: 'substation',
      fiberTrenches: 'fiberTrench',
      generatorYards: 'generatorYard',
      batteryYards: 'batteryYard',
      coolingPlants: 'coolingPlant',
      powerFeeders: 'powerFeeder',
    } as const;
    const expected = [
      ['parcel', null],
      ...COLLECTIONS.flatMap((c) => layout[c].map((e) => [kindOf[c], e.id])),
    ];
    expect(out.features.map((f) => [f.properties.kind, f.properties.id])).toEqual(expected);
    for (const f of out.features.slice(1)) expect(f.id).toBe(f.properties.id);
    expect(out.features[0]!.id).toBeUndefined();
    const ids = out.features.slice(1).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes closed counter-clockwise polygon rings, however the file orders the points', () => {
    const cw = richLayout();
    const ccw = { ...cw, parcel: { points: [...cw.parcel.points].reverse() } };
    for (const layout of [cw, ccw]) {
      for (const bearing of [0, 45, 90, 180, 217.5, 359]) {
        const out = layoutToGeoJson(layout, at(51.5, -0.12, bearing));
        let polygons = 0;
        for (const f of out.features) {
          for (const ring of rings(f)) {
            polygons++;
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[ring.length - 1]).toEqual(ring[0]);
            expect(ringSignedArea(ring)).toBeGreaterThan(0);
          }
        }
        // parcel + 2 halls + 3 rows + 1 zone + 1 substation + a generator yard, a battery yard
        // and a cooling plant
        expect(polygons).toBe(11);
      }
    }
  });

  it('places the parcel by hand-checked corners (anchor at 0°, 0°, bearing 0)', () => {
    const out = layoutToGeoJson(minimalLayout(), at(0, 0, 0));
    const ring = rings(out.features[0]!)[0]!;
    const d = (m: number) => Math.round((m / ONE_DEGREE_M) * 1e7) / 1e7;
    // Campus (0,0) (1000,0) (1000,800) (0,800) is clockwise on screen; the ring runs the other way.
    expect(ring).toEqual([
      [0, 0],
      [0, -d(800)],
      [d(1000), -d(800)],
      [d(1000), 0],
      [0, 0],
    ]);
    expect(d(1000)).toBe(0.0089832);
    expect(out.features[0]!.properties).toMatchObject({
      kind: 'parcel',
      name: 'Minimal campus',
      areaM2: 800_000,
    });
    expect(out.features[0]!.properties.acres).toBeCloseTo(197.684, 3);
  });

  it('places rows through their hall and rectangles by their rotated corners', () => {
    const layout = richLayout();
    const out = layoutToGeoJson(layout, anchor);
    const hall2 = layout.halls[1]!;
    const row3 = layout.rackRows[2]!;
    const f = out.features.find((x) => x.id === 'row-3')!;
    const want = rectCorners(rowRectInCampus(row3, hall2)).map((p) => {
      const [lng, lat] = campusToLngLat(anchor, p);
      return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
    });
    const got = rings(f)[0]!.slice(0, 4);
    expect([...got].sort()).toEqual([...want].sort());
    // And back on the campus, the row's centre is where the hall frame puts it.
    const centre = got
      .map((p) => lngLatToCampus(anchor, p))
      .reduce((s, p) => ({ x: s.x + p.x / 4, y: s.y + p.y / 4 }), { x: 0, y: 0 });
    const r = rowRectInCampus(row3, hall2);
    expect(Math.hypot(centre.x - r.x, centre.y - r.y)).toBeLessThan(0.02);
  });

  it('writes trenches as LineStrings in file order', () => {
    const layout = minimalLayout();
    const out = layoutToGeoJson(layout, anchor);
    const t = out.features.find((f) => f.properties.kind === 'fiberTrench')!;
    expect(t.geometry?.type).toBe('LineString');
    const coords = t.geometry!.coordinates as Position[];
    expect(coords).toHaveLength(3);
    coords.forEach((c, i) => {
      const p = lngLatToCampus(anchor, c);
      const [x, y] = layout.fiberTrenches[0]!.points[i]!;
      expect(Math.hypot(p.x - x, p.y - y)).toBeLessThan(0.02);
    });
    expect(t.properties).toEqual({
      kind: 'fiberTrench',
      id: 'tr-1',
      name: 'Trench 1',
      fiberCount: 1728,
      lengthM: 461.421,
    });
  });

  it("carries each element's fields, with effective per-rack figures", () => {
    const out = layoutToGeoJson(minimalLayout(), anchor);
    const props = (id: string) => out.features.find((f) => f.id === id)!.properties;
    expect(props('hall-1')).toEqual({
      kind: 'hall',
      id: 'hall-1',
      name: 'Hall 1',
      width: 160,
      depth: 70,
      floorRatingKpa: 20,
      rowPowerMw: 1.5,
      // Not in the file: the target tier's (Blackwell's) defaults.
      whiteSpaceFraction: 0.5,
      pointLoadRatingKn: 4.5,
      areaM2: 11_200,
      rackCount: 16,
      itKw: 8 * 142 + 8 * 135, // row-1 at the GB300 default, row-2 set to 135 kW
    });
    expect(props('row-1')).toMatchObject({
      kind: 'rackRow',
      id: 'row-1',
      name: null,
      hallId: 'hall-1',
      profile: 'gb300-nvl72',
      rackCount: 8,
      kwPerRack: 142,
      itKw: 1136, // 8 × 142 kW
    });
    expect(typeof props('row-1').massKg).toBe('number');
    expect(props('row-1').lengthM).toBeCloseTo(8 * 0.6, 6);
    expect(props('cz-1')).toEqual({
      kind: 'coolingZone',
      id: 'cz-1',
      name: 'Loop A',
      width: 170,
      depth: 80,
      type: 'dlc',
      capacityMw: 20,
    });
    expect(props('sub-1')).toEqual({
      kind: 'substation',
      id: 'sub-1',
      name: '345 kV yard',
      width: 80,
      depth: 60,
      capacityMva: 100,
      voltageKv: 345,
    });
  });

  it('rounds every coordinate to 1e-7 degrees', () => {
    const out = layoutToGeoJson(richLayout(), anchor);
    const text = JSON.stringify(out);
    const numbers = [...text.matchAll(/\[(-?[\d.e-]+),(-?[\d.e-]+)\]/g)].flatMap((m) => [
      m[1]!,
      m[2]!,
    ]);
    expect(numbers.length).toBeGreaterThan(40);
    for (const n of numbers) expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
  });

  it('stays valid across the antimeridian, with longitudes wrapped', () => {
    const out = layoutToGeoJson(richLayout(), at(-17.7, 179.999, 0));
    expect(issuesOf(out)).toEqual([]);
    const lngs = out.features.flatMap((f) =>
      (f.geometry?.type === 'Polygon'
        ? f.geometry.coordinates.flat()
        : (f.geometry?.coordinates ?? [])
      ).map((p) => p[0]),
    );
    expect(Math.min(...lngs)).toBeGreaterThanOrEqual(-180);
    expect(Math.max(...lngs)).toBeLessThanOrEqual(180);
    expect(lngs.some((x) => x < 0)).toBe(true);
    for (const f of out.features) {
      for (const ring of rings(f)) expect(ringSignedArea(ring)).toBeGreaterThan(0);
    }
  });

  it('keeps a row whose hall is missing, with a null geometry', () => {
    const layout = minimalLayout();
    const orphan = {
      ...layout,
      rackRows: [createRackRow('row-x', 'no-such-hall', { x: 1, y: 1 })],
    };
    const out = layoutToGeoJson(orphan, anchor);
    const f = out.features.find((x) => x.id === 'row-x')!;
    expect(f.geometry).toBeNull();
    expect(issuesOf(out)).toEqual([]);
  });

  it('exports a layout read from a file (parseLayoutText) for any anchor', () => {
    const parsed = parseLayoutText(serializeLayout(richLayout()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lat, lon, bearing) => {
          const out = layoutToGeoJson(parsed.layout, at(lat, lon, bearing));
          expect(issuesOf(out)).toEqual([]);
          for (const f of out.features) {
            for (const ring of rings(f)) expect(ringSignedArea(ring)).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Great-circle destination on the projection's sphere: [lng, lat] degrees. */
function destination(lat: number, lng: number, azimuthDeg: number, distanceM: number): Position {
  const d = distanceM / EARTH_RADIUS_M;
  const p1 = lat * DEG;
  const th = azimuthDeg * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th));
  const l2 =
    lng * DEG +
    Math.atan2(
      Math.sin(th) * Math.sin(d) * Math.cos(p1),
      Math.cos(d) - Math.sin(p1) * Math.sin(p2),
    );
  return [l2 / DEG, p2 / DEG];
}

/** Great-circle distance on the same sphere, m. */
function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLng = (b[0] - a[0]) * DEG;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
