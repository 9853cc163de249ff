import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findSelfIntersection, type XY } from '../geometry';
import { findPolygonSelfIntersection } from './simplePolygon';

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
});
