import { rectAabb, rowRectInCampus, type AABB, type Layout } from '../domain';
import { unionAabb } from './bounds';

/**
 * The campus box around the elements `ids` (halls, rack rows, cooling zones, substations,
 * trenches), or null when none of them is in the layout. Rows are placed through their hall.
 */
export function elementsBounds(layout: Layout, ids: readonly string[]): AABB | null {
  if (ids.length === 0) return null;
  const want = new Set(ids);
  let box: AABB | null = null;
  const add = (b: AABB) => (box = box ? unionAabb(box, b) : b);
  for (const e of layout.halls) if (want.has(e.id)) add(rectAabb(e));
  for (const e of layout.coolingZones) if (want.has(e.id)) add(rectAabb(e));
  for (const e of layout.substations) if (want.has(e.id)) add(rectAabb(e));
  for (const t of layout.fiberTrenches) {
    if (!want.has(t.id) || t.points.length === 0) continue;
    const xs = t.points.map((p) => p[0]);
    const ys = t.points.map((p) => p[1]);
    add({
      minX: Math.min(...xs),
      minY: Math.min(...ys),
      maxX: Math.max(...xs),
      maxY: Math.max(...ys),
    });
  }
  const rows = layout.rackRows.filter((r) => want.has(r.id));
  if (rows.length > 0) {
    const halls = new Map(layout.halls.map((h) => [h.id, h] as const));
    for (const r of rows) {
      const hall = halls.get(r.hallId);
      if (hall) add(rectAabb(rowRectInCampus(r, hall)));
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
