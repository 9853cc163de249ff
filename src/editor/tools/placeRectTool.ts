import type { Draft } from 'immer';
import type { Layout, RotatedRect, Vec2 } from '../../domain';
import type { ToolId } from '../../state/sessionStore';
import { doneCreating, escapeToSelect, movedPastSlop, overlayOf } from './creation';
import { EMPTY_OVERLAY, type Tool, type ToolContext } from './types';

/** What a click-to-place tool makes: its id, ghost size, and the edit that adds one element. */
export interface PlaceRectSpec {
  readonly id: ToolId;
  readonly idPrefix: string;
  /** The default size of what it places (the ghost's size). */
  readonly size: { readonly width: number; readonly depth: number };
  /** The undo step's label ("Add substation"). */
  readonly label: string;
  /** Add the element with `id` centred at `at` to the draft. */
  readonly add: (d: Draft<Layout>, id: string, at: Vec2, ctx: ToolContext) => void;
}

/**
 * A tool that places a default-size rectangle centred at the snapped point with a click
 * (substations, generator and battery yards, cooling plants); its ghost follows the pointer.
 * Back to select after one, unless the tool lock is on (Q).
 * idle → pointing (pressed) → idle (released within the click slop: one undo step; a drag places
 * nothing).
 */
export function createPlaceRectTool(spec: PlaceRectSpec): Tool {
  let pressed: { at: Vec2; screen: Vec2 } | null = null;
  const { width, depth } = spec.size;
  const rectAt = (p: Vec2): RotatedRect => ({ x: p.x, y: p.y, width, depth, rotation: 0 });

  const ghost = (ctx: ToolContext, world: Vec2, alt: boolean) => {
    const s = ctx.snap(world, alt);
    ctx.setOverlay(overlayOf({ rects: [rectAt(s.point)], points: [s.point], guides: s.guides }));
  };

  return {
    id: spec.id,
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
      const id = ctx.newId(spec.idPrefix);
      ctx.apply((d) => spec.add(d, id, at, ctx), spec.label);
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
