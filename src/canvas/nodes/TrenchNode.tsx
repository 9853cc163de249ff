import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import type { FiberTrench } from '../../domain';
import { pxPerM, useCull } from '../cullContext';
import { CANVAS_COLOURS, trenchWidthPx } from '../palette';
import { useElement } from '../../editor/EditorProvider';

function polyline(
  ctx: CanvasRenderingContext2D | Konva.Context,
  points: FiberTrench['points'],
): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
}

/**
 * A fiber trench: a polyline whose on-screen width grows with its fiber count, over a white
 * casing so that it reads on top of halls and zones. One shape (casing and line together).
 */
export const TrenchNode = memo(function TrenchNode({ id }: { id: string }) {
  const trench = useElement('fiberTrenches', id);
  const cull = useCull();
  const ref = useRef<Konva.Shape>(null);

  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || !trench) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of trench.points) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    cull.set(id, node, { minX, minY, maxX, maxY });
    return () => cull.delete(id, node);
    // After every render, not only when the box changes: a render means the drawing changed,
    // and the tile cache must redraw the tiles under the old box and the new one.
  });

  const points = trench?.points;
  const widthPx = trenchWidthPx(trench?.fiberCount ?? 1);

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      if (!points) return;
      const ctx = kctx._context;
      const px = pxPerM(shape);
      polyline(ctx, points);
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = CANVAS_COLOURS.trenchCasing;
      ctx.lineWidth = (widthPx + 2.5) / px;
      ctx.stroke();
      ctx.strokeStyle = CANVAS_COLOURS.trench;
      ctx.lineWidth = widthPx / px;
      ctx.stroke();
    },
    [points, widthPx],
  );
  if (!trench) return null;
  return (
    <Shape
      ref={ref}
      name="fiber-trench"
      id={trench.id}
      fiberCount={trench.fiberCount}
      sceneFunc={sceneFunc}
      stroke={CANVAS_COLOURS.trench}
      strokeWidth={widthPx}
      strokeScaleEnabled={false}
      perfectDrawEnabled={false}
    />
  );
});
