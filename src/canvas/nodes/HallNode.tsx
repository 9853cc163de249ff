import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import {
  hallToCampus,
  hallWhiteSpaceFraction,
  rowsTotals,
  type AABB,
  type Hall,
} from '../../domain';
import { unionAabb } from '../../editor/bounds';
import { drawPassOf, drawViewSize, pxPerM, useCull } from '../cullContext';
import { drawFramedRect, drawHatch, drawLabel } from '../draw';
import { CANVAS_COLOURS, KW_BANDS } from '../palette';
import { drawRows, rowGeoms, rowsBlock, ROW_DETAIL_PX, type RowGeom } from '../rows';
import { rectPlacement } from './placement';
import { useElement, useRowsOfHall, useSettings } from '../../editor/EditorProvider';
import { formatCount } from '../../domain/units';

/** The campus box of a hall and everything drawn in its frame (rows may stick out of an invalid hall). */
function hallCampusAabb(hall: Hall, geoms: readonly RowGeom[]): AABB {
  let local: AABB = { minX: 0, minY: 0, maxX: hall.width, maxY: hall.depth };
  for (const g of geoms) local = unionAabb(local, g.box);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of [
    [local.minX, local.minY],
    [local.maxX, local.minY],
    [local.maxX, local.maxY],
    [local.minX, local.maxY],
  ] as const) {
    const p = hallToCampus(hall, { x, y });
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

/** What the shape's local frame shows of the stage: the view box in the hall frame. */
function viewInShapeFrame(shape: Konva.Shape): AABB {
  const stage = shape.getStage();
  if (!stage) return { minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity };
  const inv = shape.getAbsoluteTransform().copy().invert();
  const { width: w, height: h } = drawViewSize(stage);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ]) {
    const p = inv.point(c);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The hall's support space (electrical rooms, CDU galleries, corridors): a shaded, hatched band
 * along the far side, from y = whiteDepth to depth, with a dashed line where the white space ends.
 */
function drawSupportBand(
  ctx: CanvasRenderingContext2D,
  width: number,
  whiteDepth: number,
  depth: number,
  px: number,
): void {
  const band = depth - whiteDepth;
  ctx.save();
  ctx.translate(0, whiteDepth);
  ctx.fillStyle = CANVAS_COLOURS.hallSupportFill;
  ctx.fillRect(0, 0, width, band);
  drawHatch(ctx, width, band, CANVAS_COLOURS.hallSupportHatch, px, 9);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(width, 0);
  ctx.setLineDash([4 / px, 3 / px]);
  ctx.lineWidth = 1 / px;
  ctx.strokeStyle = CANVAS_COLOURS.hallStroke;
  ctx.stroke();
  ctx.restore();
}

/** Rows drawn by each hall shape in its last draw pass (all tiles of it), for tests and benchmarks. */
const rowsDrawn = new WeakMap<Konva.Shape, { pass: number; ids: Set<string> }>();
export const rowsDrawnBy = (shape: Konva.Shape): number | undefined =>
  rowsDrawn.get(shape)?.ids.size;
/** The set to add this draw's rows to: the pass's own, or a new one for a new pass. */
function rowsSeen(shape: Konva.Shape): Set<string> {
  const pass = drawPassOf(shape.getStage());
  const prev = rowsDrawn.get(shape);
  if (prev && prev.pass === pass) return prev.ids;
  const ids = new Set<string>();
  rowsDrawn.set(shape, { pass, ids });
  return ids;
}

function formatMw(mw: number): string {
  return `${mw >= 100 ? mw.toFixed(0) : mw.toFixed(1)} MW`;
}

/**
 * A data hall and its rack rows as ONE Konva shape, drawn in the hall's frame (origin at its
 * top-left corner before rotation; the file's x, y is the centre, hence the offset): the body,
 * the rows (see rows.ts), then the name tag. Re-rendered only when the hall or its rows change.
 */
export const HallNode = memo(function HallNode({ id }: { id: string }) {
  const hall = useElement('halls', id);
  const tier = useSettings((s) => s.targetTier);
  const rows = useRowsOfHall(id);
  const cull = useCull();
  const ref = useRef<Konva.Shape>(null);
  const geoms = useMemo(() => rowGeoms(rows), [rows]);
  const block = useMemo(() => rowsBlock(geoms), [geoms]);

  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || !hall) return;
    cull.set(id, node, hallCampusAabb(hall, geoms));
    return () => cull.delete(id, node);
    // After every render, not only when the box changes: a render means the drawing changed,
    // and the tile cache must redraw the tiles under the old box and the new one.
  });

  const totals = useMemo(() => rowsTotals(rows), [rows]);
  const itMw = totals.itKw / 1000;
  const racks = totals.racks;

  const width = hall?.width ?? 0;
  const depth = hall?.depth ?? 0;
  const rotation = hall?.rotation ?? 0;
  const name = hall?.name ?? '';
  // Depth of the white space; the support band runs along the far side, from here to `depth`.
  const whiteDepth = hall ? depth * hallWhiteSpaceFraction(hall, tier) : depth;
  const sub = racks > 0 ? `${formatMw(itMw)} · ${formatCount(racks)} racks` : 'no racks';

  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const px = pxPerM(shape);
      if (Math.max(width, depth) * px < 3) {
        // A speck: one filled rectangle says "a hall is here".
        ctx.fillStyle = CANVAS_COLOURS.hallStroke;
        ctx.fillRect(0, 0, width, depth);
        rowsSeen(shape);
        return;
      }
      drawFramedRect(
        ctx,
        width,
        depth,
        CANVAS_COLOURS.hallFill,
        CANVAS_COLOURS.hallStroke,
        px,
        1.25,
      );
      if (whiteDepth < depth) drawSupportBand(ctx, width, whiteDepth, depth, px);
      const seen = rowsSeen(shape);
      if (block && block.rowDepth * px < ROW_DETAIL_PX) {
        // Rows under ~2 px deep cannot be told apart: one shaded block where they stand, in the
        // colour of most of their racks.
        ctx.fillStyle = KW_BANDS[block.band]!.fill;
        ctx.fillRect(
          block.box.minX,
          block.box.minY,
          block.box.maxX - block.box.minX,
          block.box.maxY - block.box.minY,
        );
      } else drawRows(ctx, geoms, viewInShapeFrame(shape), px, seen);
      drawLabel(
        ctx,
        {
          x: width / 2,
          y: depth / 2,
          halfW: width / 2,
          halfH: depth / 2,
          rotationDeg: rotation,
          title: name,
          sub,
          placement: 'corner',
          colour: CANVAS_COLOURS.hallLabel,
          subColour: CANVAS_COLOURS.hallLabelSub,
        },
        px,
      );
    },
    [width, depth, whiteDepth, rotation, name, sub, geoms, block],
  );
  if (!hall) return null;
  return (
    <Shape
      ref={ref}
      name="hall"
      id={hall.id}
      rowCount={rows.length}
      {...rectPlacement(hall)}
      sceneFunc={sceneFunc}
      perfectDrawEnabled={false}
    />
  );
});
