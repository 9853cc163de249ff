import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import {
  PLANT_TYPES,
  rectAabb,
  type BatteryYard,
  type CoolingPlant,
  type GeneratorYard,
  type RotatedRect,
} from '../../domain';
import { formatUpTo } from '../../domain/units';
import { pxPerM, useCull } from '../cullContext';
import { drawFramedRect, drawLabel } from '../draw';
import { CANVAS_COLOURS } from '../palette';
import { rectPlacement } from './placement';
import { useElement } from '../../editor/EditorProvider';

/**
 * The plant outside the halls (format version 2): generator yards, battery yards and cooling
 * plants, each a framed rectangle with a pattern of its own (unit boxes, battery cells, fans) and
 * its name and rating inside.
 */

function useRectCull(id: string, rect: RotatedRect | undefined) {
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

/** How a yard is drawn: its colours, its pattern and its label's second line. */
interface YardStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly label: string;
  readonly pattern: (ctx: CanvasRenderingContext2D, w: number, d: number, px: number) => void;
}

/** `units` marks laid out in a grid across the yard, each drawn by `mark` in a cell of w × h. */
function unitGrid(
  ctx: CanvasRenderingContext2D,
  width: number,
  depth: number,
  px: number,
  units: number,
  mark: (x: number, y: number, w: number, h: number) => void,
): void {
  const n = Math.min(units, 400);
  const cols = Math.max(1, Math.round(Math.sqrt((n * width) / depth)));
  const rows = Math.ceil(n / cols);
  const w = width / cols;
  const h = depth / rows;
  if (Math.min(w, h) * px < 4) return; // too small to see
  for (let i = 0; i < n; i++) mark((i % cols) * w, Math.floor(i / cols) * h, w, h);
}

function YardShape({
  id,
  rect,
  name,
  detail,
  kind,
  style,
}: {
  id: string;
  rect: RotatedRect;
  name: string;
  detail: string;
  kind: string;
  style: YardStyle;
}) {
  const ref = useRectCull(id, rect);
  const { width, depth, rotation } = rect;
  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const px = pxPerM(shape);
      drawFramedRect(ctx, width, depth, style.fill, style.stroke, px, 1.5);
      style.pattern(ctx, width, depth, px);
      drawLabel(
        ctx,
        {
          x: width / 2,
          y: depth / 2,
          halfW: width / 2,
          halfH: depth / 2,
          rotationDeg: rotation,
          title: name,
          sub: detail,
          placement: 'inside',
          colour: style.label,
        },
        px,
      );
    },
    [width, depth, rotation, name, detail, style],
  );
  return (
    <Shape
      ref={ref}
      name={kind}
      id={id}
      {...rectPlacement(rect)}
      sceneFunc={sceneFunc}
      perfectDrawEnabled={false}
    />
  );
}

const mw = (v: number) => formatUpTo(v, 2);

/** A generator yard: a box per genset, "12 × 3 MW gensets". */
export const GeneratorYardNode = memo(function GeneratorYardNode({ id }: { id: string }) {
  const yard: GeneratorYard | undefined = useElement('generatorYards', id);
  const units = yard?.units ?? 0;
  const style = useMemo<YardStyle>(
    () => ({
      fill: CANVAS_COLOURS.generatorFill,
      stroke: CANVAS_COLOURS.generatorStroke,
      label: CANVAS_COLOURS.generatorLabel,
      pattern(ctx, w, d, px) {
        ctx.fillStyle = CANVAS_COLOURS.generatorUnit;
        unitGrid(ctx, w, d, px, units, (x, y, cw, ch) =>
          ctx.fillRect(x + cw * 0.2, y + ch * 0.25, cw * 0.6, ch * 0.5),
        );
      },
    }),
    [units],
  );
  if (!yard) return null;
  return (
    <YardShape
      id={id}
      rect={yard}
      name={yard.name}
      detail={`${yard.units} × ${mw(yard.unitMw)} MW gensets`}
      kind="generator-yard"
      style={style}
    />
  );
});

const BATTERY_STYLE: YardStyle = {
  fill: CANVAS_COLOURS.batteryFill,
  stroke: CANVAS_COLOURS.batteryStroke,
  label: CANVAS_COLOURS.batteryLabel,
  pattern(ctx, w, d, px) {
    const step = 8 / px;
    if (w / step > 400) return;
    ctx.beginPath();
    for (let x = step; x < w; x += step) {
      ctx.moveTo(x, d * 0.12);
      ctx.lineTo(x, d * 0.88);
    }
    ctx.lineWidth = 3 / px;
    ctx.strokeStyle = CANVAS_COLOURS.batteryCell;
    ctx.stroke();
  },
};

/** A battery yard: cell stripes, "50 MW · 200 MWh". */
export const BatteryYardNode = memo(function BatteryYardNode({ id }: { id: string }) {
  const yard: BatteryYard | undefined = useElement('batteryYards', id);
  const style = BATTERY_STYLE;
  if (!yard) return null;
  return (
    <YardShape
      id={id}
      rect={yard}
      name={yard.name}
      detail={`${mw(yard.powerMw)} MW · ${mw(yard.energyMwh)} MWh`}
      kind="battery-yard"
      style={style}
    />
  );
});

/** A cooling plant: a fan circle per unit, "20 × 2 MW dry coolers". */
export const CoolingPlantNode = memo(function CoolingPlantNode({ id }: { id: string }) {
  const plant: CoolingPlant | undefined = useElement('coolingPlants', id);
  const units = plant?.units ?? 0;
  const style = useMemo<YardStyle>(
    () => ({
      fill: CANVAS_COLOURS.plantFill,
      stroke: CANVAS_COLOURS.plantStroke,
      label: CANVAS_COLOURS.plantLabel,
      pattern(ctx, w, d, px) {
        ctx.beginPath();
        unitGrid(ctx, w, d, px, units, (x, y, cw, ch) => {
          const r = Math.min(cw, ch) * 0.32;
          ctx.moveTo(x + cw / 2 + r, y + ch / 2);
          ctx.arc(x + cw / 2, y + ch / 2, r, 0, Math.PI * 2);
        });
        ctx.lineWidth = 1.2 / px;
        ctx.strokeStyle = CANVAS_COLOURS.plantFan;
        ctx.stroke();
      },
    }),
    [units],
  );
  if (!plant) return null;
  return (
    <YardShape
      id={id}
      rect={plant}
      name={plant.name}
      detail={`${plant.units} × ${mw(plant.unitMw)} MW · ${PLANT_TYPES[plant.type].label.toLowerCase()}`}
      kind="cooling-plant"
      style={style}
    />
  );
});
