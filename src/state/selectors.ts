import {
  COLLECTIONS,
  type AnyElement,
  type Collection,
  type KindContext,
  type Layout,
  type RackRow,
} from '../domain';

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

/** One collection's positions by id, built on first use once per collection array. */
const positionCache = new WeakMap<readonly AnyElement[], ReadonlyMap<string, number>>();

function positionIndex(list: readonly AnyElement[]): ReadonlyMap<string, number> {
  let index = positionCache.get(list);
  if (!index) {
    const m = new Map<string, number>();
    list.forEach((e, i) => m.set(e.id, i));
    index = m;
    positionCache.set(list, index);
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
    const part = this.partOf(id);
    return part < 0 ? undefined : this.value(part, this.parts[part]!.get(id));
  }

  /** The part holding `id` (the last one, as in a merge), or -1. */
  protected partOf(id: string): number {
    for (let i = this.parts.length - 1; i >= 0; i--) if (this.parts[i]!.has(id)) return i;
    return -1;
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

/** Where an element sits in the document. */
export interface Located {
  readonly collection: Collection;
  readonly index: number;
  readonly element: AnyElement;
}

/**
 * The document's one index: every element by id (as a Map), its collection and its place.
 * Composed of the per-collection indexes, so a drag frame that changes one collection
 * re-indexes only that collection.
 */
export class DocIndex extends UnionIndex<AnyElement> {
  constructor(private readonly doc: Layout) {
    super(
      COLLECTIONS.map((c) => listIndex<AnyElement>(doc[c])),
      (_, e) => e as AnyElement,
    );
  }

  collectionOf(id: string): Collection | undefined {
    return COLLECTIONS[this.partOf(id)];
  }

  locate(id: string): Located | null {
    const part = this.partOf(id);
    if (part < 0) return null;
    const collection = COLLECTIONS[part]!;
    const list: readonly AnyElement[] = this.doc[collection];
    const index = positionIndex(list).get(id)!;
    return { collection, index, element: list[index]! };
  }
}

const byIdCache = new WeakMap<Layout, DocIndex>();

/** The document's index (DocIndex), once per document version. */
export function elementIndex(doc: Layout): DocIndex {
  let index = byIdCache.get(doc);
  if (!index) {
    index = new DocIndex(doc);
    byIdCache.set(doc, index);
  }
  return index;
}

const contextCache = new WeakMap<Layout, KindContext>();

/** What the kinds' geometry looks up in a document (KINDS in domain/kinds), once per version. */
export function kindContext(doc: Layout): KindContext {
  let ctx = contextCache.get(doc);
  if (!ctx) {
    const index = elementIndex(doc);
    ctx = { doc, byId: (id) => index.get(id), rowsOfHall: (hallId) => rowsOfHall(doc, hallId) };
    contextCache.set(doc, ctx);
  }
  return ctx;
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
