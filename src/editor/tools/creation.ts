import { rectContainsPoint, type Hall, type Layout, type Vec2 } from '../../domain';
import { EMPTY_OVERLAY, type Overlay, type ToolContext, type ToolKeyEvent } from './types';

/**
 * Helpers the creation tools share (hall, cooling zone, substation, rack row, trench, parcel).
 */

/** A press that moves less than this many screen pixels before release is a click, not a drag. */
export const CLICK_SLOP_PX = 4;

export function movedPastSlop(from: Vec2, to: Vec2): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) >= CLICK_SLOP_PX;
}

/** The topmost hall (last in drawing order) whose footprint holds `p`. */
export function hallAt(doc: Layout, p: Vec2): Hall | undefined {
  for (let i = doc.halls.length - 1; i >= 0; i--) {
    const hall = doc.halls[i]!;
    if (rectContainsPoint(hall, p)) return hall;
  }
  return undefined;
}

export function overlayOf(parts: Partial<Overlay>): Overlay {
  return { ...EMPTY_OVERLAY, ...parts };
}

/** Round to the millimetre: hides floating-point residue (59.99999999 m) in stored coordinates. */
export const roundMm = (v: number): number => Math.round(v * 1000) / 1000 || 0;

/** A cursor marker: the snapped point and its guides, shown while a tool waits for a click. */
export function cursorOverlay(ctx: ToolContext, world: Vec2, alt: boolean): Overlay {
  const s = ctx.snap(world, alt);
  return overlayOf({ points: [s.point], guides: s.guides });
}

/**
 * A creation tool made its element: back to select, unless the tool lock is on (Q). Returns
 * whether the tool stays active.
 */
export function doneCreating(ctx: ToolContext): boolean {
  if (ctx.toolLocked()) return true;
  ctx.setOverlay(EMPTY_OVERLAY);
  ctx.setTool('select');
  return false;
}

/** Esc with nothing in progress leaves the tool for select (tools call this from onKeyDown). */
export function escapeToSelect(e: ToolKeyEvent, ctx: ToolContext): boolean {
  if (e.key !== 'Escape') return false;
  ctx.setOverlay(EMPTY_OVERLAY);
  ctx.setTool('select');
  return true;
}
