import type { Layout } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { noticeOf, TOAST_KEY } from '../../state/notifications';
import { createEditor } from '../editor';
import type { Tool, ToolKeyEvent, ToolPointerEvent } from './types';

/**
 * Drive a tool's state machine without a canvas, over a fresh editor (tests only). Positions are
 * campus metres; the camera is `scale` px per metre with the origin at the canvas corner, so the
 * screen position (used for click slop) is world × scale.
 */
export function toolHarness(tool: Tool, layout: Layout = emptyLayout(), scale = 10) {
  const editor = createEditor({ layout, tools: [() => tool] });
  const docStore = editor.document;
  const sessionStore = editor.session;
  sessionStore.getState().setCamera({ x: 0, y: 0, scale });
  sessionStore.getState().setTool(tool.id);
  const ctx = editor.toolContext;
  const ev = (x: number, y: number, mods: Partial<ToolPointerEvent> = {}): ToolPointerEvent => ({
    world: { x, y },
    screen: { x: x * scale, y: y * scale },
    button: 0,
    shift: false,
    alt: false,
    mod: false,
    ...mods,
  });
  const key = (k: string, mods: Partial<ToolKeyEvent> = {}): boolean =>
    tool.onKeyDown?.({ key: k, shift: false, alt: false, mod: false, ...mods }, ctx) ?? false;
  const h = {
    editor,
    ctx,
    docStore,
    sessionStore,
    doc: () => docStore.getState().doc,
    undoSteps: () => docStore.getState().past.length,
    selection: () => sessionStore.getState().selection,
    overlay: () => sessionStore.getState().overlay,
    toast: () => noticeOf(editor.notifications.getState(), TOAST_KEY),
    activeTool: () => sessionStore.getState().tool,
    down: (x: number, y: number, mods?: Partial<ToolPointerEvent>) =>
      tool.onPointerDown(ev(x, y, mods), ctx),
    move: (x: number, y: number, mods?: Partial<ToolPointerEvent>) =>
      tool.onPointerMove(ev(x, y, mods), ctx),
    up: (x: number, y: number, mods?: Partial<ToolPointerEvent>) =>
      tool.onPointerUp(ev(x, y, mods), ctx),
    /** Press and release at one point. */
    click: (x: number, y: number, mods?: Partial<ToolPointerEvent>) => {
      h.move(x, y, mods);
      h.down(x, y, mods);
      h.up(x, y, mods);
    },
    /** What a browser sends for a double-click: two clicks, then dblclick. */
    doubleClick: (x: number, y: number) => {
      h.click(x, y);
      h.click(x, y);
      tool.onDoubleClick?.(ev(x, y), ctx);
    },
    /** Press at a, move through the steps to b, release at b. */
    drag: (ax: number, ay: number, bx: number, by: number, mods?: Partial<ToolPointerEvent>) => {
      h.down(ax, ay, mods);
      const steps = 4;
      for (let i = 1; i <= steps; i++) {
        h.move(ax + ((bx - ax) * i) / steps, ay + ((by - ay) * i) / steps, mods);
      }
      h.up(bx, by, mods);
    },
    key,
  };
  return h;
}
