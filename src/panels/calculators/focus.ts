import { zoomToElements } from '../../editor/cameraActions';
import { useSessionStore } from '../../state/sessionStore';

/** Select the elements a check, a what-if flip or a hall-table row names, and zoom to them. */
export function selectAndZoom(ids: readonly string[]): void {
  if (ids.length === 0) return;
  useSessionStore.getState().setSelection([...ids]);
  zoomToElements(ids);
}
