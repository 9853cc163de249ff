import {
  closestOnSegment,
  fromXY,
  polygonArea,
  type RotatedRect,
  type Vec2,
  type XY,
} from '../../domain';
import { findPolygonSelfIntersection } from '../../domain/format/simplePolygon';
import { escapeToSelect, overlayOf, roundMm } from './creation';
import { pxToM, type Tool, type ToolContext, type ToolPointerEvent } from './types';

/** Pick distances in screen pixels. */
const VERTEX_HIT_PX = 8;
const EDGE_HIT_PX = 6;
/** Size of the square drawn around the hovered or picked vertex, px. */
const HANDLE_MARK_PX = 12;

export const MIN_PARCEL_POINTS = 3;
export const PARCEL_CROSSING_MESSAGE =
  'The parcel cannot cross itself: the vertex is back where it was';
export const PARCEL_DELETE_CROSSING_MESSAGE =
  'Deleting that vertex would make the parcel cross itself';
export const PARCEL_MIN_MESSAGE = `A parcel needs at least ${MIN_PARCEL_POINTS} vertices`;
export const PARCEL_NO_VERTEX_MESSAGE = 'Hover a vertex to delete it';

export type ParcelHit =
  | { readonly kind: 'vertex'; readonly index: number }
  /** Edge `index` runs from vertex index to index + 1; `point` is the nearest point on it. */
  | { readonly kind: 'edge'; readonly index: number; readonly point: Vec2 };

/** What of the parcel is under `p`: a vertex first (within 8 px), then an edge (within 6 px). */
export function hitParcel(points: readonly XY[], p: Vec2, pxPerM: number): ParcelHit | null {
  let vertex = -1;
  let bestD = VERTEX_HIT_PX / pxPerM;
  for (let index = 0; index < points.length; index++) {
    const v = points[index]!;
    const d = Math.hypot(v[0] - p.x, v[1] - p.y);
    if (d <= bestD) {
      bestD = d;
      vertex = index;
    }
  }
  if (vertex >= 0) return { kind: 'vertex', index: vertex };
  let best: ParcelHit | null = null;
  bestD = EDGE_HIT_PX / pxPerM;
  const n = points.length;
  for (let index = 0; index < n; index++) {
    const a = fromXY(points[index]!);
    const b = fromXY(points[(index + 1) % n]!);
    const { point } = closestOnSegment(p, a, b);
    const d = Math.hypot(point.x - p.x, point.y - p.y);
    if (d <= bestD) {
      bestD = d;
      best = { kind: 'edge', index, point: { x: roundMm(point.x), y: roundMm(point.y) } };
    }
  }
  return best;
}

/** The import check's sweep (a parcel may have 10,000 points, too many for the all-pairs test). */
export const crossesItself = (points: readonly XY[]): boolean =>
  findPolygonSelfIntersection(points) !== null;

/**
 * The parcel's points with vertex `index`'s coordinate `axis` set to `value` (typed in the
 * inspector), or why not: a parcel that would cross itself or have no area is refused, and the
 * message says so (nothing is changed).
 */
export function parcelWithVertex(
  points: readonly XY[],
  index: number,
  axis: 0 | 1,
  value: number,
): { readonly ok: true; readonly points: XY[] } | { readonly ok: false; readonly message: string } {
  if (index < 0 || index >= points.length) {
    return { ok: false, message: `The parcel has no vertex ${index + 1}` };
  }
  const next = points.map((p, i): XY => {
    if (i !== index) return [p[0], p[1]];
    return axis === 0 ? [roundMm(value), p[1]] : [p[0], roundMm(value)];
  });
  const crossing = findPolygonSelfIntersection(next);
  if (crossing) {
    const [a, b] = crossing;
    return {
      ok: false,
      message: `Vertex ${index + 1} there would make the parcel cross itself (edges ${a + 1} and ${b + 1} would meet); the parcel is unchanged`,
    };
  }
  if (polygonArea(next) < 1e-6) {
    return { ok: false, message: 'The parcel would have no area; the parcel is unchanged' };
  }
  return { ok: true, points: next };
}

type State =
  | { readonly name: 'idle' }
  /** A vertex is being dragged inside an open gesture (an inserted one: `inserted`). */
  | { readonly name: 'dragging'; readonly index: number; readonly inserted: boolean };

const IDLE: State = { name: 'idle' };

/**
 * Parcel (P): the parcel's vertices as handles. Drag a vertex (one undo step; a move that would
 * make the polygon cross itself is refused with a message and the parcel restored); press on an
 * edge to insert a vertex there (and keep dragging it, still one step); Alt-click a vertex, or
 * Delete/Backspace on the hovered or last-picked one, deletes it (never below 3 vertices; with
 * neither, a hint, and the key never reaches the app's Delete of the selection).
 */
export function createParcelTool(): Tool {
  let state: State = IDLE;
  let hover: ParcelHit | null = null;
  let picked: number | null = null;
  /** The last pointer event of a vertex drag, for its snap guides. */
  let lastMove: ToolPointerEvent | null = null;

  const handles = (ctx: ToolContext) => {
    const pts = ctx.doc().parcel.points;
    const side = pxToM(ctx, HANDLE_MARK_PX);
    const mark = (p: XY): RotatedRect => ({
      x: p[0],
      y: p[1],
      width: side,
      depth: side,
      rotation: 0,
    });
    const marked = new Set<number>();
    if (state.name === 'dragging') marked.add(state.index);
    else {
      if (hover?.kind === 'vertex') marked.add(hover.index);
      if (picked !== null && picked < pts.length) marked.add(picked);
    }
    const edge = state.name === 'idle' && hover?.kind === 'edge' ? hover : null;
    const snapGuides =
      state.name === 'dragging' && lastMove ? ctx.snap(lastMove.world, lastMove.alt).guides : [];
    ctx.setOverlay(
      overlayOf({
        points: [...pts.map(fromXY), ...(edge ? [edge.point] : [])],
        rects: [...marked].map((i) => mark(pts[i]!)),
        polylines: edge
          ? [[fromXY(pts[edge.index]!), fromXY(pts[(edge.index + 1) % pts.length]!)]]
          : [],
        guides: snapGuides,
      }),
    );
  };

  const deleteVertex = (ctx: ToolContext, index: number) => {
    const pts = ctx.doc().parcel.points;
    if (index < 0 || index >= pts.length) return;
    if (pts.length <= MIN_PARCEL_POINTS) {
      ctx.showToast(PARCEL_MIN_MESSAGE, 'warning');
      return;
    }
    if (crossesItself(pts.filter((_, i) => i !== index))) {
      ctx.showToast(PARCEL_DELETE_CROSSING_MESSAGE, 'warning');
      return;
    }
    ctx.apply((d) => {
      d.parcel.points.splice(index, 1);
    }, 'Delete parcel vertex');
    hover = null;
    picked = null;
    handles(ctx);
  };

  const moveTo = (ctx: ToolContext, e: ToolPointerEvent) => {
    if (state.name !== 'dragging') return;
    const { index } = state;
    const p = ctx.snap(e.world, e.alt).point;
    ctx.updateGesture((d) => {
      d.parcel.points[index] = [roundMm(p.x), roundMm(p.y)];
    });
    lastMove = e;
    handles(ctx);
  };

  return {
    id: 'parcel',
    cursor: 'default',
    onEnter(ctx) {
      // The inspector shows the parcel's vertices, to type them exactly.
      ctx.selectParcel();
      handles(ctx);
    },
    onPointerDown(e, ctx) {
      if (e.button !== 0 || state.name !== 'idle') return;
      const hit = hitParcel(ctx.doc().parcel.points, e.world, ctx.scale());
      hover = hit;
      if (!hit) {
        picked = null;
        handles(ctx);
        return;
      }
      if (hit.kind === 'vertex' && e.alt) {
        deleteVertex(ctx, hit.index);
        return;
      }
      ctx.beginGesture();
      if (hit.kind === 'vertex') {
        state = { name: 'dragging', index: hit.index, inserted: false };
      } else {
        const index = hit.index + 1;
        ctx.updateGesture((d) => {
          d.parcel.points.splice(index, 0, [hit.point.x, hit.point.y]);
        });
        state = { name: 'dragging', index, inserted: true };
      }
      picked = state.index;
      lastMove = null;
      handles(ctx);
    },
    onPointerMove(e, ctx) {
      if (state.name === 'dragging') {
        moveTo(ctx, e);
        return;
      }
      hover = hitParcel(ctx.doc().parcel.points, e.world, ctx.scale());
      handles(ctx);
    },
    onPointerUp(_e, ctx) {
      if (state.name !== 'dragging') return;
      const { inserted } = state;
      state = IDLE;
      lastMove = null;
      if (crossesItself(ctx.doc().parcel.points)) {
        ctx.cancelGesture();
        picked = null;
        ctx.showToast(PARCEL_CROSSING_MESSAGE, 'warning');
      } else {
        ctx.commitGesture(inserted ? 'Add parcel vertex' : 'Move parcel vertex');
      }
      hover = null;
      handles(ctx);
    },
    onKeyDown(e, ctx) {
      if (e.key === 'Escape') {
        if (state.name === 'dragging') {
          this.cancel(ctx);
          return true;
        }
        return escapeToSelect(e, ctx);
      }
      if (e.key === 'Delete' || e.key === 'Backspace') {
        // Always the parcel's: with no vertex to delete the key must not fall through to the
        // app's Delete and remove the selected halls, which this tool does not even show.
        if (state.name !== 'idle') return true;
        const target = hover?.kind === 'vertex' ? hover.index : picked;
        if (target === null) ctx.showToast(PARCEL_NO_VERTEX_MESSAGE);
        else deleteVertex(ctx, target);
        return true;
      }
      return false;
    },
    /**
     * Abandon a vertex drag (Esc, undo mid-drag, pointer cancel): the parcel goes back to before
     * it and the tool is idle, its vertices still drawn (a tool switch clears them after this).
     */
    cancel(ctx) {
      if (state.name === 'dragging') ctx.cancelGesture();
      state = IDLE;
      hover = null;
      picked = null;
      lastMove = null;
      handles(ctx);
    },
  };
}
