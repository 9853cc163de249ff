import type Konva from 'konva';
import { Konva as K } from '../../canvas/konva';
import { layoutBounds } from '../../editor/bounds';
import { fitBounds } from '../../editor/camera';
import { cullIndexOf } from '../../canvas/cullContext';
import { CANVAS_COLOURS, CANVAS_FONT } from '../../canvas/palette';
import type { Editor } from '../../editor/editor';
import { sheetFor, sheetScaleBar, type Sheet } from './sheet';

/**
 * PNG pictures of the Konva stage: the current view, or the whole campus at high resolution.
 * The editor's UI layer (handles, guides) is left out, and the picture has the canvas background
 * (the layers themselves are transparent).
 */

export interface PngImage {
  readonly dataUrl: string;
  readonly width: number;
  /** The whole picture's height: the campus and, below it, the sheet's band. */
  readonly height: number;
  /** The height of the band under the campus (title block, legend, scale bar), px; 0 without. */
  readonly bandHeight: number;
}

/** The campus stage (the app has one). */
export function campusStage(): Konva.Stage {
  const stage = K.stages.at(-1);
  if (!stage || stage.width() <= 0 || stage.height() <= 0)
    throw new Error('the campus canvas is not on screen');
  return stage;
}

/** The title block's height for a picture `width` px wide, and its scale factor. */
function sheetBand(width: number): { height: number; f: number } {
  const f = Math.max(0.6, width / 1600);
  return { height: Math.round(104 * f), f };
}

/**
 * Draw `source` onto a background-filled canvas of exactly width × height, with the sheet's title
 * block, legend, scale bar and north arrow in a band below it when `sheet` is given (`pxPerM`:
 * picture pixels per campus metre); PNG data URL.
 */
function flatten(
  source: HTMLCanvasElement,
  width: number,
  height: number,
  sheet?: { readonly sheet: Sheet; readonly pxPerM: number },
): PngImage {
  const band = sheet ? sheetBand(width) : { height: 0, f: 1 };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height + band.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the picture');
  ctx.fillStyle = CANVAS_COLOURS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  if (sheet) drawSheet(ctx, sheet.sheet, { y: height, width, ...band }, sheet.pxPerM);
  const dataUrl = canvas.toDataURL('image/png');
  const out = { dataUrl, width, height: canvas.height, bandHeight: band.height };
  // Free the large bitmaps now rather than at the next garbage collection.
  canvas.width = canvas.height = 0;
  source.width = source.height = 0;
  return out;
}

const INK = '#1c2430';
const INK_2 = '#4a5668';

/** The sheet's band: title block on the left, legend in the middle, scale bar and north arrow right. */
function drawSheet(
  ctx: CanvasRenderingContext2D,
  sheet: Sheet,
  band: { y: number; width: number; height: number; f: number },
  pxPerM: number,
): void {
  const { y, width, height, f } = band;
  const font = (px: number, weight = 400) => `${weight} ${Math.round(px * f)}px ${CANVAS_FONT}`;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, y, width, height);
  ctx.fillStyle = '#c3ccd7';
  ctx.fillRect(0, y, width, Math.max(1, f));
  const pad = 16 * f;
  const fit = (text: string, max: number) => {
    let t = text;
    while (t.length > 1 && ctx.measureText(t).width > max) t = `${t.slice(0, -2)}…`;
    return t;
  };
  // Title block: up to 45 % of the width.
  const titleW = width * 0.45 - pad;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = font(22, 650);
  ctx.fillText(fit(sheet.title, titleW), pad, y + 34 * f);
  ctx.fillStyle = INK_2;
  ctx.font = font(13);
  ctx.fillText(fit(sheet.subtitle, titleW), pad, y + 58 * f);
  ctx.fillStyle = INK;
  ctx.font = font(14, 600);
  ctx.fillText(fit(sheet.totals, titleW), pad, y + 82 * f);

  // Legend: two rows of swatches.
  const lx0 = width * 0.45 + pad;
  const legendRight = width - 210 * f;
  sheet.legend.forEach((row, i) => {
    let x = lx0;
    const ly = y + (30 + i * 30) * f;
    ctx.font = font(12, 650);
    ctx.fillStyle = INK_2;
    ctx.fillText(row.heading, x, ly);
    x += ctx.measureText(row.heading).width + 10 * f;
    ctx.font = font(12);
    for (const s of row.swatches) {
      const w = ctx.measureText(s.label).width;
      if (x + 22 * f + w > legendRight) break;
      const sy = ly - 10 * f;
      if (s.style === 'line') {
        ctx.fillStyle = s.fill;
        ctx.fillRect(x, sy + 4 * f, 16 * f, 4 * f);
      } else {
        ctx.fillStyle = s.fill;
        ctx.fillRect(x, sy, 16 * f, 11 * f);
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = Math.max(1, 1.2 * f);
        ctx.setLineDash(s.style === 'dashed' ? [3 * f, 2 * f] : []);
        ctx.strokeRect(x, sy, 16 * f, 11 * f);
        ctx.setLineDash([]);
      }
      ctx.fillStyle = INK;
      ctx.fillText(s.label, x + 20 * f, ly);
      x += 28 * f + w;
    }
  });

  // Scale bar and north arrow at the right.
  const bar = sheetScaleBar(pxPerM, 140 * f, sheet.units);
  const bx = width - pad - (sheet.bearingDeg === null ? 0 : 50 * f) - bar.px;
  const by = y + 56 * f;
  ctx.strokeStyle = INK;
  ctx.lineWidth = Math.max(1, 2 * f);
  ctx.beginPath();
  ctx.moveTo(bx, by - 7 * f);
  ctx.lineTo(bx, by);
  ctx.lineTo(bx + bar.px, by);
  ctx.lineTo(bx + bar.px, by - 7 * f);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(12);
  ctx.fillText(bar.label, bx, by + 18 * f);
  if (sheet.bearingDeg !== null) {
    const cx = width - pad - 18 * f;
    const cy = y + height / 2;
    ctx.save();
    ctx.translate(cx, cy);
    // Screen-up is bearingDeg clockwise from north, so north is that much anticlockwise.
    ctx.rotate((-sheet.bearingDeg * Math.PI) / 180);
    ctx.beginPath();
    ctx.moveTo(0, -18 * f);
    ctx.lineTo(8 * f, 14 * f);
    ctx.lineTo(0, 8 * f);
    ctx.lineTo(-8 * f, 14 * f);
    ctx.closePath();
    ctx.fill();
    ctx.font = font(13, 700);
    ctx.textAlign = 'center';
    ctx.fillText('N', 0, -22 * f);
    ctx.restore();
    ctx.textAlign = 'start';
  }
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

/**
 * The current view: the stage as it is, at `pixelRatio` × its CSS size; with the editor, the
 * title block, legend, scale bar and north arrow below it.
 */
export function exportViewPng(stage: Konva.Stage, pixelRatio = 2, editor?: Editor): PngImage {
  const width = Math.round(stage.width() * pixelRatio);
  const height = Math.round(stage.height() * pixelRatio);
  const source = withoutUi(stage, () => stage.toCanvas({ pixelRatio }));
  return flatten(
    source,
    width,
    height,
    editor && { sheet: sheetFor(editor), pxPerM: stage.scaleX() * pixelRatio },
  );
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
    return flatten(source, width, height, {
      sheet: sheetFor(editor),
      pxPerM: camera.scale * pixelRatio,
    });
  } finally {
    stage.position(savedPos);
    stage.scale({ x: savedScale, y: savedScale });
    // A fresh camera object, so that CampusCanvas re-applies and re-culls the view even when the
    // fitted camera happened to equal the saved one.
    editor.session.setState({ camera: { ...saved } });
    stage.batchDraw();
  }
}
