import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  campusToHall,
  distanceToSegment,
  findSelfIntersection,
  hallRectToCampus,
  hallToCampus,
  normalizeDeg,
  polygonArea,
  polygonContainsPoint,
  polylineLength,
  rectAabb,
  rectContainsPoint,
  rectCorners,
  rectInsideRect,
  rectsOverlap,
  rotate,
  type XY,
} from './index';

const hall = { x: 100, y: 100, width: 40, depth: 20, rotation: 90 };

describe('frames', () => {
  it('puts a hall-frame point where a 90° clockwise rotation says', () => {
    // Top-left corner of the hall: 20 m left of and 10 m above the centre. Turned 90° clockwise
    // (y down), "left" becomes "up" and "up" becomes "right": 20 m up, 10 m right.
    expect(hallToCampus(hall, { x: 0, y: 0 })).toEqual({ x: 110, y: 80 });
    // The centre stays put.
    expect(hallToCampus(hall, { x: 20, y: 10 })).toEqual({ x: 100, y: 100 });
  });

  it('maps an unrotated hall by a plain shift from its top-left corner', () => {
    const h = { x: 300, y: 250, width: 160, depth: 70, rotation: 0 };
    expect(hallToCampus(h, { x: 20, y: 8 })).toEqual({ x: 240, y: 223 });
  });

  it('gives a row in a rotated hall the sum of both rotations', () => {
    const r = hallRectToCampus(hall, { x: 20, y: 10, width: 4.8, depth: 1.2, rotation: 0 });
    expect(r).toMatchObject({ x: 100, y: 100, rotation: 90 });
    const aabb = rectAabb(r);
    expect(aabb.maxX - aabb.minX).toBeCloseTo(1.2);
    expect(aabb.maxY - aabb.minY).toBeCloseTo(4.8);
  });

  it('round-trips hall ↔ campus for any hall and point', () => {
    const num = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(
        num,
        num,
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: -360, max: 360, noNaN: true }),
        num,
        num,
        (x, y, width, depth, rotation, px, py) => {
          const h = { x, y, width, depth, rotation };
          const back = campusToHall(h, hallToCampus(h, { x: px, y: py }));
          expect(back.x).toBeCloseTo(px, 6);
          expect(back.y).toBeCloseTo(py, 6);
        },
      ),
    );
  });
});

describe('rotated rectangles', () => {
  it('lists corners clockwise from the top-left', () => {
    expect(rectCorners({ x: 0, y: 0, width: 4, depth: 2, rotation: 0 })).toEqual([
      { x: -2, y: -1 },
      { x: 2, y: -1 },
      { x: 2, y: 1 },
      { x: -2, y: 1 },
    ]);
  });

  it('each corner is the centre plus its offset turned by rotate (property)', () => {
    const coord = fc.double({ min: -1e5, max: 1e5, noNaN: true });
    const size = fc.double({ min: 0, max: 1e3, noNaN: true });
    const deg = fc.oneof(
      fc.constantFrom(0, 90, 180, 270, -90, 45),
      fc.double({ min: -720, max: 720, noNaN: true }),
    );
    fc.assert(
      fc.property(coord, coord, size, size, deg, (x, y, width, depth, rotation) => {
        const hw = width / 2;
        const hd = depth / 2;
        const offsets: [number, number][] = [
          [-hw, -hd],
          [hw, -hd],
          [hw, hd],
          [-hw, hd],
        ];
        const expected = offsets.map(([dx, dy]) => {
          const p = rotate({ x: dx, y: dy }, rotation);
          return { x: x + p.x, y: y + p.y };
        });
        expect(rectCorners({ x, y, width, depth, rotation })).toEqual(expected);
      }),
    );
  });

  it('contains points by its own axes, with tolerance', () => {
    const r = { x: 0, y: 0, width: 10, depth: 2, rotation: 90 };
    expect(rectContainsPoint(r, { x: 0, y: 4 })).toBe(true);
    expect(rectContainsPoint(r, { x: 4, y: 0 })).toBe(false);
    expect(rectContainsPoint(r, { x: 1.5, y: 0 }, 1)).toBe(true);
  });

  it('detects overlap but not edge contact', () => {
    const a = { x: 0, y: 0, width: 2, depth: 2, rotation: 0 };
    expect(rectsOverlap(a, { x: 1.5, y: 0, width: 2, depth: 2, rotation: 0 })).toBe(true);
    expect(rectsOverlap(a, { x: 2, y: 0, width: 2, depth: 2, rotation: 0 })).toBe(false);
    // A diamond whose AABB overlaps the square's but which clears the corner.
    expect(rectsOverlap(a, { x: 2.5, y: 2.5, width: 2, depth: 2, rotation: 45 })).toBe(false);
    expect(rectsOverlap(a, { x: 2.2, y: 0, width: 2, depth: 2, rotation: 45 })).toBe(true);
  });

  it('knows when one rectangle lies inside another', () => {
    const outer = { x: 0, y: 0, width: 10, depth: 10, rotation: 0 };
    expect(rectInsideRect(outer, { x: 0, y: 0, width: 4, depth: 4, rotation: 45 })).toBe(true);
    expect(rectInsideRect(outer, { x: 4, y: 0, width: 4, depth: 4, rotation: 0 })).toBe(false);
  });

  it('overlap is symmetric for any pair', () => {
    const r = fc.record({
      x: fc.double({ min: -50, max: 50, noNaN: true }),
      y: fc.double({ min: -50, max: 50, noNaN: true }),
      width: fc.double({ min: 0.1, max: 40, noNaN: true }),
      depth: fc.double({ min: 0.1, max: 40, noNaN: true }),
      rotation: fc.double({ min: 0, max: 360, noNaN: true }),
    });
    fc.assert(fc.property(r, r, (a, b) => rectsOverlap(a, b) === rectsOverlap(b, a)));
  });
});

describe('polygons and polylines', () => {
  const square: XY[] = [
    [0, 0],
    [1500, 0],
    [1500, 1100],
    [0, 1100],
  ];

  it('computes the shoelace area', () => {
    expect(polygonArea(square)).toBe(1_650_000);
    expect(polygonArea([...square].reverse())).toBe(1_650_000);
    expect(
      polygonArea([
        [0, 0],
        [4, 0],
        [0, 3],
      ]),
    ).toBe(6);
  });

  it('contains points inside and on the boundary, not outside', () => {
    expect(polygonContainsPoint(square, { x: 750, y: 550 })).toBe(true);
    expect(polygonContainsPoint(square, { x: 1500, y: 300 })).toBe(true);
    expect(polygonContainsPoint(square, { x: 1500.1, y: 300 })).toBe(false);
    const ell: XY[] = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ];
    expect(polygonContainsPoint(ell, { x: 8, y: 8 })).toBe(false);
    expect(polygonContainsPoint(ell, { x: 2, y: 8 })).toBe(true);
  });

  it('finds a bow-tie crossing and accepts simple polygons', () => {
    expect(findSelfIntersection(square)).toBeNull();
    expect(
      findSelfIntersection([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ]),
    ).not.toBeNull();
  });

  it('measures a polyline: one statute mile', () => {
    expect(
      polylineLength([
        [0, 0],
        [1000, 0],
        [1000, 609.344],
      ]),
    ).toBeCloseTo(1609.344, 9);
  });

  it('measures point–segment distance to the interior and to the ends', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 2, y: 2 })).toBeCloseTo(
      Math.SQRT2,
    );
  });

  it('polygon area does not depend on the starting vertex', () => {
    const pts = fc.array(
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })),
      {
        minLength: 3,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(pts, fc.nat(), (p, k) => {
        const s = k % p.length;
        const rotated = [...p.slice(s), ...p.slice(0, s)];
        return polygonArea(p) === polygonArea(rotated);
      }),
    );
  });
});

describe('angles', () => {
  it('rotates exact quarter turns exactly', () => {
    expect(rotate({ x: 1, y: 0 }, 90)).toEqual({ x: 0, y: 1 });
    expect(rotate({ x: 1, y: 0 }, 180)).toEqual({ x: -1, y: 0 });
  });
  it('normalises degrees into [0, 360)', () => {
    expect(normalizeDeg(-90)).toBe(270);
    expect(normalizeDeg(720)).toBe(0);
    expect(normalizeDeg(375)).toBe(15);
  });
});
