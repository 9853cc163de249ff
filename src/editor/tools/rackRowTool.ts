import {
  KINDS,
  campusToHall,
  createRackRow,
  hallRectToCampus,
  RACK_PROFILES,
  type Hall,
  type RotatedRect,
  type Vec2,
} from '../../domain';
import type { ToolOptions } from '../../state/sessionStore';
import {
  doneCreating,
  escapeToSelect,
  hallAt,
  movedPastSlop,
  overlayOf,
  roundMm,
} from './creation';
import { EMPTY_OVERLAY, type Tool, type ToolContext } from './types';

export const ROW_OUTSIDE_HALL_MESSAGE = 'Rack rows go inside a hall: click in a hall';

export interface RowPlacement {
  readonly hall: Hall;
  /** The row's centre in the hall's frame (origin at the hall's top-left corner before rotation). */
  readonly inHall: Vec2;
  /** The row's footprint in the campus frame (the ghost). */
  readonly campusRect: RotatedRect;
}

/** Keep a length centred at `v` within [0, size] when it fits; centre it when it does not. */
function clampInto(v: number, length: number, size: number): number {
  if (length >= size) return size / 2;
  return Math.min(Math.max(v, length / 2), size - length / 2);
}

/**
 * Where a new row of the tool options' profile and rack count goes when placed at campus point `p`
 * in `hall`: at p in the hall's frame, running along the hall's x axis, nudged in so that it stays
 * inside the hall when it fits.
 */
export function placeRow(hall: Hall, p: Vec2, options: ToolOptions): RowPlacement {
  const profile = RACK_PROFILES[options.profile];
  const length = options.rackCount * profile.widthM.value;
  const depth = profile.depthM.value;
  const local = campusToHall(hall, p);
  const inHall = {
    x: roundMm(clampInto(local.x, length, hall.width)),
    y: roundMm(clampInto(local.y, depth, hall.depth)),
  };
  const campusRect = hallRectToCampus(hall, { ...inHall, width: length, depth, rotation: 0 });
  return { hall, inHall, campusRect };
}

/**
 * Rack row (R): a click inside a hall places a row there, with the profile, rack count and kW per
 * rack of the tool options; the row's ghost follows the pointer over halls. A click outside every
 * hall says where rows go. Back to select after one row, unless the tool lock is on (Q) to
 * fill a hall row after row.
 */
export function createRackRowTool(): Tool {
  let pressed: { world: Vec2; alt: boolean; screen: Vec2 } | null = null;

  const placementAt = (ctx: ToolContext, world: Vec2, alt: boolean) => {
    const doc = ctx.doc();
    const s = ctx.snap(world, alt);
    // Snapping can pull a point just outside a hall's wall: fall back to the raw point's hall.
    const snappedHall = hallAt(doc, s.point);
    const hall = snappedHall ?? hallAt(doc, world);
    const at = snappedHall ? s.point : world;
    return { placement: hall ? placeRow(hall, at, ctx.toolOptions()) : null, snap: s };
  };

  const ghost = (ctx: ToolContext, world: Vec2, alt: boolean) => {
    const { placement, snap } = placementAt(ctx, world, alt);
    ctx.setOverlay(
      placement
        ? overlayOf({ rects: [placement.campusRect], guides: snap.guides })
        : overlayOf({ points: [snap.point] }),
    );
  };

  return {
    id: 'rackRow',
    cursor: 'crosshair',
    onPointerDown(e, _ctx) {
      if (e.button !== 0) return;
      pressed = { world: e.world, alt: e.alt, screen: e.screen };
    },
    onPointerMove(e, ctx) {
      if (pressed && movedPastSlop(pressed.screen, e.screen)) pressed = null;
      ghost(ctx, e.world, e.alt);
    },
    onPointerUp(e, ctx) {
      if (!pressed) return;
      const { world, alt } = pressed;
      pressed = null;
      const { placement } = placementAt(ctx, world, alt);
      if (!placement) {
        ctx.showToast(ROW_OUTSIDE_HALL_MESSAGE, 'warning');
        return;
      }
      const o = ctx.toolOptions();
      const id = ctx.newId(KINDS.rackRows.idPrefix);
      ctx.apply((d) => {
        d.rackRows.push(
          createRackRow(id, placement.hall.id, placement.inHall, {
            profile: o.profile,
            rackCount: o.rackCount,
            kwPerRack: o.kwPerRack,
          }),
        );
      }, 'Add rack row');
      ctx.setSelection([id]);
      if (doneCreating(ctx)) ghost(ctx, e.world, e.alt);
    },
    onKeyDown(e, ctx) {
      if (e.key !== 'Escape') return false;
      if (pressed) {
        this.cancel(ctx);
        return true;
      }
      return escapeToSelect(e, ctx);
    },
    cancel(ctx) {
      pressed = null;
      ctx.setOverlay(EMPTY_OVERLAY);
    },
  };
}
