// Small list helpers for the report's hot paths, as module functions. V8 drops the optimized
// code of a function once no function object using it is alive, so a callback made afresh on
// every report (a comparator arrow, a `() => []` filler) is compiled again after each full
// garbage collection; these are made once.

/** Numbers in ascending order, for `sort`. */
export function ascending(a: number, b: number): number {
  return a - b;
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
