import { useEffect } from 'react';
import { useDocumentStore, type DocumentStore } from '../../state/documentStore';
import { useSessionStore, type ToolId } from '../../state/sessionStore';
import { EMPTY_OVERLAY, type Tool, type ToolContext, type ToolKeyEvent } from './types';
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

/** What undo and redo act on: the app's document, active tool and tool context (tests pass theirs). */
export interface HistoryTarget {
  readonly store: DocumentStore;
  readonly tool: Tool | undefined;
  readonly ctx: ToolContext;
}

const appHistoryTarget = (): HistoryTarget => ({
  store: useDocumentStore,
  tool: getTool(useSessionStore.getState().tool),
  ctx: appToolContext,
});

/**
 * Undo or redo (Ctrl+Z, Ctrl+Shift+Z). While a gesture is open (a drag in progress) the step the
 * user means is the drag itself: the active tool cancels it, which restores the document from
 * before the drag and puts the tool back to idle, so the rest of the drag (the pointer is still
 * down) moves nothing and its release commits nothing. History itself is not stepped: the redo
 * stack stays as it was.
 */
export function stepHistory(
  kind: 'undo' | 'redo',
  { store, tool, ctx }: HistoryTarget = appHistoryTarget(),
): void {
  if (store.getState().mark !== null) {
    tool?.cancel(ctx);
    // A gesture the tool did not open (or a tool that kept it) is closed all the same.
    store.getState().cancelGesture();
    return;
  }
  if (kind === 'undo') store.getState().undo();
  else store.getState().redo();
}
