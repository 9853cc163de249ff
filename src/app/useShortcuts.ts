import { useEffect } from 'react';
import type { Editor } from '../editor/editor';
import { handleShortcut, type Action } from './actions';

/** Listen for the editor's keyboard shortcuts while mounted. */
export function useShortcuts(editor: Editor, actions: readonly Action[]): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => void handleShortcut(editor, actions, e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, actions]);
}
