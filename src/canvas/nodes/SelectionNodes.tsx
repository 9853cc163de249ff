import { memo, useCallback } from 'react';
import type Konva from 'konva';
import { rectCorners, type Layout } from '../../domain';
import { footprintOf } from '../../editor/elementGeometry';
import { elementsBounds } from '../../editor/elementBounds';
import {
  handlesOf,
  handleTarget,
  HANDLE_SIZE_PX,
  ROTATE_RADIUS_PX,
  type Handle,
} from '../../editor/handles';
import { Shape } from '../konva';
import { CANVAS_COLOURS } from '../palette';
import { useDocument, useSession } from '../../editor/EditorProvider';

/** What the selection shape draws, for tests: outlines and handles at the last draw. */
const drawn = new WeakMap<
  Konva.Shape,
  { outlines: number; handles: readonly Handle[]; box: boolean; entered: string | null }
>();
export const selectionDrawnBy = (shape: Konva.Shape) => drawn.get(shape);

function drawOutlines(
  ctx: CanvasRenderingContext2D,
  doc: Layout,
  ids: readonly string[],
  px: number,
) {
  let outlines = 0;
  ctx.strokeStyle = CANVAS_COLOURS.selection;
  ctx.lineWidth = 1.5 / px;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const id of ids) {
    const f = footprintOf(doc, id);
    if (f?.kind !== 'rect') continue;
    const k = rectCorners(f.rect);
    ctx.moveTo(k[0].x, k[0].y);
    for (let i = 1; i < 4; i++) ctx.lineTo(k[i]!.x, k[i]!.y);
    ctx.closePath();
    outlines++;
  }
  ctx.stroke();
  // Polylines (trenches): a wide translucent band under a thin line along the route.
  for (const id of ids) {
    const f = footprintOf(doc, id);
    if (f?.kind !== 'polyline') continue;
    ctx.beginPath();
    f.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = 'rgba(37, 99, 235, 0.25)';
    ctx.lineWidth = 10 / px;
    ctx.stroke();
    ctx.strokeStyle = CANVAS_COLOURS.selection;
    ctx.lineWidth = 1.5 / px;
    ctx.stroke();
    outlines++;
  }
  return outlines;
}

function drawHandles(
  ctx: CanvasRenderingContext2D,
  handles: readonly Handle[],
  rotation: number,
  px: number,
) {
  const half = HANDLE_SIZE_PX / 2 / px;
  ctx.lineWidth = 1.25 / px;
  ctx.strokeStyle = CANVAS_COLOURS.selection;
  ctx.fillStyle = '#ffffff';
  for (const h of handles) {
    if (h.kind === 'rotate') {
      ctx.beginPath();
      ctx.moveTo(h.stem.x, h.stem.y);
      ctx.lineTo(h.point.x, h.point.y);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(h.point.x, h.point.y, ROTATE_RADIUS_PX / px, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    } else if (h.kind === 'vertex') {
      ctx.beginPath();
      ctx.arc(h.point.x, h.point.y, half, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    } else {
      // Squares turned with the element, as the Transformer draws its anchors.
      ctx.save();
      ctx.translate(h.point.x, h.point.y);
      ctx.rotate((rotation * Math.PI) / 180);
      ctx.fillRect(-half, -half, 2 * half, 2 * half);
      ctx.strokeRect(-half, -half, 2 * half, 2 * half);
      ctx.restore();
    }
  }
}

/**
 * The selection on the UI layer: an outline around every selected element (rows too, from
 * geometry: they are drawn by their hall, not as nodes) and, for a single hall, cooling zone,
 * substation or row, its resize handles and rotation handle; for a single trench, its vertices;
 * for several elements, a box around them with its own resize and rotation handles.
 * Sizes are screen pixels, read from the stage's scale at draw time, so zooming needs no render.
 * The select tool hit-tests the same handles (handles.ts).
 */
export const SelectionShape = memo(function SelectionShape() {
  const selection = useSession((s) => s.selection);
  const enteredId = useSession((s) => s.entered);
  const parcelSelected = useSession((s) => s.parcelSelected);
  // With nothing selected or entered, edits elsewhere do not re-render this shape.
  const doc = useDocument((s) =>
    selection.length > 0 || enteredId !== null || parcelSelected ? s.doc : null,
  );

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const px = shape.getStage()?.scaleX() ?? 1;
      // The hall the user has entered: a dashed outline, so it is clear clicks pick its rows.
      const entered = doc && enteredId !== null ? footprintOf(doc, enteredId) : null;
      if (entered?.kind === 'rect') {
        const k = rectCorners(entered.rect);
        ctx.strokeStyle = CANVAS_COLOURS.selection;
        ctx.lineWidth = 1 / px;
        ctx.setLineDash([5 / px, 4 / px]);
        ctx.beginPath();
        ctx.moveTo(k[0].x, k[0].y);
        for (let i = 1; i < 4; i++) ctx.lineTo(k[i]!.x, k[i]!.y);
        ctx.closePath();
        ctx.stroke();
        ctx.setLineDash([]);
      }
      const enteredShown = entered?.kind === 'rect' ? enteredId : null;
      // The selected parcel: its boundary in the selection colour, a dot on each vertex.
      if (doc && parcelSelected && doc.parcel.points.length > 1) {
        const pts = doc.parcel.points;
        ctx.strokeStyle = CANVAS_COLOURS.selection;
        ctx.fillStyle = CANVAS_COLOURS.selection;
        ctx.lineWidth = 2 / px;
        ctx.beginPath();
        pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.closePath();
        ctx.stroke();
        for (const [x, y] of pts) {
          ctx.beginPath();
          ctx.arc(x, y, 3.5 / px, 0, Math.PI * 2);
          ctx.fill();
        }
      }
      if (!doc || selection.length === 0) {
        drawn.set(shape, { outlines: 0, handles: [], box: false, entered: enteredShown });
        return;
      }
      const outlines = drawOutlines(ctx, doc, selection, px);
      const target = handleTarget(doc, selection);
      const handles = target ? handlesOf(target, px) : [];
      // Several selected: one box around them all (a drag inside it moves them together; its
      // handles scale or turn them together). Without handles it stands off the outlines a little.
      const box = selection.length > 1 ? elementsBounds(doc, selection) : null;
      if (box) {
        const pad = target?.kind === 'group' ? 0 : 4 / px;
        ctx.strokeStyle = CANVAS_COLOURS.selection;
        ctx.lineWidth = 1 / px;
        ctx.setLineDash([4 / px, 3 / px]);
        ctx.strokeRect(
          box.minX - pad,
          box.minY - pad,
          box.maxX - box.minX + 2 * pad,
          box.maxY - box.minY + 2 * pad,
        );
        ctx.setLineDash([]);
      }
      drawHandles(ctx, handles, target && target.kind !== 'trench' ? target.rect.rotation : 0, px);
      drawn.set(shape, { outlines, handles, box: box !== null, entered: enteredShown });
    },
    [doc, selection, enteredId, parcelSelected],
  );

  return (
    <Shape
      name="selection"
      selectionIds={selection}
      empty={doc === null}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
