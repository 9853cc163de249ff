import { COLLECTIONS, kindOf, type AABB, type AnyElement, type Layout } from '../domain';
import { kindContext } from '../state/selectors';
import { unionAabb } from './bounds';

/**
 * The campus box around the elements `ids` (of any kind), or null when none of them is in the
 * layout. Each kind gives its own bounds (rows through their hall).
 */
export function elementsBounds(layout: Layout, ids: readonly string[]): AABB | null {
  if (ids.length === 0) return null;
  const want = new Set(ids);
  const ctx = kindContext(layout);
  let box: AABB | null = null;
  for (const c of COLLECTIONS) {
    const kind = kindOf(c);
    for (const e of layout[c] as readonly AnyElement[]) {
      if (!want.has(e.id)) continue;
      const b = kind.bounds(e, ctx);
      if (b) box = box ? unionAabb(box, b) : b;
    }
  }
  return box;
}

/** `box` grown about its centre so that each side is at least `minSpan` metres. */
export function withMinSpan(box: AABB, minSpan: number): AABB {
  const grow = (lo: number, hi: number): [number, number] => {
    const extra = Math.max(0, minSpan - (hi - lo)) / 2;
    return [lo - extra, hi + extra];
  };
  const [minX, maxX] = grow(box.minX, box.maxX);
  const [minY, maxY] = grow(box.minY, box.maxY);
  return { minX, minY, maxX, maxY };
}
