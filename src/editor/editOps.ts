import { isDraft, original, type Draft } from 'immer';
import {
  COLLECTIONS,
  kindOf,
  type AnyElement,
  type Collection,
  type CopyContext,
  type ElementOf,
  type Layout,
  type HandleDir,
  mm,
  normalizeDeg,
  rotate,
  type Vec2,
} from '../domain';
import { elementIndex, kindContext } from '../state/selectors';
import { nextFreeName } from '../domain/text';
import type { AABB } from '../domain';
import { elementsBounds } from './elementBounds';

export {
  clampRowToHall,
  HANDLE_DIRS,
  HANDLE_VECTORS,
  MAX_RACKS,
  MIN_SIZE_M,
  mm,
  type HandleDir,
} from '../domain';

/**
 * The editor's edits as plain functions over an immer draft of the layout (Excalidraw's habit:
 * element updates are plain functions, tested on their own). Each is applied through the document
 * store (`apply` for one step, `updateGesture` during a drag), never directly.
 *
 * Frames: halls, zones and substations are placed in the campus frame by their centre; rows live
 * in their hall's frame (origin at its top-left corner before rotation, rotation relative to it).
 */

/** Duplicate and paste offset, metres (right and down). */
export const DUPLICATE_OFFSET_M = 5;

/** The element `e` of collection `c` lives in the frame of an element of `set` (a row of a hall). */
function parentIn(c: Collection, e: AnyElement, set: { has(id: string): boolean }): boolean {
  const parent = kindOf(c).parentOf(e);
  return parent !== undefined && set.has(parent);
}

type Lists = Record<Collection, Draft<AnyElement>[]>;
const listsOf = (d: Draft<Layout>) => d as unknown as Lists;
const mutable = (e: Draft<AnyElement>) => e;

/**
 * The ids an edit acts on: a row whose hall is also in the set is dropped (it moves, duplicates
 * and copies with its hall already).
 */
export function effectiveIds(doc: Layout, ids: Iterable<string>): Set<string> {
  const set = new Set(ids);
  const index = elementIndex(doc);
  for (const id of [...set]) {
    const l = index.locate(id);
    if (l && parentIn(l.collection, l.element, set)) set.delete(id);
  }
  return set;
}

/**
 * The layout a draft was made from (plain frozen objects). Scanning it instead of the draft keeps
 * immer from making a proxy of every element read: a 1 GW campus has thousands of rows, and a
 * drag edits the document once per frame.
 */
function plainOf(d: Draft<Layout>): Layout {
  return isDraft(d) ? (original(d) ?? d) : d;
}

type Listed = { readonly id: string };

/**
 * Indexes, in `d[c]`, of the elements of `src[c]` that pass `want`. `src` has the draft's arrays in
 * the same order (it is the draft's original, or the document a drag began from); each index is
 * checked against the draft's id, and a mismatch falls back to scanning the draft.
 */
function indexesIn<C extends Collection>(
  d: Draft<Layout>,
  src: Layout,
  c: C,
  want: (e: Layout[C][number]) => boolean,
): number[] {
  const list = src[c] as readonly Listed[];
  const draft = d[c] as Listed[];
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (!want(e as Layout[C][number])) continue;
    if (draft[i]?.id !== e.id) {
      // Not in step with the draft: scan the draft itself.
      const all: number[] = [];
      draft.forEach((x, j) => {
        if (want(x as unknown as Layout[C][number])) all.push(j);
      });
      return all;
    }
    out.push(i);
  }
  return out;
}

/**
 * Move elements by a campus-frame delta. Halls, zones and substations move their centre; trenches
 * move every vertex; rows move in their hall's frame (the delta turned by the hall's rotation)
 * and stay inside their hall. The rows of a moved hall are in its frame: they come along as they are.
 *
 * With `base` (the document at the start of a drag), positions are the base positions plus the
 * delta, so a gesture can set the total displacement on every frame.
 */
export function moveBy(d: Draft<Layout>, ids: Iterable<string>, delta: Vec2, base?: Layout): void {
  const set = new Set(ids);
  if (set.size === 0) return;
  const src = base ?? plainOf(d);
  const from = elementIndex(src);
  const ctx = kindContext(src);
  const read = (e: Listed): AnyElement => from.get(e.id) ?? (e as AnyElement);
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    const list = listsOf(d)[c];
    for (const i of indexesIn(d, src, c, (e) => set.has(e.id) && !parentIn(c, e, set))) {
      const e = list[i]!;
      kind.move(mutable(e), read(e), delta, ctx);
    }
  }
}

/**
 * Turn one element about its centre to `campusDeg` (clockwise, campus frame). A row's stored
 * rotation is relative to its hall. Trenches have no rotation.
 */
export function rotateTo(d: Draft<Layout>, id: string, campusDeg: number): void {
  const src = plainOf(d);
  const is = (e: Listed) => e.id === id;
  for (const c of COLLECTIONS) {
    const i = indexesIn(d, src, c, is)[0];
    if (i === undefined) continue;
    kindOf(c).rotateTo(mutable(listsOf(d)[c][i]!), campusDeg, kindContext(src));
    return;
  }
}

/**
 * A transform of several elements together (the handles of a multi-selection's box): every point
 * goes through `map`, and the elements turn by `turn` degrees about their own centres as well (a
 * group rotation), or their sizes scale by `scale` (a group resize, in campus axes).
 */
export interface GroupTransform {
  readonly map: (p: Vec2) => Vec2;
  readonly turn: number;
  readonly scale: { readonly sx: number; readonly sy: number } | null;
}

/** Whether an angle is a multiple of 90° (the element's sides run along the campus axes). */
const squareTo = (deg: number) => {
  const r = ((deg % 90) + 90) % 90;
  return r < 1e-9 || 90 - r < 1e-9;
};

/**
 * Apply a group transform to elements, from `base` (the document when the drag began). Trenches
 * and feeders map every vertex. Rectangles move their centre through the map; on a rotation they
 * also turn by `turn`; on a resize, a rectangle whose kind resizes both ways and whose sides run
 * along the campus axes scales its sides too (a hall's rows keep their places in it, from its
 * top-left corner), and the others (rows, turned rectangles) only move. The elements of `ids`
 * should be top-level in the set (effectiveIds): a row whose hall is in `ids` already moves with it.
 */
export function transformElements(
  d: Draft<Layout>,
  ids: Iterable<string>,
  t: GroupTransform,
  base: Layout,
): void {
  const set = new Set(ids);
  if (set.size === 0) return;
  const from = elementIndex(base);
  const ctx = kindContext(base);
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    const list = listsOf(d)[c];
    for (const i of indexesIn(d, base, c, (e) => set.has(e.id) && !parentIn(c, e, set))) {
      const e = list[i]!;
      const was = from.get(e.id) ?? e;
      const f = kind.footprint(was, ctx);
      if (!f) continue;
      if (f.kind === 'polyline') {
        if (!kind.moveVertex) continue;
        f.points.forEach(([x, y], k) => {
          const q = t.map({ x, y });
          kind.moveVertex!(mutable(e), k, () => [mm(q.x), mm(q.y)]);
        });
        continue;
      }
      const r = f.rect;
      const centre = t.map({ x: r.x, y: r.y });
      const sized = t.scale && kind.resize === 'both' && squareTo(r.rotation);
      if (!t.scale || !sized) {
        kind.move(mutable(e), was, { x: centre.x - r.x, y: centre.y - r.y }, ctx);
        if (t.turn !== 0) kind.rotateTo(mutable(e), normalizeDeg(r.rotation + t.turn), ctx);
        continue;
      }
      // Sides along the campus axes: a quarter turn swaps which side scales by which factor.
      const quarter = Math.round(r.rotation / 90) % 2 !== 0;
      const w = r.width * (quarter ? t.scale.sy : t.scale.sx);
      const h = r.depth * (quarter ? t.scale.sx : t.scale.sy);
      // Put the top-left corner (the frame's origin) where the scaled one goes, then drag the
      // bottom-right corner: the origin stays, so a hall's rows keep their places in it.
      const nw = { x: centre.x, y: centre.y };
      const off = rotate({ x: -w / 2, y: -h / 2 }, r.rotation);
      const keep = rotate({ x: r.width / 2, y: r.depth / 2 }, r.rotation);
      const moved = { x: nw.x + off.x + keep.x, y: nw.y + off.y + keep.y };
      // From `was` moved (a copy), never from the draft: a gesture re-applies this every frame.
      const start = { ...was };
      kind.move(start, was, { x: moved.x - r.x, y: moved.y - r.y }, ctx);
      const se = rotate({ x: w / 2, y: h / 2 }, r.rotation);
      kind.resizeTo(mutable(e), start, 'se', { x: centre.x + se.x, y: centre.y + se.y }, ctx);
    }
  }
}

/** Rotation snapped to 15° steps (unless `free`), in [0, 360). */
export function snapRotation(deg: number, free: boolean, step = 15): number {
  return normalizeDeg(free ? deg : Math.round(deg / step) * step);
}

/**
 * Resize one element by dragging its handle `dir` to the campus point `p`, keeping the opposite
 * edge or corner fixed in the element's rotated frame. Sizes never go below MIN_SIZE_M.
 * A hall's rows keep their campus places (their frame's origin, the top-left corner, may move).
 * A row changes its length only: rackCount = length ÷ rack width, rounded, 1–1,000; its depth is
 * its profile's. Reads the element from `base` (the document when the drag began) when given.
 */
export function resizeTo(
  d: Draft<Layout>,
  id: string,
  dir: HandleDir,
  p: Vec2,
  base?: Layout,
): void {
  const src = base ?? plainOf(d);
  const from = elementIndex(src);
  const ctx = kindContext(src);
  const is = (e: Listed) => e.id === id;
  for (const c of COLLECTIONS) {
    const i = indexesIn(d, src, c, is)[0];
    if (i === undefined) continue;
    const kind = kindOf(c);
    const e = listsOf(d)[c][i]!;
    const shift = kind.resizeTo(mutable(e), from.get(id) ?? e, dir, p, ctx);
    if (!shift || (shift.x === 0 && shift.y === 0)) return;
    if (kind.childrenOf(ctx, id).length === 0) return;
    // The element's frame origin moved: its children keep their campus places.
    const back = { x: -shift.x, y: -shift.y };
    for (const cc of COLLECTIONS) {
      const child = kindOf(cc);
      for (const j of indexesIn(d, src, cc, (r) => child.parentOf(r) === id)) {
        const r = listsOf(d)[cc][j]!;
        child.shiftInParent(mutable(r), from.get(r.id) ?? r, back);
      }
    }
    return;
  }
}

/** Move one vertex of a polyline element (a kind with moveVertex) to a campus point. */
export function movePolylineVertex(d: Draft<Layout>, id: string, index: number, p: Vec2): void {
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    if (!kind.moveVertex) continue;
    const e = listsOf(d)[c].find((x) => x.id === id);
    if (e) return kind.moveVertex(mutable(e), index, () => [mm(p.x), mm(p.y)]);
  }
}

/** Delete elements. Deleting a hall deletes its rows. */
export function deleteElements(d: Draft<Layout>, ids: Iterable<string>): void {
  const set = new Set(ids);
  if (set.size === 0) return;
  const lists = listsOf(d);
  for (const c of COLLECTIONS) {
    const gone = (e: Draft<AnyElement>) => set.has(e.id) || parentIn(c, e, set);
    if (lists[c].some(gone)) lists[c] = lists[c].filter((e) => !gone(e));
  }
}

/** Gives fresh ids `<prefix>-<n>`, several per edit (newId alone would hand out the same id twice). */
export type IdSource = (prefix: string) => string;

/**
 * Turn a one-at-a-time id source (ToolContext.newId, which reads the committed document and
 * returns `<prefix>-<max n + 1>`) into one that gives distinct ids within one edit: after the
 * first, each id counts up from it, and every higher number is free.
 */
export function idSequence(newId: (prefix: string) => string): IdSource {
  const next = new Map<string, number>();
  return (prefix) => {
    const n = next.get(prefix);
    if (n !== undefined) {
      next.set(prefix, n + 1);
      return `${prefix}-${n}`;
    }
    const id = newId(prefix);
    const m = /-(\d+)$/.exec(id);
    if (m) next.set(prefix, Number(m[1]) + 1);
    return id;
  };
}

/** A set of elements lifted out of a layout: what copy puts on the clipboard. */
export type ElementSet = { readonly [C in Collection]: readonly ElementOf[C][] };

export const EMPTY_SET: ElementSet = Object.freeze(
  Object.fromEntries(COLLECTIONS.map((c) => [c, []])) as unknown as ElementSet,
);

/** The selected elements and their children (the rows of selected halls), in file order (for copy). */
export function collectElements(doc: Layout, ids: Iterable<string>): ElementSet {
  const set = new Set(ids);
  return Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      (doc[c] as readonly AnyElement[]).filter((e) => set.has(e.id) || parentIn(c, e, set)),
    ]),
  ) as unknown as ElementSet;
}

export const isEmptySet = (s: ElementSet): boolean => COLLECTIONS.every((c) => s[c].length === 0);

/**
 * Add copies of `set` to the layout, moved by `offset` (campus frame), with fresh ids. Rows of a
 * hall in the set go to the copy of that hall, at their places in its frame. A row without its
 * hall goes into the same hall if the layout still has it (moved by the offset and kept inside),
 * otherwise it is skipped. Returns the new ids (the rows of copied halls are not listed: they
 * come with their hall), in the order added.
 */
export function insertCopies(
  d: Draft<Layout>,
  set: ElementSet,
  newId: IdSource,
  offset: Vec2,
): string[] {
  const added: string[] = [];
  const copies = new Map<string, string>();
  const lists = listsOf(d);
  // Built on first use, after the kinds copied before (halls) are in the draft.
  let inDraft: Map<string, AnyElement> | null = null;
  const byId = (id: string): AnyElement | undefined => {
    if (!inDraft) {
      inDraft = new Map();
      for (const c of COLLECTIONS) for (const e of lists[c]) inDraft.set(e.id, e);
    }
    return inDraft.get(id);
  };
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    const ctx: CopyContext = {
      doc: d,
      byId,
      rowsOfHall: () => [],
      newId: () => newId(kind.idPrefix),
      offset,
      copies,
    };
    // Names in use in this collection: a copy gets the next free one ("Hall 5"), never a twin.
    let names: Set<string> | null = null;
    for (const e of set[c] as readonly AnyElement[]) {
      const copy = kind.copy(e, ctx);
      if (!copy) continue;
      if ('name' in copy && typeof copy.name === 'string' && copy.name.trim() !== '') {
        names ??= new Set(
          (lists[c] as readonly { name?: unknown }[])
            .map((x) => x.name)
            .filter((x): x is string => typeof x === 'string'),
        );
        const fresh = nextFreeName(copy.name, names);
        names.add(fresh);
        (copy as { name: string }).name = fresh;
      }
      copies.set(e.id, copy.id);
      lists[c].push(copy);
      // Children of a copied element come with it and are not listed.
      if (!parentIn(c, e, copies)) added.push(copy.id);
    }
  }
  return added;
}

/**
 * Where a duplicate goes, as an offset from the original whose campus box is `box`: beside it,
 * clear of it, with a gap of a tenth of its size (1–20 m). To the right, unless it is more than
 * twice as wide as deep (a rack row, a long strip): then below, where the next one would go.
 */
export function duplicateOffset(box: AABB): Vec2 {
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const gap = (span: number) => Math.min(20, Math.max(1, span / 10));
  return w > 2 * h ? { x: 0, y: mm(h + gap(h)) } : { x: mm(w + gap(w)), y: 0 };
}

/**
 * The campus box of a set of elements (a clipboard's), read against `doc` for what they need
 * from it (a copied row's hall when the hall was not copied). Null when nothing in it has bounds.
 */
export function setBounds(doc: Layout, set: ElementSet): AABB | null {
  const merged = Object.fromEntries(
    COLLECTIONS.map((c) => {
      const own = set[c] as readonly AnyElement[];
      const ids = new Set(own.map((e) => e.id));
      return [c, [...own, ...(doc[c] as readonly AnyElement[]).filter((e) => !ids.has(e.id))]];
    }),
  ) as unknown as Layout;
  const ids = COLLECTIONS.flatMap((c) => (set[c] as readonly AnyElement[]).map((e) => e.id));
  return elementsBounds({ ...doc, ...merged }, ids);
}

/**
 * Duplicate elements (Ctrl/Cmd+D): copies beside the originals (duplicateOffset of their box),
 * with fresh ids and names; a duplicated hall brings copies of its rows. `doc` is the layout the
 * draft started from. Returns the new ids, to select.
 */
export function duplicateElements(
  d: Draft<Layout>,
  doc: Layout,
  ids: Iterable<string>,
  newId: IdSource,
  offset?: Vec2,
): string[] {
  const effective = effectiveIds(doc, ids);
  const box = elementsBounds(doc, [...effective]);
  const by =
    offset ?? (box ? duplicateOffset(box) : { x: DUPLICATE_OFFSET_M, y: DUPLICATE_OFFSET_M });
  return insertCopies(d, collectElements(doc, effective), newId, by);
}

/** Bring elements to the front (end of their array, drawn last) or send them to the back. */
export function reorder(d: Draft<Layout>, ids: Iterable<string>, to: 'front' | 'back'): void {
  const set = new Set(ids);
  const arrange = <T extends { id: string }>(list: T[]): T[] | null => {
    const picked = list.filter((e) => set.has(e.id));
    if (picked.length === 0) return null;
    const rest = list.filter((e) => !set.has(e.id));
    const next = to === 'front' ? [...rest, ...picked] : [...picked, ...rest];
    return next.every((e, i) => e === list[i]) ? null : next;
  };
  const lists = listsOf(d);
  for (const c of COLLECTIONS) {
    const next = arrange(lists[c]);
    if (next) lists[c] = next;
  }
}
