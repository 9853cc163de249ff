import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import { polylineAabb } from '../../domain';
import { pxPerM, useCull } from '../cullContext';
import { CANVAS_COLOURS, feederWidthPx } from '../palette';
import { useElement } from '../../editor/EditorProvider';

/**
 * A power feeder (MV duct bank): a dashed polyline whose on-screen width grows with its MVA, over
 * a white casing, so that it reads apart from the solid fiber trenches. One shape.
 */
export const FeederNode = memo(function FeederNode({ id }: { id: string }) {
  const feeder = useElement('powerFeeders', id);
  const cull = useCull();
  const ref = useRef<Konva.Shape>(null);

  useLayoutEffect(() => {
    const node = ref.current;
    const box = feeder && polylineAabb(feeder.points);
    if (!node || !box) return;
    cull.set(id, node, box);
    return () => cull.delete(id, node);
    // After every render, not only when the box changes: a render means the drawing changed,
    // and the tile cache must redraw the tiles under the old box and the new one.
  });

  const points = feeder?.points;
  const widthPx = feederWidthPx(feeder?.capacityMva ?? 1);

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      if (!points) return;
      const ctx = kctx._context;
      const px = pxPerM(shape);
      ctx.beginPath();
      points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = CANVAS_COLOURS.trenchCasing;
      ctx.lineWidth = (widthPx + 2.5) / px;
      ctx.stroke();
      ctx.setLineDash([10 / px, 5 / px]);
      ctx.lineCap = 'butt';
      ctx.strokeStyle = CANVAS_COLOURS.feeder;
      ctx.lineWidth = widthPx / px;
      ctx.stroke();
      ctx.setLineDash([]);
    },
    [points, widthPx],
  );
  if (!feeder) return null;
  return (
    <Shape
      ref={ref}
      name="power-feeder"
      id={feeder.id}
      capacityMva={feeder.capacityMva}
      sceneFunc={sceneFunc}
      stroke={CANVAS_COLOURS.feeder}
      strokeWidth={widthPx}
      strokeScaleEnabled={false}
      perfectDrawEnabled={false}
    />
  );
});
