import { z } from 'zod';
import { distanceToSegment, polylineLength, type AABB, type Vec2, type XY } from '../geometry';
import { id, integer, MAX_POINTS, name, point } from './fields';
import { idField, type FieldDef } from './fieldDefs';
import { mm, pointsInBox, round3, type KindDef } from './kind';

/** A fiber trench: a polyline route carrying `fiberCount` fibers (strands) along its whole length. */
export const fiberTrenchSchema = z.object(
  {
    id: id(),
    name: name(),
    points: z
      .array(point(), { error: 'must be a list of points' })
      .min(2, { error: 'must have at least 2 points' })
      .max(MAX_POINTS, { error: `must have at most ${MAX_POINTS} points` }),
    fiberCount: integer(1, 100_000),
  },
  { error: 'must be a fiber trench object' },
);
export type FiberTrench = z.output<typeof fiberTrenchSchema>;

export function trenchLengthM(t: FiberTrench): number {
  return polylineLength(t.points);
}

export function createFiberTrench(
  id: string,
  points: XY[],
  over: Partial<FiberTrench> = {},
): FiberTrench {
  return {
    id,
    name: `Trench ${id.replace(/^\D+/, '')}`,
    points: points.map((p) => [p[0], p[1]]),
    fiberCount: 1728,
    ...over,
  };
}

/** Distance from `p` to a polyline (to its one point when it has only one). */
export function distanceToPolyline(points: readonly XY[], p: Vec2): number {
  if (points.length === 1) return Math.hypot(points[0]![0] - p.x, points[0]![1] - p.y);
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    best = Math.min(best, distanceToSegment(p, { x: a[0], y: a[1] }, { x: b[0], y: b[1] }));
  }
  return best;
}

/** The box around a polyline, or null when it has no points. */
export function polylineAabb(points: readonly XY[]): AABB | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
  };
}

const shifted = (points: readonly XY[], d: Vec2): [number, number][] =>
  points.map(([x, y]) => [mm(x + d.x), mm(y + d.y)] as [number, number]);

const trenchShape = fiberTrenchSchema.shape;

/** A trench's inspector fields, in the order shown (its vertices last, one row each). */
export const FIBER_TRENCH_FIELDS: readonly FieldDef<FiberTrench>[] = [
  { id: 'name', key: 'name', label: 'Name', type: 'text', schema: trenchShape.name, wide: true },
  {
    id: 'fiberCount',
    key: 'fiberCount',
    label: 'Fibers',
    type: 'number',
    unit: 'count',
    schema: trenchShape.fiberCount,
    hint: 'Strands carried along the whole trench',
  },
  idField,
  {
    id: 'points',
    key: 'points',
    label: 'Vertices',
    type: 'points',
    coordSchema: trenchShape.points.element.def.items[0],
    wide: true,
  },
];

/** Fiber trenches: campus polylines, on top of everything, edited by their vertices. */
export const fiberTrenchKind: KindDef<'fiberTrenches'> = {
  collection: 'fiberTrenches',
  label: 'Fiber trench',
  exportKind: 'fiberTrench',
  exportProperties: (t) => ({
    name: t.name,
    fiberCount: t.fiberCount,
    lengthM: round3(polylineLength(t.points)),
  }),
  noun: { one: 'trench', many: 'trenches' },
  idPrefix: 'tr',
  schema: fiberTrenchSchema,
  hitRank: 0,
  resize: null,
  resizeSnaps: false,
  fields: FIBER_TRENCH_FIELDS,
  parentOf: () => undefined,
  childrenOf: () => [],
  footprint: (t) => ({ kind: 'polyline', points: t.points }),
  referencePoint(t) {
    const p = t.points[0];
    return p ? { x: p[0], y: p[1] } : null;
  },
  bounds: (t) => polylineAabb(t.points),
  topmostAt(ctx, p, tolerance) {
    const list = ctx.doc.fiberTrenches;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i]!;
      if (distanceToPolyline(t.points, p) <= tolerance) return t.id;
    }
    return undefined;
  },
  inBox: (ctx, box) =>
    ctx.doc.fiberTrenches
      .filter((t) =>
        pointsInBox(
          box,
          t.points.map(([x, y]) => ({ x, y })),
        ),
      )
      .map((t) => t.id),
  move(t, base, delta) {
    t.points = shifted(base.points, delta);
  },
  shiftInParent: () => undefined,
  rotateTo: () => undefined,
  resizeTo: () => undefined,
  copy: (t, ctx) => ({ ...t, id: ctx.newId(), points: shifted(t.points, ctx.offset) }),
  // Vertices on a hall (or within GLUE_REACH_M of its edge) follow the hall.
  glue: { kind: 'vertices' },
  moveVertex(t, index, update) {
    const p = t.points[index];
    if (!p) return;
    const [x, y] = update(p);
    t.points[index] = [x, y];
  },
};
