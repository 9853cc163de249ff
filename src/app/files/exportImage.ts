import type Konva from 'konva';
import { Konva as K } from '../../canvas/konva';
import { layoutBounds } from '../../editor/bounds';
import { fitBounds } from '../../editor/camera';
import { cullIndexOf } from '../../canvas/cullContext';
import { CANVAS_COLOURS } from '../../canvas/palette';
import type { Editor } from '../../editor/editor';

/**
 * PNG pictures of the Konva stage: the current view, or the whole campus at high resolution.
 * The editor's UI layer (handles, guides) is left out, and the picture has the canvas background
 * (the layers themselves are transparent).
 */

export interface PngImage {
  readonly dataUrl: string;
  readonly width: number;
  readonly height: number;
}

/** The campus stage (the app has one). */
export function campusStage(): Konva.Stage {
  const stage = K.stages.at(-1);
  if (!stage || stage.width() <= 0 || stage.height() <= 0)
    throw new Error('the campus canvas is not on screen');
  return stage;
}

/** Draw `source` onto a background-filled canvas of exactly width × height; PNG data URL. */
function flatten(source: HTMLCanvasElement, width: number, height: number): PngImage {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the picture');
  ctx.fillStyle = CANVAS_COLOURS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  const dataUrl = canvas.toDataURL('image/png');
  // Free the large bitmaps now rather than at the next garbage collection.
  canvas.width = canvas.height = 0;
  source.width = source.height = 0;
  return { dataUrl, width, height };
}

/** Run `draw` with the UI layer hidden. */
function withoutUi<T>(stage: Konva.Stage, draw: () => T): T {
  const ui = stage.findOne('.ui');
  const shown = ui?.visible() ?? false;
  ui?.visible(false);
  try {
    return draw();
  } finally {
    if (ui && shown) ui.visible(true);
  }
}

/** The current view: the stage as it is, at `pixelRatio` × its CSS size. */
export function exportViewPng(stage: Konva.Stage, pixelRatio = 2): PngImage {
  const width = Math.round(stage.width() * pixelRatio);
  const height = Math.round(stage.height() * pixelRatio);
  const source = withoutUi(stage, () => stage.toCanvas({ pixelRatio }));
  return flatten(source, width, height);
}

/** Screen margin around the campus in the whole-campus picture, px (before scaling). */
const MARGIN_PX = 12;

/**
 * The whole campus, whatever the view: the camera is fitted to the layout for the moment of
 * drawing (so that nothing is culled), the campus box is drawn with the pixel ratio that makes
 * its long side `longSide` px, and the camera is put back before the browser paints.
 */
export function exportCampusPng(editor: Editor, stage: Konva.Stage, longSide = 4096): PngImage {
  const session = editor.session.getState();
  const saved = session.camera;
  const savedPos = stage.position();
  const savedScale = stage.scaleX();
  const viewport = { width: stage.width(), height: stage.height() };
  const box = layoutBounds(editor.document.getState().doc);
  const camera = fitBounds(box, viewport, MARGIN_PX + 4);
  try {
    // CampusCanvas applies camera changes to the stage (and culls) synchronously; set the stage
    // too, in case this stage is drawn by something else.
    session.setCamera(camera);
    stage.position({ x: camera.x, y: camera.y });
    stage.scale({ x: camera.scale, y: camera.scale });
    cullIndexOf(stage)?.cull(box);
    const x = box.minX * camera.scale + camera.x - MARGIN_PX;
    const y = box.minY * camera.scale + camera.y - MARGIN_PX;
    const w = (box.maxX - box.minX) * camera.scale + 2 * MARGIN_PX;
    const h = (box.maxY - box.minY) * camera.scale + 2 * MARGIN_PX;
    const pixelRatio = longSide / Math.max(w, h);
    const width = Math.max(1, Math.round(w * pixelRatio));
    const height = Math.max(1, Math.round(h * pixelRatio));
    const source = withoutUi(stage, () =>
      stage.toCanvas({ x, y, width: w, height: h, pixelRatio }),
    );
    return flatten(source, width, height);
  } finally {
    stage.position(savedPos);
    stage.scale({ x: savedScale, y: savedScale });
    // A fresh camera object, so that CampusCanvas re-applies and re-culls the view even when the
    // fitted camera happened to equal the saved one.
    editor.session.setState({ camera: { ...saved } });
    stage.batchDraw();
  }
}
