import type { Draft } from 'immer';
import type { Layout, RotatedRect, Vec2 } from '../../domain';
import type { ToolId, ToolOptions } from '../../state/sessionStore';
import {
  cursorOverlay,
  doneCreating,
  escapeToSelect,
  movedPastSlop,
  overlayOf,
  roundMm,
} from './creation';
import { EMPTY_OVERLAY, type Tool, type ToolContext, type ToolPointerEvent } from './types';

/** Halls and cooling zones are drawn with the same gesture: press a corner, drag to the opposite. */
export interface RectDragSpec {
  readonly id: ToolId;
  readonly idPrefix: string;
  /** Undo label ("Add hall"). */
  readonly label: string;
  /** Smallest width and depth a drag makes, metres. */
  readonly minSizeM: number;
  /** What a plain click makes, at the snapped point. */
  readonly clickRect: (ctx: ToolContext, at: Vec2) => RotatedRect;
  /** Add the element to the document. */
  readonly insert: (
    draft: Draft<Layout>,
    id: string,
    rect: RotatedRect,
    options: ToolOptions,
  ) => void;
}

/**
 * The rectangle between two opposite corners, at least `min` metres each way (a short drag grows
 * from the first corner in the drag's direction).
 */
export function rectFromCorners(a: Vec2, b: Vec2, min: number): RotatedRect {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const width = Math.max(Math.abs(dx), min);
  const depth = Math.max(Math.abs(dy), min);
  return {
    x: roundMm(a.x + (dx < 0 ? -width : width) / 2),
    y: roundMm(a.y + (dy < 0 ? -depth : depth) / 2),
    width: roundMm(width),
    depth: roundMm(depth),
    rotation: 0,
  };
}

type State =
  | { readonly name: 'idle' }
  /** Pressed, not yet moved past the click slop: releasing here is a click. */
  | { readonly name: 'pointing'; readonly start: Vec2; readonly startScreen: Vec2 }
  | { readonly name: 'dragging'; readonly start: Vec2 };

const IDLE: State = { name: 'idle' };

/**
 * idle → pointing (pressed) → dragging (moved past the slop) → idle (released: one undo step).
 * After creating, the tool hands back to select so the new element can be adjusted at once
 * (Excalidraw's default), unless the tool lock is on.
 */
export function createRectDragTool(spec: RectDragSpec): Tool {
  let state: State = IDLE;

  const create = (ctx: ToolContext, rect: RotatedRect) => {
    const id = ctx.newId(spec.idPrefix);
    const options = ctx.toolOptions();
    ctx.apply((d) => spec.insert(d, id, rect, options), spec.label);
    ctx.setSelection([id]);
    state = IDLE;
    ctx.setOverlay(EMPTY_OVERLAY);
    doneCreating(ctx);
  };

  const dragOverlay = (ctx: ToolContext, start: Vec2, e: ToolPointerEvent) => {
    const s = ctx.snap(e.world, e.alt);
    const rect = rectFromCorners(start, s.point, spec.minSizeM);
    ctx.setOverlay(overlayOf({ rects: [rect], points: [start, s.point], guides: s.guides }));
    return rect;
  };

  return {
    id: spec.id,
    cursor: 'crosshair',
    onPointerDown(e, ctx) {
      if (e.button !== 0) return;
      const start = ctx.snap(e.world, e.alt);
      state = { name: 'pointing', start: start.point, startScreen: e.screen };
      ctx.setOverlay(overlayOf({ points: [start.point], guides: start.guides }));
    },
    onPointerMove(e, ctx) {
      if (state.name === 'idle') {
        ctx.setOverlay(cursorOverlay(ctx, e.world, e.alt));
        return;
      }
      if (state.name === 'pointing') {
        if (!movedPastSlop(state.startScreen, e.screen)) return;
        state = { name: 'dragging', start: state.start };
      }
      dragOverlay(ctx, state.start, e);
    },
    onPointerUp(e, ctx) {
      if (state.name === 'pointing') create(ctx, spec.clickRect(ctx, state.start));
      else if (state.name === 'dragging') create(ctx, dragOverlay(ctx, state.start, e));
    },
    onKeyDown(e, ctx) {
      if (e.key !== 'Escape') return false;
      if (state.name === 'idle') return escapeToSelect(e, ctx);
      this.cancel(ctx);
      return true;
    },
    cancel(ctx) {
      state = IDLE;
      ctx.setOverlay(EMPTY_OVERLAY);
    },
  };
}
