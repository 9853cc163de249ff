import { distanceToSegment, type AABB, type Vec2, type XY } from '../geometry';
import type { ElementOf } from './index';
import { mm, pointsInBox, type KindContext, type KindDef } from './kind';

/** The collections of polylines in the campus frame, edited by their vertices. */
export type CampusPolylineCollection = 'fiberTrenches' | 'powerFeeders';

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

/**
 * The geometry shared by the kinds that are polylines in the campus frame (fiber trenches, power
 * feeders): picked within `tolerance` of a segment, moved as a whole, edited vertex by vertex,
 * never rotated or resized.
 */
export function campusPolylineGeometry<C extends CampusPolylineCollection>(
  collection: C,
): Pick<
  KindDef<C>,
  | 'parentOf'
  | 'childrenOf'
  | 'footprint'
  | 'referencePoint'
  | 'bounds'
  | 'topmostAt'
  | 'inBox'
  | 'move'
  | 'shiftInParent'
  | 'rotateTo'
  | 'resizeTo'
  | 'copy'
  | 'moveVertex'
> {
  type E = ElementOf[C] & { readonly id: string; readonly points: readonly XY[] };
  type M = { points: [number, number][] };
  const list = (ctx: KindContext) => ctx.doc[collection] as unknown as readonly E[];
  return {
    parentOf: () => undefined,
    childrenOf: () => [],
    footprint: (t) => ({ kind: 'polyline', points: t.points }),
    referencePoint(t) {
      const p = t.points[0];
      return p ? { x: p[0], y: p[1] } : null;
    },
    bounds: (t) => polylineAabb(t.points),
    topmostAt(ctx, p, tolerance) {
      const l = list(ctx);
      for (let i = l.length - 1; i >= 0; i--) {
        const t = l[i]!;
        if (distanceToPolyline(t.points, p) <= tolerance) return t.id;
      }
      return undefined;
    },
    inBox: (ctx, box) =>
      list(ctx)
        .filter((t) =>
          pointsInBox(
            box,
            t.points.map(([x, y]) => ({ x, y })),
          ),
        )
        .map((t) => t.id),
    move(t, base, delta) {
      (t as unknown as M).points = shifted((base as E).points, delta);
    },
    shiftInParent: () => undefined,
    rotateTo: () => undefined,
    resizeTo: () => undefined,
    copy: (t, ctx) => ({ ...t, id: ctx.newId(), points: shifted(t.points, ctx.offset) }),
    moveVertex(t, index, update) {
      const points = (t as unknown as M).points;
      const p = points[index];
      if (!p) return;
      const [x, y] = update(p);
      points[index] = [x, y];
    },
  };
}
