import {
  COLLECTIONS,
  KINDS_BY_HIT_RANK,
  kindOf,
  type AABB,
  type Collection,
  type Layout,
  type Vec2,
} from '../domain';
import { kindContext } from '../state/selectors';

export { distanceToPolyline } from '../domain';

/**
 * Geometric hit testing in the campus frame (metres). Rows are drawn by their hall's one Konva
 * shape and are not Konva nodes, so picking is done here, on the document, not by Konva.
 */
export interface Hit {
  readonly id: string;
  readonly collection: Collection;
}

/** Hit tolerance around thin things (trenches, zone borders), screen pixels. */
export const HIT_TOLERANCE_PX = 6;

/**
 * The topmost element at `world`, or null. Order, top first: trenches (within `tolerance` metres
 * of the line), substations, rack rows, halls, cooling zones. Zones are large translucent areas
 * under everything: anything inside one wins over it, and the zone is picked on its border (within
 * `tolerance`) or on its empty area. Within a kind, the later element in the file (drawn on top) wins.
 */
export function hitTest(doc: Layout, world: Vec2, tolerance: number): Hit | null {
  const ctx = kindContext(doc);
  for (const collection of KINDS_BY_HIT_RANK) {
    const id = kindOf(collection).topmostAt(ctx, world, tolerance);
    if (id !== undefined) return { id, collection };
  }
  return null;
}

/**
 * The elements lying wholly inside a campus box (the selection marquee), in file order by kind.
 * A row is listed only when its hall is not: the rows of a selected hall come with it.
 */
export function elementsInBox(doc: Layout, box: AABB): string[] {
  const ctx = kindContext(doc);
  const ids: string[] = [];
  const picked = new Set<string>();
  for (const c of COLLECTIONS) {
    for (const id of kindOf(c).inBox(ctx, box, picked)) {
      ids.push(id);
      picked.add(id);
    }
  }
  return ids;
}

/** The box spanned by two corners, in any order. */
export function boxOf(a: Vec2, b: Vec2): AABB {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  };
}
