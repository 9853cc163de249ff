import type { Layout } from '../domain';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { layoutBounds } from './bounds';
import { fitBounds, zoomBy } from './camera';

/** Screen padding around the campus when fitting it to the view, px. */
export const FIT_PADDING_PX = 40;

/** Zoom to fit the whole layout (Shift+1). False when the canvas has no size yet. */
export function zoomToFit(doc: Layout = useDocumentStore.getState().doc): boolean {
  const { viewport, setCamera } = useSessionStore.getState();
  if (viewport.width <= 0 || viewport.height <= 0) return false;
  setCamera(fitBounds(layoutBounds(doc), viewport, FIT_PADDING_PX));
  return true;
}

/** Zoom by `factor` about the centre of the view (the zoom buttons and +/− keys). */
export function zoomAboutCentre(factor: number): void {
  const { viewport, camera, setCamera } = useSessionStore.getState();
  setCamera(zoomBy(camera, { x: viewport.width / 2, y: viewport.height / 2 }, factor));
}
