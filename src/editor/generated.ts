import type { Layout } from '../domain';
import { zoomToFit } from './cameraActions';
import type { Editor } from './editor';

/**
 * Put a generated campus in place of the open document as one undo step (Ctrl+Z brings the
 * previous document back exactly), clear the selection (its ids may be gone) and fit the view.
 * Whoever calls it asks first when the open document has unsaved work that would be replaced.
 */
export function applyGeneratedCampus(
  editor: Pick<Editor, 'document' | 'session'>,
  layout: Layout,
  label = 'Generate campus',
): void {
  // An immer recipe that returns a value replaces the document with it.
  editor.document.getState().apply(() => layout, label);
  editor.session.getState().setSelection([]);
  zoomToFit(editor, layout);
}
