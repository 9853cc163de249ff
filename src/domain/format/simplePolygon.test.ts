import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findSelfIntersection, type XY } from '../geometry';
import { edgesMeet, findAnyCrossing, findPolygonSelfIntersection } from './simplePolygon';

describe('findPolygonSelfIntersection', () => {
  test('agrees with geometry findSelfIntersection on random small polygons', () => {
    // Small integer coordinates give many touching, collinear and repeated points.
    const polygon = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
      { minLength: 3, maxLength: 9 },
    );
    fc.assert(
      fc.property(polygon, (points) => {
        expect(findPolygonSelfIntersection(points)).toEqual(findSelfIntersection(points));
      }),
      { numRuns: 300 },
    );
  });

  test('agrees on random polygons with real coordinates', () => {
    const c = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(c, c), { minLength: 3, maxLength: 12 }), (points) => {
        expect(findPolygonSelfIntersection(points)).toEqual(findSelfIntersection(points));
      }),
      { numRuns: 300 },
    );
  });

  test('a simple polygon of 10,000 points is accepted quickly, and a crossing one is caught', () => {
    const circle: XY[] = Array.from({ length: 10_000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 10_000;
      return [5000 * Math.cos(a), 5000 * Math.sin(a)];
    });
    expect(findPolygonSelfIntersection(circle)).toBeNull();
    const crossed = circle.slice();
    [crossed[10], crossed[5000]] = [crossed[5000]!, crossed[10]!];
    expect(findPolygonSelfIntersection(crossed)).not.toBeNull();
  });

  test('names the edges of a bow-tie and accepts a square', () => {
    expect(
      findPolygonSelfIntersection([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ]),
    ).toEqual([0, 2]);
    expect(
      findPolygonSelfIntersection([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
    ).toBeNull();
  });

  test('the Shamos–Hoey sweep finds a crossing exactly when there is one (degenerate polygons)', () => {
    // Small integer coordinates: repeated points, vertical and collinear edges, ends touching
    // edges, edges folding back. The pair it names must really meet.
    const small = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
      { minLength: 3, maxLength: 14 },
    );
    const larger = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
      { minLength: 3, maxLength: 40 },
    );
    // Millimetres, near the origin and 100 km out. (Not arbitrary doubles: with values like
    // 5e-324 the products underflow, the all-pairs test's orientations of one triple disagree
    // with each other, and no sweep can follow it; parcels are metres.)
    const mm = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 1000);
    const far = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => 100_000 + v / 1000);
    const real = fc.oneof(
      fc.array(fc.tuple(mm, mm), { minLength: 3, maxLength: 20 }),
      fc.array(fc.tuple(far, far), { minLength: 3, maxLength: 20 }),
    );
    // Simple polygons (distinct lattice points in order of angle around the centre) with up to
    // two points moved to other lattice points: about half stay simple, the rest mostly touch
    // or overlap in just one place, the case a sweep can miss.
    const nearlySimple = fc
      .tuple(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), {
          minLength: 4,
          maxLength: 40,
          selector: (p) => `${p[0]},${p[1]}`,
        }),
        fc.array(
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
          { maxLength: 2 },
        ),
      )
      .map(([pts, moves]) => {
        const angle = (p: XY) => Math.atan2(p[1] - 5.003, p[0] - 5.01);
        const poly: XY[] = [...pts].sort((a, b) => angle(a) - angle(b));
        for (const [k, x, y] of moves) poly[k % poly.length] = [x, y];
        return poly;
      });
    fc.assert(
      fc.property(fc.oneof(small, larger, real, nearlySimple), (points) => {
        const expected = findSelfIntersection(points);
        for (const found of [findAnyCrossing(points), findPolygonSelfIntersection(points, 0)]) {
          expect(found === null).toBe(expected === null);
          if (found) {
            expect(found[0]).toBeLessThan(found[1]);
            expect(edgesMeet(points, found[0], found[1])).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('the sweep accepts simple polygons built to be awkward: stars, spirals, combs', () => {
    // A star polygon (vertices alternate between two radii) is simple; so is a two-arm comb.
    const star: XY[] = Array.from({ length: 60 }, (_, i) => {
      const a = (2 * Math.PI * i) / 60;
      const r = i % 2 === 0 ? 100 : 40;
      return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
    });
    expect(findSelfIntersection(star)).toBeNull();
    expect(findAnyCrossing(star)).toBeNull();
    // Teeth of a comb, axis-aligned with shared x values (vertical edges galore).
    const comb: XY[] = [[0, 0]];
    for (let i = 0; i < 50; i++)
      comb.push([2 * i, 10], [2 * i + 1, 10], [2 * i + 1, 1], [2 * i + 2, 1]);
    comb.push([100, 0]);
    expect(findSelfIntersection(comb)).toBeNull();
    expect(findAnyCrossing(comb)).toBeNull();
    // One tooth bent into its neighbour.
    const bent = comb.slice();
    bent[10] = [7.5, 5]; // its edge from (4, 10) now cuts the tooth at x = 6
    expect(findSelfIntersection(bent)).not.toBeNull();
    expect(findAnyCrossing(bent)).not.toBeNull();
  });

  test('a valid 10,000-point zig-zag (long thin teeth whose boxes all overlap) is checked quickly', () => {
    // Teeth from x = 0 to x = 1000, each 0.01 m above the last: every edge's bounding box
    // overlaps every other's, so the box sweep alone would test 50 million pairs.
    const teeth = (n: number): XY[] => [
      ...Array.from({ length: n }, (_, i): XY => [
        i % 2 === 0 ? 0 : 1000,
        (i % 2 === 0 ? 0 : 1000) + i * 0.01,
      ]),
      [2000, 2000],
      [2000, -10],
      [-10, -10],
    ];
    expect(findSelfIntersection(teeth(200))).toBeNull(); // (small enough to brute-force)
    const zig = teeth(9_996); // the reviewer's file: 9,999 points
    expect(findPolygonSelfIntersection(zig)).toBeNull();
    // Pull one tip across its neighbours: found, and the pair named really meets.
    const crossed = zig.slice();
    crossed[5001] = [1000, 1000 + 4990 * 0.01];
    const found = findPolygonSelfIntersection(crossed);
    expect(found).not.toBeNull();
    expect(edgesMeet(crossed, found![0], found![1])).toBe(true);
  });
});
