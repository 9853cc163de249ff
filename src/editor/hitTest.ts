import {
  campusToHall,
  distanceToSegment,
  rectContainsPoint,
  rectCorners,
  rowRectInCampus,
  rowRectInHall,
  type AABB,
  type Collection,
  type Layout,
  type Vec2,
  type XY,
} from '../domain';
import { rowsOfHall } from '../state/selectors';

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

export function distanceToPolyline(points: readonly XY[], p: Vec2): number {
  if (points.length === 1) return Math.hypot(points[0]![0] - p.x, points[0]![1] - p.y);
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    best = Math.min(best, distanceToSegment(p, { x: a[0], y: a[1] }, { x: b[0], y: b[1] }));
  }
  return best;
}

/**
 * The topmost element at `world`, or null. Order, top first: trenches (within `tolerance` metres
 * of the line), substations, rack rows, halls, cooling zones. Zones are large translucent areas
 * under everything: anything inside one wins over it, and the zone is picked on its border (within
 * `tolerance`) or on its empty area. Within a kind, the later element in the file (drawn on top) wins.
 */
export function hitTest(doc: Layout, world: Vec2, tolerance: number): Hit | null {
  for (let i = doc.fiberTrenches.length - 1; i >= 0; i--) {
    const t = doc.fiberTrenches[i]!;
    if (distanceToPolyline(t.points, world) <= tolerance) {
      return { id: t.id, collection: 'fiberTrenches' };
    }
  }
  for (let i = doc.substations.length - 1; i >= 0; i--) {
    const s = doc.substations[i]!;
    if (rectContainsPoint(s, world)) return { id: s.id, collection: 'substations' };
  }
  for (let i = doc.halls.length - 1; i >= 0; i--) {
    const hall = doc.halls[i]!;
    const rows = rowsOfHall(doc, hall.id);
    if (rows.length === 0) continue;
    // One frame change per hall; each row is then tested in the hall frame.
    const local = campusToHall(hall, world);
    for (let j = rows.length - 1; j >= 0; j--) {
      const row = rows[j]!;
      if (rectContainsPoint(rowRectInHall(row), local)) {
        return { id: row.id, collection: 'rackRows' };
      }
    }
  }
  for (let i = doc.halls.length - 1; i >= 0; i--) {
    const h = doc.halls[i]!;
    if (rectContainsPoint(h, world)) return { id: h.id, collection: 'halls' };
  }
  for (let i = doc.coolingZones.length - 1; i >= 0; i--) {
    const z = doc.coolingZones[i]!;
    if (rectContainsPoint(z, world, tolerance)) return { id: z.id, collection: 'coolingZones' };
  }
  return null;
}

const inBox = (box: AABB, x: number, y: number) =>
  x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;

/**
 * The elements lying wholly inside a campus box (the selection marquee), in file order by kind.
 * A row is listed only when its hall is not: the rows of a selected hall come with it.
 */
export function elementsInBox(doc: Layout, box: AABB): string[] {
  const ids: string[] = [];
  const rectInside = (r: Parameters<typeof rectCorners>[0]) =>
    rectCorners(r).every((p) => inBox(box, p.x, p.y));
  const hallsInside = new Set<string>();
  for (const h of doc.halls) {
    if (rectInside(h)) {
      ids.push(h.id);
      hallsInside.add(h.id);
    }
  }
  for (const h of doc.halls) {
    if (hallsInside.has(h.id)) continue;
    for (const row of rowsOfHall(doc, h.id)) {
      if (rectInside(rowRectInCampus(row, h))) ids.push(row.id);
    }
  }
  for (const z of doc.coolingZones) if (rectInside(z)) ids.push(z.id);
  for (const s of doc.substations) if (rectInside(s)) ids.push(s.id);
  for (const t of doc.fiberTrenches) {
    if (t.points.every(([x, y]) => inBox(box, x, y))) ids.push(t.id);
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
