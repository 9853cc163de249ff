// Small list helpers for the report's hot paths, as module functions. V8 drops the optimized
// code of a function once no function object using it is alive, so a callback made afresh on
// every report (a comparator arrow, a `() => []` filler) is compiled again after each full
// garbage collection; these are made once.

/** Numbers in ascending order, for `sort`. */
export function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * Sorts the numbers in place, ascending (as `sort(ascending)`), and returns them. A short list
 * (the usual case: a hall's zones or attachment nodes) by insertion, which allocates nothing; the
 * built-in sort allocates a work array on every call.
 */
export function sortAscending(list: number[]): number[] {
  if (list.length > 32) return list.sort(ascending);
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
  return list;
}

/** n new empty lists. */
export function emptyLists(n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push([]);
  return out;
}

/** The elements' ids, in order. */
export function idsOf(elements: readonly { readonly id: string }[]): string[] {
  const out: string[] = [];
  for (const e of elements) out.push(e.id);
  return out;
}

/** Each item's value of `key`, in order. */
export function valuesOf<T, K extends keyof T>(items: readonly T[], key: K): T[K][] {
  const out: T[K][] = [];
  for (const item of items) out.push(item[key]);
  return out;
}

/** The sum, added in order from 0. */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** An order of indices for sortIndices: does index x sort strictly before index y? */
export interface IndexOrder {
  before(x: number, y: number): boolean;
}

/**
 * Indices 0 … n − 1 sorted by `order`, ties in index order: a stable bottom-up merge sort of plain
 * loops over `a` and `b` (each of length ≥ n), returning whichever of them holds the result. An
 * object with a method, not a comparator: a comparator reading a table would be a closure made
 * per call.
 */
export function sortIndices<A extends Int32Array>(n: number, a: A, b: A, order: IndexOrder): A {
  for (let i = 0; i < n; i++) a[i] = i;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Stable: a later run's index goes first only when strictly before.
      while (i < mid && j < hi) {
        if (order.before(a[j]!, a[i]!)) b[k++] = a[j++]!;
        else b[k++] = a[i++]!;
      }
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}

/** Indices 0 … n − 1 sorted by `key` (ties by index). */
export function orderBy(key: Float64Array): Int32Array {
  const n = key.length;
  return sortIndices(n, new Int32Array(n), new Int32Array(n), new ByKey(key));
}

class ByKey implements IndexOrder {
  constructor(private readonly key: Float64Array) {}
  before(x: number, y: number): boolean {
    return this.key[x]! < this.key[y]!;
  }
}
