import {
  createSubstation,
  KINDS,
  SUBSTATION_DEFAULTS,
  type RotatedRect,
  type Vec2,
} from '../../domain';
import { doneCreating, escapeToSelect, movedPastSlop, overlayOf } from './creation';
import { EMPTY_OVERLAY, type Tool, type ToolContext } from './types';

const yardAt = (p: Vec2): RotatedRect => ({
  x: p.x,
  y: p.y,
  width: SUBSTATION_DEFAULTS.width,
  depth: SUBSTATION_DEFAULTS.depth,
  rotation: 0,
});

/**
 * Substation (S): a click places a default-size yard centred at the snapped point; its ghost
 * follows the pointer. Back to select after one, unless the tool lock is on (Q).
 * idle → pointing (pressed) → idle (released within the click slop: one undo step).
 */
export function createSubstationTool(): Tool {
  let pressed: { at: Vec2; screen: Vec2 } | null = null;

  const ghost = (ctx: ToolContext, world: Vec2, alt: boolean) => {
    const s = ctx.snap(world, alt);
    ctx.setOverlay(overlayOf({ rects: [yardAt(s.point)], points: [s.point], guides: s.guides }));
  };

  return {
    id: 'substation',
    cursor: 'crosshair',
    onPointerDown(e, ctx) {
      if (e.button !== 0) return;
      pressed = { at: ctx.snap(e.world, e.alt).point, screen: e.screen };
    },
    onPointerMove(e, ctx) {
      if (pressed && movedPastSlop(pressed.screen, e.screen)) pressed = null;
      ghost(ctx, e.world, e.alt);
    },
    onPointerUp(e, ctx) {
      if (!pressed) return;
      const { at } = pressed;
      pressed = null;
      const id = ctx.newId(KINDS.substations.idPrefix);
      ctx.apply((d) => {
        d.substations.push(createSubstation(id, at));
      }, 'Add substation');
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
