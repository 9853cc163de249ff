import { isDraft, original, type Draft } from 'immer';
import {
  campusToHall,
  COLLECTIONS,
  normalizeDeg,
  rectAabb,
  rotate,
  rowRectInHall,
  toRectLocal,
  KINDS,
  RACK_PROFILES,
  type Collection,
  type CoolingZone,
  type FiberTrench,
  type Hall,
  type Layout,
  type RackRow,
  type RotatedRect,
  type Substation,
  type Vec2,
} from '../domain';
import { elementIndex } from '../state/selectors';

/**
 * The editor's edits as plain functions over an immer draft of the layout (Excalidraw's habit:
 * element updates are plain functions, tested on their own). Each is applied through the document
 * store (`apply` for one step, `updateGesture` during a drag), never directly.
 *
 * Frames: halls, zones and substations are placed in the campus frame by their centre; rows live
 * in their hall's frame (origin at its top-left corner before rotation, rotation relative to it).
 */

/** The smallest width or depth a resize leaves, metres. */
export const MIN_SIZE_M = 1;
/** Rows hold 1 to 1,000 racks (the format's bounds). */
export const MAX_RACKS = 1000;
/** Duplicate and paste offset, metres (right and down). */
export const DUPLICATE_OFFSET_M = 5;

/** A resize handle by compass direction in the element's own (unrotated) frame: n is its top. */
export type HandleDir = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
export const HANDLE_DIRS: readonly HandleDir[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
/** Which way each handle points in the element's frame (−1, 0, +1 per axis). */
export const HANDLE_VECTORS: Readonly<Record<HandleDir, Vec2>> = {
  n: { x: 0, y: -1 },
  ne: { x: 1, y: -1 },
  e: { x: 1, y: 0 },
  se: { x: 1, y: 1 },
  s: { x: 0, y: 1 },
  sw: { x: -1, y: 1 },
  w: { x: -1, y: 0 },
  nw: { x: -1, y: -1 },
};

type Rectish = Hall | CoolingZone | Substation;

/** Round to the millimetre: no floating-point residue (59.99999999 m) in stored coordinates. */
export const mm = (v: number): number => Math.round(v * 1000) / 1000 || 0;

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const e of list) m.set(e.id, e);
  return m;
}

/**
 * The ids an edit acts on: a row whose hall is also in the set is dropped (it moves, duplicates
 * and copies with its hall already).
 */
export function effectiveIds(doc: Layout, ids: Iterable<string>): Set<string> {
  const set = new Set(ids);
  const index = elementIndex(doc);
  for (const id of [...set]) {
    const e = index.get(id);
    if (e && 'hallId' in e && set.has(e.hallId)) set.delete(id);
  }
  return set;
}

/**
 * Keep a row's footprint inside its hall (its centre moves as little as needed). A row longer
 * than the hall stays centred on the hall across that axis.
 */
export function clampRowToHall(row: Draft<RackRow>, hall: Pick<Hall, 'width' | 'depth'>): void {
  const box = rectAabb(rowRectInHall(row));
  const ex = (box.maxX - box.minX) / 2;
  const ey = (box.maxY - box.minY) / 2;
  const clamp = (v: number, a: number, b: number) =>
    Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  row.x = mm(clamp(row.x, ex, hall.width - ex));
  row.y = mm(clamp(row.y, ey, hall.depth - ey));
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
  const read = <T extends Listed>(e: T): T => (from.get(e.id) as T | undefined) ?? e;
  const { x: dx, y: dy } = delta;
  const selected = (e: Listed) => set.has(e.id);
  for (const c of ['halls', 'coolingZones', 'substations'] as const) {
    const list = d[c] as Draft<Rectish>[];
    for (const i of indexesIn(d, src, c, selected)) {
      const e = list[i]!;
      const b = read(e);
      e.x = mm(b.x + dx);
      e.y = mm(b.y + dy);
    }
  }
  for (const i of indexesIn(d, src, 'fiberTrenches', selected)) {
    const t = d.fiberTrenches[i]!;
    const b = read(t);
    t.points = b.points.map(([x, y]) => [mm(x + dx), mm(y + dy)] as [number, number]);
  }
  const rows = indexesIn(d, src, 'rackRows', (r) => set.has(r.id) && !set.has(r.hallId));
  if (rows.length === 0) return;
  const halls = byId(src.halls);
  for (const i of rows) {
    const r = d.rackRows[i]!;
    // The hall is not moving (its rows were left out above), so its base is its current state.
    const hall = halls.get(r.hallId);
    if (!hall) continue;
    const local = rotate(delta, -hall.rotation);
    const b = read(r);
    r.x = b.x + local.x;
    r.y = b.y + local.y;
    clampRowToHall(r, hall);
  }
}

/**
 * Turn one element about its centre to `campusDeg` (clockwise, campus frame). A row's stored
 * rotation is relative to its hall. Trenches have no rotation.
 */
export function rotateTo(d: Draft<Layout>, id: string, campusDeg: number): void {
  const src = plainOf(d);
  const is = (e: Listed) => e.id === id;
  for (const c of ['halls', 'coolingZones', 'substations'] as const) {
    const i = indexesIn(d, src, c, is)[0];
    if (i !== undefined) {
      (d[c][i] as Draft<Rectish>).rotation = normalizeDeg(campusDeg);
      return;
    }
  }
  const i = indexesIn(d, src, 'rackRows', is)[0];
  if (i === undefined) return;
  const row = d.rackRows[i]!;
  const hall = src.halls.find((h) => h.id === row.hallId);
  row.rotation = normalizeDeg(campusDeg - (hall?.rotation ?? 0));
}

/** Rotation snapped to 15° steps (unless `free`), in [0, 360). */
export function snapRotation(deg: number, free: boolean, step = 15): number {
  return normalizeDeg(free ? deg : Math.round(deg / step) * step);
}

/**
 * The new extents, in the rectangle's own frame (centred on its old centre), when handle `dir`
 * is dragged to `local` (a point in that frame). The opposite edge or corner stays where it is.
 */
function dragExtents(
  w: number,
  h: number,
  dir: HandleDir,
  local: Vec2,
  minW: number,
  minH: number,
): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = -w / 2;
  let x1 = w / 2;
  let y0 = -h / 2;
  let y1 = h / 2;
  const v = HANDLE_VECTORS[dir];
  if (v.x > 0) x1 = Math.max(local.x, x0 + minW);
  if (v.x < 0) x0 = Math.min(local.x, x1 - minW);
  if (v.y > 0) y1 = Math.max(local.y, y0 + minH);
  if (v.y < 0) y0 = Math.min(local.y, y1 - minH);
  return { x0, x1, y0, y1 };
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
  const is = (e: Listed) => e.id === id;
  for (const c of ['halls', 'coolingZones', 'substations'] as const) {
    const i = indexesIn(d, src, c, is)[0];
    if (i === undefined) continue;
    const e = d[c][i] as Draft<Rectish>;
    const b = (from.get(id) as Rectish | undefined) ?? e;
    const local = toRectLocal(b, p);
    const { x0, x1, y0, y1 } = dragExtents(b.width, b.depth, dir, local, MIN_SIZE_M, MIN_SIZE_M);
    const centre = rotate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, b.rotation);
    e.x = mm(b.x + centre.x);
    e.y = mm(b.y + centre.y);
    e.width = mm(x1 - x0);
    e.depth = mm(y1 - y0);
    if (c === 'halls') {
      // The hall frame's origin moved by (x0 + w/2, y0 + h/2) along the hall's axes.
      const ox = x0 + b.width / 2;
      const oy = y0 + b.depth / 2;
      if (ox !== 0 || oy !== 0) {
        for (const j of indexesIn(d, src, 'rackRows', (r) => r.hallId === id)) {
          const r = d.rackRows[j]!;
          const rb = (from.get(r.id) as RackRow | undefined) ?? r;
          r.x = mm(rb.x - ox);
          r.y = mm(rb.y - oy);
        }
      }
    }
    return;
  }
  const i = indexesIn(d, src, 'rackRows', is)[0];
  if (i === undefined) return;
  const row = d.rackRows[i]!;
  const rb = (from.get(id) as RackRow | undefined) ?? row;
  const hall = from.get(rb.hallId) as Hall | undefined;
  if (!hall) return;
  const rect: RotatedRect = rowRectInHall(rb);
  const local = toRectLocal(rect, campusToHall(hall, p));
  const v = HANDLE_VECTORS[dir];
  if (v.x === 0) return; // rows are not resized in depth
  const rackW = RACK_PROFILES[rb.profile].widthM.value;
  const x0 = -rect.width / 2;
  const x1 = rect.width / 2;
  const wanted = v.x > 0 ? local.x - x0 : x1 - local.x;
  const count = Math.min(MAX_RACKS, Math.max(1, Math.round(wanted / rackW)));
  const length = count * rackW;
  const cx = v.x > 0 ? x0 + length / 2 : x1 - length / 2;
  const centre = rotate({ x: cx, y: 0 }, rb.rotation);
  row.rackCount = count;
  row.x = mm(rb.x + centre.x);
  row.y = mm(rb.y + centre.y);
}

/** Move one trench vertex to a campus point. */
export function setTrenchVertex(d: Draft<Layout>, id: string, index: number, p: Vec2): void {
  const t = d.fiberTrenches.find((x) => x.id === id);
  if (!t || index < 0 || index >= t.points.length) return;
  t.points[index] = [mm(p.x), mm(p.y)];
}

/** Delete elements. Deleting a hall deletes its rows. */
export function deleteElements(d: Draft<Layout>, ids: Iterable<string>): void {
  const set = new Set(ids);
  if (set.size === 0) return;
  const keep = (e: { id: string }) => !set.has(e.id);
  if (d.halls.some((e) => set.has(e.id))) d.halls = d.halls.filter(keep);
  if (d.rackRows.some((r) => set.has(r.id) || set.has(r.hallId))) {
    d.rackRows = d.rackRows.filter((r) => !set.has(r.id) && !set.has(r.hallId));
  }
  if (d.coolingZones.some((e) => set.has(e.id))) d.coolingZones = d.coolingZones.filter(keep);
  if (d.substations.some((e) => set.has(e.id))) d.substations = d.substations.filter(keep);
  if (d.fiberTrenches.some((e) => set.has(e.id))) d.fiberTrenches = d.fiberTrenches.filter(keep);
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
export interface ElementSet {
  readonly halls: readonly Hall[];
  readonly rackRows: readonly RackRow[];
  readonly coolingZones: readonly CoolingZone[];
  readonly substations: readonly Substation[];
  readonly fiberTrenches: readonly FiberTrench[];
}

/** The selected elements and the rows of selected halls, in file order (for copy). */
export function collectElements(doc: Layout, ids: Iterable<string>): ElementSet {
  const set = new Set(ids);
  const pick = <T extends { id: string }>(list: readonly T[]) => list.filter((e) => set.has(e.id));
  return {
    halls: pick(doc.halls),
    rackRows: doc.rackRows.filter((r) => set.has(r.id) || set.has(r.hallId)),
    coolingZones: pick(doc.coolingZones),
    substations: pick(doc.substations),
    fiberTrenches: pick(doc.fiberTrenches),
  };
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
  const hallIds = new Map<string, string>();
  const id = (c: Collection) => newId(KINDS[c].idPrefix);
  for (const h of set.halls) {
    const copy: Hall = { ...h, id: id('halls'), x: mm(h.x + offset.x), y: mm(h.y + offset.y) };
    hallIds.set(h.id, copy.id);
    d.halls.push(copy);
    added.push(copy.id);
  }
  let halls: Map<string, Draft<Hall>> | null = null;
  for (const r of set.rackRows) {
    const copiedHall = hallIds.get(r.hallId);
    if (copiedHall) {
      d.rackRows.push({ ...r, id: id('rackRows'), hallId: copiedHall });
      continue;
    }
    halls ??= byId(d.halls);
    const hall = halls.get(r.hallId);
    if (!hall) continue;
    const local = rotate(offset, -hall.rotation);
    const copy: Draft<RackRow> = { ...r, id: id('rackRows'), x: r.x + local.x, y: r.y + local.y };
    clampRowToHall(copy, hall);
    d.rackRows.push(copy);
    added.push(copy.id);
  }
  for (const z of set.coolingZones) {
    const copy: CoolingZone = {
      ...z,
      id: id('coolingZones'),
      x: mm(z.x + offset.x),
      y: mm(z.y + offset.y),
    };
    d.coolingZones.push(copy);
    added.push(copy.id);
  }
  for (const s of set.substations) {
    const copy: Substation = {
      ...s,
      id: id('substations'),
      x: mm(s.x + offset.x),
      y: mm(s.y + offset.y),
    };
    d.substations.push(copy);
    added.push(copy.id);
  }
  for (const t of set.fiberTrenches) {
    const copy: Draft<FiberTrench> = {
      ...t,
      id: id('fiberTrenches'),
      points: t.points.map(([x, y]) => [mm(x + offset.x), mm(y + offset.y)] as [number, number]),
    };
    d.fiberTrenches.push(copy);
    added.push(copy.id);
  }
  return added;
}

/**
 * Duplicate elements (Ctrl/Cmd+D): copies offset by DUPLICATE_OFFSET_M right and down, with fresh
 * ids; a duplicated hall brings copies of its rows. `doc` is the layout the draft started from.
 * Returns the new ids, to select.
 */
export function duplicateElements(
  d: Draft<Layout>,
  doc: Layout,
  ids: Iterable<string>,
  newId: IdSource,
  offset: Vec2 = { x: DUPLICATE_OFFSET_M, y: DUPLICATE_OFFSET_M },
): string[] {
  return insertCopies(d, collectElements(doc, effectiveIds(doc, ids)), newId, offset);
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
  const halls = arrange(d.halls);
  if (halls) d.halls = halls;
  const rows = arrange(d.rackRows);
  if (rows) d.rackRows = rows;
  const zones = arrange(d.coolingZones);
  if (zones) d.coolingZones = zones;
  const subs = arrange(d.substations);
  if (subs) d.substations = subs;
  const trenches = arrange(d.fiberTrenches);
  if (trenches) d.fiberTrenches = trenches;
}
