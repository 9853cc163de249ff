import type { Draft } from 'immer';
import {
  add,
  COLLECTIONS,
  GLUE_REACH_M,
  kindOf,
  mm,
  normalizeDeg,
  rectContainsPoint,
  rectAabb,
  rectInsideRect,
  rectsOverlap,
  rotate,
  toRectLocal,
  type AABB,
  type AnyElement,
  type Collection,
  type Layout,
  type RotatedRect,
  type Vec2,
} from '../domain';
import { elementIndex, kindContext } from '../state/selectors';
import { unionAabb } from './bounds';

/**
 * Glue: what a carrier (a hall: a kind with `carriesGlued`) takes along when it moves, turns or is
 * resized, and the edit that takes it along. Which kinds are glued, and how, is their KindDef's
 * `glue`: a polyline kind's vertices on the hall (or within GLUE_REACH_M of its edge), a rectangle
 * kind that wraps the hall and no other hall. Every edit of a hall's placement (drag, handles,
 * arrow keys, the inspector) calls `carryGlued` in the same recipe, so it is the same undo step.
 */

/** A glued polyline vertex. */
export interface GluedVertex {
  readonly collection: Collection;
  readonly id: string;
  readonly index: number;
}

/** What one carrier takes along. */
export interface Carried {
  /** Wrapping rectangles (a zone around the hall), by id. */
  readonly wrappers: readonly { readonly collection: Collection; readonly id: string }[];
  readonly vertices: readonly GluedVertex[];
}

const EMPTY: Carried = { wrappers: [], vertices: [] };

/** The carriers' rectangles of a layout (halls), in file order. */
function carriers(doc: Layout): { collection: Collection; id: string; rect: RotatedRect }[] {
  const ctx = kindContext(doc);
  const out: { collection: Collection; id: string; rect: RotatedRect }[] = [];
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    if (!kind.carriesGlued) continue;
    for (const e of doc[c] as readonly AnyElement[]) {
      const f = kind.footprint(e, ctx);
      if (f?.kind === 'rect') out.push({ collection: c, id: e.id, rect: f.rect });
    }
  }
  return out;
}

/**
 * What each of `ids` carries (the ids that are carriers; others are ignored), with nothing carried
 * twice: a vertex on two moving halls goes with the first of them in file order, and elements in
 * `skip` (those moving themselves, say) are carried by none.
 */
export function gluedTo(
  doc: Layout,
  ids: Iterable<string>,
  skip: ReadonlySet<string> = new Set(),
): Map<string, Carried> {
  const want = new Set(ids);
  const all = carriers(doc);
  const moving = all.filter((h) => want.has(h.id));
  const out = new Map<string, Carried>();
  if (moving.length === 0) return out;
  const taken = new Set<string>();
  const wrappers = new Map<string, { collection: Collection; id: string }[]>();
  const vertices = new Map<string, GluedVertex[]>();
  const ctx = kindContext(doc);
  // Where a glued vertex can be: the moving carriers' boxes and the glue reach around them (a
  // turned carrier's reach sticks out of its box by up to √2 × the reach at a corner).
  let reach: AABB = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const m of moving) reach = unionAabb(reach, rectAabb(m.rect));
  const margin = GLUE_REACH_M * Math.SQRT2 + 1e-9;
  const near = (x: number, y: number) =>
    x >= reach.minX - margin &&
    x <= reach.maxX + margin &&
    y >= reach.minY - margin &&
    y <= reach.maxY + margin;
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    const glue = kind.glue;
    if (!glue) continue;
    for (const e of doc[c] as readonly AnyElement[]) {
      if (skip.has(e.id)) continue;
      const f = kind.footprint(e, ctx);
      if (!f) continue;
      if (glue.kind === 'wrapper' && f.kind === 'rect') {
        // Only a wrapper of a moving carrier can be carried: one that meets none is left at
        // once, so a campus of many zones costs zones × moving carriers, not zones × carriers.
        if (!moving.some((h) => h.id !== e.id && rectsOverlap(f.rect, h.rect))) continue;
        const held = all.filter((h) => h.id !== e.id && rectsOverlap(f.rect, h.rect));
        const only = held.length === 1 ? held[0]! : null;
        if (only && want.has(only.id) && rectInsideRect(f.rect, only.rect)) {
          const list = wrappers.get(only.id) ?? [];
          list.push({ collection: c, id: e.id });
          wrappers.set(only.id, list);
        }
      } else if (glue.kind === 'vertices' && f.kind === 'polyline') {
        f.points.forEach(([x, y], index) => {
          if (!near(x, y)) return;
          const key = `${e.id}#${index}`;
          if (taken.has(key)) return;
          const h = moving.find((m) => rectContainsPoint(m.rect, { x, y }, GLUE_REACH_M));
          if (!h) return;
          taken.add(key);
          const list = vertices.get(h.id) ?? [];
          list.push({ collection: c, id: e.id, index });
          vertices.set(h.id, list);
        });
      }
    }
  }
  for (const h of moving) {
    const w = wrappers.get(h.id) ?? [];
    const v = vertices.get(h.id) ?? [];
    out.set(h.id, w.length === 0 && v.length === 0 ? EMPTY : { wrappers: w, vertices: v });
  }
  return out;
}

/** What one hall carries (for the inspector's "Moves with it"). */
export function carriedBy(doc: Layout, id: string): Carried {
  return gluedTo(doc, [id]).get(id) ?? EMPTY;
}

/** "cooling zone cz-1, 2 trench vertices", or null when it carries nothing. */
export function describeCarried(carried: Carried): string | null {
  const parts: string[] = carried.wrappers.map((w) => `${kindOf(w.collection).noun.one} ${w.id}`);
  const byKind = new Map<Collection, number>();
  for (const v of carried.vertices) byKind.set(v.collection, (byKind.get(v.collection) ?? 0) + 1);
  for (const [c, n] of byKind) {
    parts.push(`${n} ${kindOf(c).noun.one} ${n === 1 ? 'vertex' : 'vertices'}`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * A position kept relative to a frame being resized, one axis: a point inside keeps its fraction
 * of the size; a point outside keeps its distance from the nearer edge.
 */
function along(l: number, half0: number, half1: number): number {
  if (l > half0) return l - half0 + half1;
  if (l < -half0) return l + half0 - half1;
  return half0 > 0 ? (l * half1) / half0 : l;
}

/** Where a campus point glued to rectangle `r0` goes when the rectangle becomes `r1`. */
export function carryPoint(r0: RotatedRect, r1: RotatedRect, p: Vec2): Vec2 {
  const l = toRectLocal(r0, p);
  const m = {
    x: along(l.x, r0.width / 2, r1.width / 2),
    y: along(l.y, r0.depth / 2, r1.depth / 2),
  };
  return add({ x: r1.x, y: r1.y }, rotate(m, r1.rotation));
}

/**
 * Where a rectangle wrapping `r0` goes when `r0` becomes `r1`: turned and moved with it, its
 * centre at the same place in the hall's frame, and (when its sides run along the hall's) its
 * margins around the hall kept as they were.
 */
export function carryWrapper(r0: RotatedRect, r1: RotatedRect, z: RotatedRect): RotatedRect {
  const l = toRectLocal(r0, z);
  const c = add({ x: r1.x, y: r1.y }, rotate(l, r1.rotation));
  const turn = normalizeDeg(z.rotation - r0.rotation);
  const dw = r1.width - r0.width;
  const dd = r1.depth - r0.depth;
  const q = Math.round(turn / 90);
  const square = Math.abs(turn - q * 90) < 1e-6;
  const swapped = square && q % 2 === 1;
  return {
    x: c.x,
    y: c.y,
    width: Math.max(1, z.width + (square ? (swapped ? dd : dw) : 0)),
    depth: Math.max(1, z.depth + (square ? (swapped ? dw : dd) : 0)),
    rotation: normalizeDeg(r1.rotation + turn),
  };
}

const same = (a: RotatedRect, b: RotatedRect) =>
  a.x === b.x &&
  a.y === b.y &&
  a.width === b.width &&
  a.depth === b.depth &&
  a.rotation === b.rotation;

type Lists = Record<Collection, Draft<AnyElement>[]>;

/**
 * Take along what the carriers among `ids` carried in `base` (the layout before the edit), to
 * match where the edit put them in the draft. Elements in `ids` (moved by the edit themselves)
 * are not carried. Positions are computed from `base`, so a drag may call this on every frame
 * (with `glued` worked out once, at its start, by `gluedTo(base, ids, new Set(ids))`).
 */
export function carryGlued(
  d: Draft<Layout>,
  base: Layout,
  ids: Iterable<string>,
  glued: ReadonlyMap<string, Carried> = gluedTo(base, ids, new Set(ids)),
  /** Leave them where they were in `base` (Alt held during a drag: detached). */
  detached = false,
): void {
  if (glued.size === 0) return;
  const from = elementIndex(base);
  const ctx = kindContext(base);
  const lists = d as unknown as Lists;
  const find = (c: Collection, id: string) => lists[c].find((e) => e.id === id);
  const rectOf = (c: Collection, e: AnyElement): RotatedRect | null => {
    const f = kindOf(c).footprint(e, ctx);
    return f?.kind === 'rect' ? f.rect : null;
  };
  for (const [hallId, carried] of glued) {
    const l = from.locate(hallId);
    const now = l && find(l.collection, hallId);
    if (!l || !now) continue;
    const r0 = rectOf(l.collection, l.element);
    const r1 = detached ? r0 : rectOf(l.collection, now);
    if (!r0 || !r1 || (!detached && same(r0, r1))) continue;
    for (const w of carried.wrappers) {
      const glue = kindOf(w.collection).glue;
      const was = from.get(w.id);
      const e = find(w.collection, w.id);
      const z = was && rectOf(w.collection, was);
      if (glue?.kind !== 'wrapper' || !e || !z) continue;
      glue.place(e, carryWrapper(r0, r1, z));
    }
    for (const v of carried.vertices) {
      const kind = kindOf(v.collection);
      const was = from.get(v.id);
      const e = find(v.collection, v.id);
      const f = was && kind.footprint(was, ctx);
      const p = f?.kind === 'polyline' ? f.points[v.index] : undefined;
      if (!e || !p || !kind.moveVertex) continue;
      const q = carryPoint(r0, r1, { x: p[0], y: p[1] });
      kind.moveVertex(e, v.index, () => [mm(q.x), mm(q.y)]);
    }
  }
}
