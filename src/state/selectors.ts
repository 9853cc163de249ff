import { COLLECTIONS, type AnyElement, type Layout, type RackRow } from '../domain';

/**
 * Derived indexes of a document, memoised by reference so that zustand selectors return stable
 * values (an unchanged element or list keeps its identity, so its component does not re-render).
 */

/**
 * One collection's elements by id, built once per collection array: immer keeps an unchanged
 * collection's array, so an edit to one hall re-indexes the halls and nothing else.
 */
const listCache = new WeakMap<readonly AnyElement[], ReadonlyMap<string, AnyElement>>();

export function listIndex<T extends AnyElement>(list: readonly T[]): ReadonlyMap<string, T> {
  let index = listCache.get(list) as ReadonlyMap<string, T> | undefined;
  if (!index) {
    const m = new Map<string, T>();
    for (const e of list) m.set(e.id, e);
    index = m;
    listCache.set(list, index);
  }
  return index;
}

/**
 * A read-only map over several maps, as if they were merged in order into one Map (a later part
 * wins a duplicate id; keys iterate in first-seen order). Ids are unique across a valid document,
 * so a lookup is a few hash probes and building one costs nothing but the array of parts.
 */
export class UnionIndex<V> implements ReadonlyMap<string, V> {
  private count = -1;

  constructor(
    private readonly parts: readonly ReadonlyMap<string, unknown>[],
    /** The value for a part's hit: the element itself, or what it stands for (its collection). */
    private readonly value: (part: number, hit: unknown) => V,
  ) {}

  get(id: string): V | undefined {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const hit = this.parts[i]!.get(id);
      if (hit !== undefined) return this.value(i, hit);
    }
    return undefined;
  }

  has(id: string): boolean {
    for (const p of this.parts) if (p.has(id)) return true;
    return false;
  }

  get size(): number {
    if (this.count < 0) {
      this.count = Array.from(this.keys()).length;
    }
    return this.count;
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.parts.length; i++) {
      for (const id of this.parts[i]!.keys()) {
        let seen = false;
        for (let j = 0; j < i && !seen; j++) seen = this.parts[j]!.has(id);
        if (!seen) yield id;
      }
    }
  }

  *values(): MapIterator<V> {
    for (const id of this.keys()) yield this.get(id)!;
  }

  *entries(): MapIterator<[string, V]> {
    for (const id of this.keys()) yield [id, this.get(id)!];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(cb: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown) {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }
}

const byIdCache = new WeakMap<Layout, ReadonlyMap<string, AnyElement>>();

/**
 * Every element by id, once per document version: composed of the per-collection indexes, so a
 * drag frame that changes one collection re-indexes only that collection.
 */
export function elementIndex(doc: Layout): ReadonlyMap<string, AnyElement> {
  let index = byIdCache.get(doc);
  if (!index) {
    const parts = COLLECTIONS.map((c) => listIndex<AnyElement>(doc[c]));
    index = new UnionIndex<AnyElement>(parts, (_, e) => e as AnyElement);
    byIdCache.set(doc, index);
  }
  return index;
}

const EMPTY_ROWS: readonly RackRow[] = Object.freeze([]);
type RowsByHall = ReadonlyMap<string, readonly RackRow[]>;

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function groupRows(rows: readonly RackRow[]): Map<string, RackRow[]> {
  const m = new Map<string, RackRow[]>();
  for (const r of rows) {
    const list = m.get(r.hallId);
    if (list) list.push(r);
    else m.set(r.hallId, [r]);
  }
  return m;
}

export interface HallRows {
  /** The rows of each hall, in file order. */
  readonly rowsByHall: (doc: Layout) => RowsByHall;
  readonly rowsOfHall: (doc: Layout, hallId: string) => readonly RackRow[];
}

/**
 * The rows of each hall, stable across documents: a hall whose rows are all unchanged keeps the
 * same array as in the previous index, so editing one hall re-renders only that hall. One per
 * editor (it remembers the last index it built).
 */
export function createHallRows(): HallRows {
  const cache = new WeakMap<readonly RackRow[], RowsByHall>();
  let last: RowsByHall = new Map();
  const rowsByHall = (doc: Layout): RowsByHall => {
    let index = cache.get(doc.rackRows);
    if (!index) {
      const stable = new Map<string, readonly RackRow[]>();
      for (const [hallId, list] of groupRows(doc.rackRows)) {
        const prev = last.get(hallId);
        stable.set(hallId, prev && sameItems(prev, list) ? prev : list);
      }
      index = stable;
      cache.set(doc.rackRows, index);
      last = index;
    }
    return index;
  };
  return {
    rowsByHall,
    rowsOfHall: (doc, hallId) => rowsByHall(doc).get(hallId) ?? EMPTY_ROWS,
  };
}

const rowsCache = new WeakMap<readonly RackRow[], RowsByHall>();

/** The rows of each hall, in file order, once per rows array (a pure memo of the document). */
export function rowsByHall(doc: Layout): RowsByHall {
  let index = rowsCache.get(doc.rackRows);
  if (!index) {
    index = groupRows(doc.rackRows);
    rowsCache.set(doc.rackRows, index);
  }
  return index;
}

export function rowsOfHall(doc: Layout, hallId: string): readonly RackRow[] {
  return rowsByHall(doc).get(hallId) ?? EMPTY_ROWS;
}
