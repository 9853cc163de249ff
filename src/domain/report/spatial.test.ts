import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRect, preparedDistance, preparedWithin, rectBoundsInto } from './spatial';

const coord = fc.double({ min: -2000, max: 2000, noNaN: true });
const rect = fc.record({
  x: coord,
  y: coord,
  width: fc.double({ min: 0, max: 500, noNaN: true }),
  depth: fc.double({ min: 0, max: 500, noNaN: true }),
  rotation: fc.oneof(
    fc.constantFrom(0, 90, 180, 270, 45),
    fc.double({ min: -360, max: 360, noNaN: true }),
  ),
});

describe('prepared rectangles', () => {
  it('preparedWithin is preparedDistance ≤ d (property)', () => {
    fc.assert(
      fc.property(rect, coord, coord, fc.constantFrom(0, 1, 2.5, 100), (r, x, y, d) => {
        const p = prepareRect(r);
        expect(preparedWithin(p, x, y, d)).toBe(preparedDistance(p, x, y) <= d);
        // Points on and near the rectangle, where the answer turns.
        const nx = p.minX - d;
        expect(preparedWithin(p, nx, p.cy, d)).toBe(preparedDistance(p, nx, p.cy) <= d);
      }),
      { numRuns: 2000 },
    );
  });

  it('rectBoundsInto writes prepareRect’s bounds (property)', () => {
    fc.assert(
      fc.property(rect, (r) => {
        const p = prepareRect(r);
        const out = new Float64Array(6);
        rectBoundsInto(r, out, 2);
        expect([...out]).toEqual([0, 0, p.minX, p.minY, p.maxX, p.maxY]);
      }),
    );
  });

  it('preparedDistance: 0 inside, the gap along an edge, the corner distance off a corner', () => {
    const p = prepareRect({ x: 0, y: 0, width: 10, depth: 4, rotation: 0 });
    expect(preparedDistance(p, 1, 1)).toBe(0);
    expect(preparedDistance(p, 8, 0)).toBe(3);
    expect(preparedDistance(p, 0, -5)).toBe(3);
    expect(preparedDistance(p, 8, 6)).toBe(5);
    expect(preparedWithin(p, 8, 6, 5)).toBe(true);
    expect(preparedWithin(p, 8, 6, 4.99)).toBe(false);
  });
});
