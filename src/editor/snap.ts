import {
  closestOnSegment,
  pointsAabb,
  rectAabb,
  rectCorners,
  type AABB,
  type FiberTrench,
  type Layout,
  type RotatedRect,
  type Vec2,
} from '../domain';
import type { Guide, SnapOptions, SnapResult } from './tools/types';

/**
 * The snapping engine. Priorities (react-planner's snap mask): for a polyline vertex (trench or
 * feeder), another polyline's vertex, then the nearest point of a hall or substation edge; then, per axis and independently,
 * alignment with other elements' edges, centres and corners; then the 1 m grid. Alt: off.
 *
 * The snap distance is in screen pixels (Excalidraw: 8 px / zoom). Targets are halls, cooling
 * zones, substations and trench vertices, never rack rows: a 1 GW campus has tens of thousands of
 * rows but only hundreds of those, and this runs on every pointer move. Each collection's targets
 * are built once per version of its array (documents are immutable), and a cheap box test on the
 * snapping axis skips a target before its features are looked at.
 */

/** The metric grid, metres. */
export const GRID_M = 1;
/** Snap distance in screen pixels. */
export const SNAP_PX = 8;
/** Half the size of the cross drawn on a vertex snapped to, in screen pixels. */
const MARK_PX = 6;
/** Values this close count as the same alignment (for merging guides), metres. */
const SAME_M = 1e-6;

export interface SnapParams extends SnapOptions {
  /** Pixels per metre: the snap distance is in screen pixels (Excalidraw: 8 px / zoom). */
  readonly scale: number;
  /** Alt held: no snapping. */
  readonly alt: boolean;
}

/**
 * A coordinate an element offers on one axis (an edge's x, a centre's x, a corner's x), with the
 * extent of the feature along the other axis, from `lo` to `hi`, for drawing the guide.
 */
interface AxisFeature {
  readonly v: number;
  readonly lo: number;
  readonly hi: number;
}

interface Target {
  readonly id: string;
  readonly box: AABB;
  readonly xs: readonly AxisFeature[];
  readonly ys: readonly AxisFeature[];
}

interface TrenchTarget {
  readonly id: string;
  readonly box: AABB;
  readonly points: readonly Vec2[];
}

interface HallEdges {
  readonly id: string;
  readonly box: AABB;
  readonly corners: readonly Vec2[];
}

/** Is the rotation a whole number of quarter turns (so the element's edges are axis-aligned)? */
function axisAligned(rotation: number): boolean {
  const q = rotation / 90;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function rectTarget(e: RotatedRect & { readonly id: string }): Target {
  const box = rectAabb(e);
  if (axisAligned(e.rotation)) {
    // Edges and centre lines run the whole side: the guide can extend along it.
    const xSpan = { lo: box.minY, hi: box.maxY };
    const ySpan = { lo: box.minX, hi: box.maxX };
    return {
      id: e.id,
      box,
      xs: [box.minX, e.x, box.maxX].map((v) => ({ v, ...xSpan })),
      ys: [box.minY, e.y, box.maxY].map((v) => ({ v, ...ySpan })),
    };
  }
  // A turned rectangle offers its corners and its centre, as points.
  const pts = [...rectCorners(e), { x: e.x, y: e.y }];
  return {
    id: e.id,
    box,
    xs: pts.map((p) => ({ v: p.x, lo: p.y, hi: p.y })),
    ys: pts.map((p) => ({ v: p.y, lo: p.x, hi: p.x })),
  };
}

function trenchTarget(t: Pick<FiberTrench, 'id' | 'points'>): TrenchTarget {
  const points = t.points.map((p) => ({ x: p[0], y: p[1] }));
  return { id: t.id, box: pointsAabb(points), points };
}

function trenchAlignTarget(t: TrenchTarget): Target {
  return {
    id: t.id,
    box: t.box,
    xs: t.points.map((p) => ({ v: p.x, lo: p.y, hi: p.y })),
    ys: t.points.map((p) => ({ v: p.y, lo: p.x, hi: p.x })),
  };
}

/** Memoise a per-element derivation by the identity of the collection's array. */
function perArray<E, T>(build: (e: E) => T): (list: readonly E[]) => readonly T[] {
  const cache = new WeakMap<readonly E[], readonly T[]>();
  return (list) => {
    let out = cache.get(list);
    if (!out) {
      out = list.map(build);
      cache.set(list, out);
    }
    return out;
  };
}

const hallTargets = perArray(rectTarget);
const zoneTargets = perArray(rectTarget);
const substationTargets = perArray(rectTarget);
const generatorTargets = perArray(rectTarget);
const batteryTargets = perArray(rectTarget);
const plantTargets = perArray(rectTarget);
const trenchTargets = perArray(trenchTarget);
const feederTargets = perArray(trenchTarget);
const trenchAlignCache = new WeakMap<readonly TrenchTarget[], readonly Target[]>();
function trenchAlignTargets(doc: Layout): readonly Target[] {
  const trenches = trenchTargets(doc.fiberTrenches);
  let out = trenchAlignCache.get(trenches);
  if (!out) {
    out = trenches.map(trenchAlignTarget);
    trenchAlignCache.set(trenches, out);
  }
  return out;
}
const edgesOf = (h: RotatedRect & { readonly id: string }): HallEdges => ({
  id: h.id,
  box: rectAabb(h),
  corners: rectCorners(h),
});
const hallEdges = perArray(edgesOf);
const substationEdges = perArray(edgesOf);

/** Every element a point or a box aligns with: halls, zones, substations, yards, plants, trenches. */
function alignTargets(doc: Layout): readonly (readonly Target[])[] {
  return [
    hallTargets(doc.halls),
    zoneTargets(doc.coolingZones),
    substationTargets(doc.substations),
    generatorTargets(doc.generatorYards),
    batteryTargets(doc.batteryYards),
    plantTargets(doc.coolingPlants),
    trenchAlignTargets(doc),
  ];
}

type Axis = 'x' | 'y';

interface AxisSnap {
  /** The correction to add on this axis. */
  readonly delta: number;
  /** The snapped coordinate(s) and the extent of what they align with on the other axis. */
  readonly spans: readonly AxisFeature[];
}

/**
 * The smallest correction, within `tol`, that puts one of `moving` (coordinates on `axis`) onto a
 * feature of a target; null when nothing is within reach. Targets whose box, widened by `tol`,
 * misses the moving range [lo, hi] on this axis are skipped without looking at their features.
 */
function snapAxis(
  groups: readonly (readonly Target[])[],
  axis: Axis,
  moving: readonly number[],
  tol: number,
  exclude: ReadonlySet<string> | undefined,
): AxisSnap | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of moving) {
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  let best: number | null = null;
  const hits: { readonly m: number; readonly f: AxisFeature }[] = [];
  for (const targets of groups) {
    for (const t of targets) {
      const min = axis === 'x' ? t.box.minX : t.box.minY;
      const max = axis === 'x' ? t.box.maxX : t.box.maxY;
      if (max < lo - tol || min > hi + tol) continue;
      if (exclude?.has(t.id)) continue;
      for (const f of axis === 'x' ? t.xs : t.ys) {
        for (const m of moving) {
          const d = f.v - m;
          if (Math.abs(d) > tol) continue;
          if (best === null || Math.abs(d) < Math.abs(best) - SAME_M) {
            best = d;
            hits.length = 0;
          }
          if (Math.abs(d - best) <= SAME_M) hits.push({ m, f });
        }
      }
    }
  }
  if (best === null) return null;
  return { delta: best, spans: hits.map((h) => h.f) };
}

/**
 * Guide lines for an axis snap: at each snapped coordinate, a line across the moving thing's
 * extent [lo, hi] on the other axis and every feature it aligned with there.
 */
function axisGuides(axis: Axis, snap: AxisSnap, lo: number, hi: number): Guide[] {
  const byValue = new Map<number, { lo: number; hi: number }>();
  for (const f of snap.spans) {
    const key = Math.round(f.v / SAME_M);
    const cur = byValue.get(key);
    byValue.set(key, {
      lo: Math.min(cur?.lo ?? lo, f.lo),
      hi: Math.max(cur?.hi ?? hi, f.hi),
    });
  }
  const guides: Guide[] = [];
  for (const [key, span] of byValue) {
    const v = key * SAME_M;
    guides.push(
      axis === 'x'
        ? { from: { x: v, y: span.lo }, to: { x: v, y: span.hi } }
        : { from: { x: span.lo, y: v }, to: { x: span.hi, y: v } },
    );
  }
  return guides;
}

const roundToGrid = (v: number): number => Math.round(v / GRID_M) * GRID_M;

/** Two short strokes crossing at `p`: marks a point snapped to. */
function crossAt(p: Vec2, half: number): Guide[] {
  return [
    { from: { x: p.x - half, y: p.y - half }, to: { x: p.x + half, y: p.y + half } },
    { from: { x: p.x - half, y: p.y + half }, to: { x: p.x + half, y: p.y - half } },
  ];
}

const near = (box: AABB, p: Vec2, tol: number): boolean =>
  p.x >= box.minX - tol && p.x <= box.maxX + tol && p.y >= box.minY - tol && p.y <= box.maxY + tol;

/** The nearest vertex of another polyline (trench or feeder) within `tol`. */
function snapToTrenchVertex(
  doc: Layout,
  p: Vec2,
  tol: number,
  exclude: ReadonlySet<string> | undefined,
): Vec2 | null {
  let best: Vec2 | null = null;
  let bestD = tol;
  for (const t of [...trenchTargets(doc.fiberTrenches), ...feederTargets(doc.powerFeeders)]) {
    if (!near(t.box, p, tol) || exclude?.has(t.id)) continue;
    for (const v of t.points) {
      const d = Math.hypot(v.x - p.x, v.y - p.y);
      if (d <= bestD) {
        bestD = d;
        best = v;
      }
    }
  }
  return best;
}

/** The nearest point of a hall's or substation's outline within `tol`, and the edge it lies on. */
function snapToHallEdge(
  doc: Layout,
  p: Vec2,
  tol: number,
  exclude: ReadonlySet<string> | undefined,
): { point: Vec2; edge: Guide } | null {
  let best: { point: Vec2; edge: Guide } | null = null;
  let bestD = tol;
  for (const h of [...hallEdges(doc.halls), ...substationEdges(doc.substations)]) {
    if (!near(h.box, p, tol) || exclude?.has(h.id)) continue;
    for (let i = 0; i < 4; i++) {
      const a = h.corners[i]!;
      const b = h.corners[(i + 1) % 4]!;
      const { point } = closestOnSegment(p, a, b);
      const d = Math.hypot(point.x - p.x, point.y - p.y);
      if (d <= bestD) {
        bestD = d;
        best = { point, edge: { from: a, to: b } };
      }
    }
  }
  return best;
}

/**
 * Snap a campus point. A polyline vertex (of a trench or a feeder) snaps to another trench's or
 * feeder's vertex, else to the nearest point of a hall's or substation's edge (both within 8 px). Otherwise x and y snap independently: to an element's edge,
 * centre or corner coordinate within 8 px (guides show it), else to the 1 m grid.
 */
export function snapPoint(doc: Layout, p: Vec2, params: SnapParams): SnapResult {
  if (params.alt || !(params.scale > 0)) return { point: p, guides: [] };
  const tol = SNAP_PX / params.scale;
  const { exclude } = params;

  if (params.kind === 'trench-vertex') {
    const vertex = snapToTrenchVertex(doc, p, tol, exclude);
    if (vertex) return { point: vertex, guides: crossAt(vertex, MARK_PX / params.scale) };
    const edge = snapToHallEdge(doc, p, tol, exclude);
    if (edge) return { point: edge.point, guides: [edge.edge] };
  }

  const groups = alignTargets(doc);
  const sx = snapAxis(groups, 'x', [p.x], tol, exclude);
  const sy = snapAxis(groups, 'y', [p.y], tol, exclude);
  const point = {
    x: sx ? p.x + sx.delta : roundToGrid(p.x),
    y: sy ? p.y + sy.delta : roundToGrid(p.y),
  };
  const guides: Guide[] = [];
  if (sx) guides.push(...axisGuides('x', sx, point.y, point.y));
  if (sy) guides.push(...axisGuides('y', sy, point.x, point.x));
  return { point, guides };
}

export interface RectSnapParams extends SnapParams {
  /**
   * The point that snaps to the grid when no edge is in reach on an axis (default: the box's
   * centre, which puts a hall's x, y on whole metres).
   */
  readonly gridAnchor?: Vec2;
}

export interface RectSnapResult {
  /** Add this to the moving selection's proposed offset. */
  readonly dx: number;
  readonly dy: number;
  readonly guides: readonly Guide[];
}

/**
 * Snap a moving box (a selection's bounds at start + total delta): its left, centre and right
 * x, and top, centre and bottom y, each to other elements' features within 8 px; per axis,
 * without one, the anchor snaps to the grid. Returns the correction and the guides.
 */
export function snapRect(doc: Layout, box: AABB, params: RectSnapParams): RectSnapResult {
  if (params.alt || !(params.scale > 0)) return { dx: 0, dy: 0, guides: [] };
  const tol = SNAP_PX / params.scale;
  const groups = alignTargets(doc);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const sx = snapAxis(groups, 'x', [box.minX, cx, box.maxX], tol, params.exclude);
  const sy = snapAxis(groups, 'y', [box.minY, cy, box.maxY], tol, params.exclude);
  const anchor = params.gridAnchor ?? { x: cx, y: cy };
  const dx = sx ? sx.delta : roundToGrid(anchor.x) - anchor.x;
  const dy = sy ? sy.delta : roundToGrid(anchor.y) - anchor.y;
  const guides: Guide[] = [];
  if (sx) guides.push(...axisGuides('x', sx, box.minY + dy, box.maxY + dy));
  if (sy) guides.push(...axisGuides('y', sy, box.minX + dx, box.maxX + dx));
  return { dx, dy, guides };
}
