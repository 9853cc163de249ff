import type { Layout } from '../domain';
import type { Editor } from './editor';
import { layoutBounds } from './bounds';
import { fitBounds, zoomBy } from './camera';
import { elementsBounds, withMinSpan } from './elementBounds';

/** Screen padding around the campus when fitting it to the view, px. */
export const FIT_PADDING_PX = 40;

/** The stores the camera actions use. */
type CameraStores = Pick<Editor, 'document' | 'session'>;

/**
 * Zoom to fit the whole layout (Shift+1). False when the canvas has no size yet. A jump of the
 * view (setCamera's `jump`) unless `jump` is false: a fit kept while the overlays lay out follows
 * them step by step, as a gesture does.
 */
export function zoomToFit(
  editor: CameraStores,
  doc: Layout = editor.document.getState().doc,
  jump = true,
): boolean {
  const { viewport, viewInsets, setCamera } = editor.session.getState();
  if (viewport.width <= 0 || viewport.height <= 0) return false;
  setCamera(fitBounds(layoutBounds(doc), viewport, FIT_PADDING_PX, viewInsets), jump);
  return true;
}

/** Zoom by `factor` about the centre of the view (the zoom buttons and +/− keys). */
export function zoomAboutCentre(editor: CameraStores, factor: number): void {
  const { viewport, camera, setCamera } = editor.session.getState();
  setCamera(zoomBy(camera, { x: viewport.width / 2, y: viewport.height / 2 }, factor));
}

/** Screen padding around elements the view zooms to (a failing check, a hall in the table), px. */
export const ZOOM_TO_PADDING_PX = 80;
/** The smallest campus span, m, zoomToElements shows: one rack row should not fill the screen. */
export const ZOOM_TO_MIN_SPAN_M = 40;

/**
 * Fit the view to the elements `ids` (halls, rows, zones, substations, trenches) with padding.
 * False when none of them is in the layout or the canvas has no size yet.
 */
export function zoomToElements(
  editor: CameraStores,
  ids: readonly string[],
  doc: Layout = editor.document.getState().doc,
): boolean {
  const { viewport, viewInsets, setCamera } = editor.session.getState();
  const box = elementsBounds(doc, ids);
  if (!box || viewport.width <= 0 || viewport.height <= 0) return false;
  setCamera(
    fitBounds(withMinSpan(box, ZOOM_TO_MIN_SPAN_M), viewport, ZOOM_TO_PADDING_PX, viewInsets),
    true,
  );
  return true;
}
