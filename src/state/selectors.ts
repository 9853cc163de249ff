import type { AnyElement, Layout, RackRow } from '../domain';

/**
 * Derived indexes of a document, memoised by reference so that zustand selectors return stable
 * values (an unchanged element or list keeps its identity, so its component does not re-render).
 */

const byIdCache = new WeakMap<Layout, ReadonlyMap<string, AnyElement>>();

/** Every element by id. Built once per document version. */
export function elementIndex(doc: Layout): ReadonlyMap<string, AnyElement> {
  let index = byIdCache.get(doc);
  if (!index) {
    const m = new Map<string, AnyElement>();
    for (const e of doc.halls) m.set(e.id, e);
    for (const e of doc.rackRows) m.set(e.id, e);
    for (const e of doc.coolingZones) m.set(e.id, e);
    for (const e of doc.substations) m.set(e.id, e);
    for (const e of doc.fiberTrenches) m.set(e.id, e);
    index = m;
    byIdCache.set(doc, index);
  }
  return index;
}

const EMPTY_ROWS: readonly RackRow[] = Object.freeze([]);
type RowsByHall = ReadonlyMap<string, readonly RackRow[]>;
const rowsCache = new WeakMap<readonly RackRow[], RowsByHall>();
let lastRowsByHall: RowsByHall = new Map();

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rows of each hall, in file order. A hall whose rows are all unchanged keeps the same array
 * as in the previous index, so editing one hall re-renders only that hall.
 */
export function rowsByHall(doc: Layout): RowsByHall {
  let index = rowsCache.get(doc.rackRows);
  if (!index) {
    const m = new Map<string, RackRow[]>();
    for (const r of doc.rackRows) {
      const list = m.get(r.hallId);
      if (list) list.push(r);
      else m.set(r.hallId, [r]);
    }
    const stable = new Map<string, readonly RackRow[]>();
    for (const [hallId, list] of m) {
      const prev = lastRowsByHall.get(hallId);
      stable.set(hallId, prev && sameItems(prev, list) ? prev : list);
    }
    index = stable;
    rowsCache.set(doc.rackRows, index);
    lastRowsByHall = index;
  }
  return index;
}

export function rowsOfHall(doc: Layout, hallId: string): readonly RackRow[] {
  return rowsByHall(doc).get(hallId) ?? EMPTY_ROWS;
}
