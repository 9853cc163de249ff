import { rectAabb, rowRectInHall, type AABB, type Layout, type RackRow, type XY } from '../domain';

/** Grow `box` to hold the points. */
function withPoints(box: AABB, points: readonly XY[]): AABB {
  let { minX, minY, maxX, maxY } = box;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

export function unionAabb(a: AABB, b: AABB): AABB {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

const EMPTY_AABB: AABB = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

const isEmptyAabb = (b: AABB): boolean => !(b.minX <= b.maxX && b.minY <= b.maxY);

/** The campus box that holds the parcel and every element: what zoom-to-fit shows. */
export function layoutBounds(layout: Layout): AABB {
  let box = withPoints(EMPTY_AABB, layout.parcel.points);
  for (const e of layout.halls) box = unionAabb(box, rectAabb(e));
  for (const e of layout.coolingZones) box = unionAabb(box, rectAabb(e));
  for (const e of layout.substations) box = unionAabb(box, rectAabb(e));
  for (const t of layout.fiberTrenches) box = withPoints(box, t.points);
  return isEmptyAabb(box) ? { minX: 0, minY: 0, maxX: 100, maxY: 100 } : box;
}

/** A row's box in its hall's frame (rows are culled in the hall frame). */
export function rowAabbInHall(row: RackRow): AABB {
  return rectAabb(rowRectInHall(row));
}
