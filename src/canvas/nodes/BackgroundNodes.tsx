import { memo, useCallback, useMemo } from 'react';
import type Konva from 'konva';
import { Line, Shape } from '../konva';
import { gridStep } from '../draw';
import { drawViewSize } from '../cullContext';
import { CANVAS_COLOURS } from '../palette';
import { useDocument } from '../../editor/EditorProvider';

/** The land parcel's fill (the background layer is not listening and holds no per-element nodes). */
export const ParcelFill = memo(function ParcelFill() {
  const parcel = useDocument((s) => s.doc.parcel);
  const points = useMemo(() => parcel.points.flat(), [parcel]);
  return (
    <Line
      name="parcel"
      points={points}
      closed
      fill={CANVAS_COLOURS.parcelFill}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

/** The parcel boundary: a dashed property line, drawn over the grid. */
export const ParcelOutline = memo(function ParcelOutline() {
  const parcel = useDocument((s) => s.doc.parcel);
  const points = useMemo(() => parcel.points.flat(), [parcel]);
  return (
    <Line
      name="parcel-outline"
      points={points}
      closed
      stroke={CANVAS_COLOURS.parcelStroke}
      strokeWidth={1.5}
      dash={[10, 4, 2, 4]}
      strokeScaleEnabled={false}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

/**
 * A metric grid over the visible area: minor lines at least 14 px apart (1, 2 or 5 × 10ⁿ m),
 * a major line every fifth. It reads the view from the stage, so camera moves need no React render.
 */
export const GridShape = memo(function GridShape() {
  const sceneFunc = useCallback((kctx: Konva.Context, shape: Konva.Shape) => {
    const stage = shape.getStage();
    if (!stage) return;
    const ctx = kctx._context;
    const s = stage.scaleX();
    const x0 = -stage.x() / s;
    const y0 = -stage.y() / s;
    const view = drawViewSize(stage);
    const x1 = x0 + view.width / s;
    const y1 = y0 + view.height / s;
    const step = gridStep(s);
    ctx.lineWidth = 1 / s;
    for (const [colour, pick] of [
      [CANVAS_COLOURS.gridMinor, (i: number) => i % 5 !== 0],
      [CANVAS_COLOURS.gridMajor, (i: number) => i % 5 === 0],
    ] as const) {
      ctx.beginPath();
      for (let i = Math.ceil(x0 / step); i * step <= x1; i++) {
        if (!pick(i)) continue;
        ctx.moveTo(i * step, y0);
        ctx.lineTo(i * step, y1);
      }
      for (let j = Math.ceil(y0 / step); j * step <= y1; j++) {
        if (!pick(j)) continue;
        ctx.moveTo(x0, j * step);
        ctx.lineTo(x1, j * step);
      }
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
  }, []);
  return <Shape name="grid" sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
});
