import { memo, useCallback, useMemo } from 'react';
import type Konva from 'konva';
import { rectCorners, rowRectInCampus, type Layout, type Vec2 } from '../../domain';
import type { Report } from '../../domain/report/types';
import { Shape } from '../konva';
import { CANVAS_COLOURS } from '../palette';
import { useEditor, useReport } from '../../editor/EditorProvider';

/** What the fault outlines draw: closed rectangles (halls, zones, substations, rows) and lines. */
export interface FaultOutlines {
  readonly ids: readonly string[];
  readonly polygons: readonly (readonly Vec2[])[];
  readonly lines: readonly (readonly Vec2[])[];
}

/** The outlines of the elements that failing checks name, in the campus frame. */
export function faultOutlines(layout: Layout, report: Report): FaultOutlines {
  const ids = new Set<string>();
  for (const c of report.checks)
    if (c.status === 'fail') for (const id of c.elementIds) ids.add(id);
  const polygons: Vec2[][] = [];
  const lines: Vec2[][] = [];
  if (ids.size === 0) return { ids: [], polygons, lines };
  const found: string[] = [];
  for (const list of [layout.halls, layout.coolingZones, layout.substations]) {
    for (const e of list) {
      if (!ids.has(e.id)) continue;
      found.push(e.id);
      polygons.push(rectCorners(e));
    }
  }
  const halls = new Map(layout.halls.map((h) => [h.id, h] as const));
  for (const r of layout.rackRows) {
    const hall = ids.has(r.id) ? halls.get(r.hallId) : undefined;
    if (!hall) continue;
    found.push(r.id);
    polygons.push(rectCorners(rowRectInCampus(r, hall)));
  }
  for (const t of layout.fiberTrenches) {
    if (!ids.has(t.id) || t.points.length < 2) continue;
    found.push(t.id);
    lines.push(t.points.map(([x, y]) => ({ x, y })));
  }
  return { ids: found, polygons, lines };
}

function path(ctx: CanvasRenderingContext2D, pts: readonly Vec2[], close: boolean): void {
  ctx.moveTo(pts[0]!.x, pts[0]!.y);
  for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i]!.x, pts[i]!.y);
  if (close) ctx.closePath();
}

/**
 * Red outlines around the elements named by failing checks: one non-listening shape on the UI
 * layer, redrawn when the report changes (at most once per frame). Widths are screen pixels.
 */
export const FaultShape = memo(function FaultShape() {
  const { document } = useEditor();
  const report = useReport();
  // The report is of the document as it was this frame; its elements are looked up there.
  const outlines = useMemo(
    () => faultOutlines(document.getState().doc, report),
    [document, report],
  );
  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const { polygons, lines } = outlines;
      if (polygons.length === 0 && lines.length === 0) return;
      const ctx = kctx._context;
      const s = shape.getStage()?.scaleX() ?? 1;
      ctx.beginPath();
      for (const p of polygons) path(ctx, p, true);
      for (const l of lines) path(ctx, l, false);
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
      // A soft halo, then the line itself.
      ctx.strokeStyle = 'rgba(220, 38, 38, 0.22)';
      ctx.lineWidth = 7 / s;
      ctx.stroke();
      ctx.strokeStyle = CANVAS_COLOURS.fault;
      ctx.lineWidth = 2 / s;
      ctx.stroke();
    },
    [outlines],
  );
  return (
    <Shape
      name="faults"
      faultIds={outlines.ids}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
