import {
  COLLECTIONS,
  KINDS_BY_HIT_RANK,
  kindOf,
  type AABB,
  type Collection,
  type Layout,
  type Vec2,
} from '../domain';
import { elementIndex, kindContext } from '../state/selectors';

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

/** The element `id` lives in (a row's hall), or undefined at the top level. */
export function parentIdOf(doc: Layout, id: string): string | undefined {
  const l = elementIndex(doc).locate(id);
  return l ? kindOf(l.collection).parentOf(l.element) : undefined;
}

/** Whether an element has children to enter (a hall with rows). */
export function canEnter(doc: Layout, id: string): boolean {
  const l = elementIndex(doc).locate(id);
  return !!l && kindOf(l.collection).childrenOf(kindContext(doc), id).length > 0;
}

/** The entered element if it still exists, else null (it was deleted, or the file replaced). */
export function liveScope(doc: Layout, entered: string | null): string | null {
  return entered !== null && elementIndex(doc).has(entered) ? entered : null;
}

/**
 * What a press picks, knowing the hierarchy (Figma's groups): at the top level, a child (a row)
 * picks its parent (the hall); inside an entered element (`scope`), its children are picked, and
 * its own empty floor picks nothing (a box drawn there selects children). A press outside the
 * entered element leaves it: `scope` comes back null and the hit is picked at the top level.
 */
export function hitInScope(
  doc: Layout,
  world: Vec2,
  tolerance: number,
  entered: string | null,
): { readonly hit: Hit | null; readonly scope: string | null } {
  const hit = hitTest(doc, world, tolerance);
  const scope = liveScope(doc, entered);
  if (scope !== null && hit) {
    if (hit.id === scope) return { hit: null, scope };
    if (parentIdOf(doc, hit.id) === scope) return { hit, scope };
  }
  if (!hit) return { hit: null, scope: null };
  const parent = parentIdOf(doc, hit.id);
  if (parent === undefined) return { hit, scope: null };
  const l = elementIndex(doc).locate(parent);
  return { hit: l ? { id: parent, collection: l.collection } : hit, scope: null };
}

/**
 * The box's elements at one level: at the top level (`scope` null) elements without a parent;
 * inside an entered element, its children only.
 */
export function elementsInBoxScoped(doc: Layout, box: AABB, scope: string | null): string[] {
  if (scope === null)
    return elementsInBox(doc, box).filter((id) => parentIdOf(doc, id) === undefined);
  const ctx = kindContext(doc);
  const ids: string[] = [];
  for (const c of COLLECTIONS) {
    for (const id of kindOf(c).inBox(ctx, box, new Set())) {
      if (parentIdOf(doc, id) === scope) ids.push(id);
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
