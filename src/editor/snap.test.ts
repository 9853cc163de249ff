import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFiberTrench, createHall, createRackRow, type Layout } from '../domain';
import { emptyLayout } from '../state/documentStore';
import { GRID_M, SNAP_PX, snapPoint, snapRect } from './snap';

/** One upright hall centred at (100, 50), 40 × 20: edges x = 80 / 120, y = 40 / 60. */
function layout(over: Partial<Layout> = {}): Layout {
  return {
    ...emptyLayout(),
    halls: [createHall('hall-1', { x: 100, y: 50 }, { width: 40, depth: 20 })],
    fiberTrenches: [
      createFiberTrench('tr-1', [
        [0, 0],
        [50, 0],
      ]),
    ],
    ...over,
  };
}

const at = (x: number, y: number) => ({ x, y });

describe('snapPoint: alignment and grid', () => {
  it('snaps x to a hall edge and y to its centre line, with a guide for each', () => {
    // At 1 px/m the snap distance is 8 m. x = 83 is 3 m from the left edge (80); y = 47.3 is
    // 2.7 m from the centre line (50) and 7.3 m from the top edge (40): the nearer one wins.
    const r = snapPoint(layout(), at(83, 47.3), { scale: 1, alt: false });
    expect(r.point).toEqual(at(80, 50));
    // The x guide runs down the left edge (y 40…60) through the snapped point; the y guide runs
    // along the centre line from the point (x 80) to the far edge (x 120).
    expect(r.guides).toEqual([
      { from: at(80, 40), to: at(80, 60) },
      { from: at(80, 50), to: at(120, 50) },
    ]);
  });

  it('extends the guide from a far point to the feature it aligns with', () => {
    // Directly below the hall's right edge, 100 m away: x aligns, y goes to the grid.
    const r = snapPoint(layout(), at(121.5, 160.4), { scale: 1, alt: false });
    expect(r.point).toEqual(at(120, 160));
    expect(r.guides).toEqual([{ from: at(120, 40), to: at(120, 160) }]);
  });

  it('falls back to the 1 m grid when nothing is within 8 px, without guides', () => {
    const r = snapPoint(layout(), at(300.4, 200.6), { scale: 1, alt: false });
    expect(r.point).toEqual(at(300, 201));
    expect(r.guides).toEqual([]);
  });

  it('measures the snap distance in screen pixels: 8 px at 10 px/m is 0.8 m', () => {
    // 3 m from the edge and 2.7 m from the centre line: out of reach when zoomed in.
    const r = snapPoint(layout(), at(83.2, 47.3), { scale: 10, alt: false });
    expect(r.point).toEqual(at(83, 47));
    expect(r.guides).toEqual([]);
    // 0.5 m from the edge: within 0.8 m.
    expect(snapPoint(layout(), at(80.5, 47.3), { scale: 10, alt: false }).point).toEqual(
      at(80, 47),
    );
  });

  it('returns the input exactly with Alt', () => {
    const p = at(83.123, 47.456);
    const r = snapPoint(layout(), p, { scale: 1, alt: true });
    expect(r.point).toBe(p);
    expect(r.guides).toEqual([]);
  });

  it('ignores excluded elements (the ones being moved)', () => {
    const r = snapPoint(layout(), at(83, 47.3), {
      scale: 1,
      alt: false,
      exclude: new Set(['hall-1']),
    });
    expect(r.point).toEqual(at(83, 47));
  });

  it('snaps to the corners and centre of a turned hall', () => {
    // A 20 × 20 hall at the origin turned 45°: corners on the axes at 10√2 = 14.142 m.
    const doc = layout({
      halls: [createHall('h', { x: 0, y: 0 }, { width: 20, depth: 20, rotation: 45 })],
      fiberTrenches: [],
    });
    const r = snapPoint(doc, at(14, 3), { scale: 1, alt: false });
    expect(r.point.x).toBeCloseTo(10 * Math.SQRT2, 9);
    // y: the right corner and the centre both lie on y = 0, 3 m away.
    expect(r.point.y).toBeCloseTo(0, 9);
    // Guides go to points (the corner), not along the turned edges.
    expect(r.guides).toHaveLength(2);
  });

  it('does not snap to rack rows', () => {
    const doc = layout({
      halls: [createHall('h', { x: 1000, y: 1000 }, { width: 40, depth: 20 })],
      rackRows: [createRackRow('r', 'h', { x: 10, y: 5 })],
      fiberTrenches: [],
    });
    // The row (8 × 0.6 = 4.8 m by 1.2 m) is centred at campus (990, 995): its right end is at
    // x = 992.4 and its lower side at y = 995.6, both within 0.4 m (8 px at 20 px/m) of the point.
    // The hall's features (x 980 / 1000 / 1020, y 990 / 1000 / 1010) are out of reach: grid.
    const r = snapPoint(doc, at(992.2, 995.3), { scale: 20, alt: false });
    expect(r.point).toEqual(at(992, 995));
  });
});

describe('snapPoint: trench vertices', () => {
  it('snaps to another trench vertex first, as a point', () => {
    const r = snapPoint(layout(), at(49, 3), { scale: 1, alt: false, kind: 'trench-vertex' });
    expect(r.point).toEqual(at(50, 0));
    expect(r.guides).toHaveLength(2); // a cross on the vertex
  });

  it('then to the nearest point of a hall edge', () => {
    // (85, 38): 2 m above the top edge (y = 40, x 80…120); the corner (80, 40) is 5.4 m away.
    const r = snapPoint(layout(), at(85, 38), { scale: 1, alt: false, kind: 'trench-vertex' });
    expect(r.point).toEqual(at(85, 40));
    expect(r.guides).toEqual([{ from: at(80, 40), to: at(120, 40) }]);
    // A plain point aligns per axis instead: x to the left edge, y to the top edge.
    expect(snapPoint(layout(), at(85, 38), { scale: 1, alt: false }).point).toEqual(at(80, 40));
  });

  it('snaps onto a turned hall edge', () => {
    const doc = layout({
      halls: [createHall('h', { x: 0, y: 0 }, { width: 20, depth: 20, rotation: 45 })],
      fiberTrenches: [],
    });
    // The upper-right edge runs from (0, −14.14) to (14.14, 0): the line x − y = 10√2.
    const r = snapPoint(doc, at(8, -5), { scale: 1, alt: false, kind: 'trench-vertex' });
    expect(r.point.x - r.point.y).toBeCloseTo(10 * Math.SQRT2, 9);
  });

  it('skips excluded trenches and falls back to the grid', () => {
    const r = snapPoint(layout(), at(49.2, 3.4), {
      scale: 1,
      alt: false,
      kind: 'trench-vertex',
      exclude: new Set(['tr-1']),
    });
    expect(r.point).toEqual(at(49, 3));
  });
});

describe('snapRect', () => {
  it('aligns a moving box edge or centre with the nearest feature and grid-snaps the other axis', () => {
    // Box x 113…123 (centre 118), y 100…110. The hall's right edge x = 120 is 2 m from the box
    // centre, 3 m from its right edge and 7 m from its left edge: the centre wins (dx = +2).
    // Nothing is within 8 m in y; the box centre y = 105 is already on the grid (dy = 0).
    const r = snapRect(
      layout(),
      { minX: 113, minY: 100, maxX: 123, maxY: 110 },
      {
        scale: 1,
        alt: false,
      },
    );
    expect(r.dx).toBeCloseTo(2, 12);
    expect(r.dy).toBe(0);
    expect(r.guides).toEqual([{ from: at(120, 40), to: at(120, 110) }]);
  });

  it('grid-snaps the anchor when nothing is in reach, and does nothing with Alt', () => {
    const box = { minX: 500.3, minY: 500.2, maxX: 510.3, maxY: 510.2 };
    const r = snapRect(layout(), box, { scale: 1, alt: false, gridAnchor: at(500.3, 500.2) });
    expect(r.dx).toBeCloseTo(-0.3, 9);
    expect(r.dy).toBeCloseTo(-0.2, 9);
    expect(snapRect(layout(), box, { scale: 1, alt: true })).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});

describe('snapPoint properties', () => {
  const hallArb = fc.record({
    x: fc.double({ min: -500, max: 500, noNaN: true }),
    y: fc.double({ min: -500, max: 500, noNaN: true }),
    width: fc.double({ min: 1, max: 200, noNaN: true }),
    depth: fc.double({ min: 1, max: 200, noNaN: true }),
    rotation: fc.oneof(
      fc.constant(0),
      fc.constant(90),
      fc.double({ min: -360, max: 360, noNaN: true }),
    ),
  });
  const pointArb = fc.record({
    x: fc.double({ min: -600, max: 600, noNaN: true }),
    y: fc.double({ min: -600, max: 600, noNaN: true }),
  });
  const docArb = fc
    .tuple(
      fc.array(hallArb, { maxLength: 6 }),
      fc.array(fc.array(pointArb, { minLength: 2, maxLength: 4 }), { maxLength: 3 }),
    )
    .map(([halls, trenches]) =>
      layout({
        halls: halls.map((h, i) => createHall(`hall-${i}`, h, h)),
        fiberTrenches: trenches.map((pts, i) =>
          createFiberTrench(
            `tr-${i}`,
            pts.map((p) => [p.x, p.y]),
          ),
        ),
      }),
    );

  it('moves a point at most the snap distance or half a grid cell on each axis', () => {
    fc.assert(
      fc.property(
        docArb,
        pointArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom('point' as const, 'trench-vertex' as const),
        (doc, p, scale, kind) => {
          const { point } = snapPoint(doc, p, { scale, alt: false, kind });
          const reach = Math.max(SNAP_PX / scale, GRID_M / 2);
          const eps = 1e-9 * (1 + Math.abs(p.x) + Math.abs(p.y));
          expect(Math.abs(point.x - p.x)).toBeLessThanOrEqual(reach + eps);
          expect(Math.abs(point.y - p.y)).toBeLessThanOrEqual(reach + eps);
          // So within max(8 px / scale, grid / 2) · √2 as a distance.
          expect(Math.hypot(point.x - p.x, point.y - p.y)).toBeLessThanOrEqual(
            reach * Math.SQRT2 + eps,
          );
        },
      ),
    );
  });

  it('returns the input exactly with Alt', () => {
    fc.assert(
      fc.property(
        docArb,
        pointArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (doc, p, s) => {
          const r = snapPoint(doc, p, { scale: s, alt: true, kind: 'trench-vertex' });
          expect(r.point).toBe(p);
          expect(r.guides).toEqual([]);
        },
      ),
    );
  });
});
