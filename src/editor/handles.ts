import {
  add,
  HANDLE_DIRS,
  HANDLE_VECTORS,
  kindOf,
  rectContainsPoint,
  rotate,
  type HandleDir,
  type Layout,
  type ResizeMode,
  type RotatedRect,
  type Vec2,
} from '../domain';
import { effectiveIds } from './editOps';
import { elementsBounds } from './elementBounds';
import { collectionOf, footprintOf } from './elementGeometry';

/**
 * Selection handles, pure: where they are in the campus frame for the current zoom, and which one
 * a pointer is on. Sizes are screen pixels (divided by the zoom), as Konva's Transformer draws
 * them. We hit-test them here, not through Konva, because rack rows are not Konva nodes.
 */

/** Side of a resize handle, screen px. */
export const HANDLE_SIZE_PX = 8;
/** Distance of the rotation handle beyond the element's top edge, screen px. */
export const ROTATE_OFFSET_PX = 24;
/** Radius of the rotation handle, screen px. */
export const ROTATE_RADIUS_PX = 5;
/** A handle is grabbed within this distance of its centre, screen px. */
export const HANDLE_HIT_PX = 7;
/**
 * Edge handles (a row's end handles too) are hidden on sides shorter than this on screen, and on a
 * smaller element a press inside it moves it rather than grabbing a corner (the corners still
 * resize from outside).
 */
export const MIN_SIDE_FOR_EDGE_HANDLES_PX = 3 * HANDLE_SIZE_PX;

export type Handle =
  | { readonly kind: 'resize'; readonly id: string; readonly dir: HandleDir; readonly point: Vec2 }
  | {
      readonly kind: 'rotate';
      readonly id: string;
      readonly point: Vec2;
      /** Where the stem meets the element (the middle of its top edge). */
      readonly stem: Vec2;
    }
  | { readonly kind: 'vertex'; readonly id: string; readonly index: number; readonly point: Vec2 };

/** The id the handles of a multi-selection's box carry (no element has it: ids have no '*'). */
export const GROUP_HANDLE_ID = '*selection';

/** What the handles of the selection act on. */
export type HandleTarget =
  | {
      readonly kind: 'rect';
      readonly id: string;
      readonly rect: RotatedRect;
      /** Rows change only their length (rack count); the others both sizes. */
      readonly resize: ResizeMode;
    }
  | { readonly kind: 'trench'; readonly id: string; readonly points: readonly Vec2[] }
  | {
      /** Several elements: handles on the box around them scale or turn them together. */
      readonly kind: 'group';
      readonly id: typeof GROUP_HANDLE_ID;
      /** The elements the box acts on (a row whose hall is selected too is left to its hall). */
      readonly ids: readonly string[];
      /** The box, axis-aligned (rotation 0). */
      readonly rect: RotatedRect;
      readonly resize: 'both';
    };

/**
 * The handle target of the selection: one element's own handles, or the box around several (a hall
 * selected with some of its rows counts as one), or null (nothing, or nothing with handles).
 */
export function handleTarget(doc: Layout, selection: readonly string[]): HandleTarget | null {
  if (selection.length === 0) return null;
  const ids = selection.length === 1 ? selection : [...effectiveIds(doc, selection)];
  if (ids.length > 1) {
    const box = elementsBounds(doc, ids);
    if (!box) return null;
    const rect = {
      x: (box.minX + box.maxX) / 2,
      y: (box.minY + box.maxY) / 2,
      width: box.maxX - box.minX,
      depth: box.maxY - box.minY,
      rotation: 0,
    };
    return { kind: 'group', id: GROUP_HANDLE_ID, ids, rect, resize: 'both' };
  }
  const id = ids[0];
  if (id === undefined) return null;
  const f = footprintOf(doc, id);
  if (!f) return null;
  if (f.kind === 'polyline') {
    return { kind: 'trench', id, points: f.points.map(([x, y]) => ({ x, y })) };
  }
  const resize = kindOf(collectionOf(doc, id)!).resize;
  return resize ? { kind: 'rect', id, rect: f.rect, resize } : null;
}

/** A point of the rectangle given in its own frame as fractions of its half sizes (−1…1). */
export function rectPoint(r: RotatedRect, u: number, v: number, extraLocal: Vec2 = { x: 0, y: 0 }) {
  return add(
    { x: r.x, y: r.y },
    rotate(
      { x: (u * r.width) / 2 + extraLocal.x, y: (v * r.depth) / 2 + extraLocal.y },
      r.rotation,
    ),
  );
}

/** The handles of a target at `scale` pixels per metre. */
export function handlesOf(target: HandleTarget, scale: number): Handle[] {
  if (target.kind === 'trench') {
    return target.points.map((point, index) => ({ kind: 'vertex', id: target.id, index, point }));
  }
  const { rect, id } = target;
  const handles: Handle[] = [];
  const widePx = rect.width * scale >= MIN_SIDE_FOR_EDGE_HANDLES_PX;
  const deepPx = rect.depth * scale >= MIN_SIDE_FOR_EDGE_HANDLES_PX;
  for (const dir of HANDLE_DIRS) {
    const v = HANDLE_VECTORS[dir];
    if (target.resize === 'length') {
      // A row's end handles, only when the row is long enough on screen to be grabbed between them.
      if ((dir !== 'e' && dir !== 'w') || !widePx) continue;
    } else if (v.x === 0 && !widePx) continue;
    else if (v.y === 0 && !deepPx) continue;
    handles.push({ kind: 'resize', id, dir, point: rectPoint(rect, v.x, v.y) });
  }
  handles.push({
    kind: 'rotate',
    id,
    stem: rectPoint(rect, 0, -1),
    point: rectPoint(rect, 0, -1, { x: 0, y: -ROTATE_OFFSET_PX / scale }),
  });
  return handles;
}

/**
 * The handle of `target` under a campus point (the nearest within HANDLE_HIT_PX), or null. On a
 * small element a press inside it is left to the element (to move it), not to a resize handle.
 */
export function handleAt(
  target: HandleTarget,
  handles: readonly Handle[],
  p: Vec2,
  scale: number,
): Handle | null {
  const small =
    target.kind !== 'trench' &&
    target.resize === 'both' &&
    Math.min(target.rect.width, target.rect.depth) * scale < MIN_SIDE_FOR_EDGE_HANDLES_PX &&
    rectContainsPoint(target.rect, p);
  let best: Handle | null = null;
  let bestD = HANDLE_HIT_PX / scale;
  for (const h of handles) {
    if (small && h.kind === 'resize') continue;
    const d = Math.hypot(h.point.x - p.x, h.point.y - p.y);
    if (d <= bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}
