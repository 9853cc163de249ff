import {
  aabbOverlap,
  pointsAabb,
  rectCorners,
  rowRectInCampus,
  type AABB,
  type Layout,
  type Vec2,
} from '../domain';
import type { Report } from '../domain/report/types';

/**
 * The red outlines of the elements that failing checks name. A layout can fault tens of thousands
 * of elements (20,000 stacked halls): the outlines are built once per report, each with its box,
 * and a frame draws only those on screen, at most MAX_DRAWN_FAULTS of them.
 */
export const MAX_DRAWN_FAULTS = 1000;

export interface FaultOutline {
  /** Closed (a rectangle's corners) or open (a trench's points). */
  readonly points: readonly Vec2[];
  readonly closed: boolean;
  readonly box: AABB;
}

export interface FaultOutlines {
  /** Every faulted element found in the layout, in file order by kind. */
  readonly ids: readonly string[];
  readonly outlines: readonly FaultOutline[];
}

function outline(points: readonly Vec2[], closed: boolean): FaultOutline {
  return { points, closed, box: pointsAabb(points) };
}

/** The outlines of the elements that failing checks name, in the campus frame. */
export function faultOutlines(layout: Layout, report: Report): FaultOutlines {
  const ids = new Set<string>();
  for (const c of report.checks)
    if (c.status === 'fail') for (const id of c.elementIds) ids.add(id);
  const outlines: FaultOutline[] = [];
  if (ids.size === 0) return { ids: [], outlines };
  const found: string[] = [];
  for (const list of [layout.halls, layout.coolingZones, layout.substations]) {
    for (const e of list) {
      if (!ids.has(e.id)) continue;
      found.push(e.id);
      outlines.push(outline(rectCorners(e), true));
    }
  }
  const halls = new Map(layout.halls.map((h) => [h.id, h] as const));
  for (const r of layout.rackRows) {
    const hall = ids.has(r.id) ? halls.get(r.hallId) : undefined;
    if (!hall) continue;
    found.push(r.id);
    outlines.push(outline(rectCorners(rowRectInCampus(r, hall)), true));
  }
  for (const t of layout.fiberTrenches) {
    if (!ids.has(t.id) || t.points.length < 2) continue;
    found.push(t.id);
    outlines.push(
      outline(
        t.points.map(([x, y]) => ({ x, y })),
        false,
      ),
    );
  }
  return { ids: found, outlines };
}

/**
 * The outlines to draw in `view` (campus frame): those whose box meets it, the first `max` of them
 * in file order, and how many more are on screen but not drawn.
 */
export function visibleFaults(
  all: readonly FaultOutline[],
  view: AABB,
  max = MAX_DRAWN_FAULTS,
): { readonly drawn: readonly FaultOutline[]; readonly hidden: number } {
  const drawn: FaultOutline[] = [];
  let hidden = 0;
  for (const o of all) {
    if (!aabbOverlap(o.box, view)) continue;
    if (drawn.length < max) drawn.push(o);
    else hidden++;
  }
  return { drawn, hidden };
}
