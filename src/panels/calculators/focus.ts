import { useCallback } from 'react';
import { zoomToElements } from '../../editor/cameraActions';
import type { Editor } from '../../editor/editor';
import { useEditor } from '../../editor/EditorProvider';

/** Select the elements a check, a what-if flip or a hall-table row names, and zoom to them. */
export function selectAndZoom(editor: Editor, ids: readonly string[]): void {
  if (ids.length === 0) return;
  editor.session.getState().setSelection([...ids]);
  zoomToElements(editor, ids);
}

/** selectAndZoom on the editor of this component. */
export function useSelectAndZoom(): (ids: readonly string[]) => void {
  const editor = useEditor();
  return useCallback((ids) => selectAndZoom(editor, ids), [editor]);
}
