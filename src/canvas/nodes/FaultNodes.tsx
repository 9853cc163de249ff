import { memo, useCallback, useMemo } from 'react';
import type Konva from 'konva';
import type { Vec2 } from '../../domain';
import { Shape } from '../konva';
import { CANVAS_COLOURS } from '../palette';
import { faultOutlines, visibleFaults, type FaultOutline, type FaultOutlines } from '../faults';
import { useEditor, useReport } from '../../editor/EditorProvider';
import { formatCount } from '../../domain/units';

function path(ctx: CanvasRenderingContext2D, { points, closed }: FaultOutline): void {
  const pts: readonly Vec2[] = points;
  ctx.moveTo(pts[0]!.x, pts[0]!.y);
  for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i]!.x, pts[i]!.y);
  if (closed) ctx.closePath();
}

/** The campus box a stage shows (the stage carries the camera: position and scale). */
export function stageView(shape: Konva.Shape) {
  const stage = shape.getStage();
  if (!stage) return null;
  const s = stage.scaleX() || 1;
  return {
    scale: s,
    box: {
      minX: -stage.x() / s,
      minY: -stage.y() / s,
      maxX: (stage.width() - stage.x()) / s,
      maxY: (stage.height() - stage.y()) / s,
    },
  };
}

const NO_OUTLINES: FaultOutlines = { ids: [], outlines: [] };

/**
 * Red outlines around the elements named by failing checks: one non-listening shape on the UI
 * layer, redrawn when the report or the camera changes. Only outlines on screen are drawn, at most
 * MAX_DRAWN_FAULTS, with a count of the rest in the corner. Widths are screen pixels.
 */
export const FaultShape = memo(function FaultShape() {
  const { document } = useEditor();
  const report = useReport();
  // The report is of the document as it was this frame; its elements are looked up there.
  // No report, no outlines (none of another document's).
  const outlines = useMemo(
    () => (report ? faultOutlines(document.getState().doc, report) : NO_OUTLINES),
    [document, report],
  );
  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const view = outlines.outlines.length > 0 ? stageView(shape) : null;
      if (!view) return;
      const { drawn, hidden } = visibleFaults(outlines.outlines, view.box);
      const ctx = kctx._context;
      const s = view.scale;
      if (drawn.length > 0) {
        ctx.beginPath();
        for (const o of drawn) path(ctx, o);
        ctx.lineJoin = 'round';
        ctx.lineCap = 'round';
        // A soft halo, then the line itself.
        ctx.strokeStyle = 'rgba(220, 38, 38, 0.22)';
        ctx.lineWidth = 7 / s;
        ctx.stroke();
        ctx.strokeStyle = CANVAS_COLOURS.fault;
        ctx.lineWidth = 2 / s;
        ctx.stroke();
      }
      if (hidden > 0) {
        const text = `+${formatCount(hidden)} more faulted elements on screen not outlined`;
        ctx.font = `${12 / s}px system-ui, sans-serif`;
        ctx.fillStyle = CANVAS_COLOURS.fault;
        ctx.fillText(text, view.box.minX + 12 / s, view.box.maxY - 40 / s);
      }
    },
    [outlines],
  );
  return (
    <Shape
      name="faults"
      faultIds={outlines.ids}
      empty={outlines.outlines.length === 0}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
