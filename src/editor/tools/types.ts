import type { Draft } from 'immer';
import type { Layout, Vec2 } from '../../domain';
import type { ToastTone } from '../../state/notifications';
import type { ToolId, ToolOptions } from '../../state/sessionStore';
import type { Guide, Overlay } from '../../state/overlay';

export { EMPTY_OVERLAY, type Guide, type Overlay } from '../../state/overlay';

/**
 * Tools are small state machines (tldraw's StateNode habit): each keeps its own state
 * (idle → pointing → dragging …) and reacts to pointer and key events given in campus metres.
 * They touch the world only through a ToolContext, so they are tested without a canvas.
 */
export interface ToolPointerEvent {
  /** Campus frame, metres, before snapping. */
  readonly world: Vec2;
  /** Canvas-local CSS pixels. */
  readonly screen: Vec2;
  readonly button: number;
  readonly shift: boolean;
  /** Alt held: snapping off. */
  readonly alt: boolean;
  /** Ctrl or Cmd held. */
  readonly mod: boolean;
}

export interface ToolKeyEvent {
  readonly key: string;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly mod: boolean;
}

export interface SnapOptions {
  /** Element ids not to snap to (the ones being moved). */
  readonly exclude?: ReadonlySet<string>;
  /**
   * What is snapping: a polyline vertex ('trench-vertex', of a trench or a feeder) also snaps to
   * trench and feeder vertices and to hall and substation edges.
   */
  readonly kind?: 'point' | 'trench-vertex';
}

export interface SnapResult {
  readonly point: Vec2;
  readonly guides: readonly Guide[];
}

/** Everything a tool may do. Implemented over the stores in context.ts; faked in tests. */
export interface ToolContext {
  readonly doc: () => Layout;
  readonly selection: () => readonly string[];
  readonly setSelection: (ids: readonly string[]) => void;
  /** One edit, one undo step. */
  readonly apply: (recipe: (draft: Draft<Layout>) => void, label: string) => void;
  readonly beginGesture: () => void;
  readonly updateGesture: (recipe: (draft: Draft<Layout>) => void) => void;
  readonly commitGesture: (label: string) => void;
  readonly cancelGesture: () => void;
  /** Snap a campus point (to grid, edges, centres); `alt` = snapping off → the point as is. */
  readonly snap: (p: Vec2, alt: boolean, options?: SnapOptions) => SnapResult;
  /** Pixels per metre now (hit tolerances and snap distances are in screen pixels). */
  readonly scale: () => number;
  readonly setOverlay: (overlay: Overlay) => void;
  /** A fresh id for a new element, unique in the document: `hall-7`. */
  readonly newId: (prefix: string) => string;
  /** Switch tool (a one-shot tool may go back to select). */
  readonly setTool: (tool: ToolId) => void;
  /** Whether the tool lock is on (creation tools then stay active after making an element). */
  readonly toolLocked: () => boolean;
  /** The element entered (a hall whose rows clicks pick), or null at the top level. */
  readonly entered: () => string | null;
  readonly setEntered: (id: string | null) => void;
  /** Select the land parcel (its vertices are then typed in the inspector). */
  readonly selectParcel: () => void;
  readonly parcelSelected: () => boolean;
  /** What the creation tools make (profile, rack count, cooling type …), from the options strip. */
  readonly toolOptions: () => ToolOptions;
  /** A transient message over the canvas ("Rack rows go inside a hall: click in a hall"). */
  readonly showToast: (text: string, tone?: ToastTone) => void;
}

export interface Tool {
  readonly id: ToolId;
  /** CSS cursor over the canvas. */
  readonly cursor: string;
  /**
   * The cursor for the pointer at `e` now (over a handle, an element, during a drag), when it
   * depends on that; else `cursor`. Called on pointer moves: it must not write any store.
   */
  cursorAt?(e: ToolPointerEvent, ctx: ToolContext): string;
  /** The tool became active (draw its handles, e.g. the parcel's vertices). */
  onEnter?(ctx: ToolContext): void;
  onPointerDown(e: ToolPointerEvent, ctx: ToolContext): void;
  onPointerMove(e: ToolPointerEvent, ctx: ToolContext): void;
  onPointerUp(e: ToolPointerEvent, ctx: ToolContext): void;
  onDoubleClick?(e: ToolPointerEvent, ctx: ToolContext): void;
  /** Return true when the tool used the key (then no app shortcut runs). */
  onKeyDown?(e: ToolKeyEvent, ctx: ToolContext): boolean;
  /** Abandon whatever is in progress (Esc, tool switch): the document returns to before it. */
  cancel(ctx: ToolContext): void;
}

/** Makes a tool for an editor (tools keep their own gesture state, so each editor has its own). */
export type ToolFactory = () => Tool;

/** Distance in metres that is `px` screen pixels now. */
export const pxToM = (ctx: ToolContext, px: number): number => px / ctx.scale();
