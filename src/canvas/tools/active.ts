import { useEffect } from 'react';
import { useSessionStore, type ToolId } from '../../state/sessionStore';
import { EMPTY_OVERLAY, type Tool, type ToolKeyEvent } from './types';
import { createToolContext } from './context';
import { getTool } from './registry';
import './all';

/** The ToolContext over the app's stores. */
export const appToolContext = createToolContext();

/** The active tool (re-renders when the user switches tools). Switching cancels the old tool. */
export function useActiveTool(): Tool | undefined {
  const id = useSessionStore((s) => s.tool);
  useEffect(() => {
    getTool(id)?.onEnter?.(appToolContext);
    return () => {
      getTool(id)?.cancel(appToolContext);
      appToolContext.setOverlay(EMPTY_OVERLAY);
    };
  }, [id]);
  return getTool(id);
}

/**
 * Give the active tool the first look at a key (Enter ends a trench, Esc cancels a gesture,
 * Backspace removes the last vertex). Returns true when the tool used it.
 */
export function toolKeyDown(e: KeyboardEvent): boolean {
  const tool = getTool(useSessionStore.getState().tool);
  if (!tool) return false;
  const ev: ToolKeyEvent = {
    key: e.key,
    shift: e.shiftKey,
    alt: e.altKey,
    mod: e.ctrlKey || e.metaKey,
  };
  if (tool.onKeyDown?.(ev, appToolContext)) return true;
  if (e.key === 'Escape') {
    tool.cancel(appToolContext);
    appToolContext.setOverlay(EMPTY_OVERLAY);
    return true;
  }
  return false;
}

export function setActiveTool(id: ToolId): void {
  useSessionStore.getState().setTool(id);
}
