import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import { COOLING_TYPES, rectAabb, type CoolingZone, type Substation } from '../../domain';
import { pxPerM, useCull } from '../cullContext';
import { drawFramedRect, drawHatch, drawLabel } from '../draw';
import { CANVAS_COLOURS, CANVAS_FONT, COOLING_COLOURS } from '../palette';
import { rectPlacement } from './placement';
import { useElement } from '../../editor/EditorProvider';
import { formatUpTo } from '../../domain/units';

function useRectCull(id: string, rect: CoolingZone | Substation | undefined) {
  const cull = useCull();
  const ref = useRef<Konva.Shape>(null);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || !rect) return;
    cull.set(id, node, rectAabb(rect));
    return () => cull.delete(id, node);
    // After every render, not only when the box changes: a render means the drawing changed,
    // and the tile cache must redraw the tiles under the old box and the new one.
  });
  return ref;
}

/** A cooling zone: translucent fill and dashed outline in its type's colour, with a corner tag. */
export const CoolingZoneNode = memo(function CoolingZoneNode({ id }: { id: string }) {
  const zone = useElement('coolingZones', id);
  const ref = useRectCull(id, zone);
  const width = zone?.width ?? 0;
  const depth = zone?.depth ?? 0;
  const colours = COOLING_COLOURS[zone?.type ?? 'air'];
  const tag = zone
    ? `${zone.name || COOLING_TYPES[zone.type].label} · ${colours.short} ${zone.capacityMw} MW`
    : '';

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const px = pxPerM(shape);
      ctx.fillStyle = colours.fill;
      ctx.fillRect(0, 0, width, depth);
      ctx.setLineDash([6 / px, 4 / px]);
      ctx.lineWidth = 1.5 / px;
      ctx.strokeStyle = colours.stroke;
      ctx.strokeRect(0, 0, width, depth);
      ctx.setLineDash([]);
      // The tag sits just outside the zone's bottom-left corner, where hall labels never are.
      if (width * px > 140 && depth * px > 40) {
        ctx.save();
        ctx.translate(0, depth);
        ctx.scale(1 / px, 1 / px);
        ctx.font = `500 10.5px ${CANVAS_FONT}`;
        ctx.textBaseline = 'top';
        ctx.fillStyle = colours.stroke;
        const maxW = width * px + 12;
        let text = tag;
        while (text.length > 4 && ctx.measureText(text).width > maxW) text = text.slice(0, -2);
        if (text !== tag) text = `${text.trimEnd()}…`;
        ctx.fillText(text, 2, 3);
        ctx.restore();
      }
    },
    [width, depth, colours, tag],
  );

  if (!zone) return null;
  return (
    <Shape
      ref={ref}
      name="cooling-zone"
      id={zone.id}
      {...rectPlacement(zone)}
      sceneFunc={sceneFunc}
      perfectDrawEnabled={false}
    />
  );
});

/** A substation yard: hatched rectangle with name, capacity and voltage. */
export const SubstationNode = memo(function SubstationNode({ id }: { id: string }) {
  const sub = useElement('substations', id);
  const ref = useRectCull(id, sub);
  const width = sub?.width ?? 0;
  const depth = sub?.depth ?? 0;
  const rotation = sub?.rotation ?? 0;
  const name = sub?.name ?? '';
  const detail = sub ? `${formatUpTo(sub.capacityMva, 3)} MVA · ${sub.voltageKv} kV` : '';

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const px = pxPerM(shape);
      drawFramedRect(
        ctx,
        width,
        depth,
        CANVAS_COLOURS.substationFill,
        CANVAS_COLOURS.substationStroke,
        px,
        1.5,
      );
      drawHatch(ctx, width, depth, CANVAS_COLOURS.substationHatch, px);
      const spec = {
        x: width / 2,
        y: depth / 2,
        halfW: width / 2,
        halfH: depth / 2,
        rotationDeg: rotation,
      };
      drawLabel(
        ctx,
        {
          ...spec,
          title: name,
          sub: detail,
          placement: 'inside',
          colour: CANVAS_COLOURS.substationLabel,
        },
        px,
      );
    },
    [width, depth, rotation, name, detail],
  );

  if (!sub) return null;
  return (
    <Shape
      ref={ref}
      name="substation"
      id={sub.id}
      {...rectPlacement(sub)}
      sceneFunc={sceneFunc}
      perfectDrawEnabled={false}
    />
  );
});
