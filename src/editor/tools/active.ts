import { useEffect } from 'react';
import type { DocumentStore } from '../../state/documentStore';
import type { Editor } from '../editor';
import { useEditor, useSession } from '../EditorProvider';
import { EMPTY_OVERLAY, type Tool, type ToolContext, type ToolKeyEvent } from './types';

/** The active tool (re-renders when the user switches tools). Switching cancels the old tool. */
export function useActiveTool(): Tool | undefined {
  const editor = useEditor();
  const id = useSession((s) => s.tool);
  useEffect(() => {
    const ctx = editor.toolContext;
    editor.tool(id)?.onEnter?.(ctx);
    return () => {
      editor.tool(id)?.cancel(ctx);
      ctx.setOverlay(EMPTY_OVERLAY);
    };
  }, [editor, id]);
  return editor.tool(id);
}

/**
 * Give the active tool the first look at a key (Enter ends a trench, Esc cancels a gesture,
 * Backspace removes the last vertex). Returns true when the tool used it.
 */
export function toolKeyDown(editor: Editor, e: KeyboardEvent): boolean {
  const tool = editor.activeTool();
  if (!tool) return false;
  const ctx = editor.toolContext;
  const ev: ToolKeyEvent = {
    key: e.key,
    shift: e.shiftKey,
    alt: e.altKey,
    mod: e.ctrlKey || e.metaKey,
  };
  if (tool.onKeyDown?.(ev, ctx)) return true;
  if (e.key === 'Escape') {
    tool.cancel(ctx);
    ctx.setOverlay(EMPTY_OVERLAY);
    return true;
  }
  return false;
}

/** What undo and redo act on: a document, the active tool and its tool context. */
export interface HistoryTarget {
  readonly store: DocumentStore;
  readonly tool: Tool | undefined;
  readonly ctx: ToolContext;
}

/** An editor's document, active tool and tool context. */
export const historyTarget = (editor: Editor): HistoryTarget => ({
  store: editor.document,
  tool: editor.activeTool(),
  ctx: editor.toolContext,
});

/**
 * Undo or redo (Ctrl+Z, Ctrl+Shift+Z). While a gesture is open (a drag in progress) the step the
 * user means is the drag itself: the active tool cancels it, which restores the document from
 * before the drag and puts the tool back to idle, so the rest of the drag (the pointer is still
 * down) moves nothing and its release commits nothing. History itself is not stepped: the redo
 * stack stays as it was.
 */
export function stepHistory(kind: 'undo' | 'redo', { store, tool, ctx }: HistoryTarget): void {
  if (store.getState().mark !== null) {
    tool?.cancel(ctx);
    // A gesture the tool did not open (or a tool that kept it) is closed all the same.
    store.getState().cancelGesture();
    return;
  }
  if (kind === 'undo') store.getState().undo();
  else store.getState().redo();
}
