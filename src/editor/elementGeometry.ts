import {
  COLLECTIONS,
  rowRectInCampus,
  type AnyElement,
  type Collection,
  type Hall,
  type Layout,
  type RotatedRect,
} from '../domain';
import { elementIndex, listIndex, UnionIndex } from '../state/selectors';

/**
 * Where each element sits in the campus frame, by id: which collection holds it, its campus
 * rectangle (rows through their hall). Pure; memoised per document like elementIndex.
 */

const collectionCache = new WeakMap<Layout, ReadonlyMap<string, Collection>>();

/**
 * The collection of every element, by id, once per document version: composed of the
 * per-collection id indexes (selectors.ts), so a drag frame re-indexes only what it changed.
 */
export function collectionIndex(doc: Layout): ReadonlyMap<string, Collection> {
  let index = collectionCache.get(doc);
  if (!index) {
    const parts = COLLECTIONS.map((c) => listIndex<AnyElement>(doc[c]));
    index = new UnionIndex<Collection>(parts, (part) => COLLECTIONS[part]!);
    collectionCache.set(doc, index);
  }
  return index;
}

export function collectionOf(doc: Layout, id: string): Collection | undefined {
  return collectionIndex(doc).get(id);
}

/** The campus rectangle of a hall, zone, substation or row (null for trenches and unknown ids). */
export function campusRectOf(doc: Layout, id: string): RotatedRect | null {
  const c = collectionOf(doc, id);
  const e = elementIndex(doc).get(id);
  if (!c || !e || c === 'fiberTrenches') return null;
  if (c === 'rackRows') {
    const row = e as Layout['rackRows'][number];
    const hall = elementIndex(doc).get(row.hallId) as Hall | undefined;
    return hall ? rowRectInCampus(row, hall) : null;
  }
  const r = e as RotatedRect;
  return { x: r.x, y: r.y, width: r.width, depth: r.depth, rotation: r.rotation };
}

/** The point a moving element is snapped by: its centre (a trench: its first vertex). */
export function referencePoint(doc: Layout, id: string): { x: number; y: number } | null {
  const c = collectionOf(doc, id);
  if (c === 'fiberTrenches') {
    const t = elementIndex(doc).get(id) as Layout['fiberTrenches'][number];
    const p = t.points[0];
    return p ? { x: p[0], y: p[1] } : null;
  }
  const r = campusRectOf(doc, id);
  return r ? { x: r.x, y: r.y } : null;
}

/** The element's label for history entries and menus ("hall", "rack row"). */
export function kindLabel(c: Collection): string {
  return {
    halls: 'hall',
    rackRows: 'rack row',
    coolingZones: 'cooling zone',
    substations: 'substation',
    fiberTrenches: 'fiber trench',
  }[c];
}

/** What a history entry calls the elements: "hall", "3 elements". */
export function describeElements(doc: Layout, ids: readonly string[]): string {
  if (ids.length === 1) {
    const c = collectionOf(doc, ids[0]!);
    if (c) return kindLabel(c);
  }
  return `${ids.length} elements`;
}
