import { memo, useCallback, useMemo } from 'react';
import type Konva from 'konva';
import { Shape } from '../konva';
import { CANVAS_COLOURS } from '../palette';
import { useReport } from '../../editor/EditorProvider';
import { stageView } from './FaultNodes';

/** Marks drawn at most (the rest on screen are left out; they are a hint, not a figure). */
export const MAX_DRAWN_ATTACHMENTS = 2000;
/** Below this zoom (pixels per metre) a 20 m hall is a few pixels: no marks. */
const MIN_SCALE = 0.25;
/** Mark radius, screen pixels. */
const RADIUS_PX = 3.5;

/**
 * Where the fiber network attaches to each hall (rule 6: trench vertices in or within 1 m of the
 * hall, and crossings of its edge), from the report's `halls[].fiberAttachments`: a small ring in
 * the trench colour at each point on screen, so a user sees what is connected before reading a
 * check. One non-listening shape on the UI layer; sizes are screen pixels.
 */
export const AttachmentShape = memo(function AttachmentShape() {
  const report = useReport();
  const points = useMemo(() => {
    const flat: number[] = [];
    for (const h of report?.halls ?? []) for (const [x, y] of h.fiberAttachments) flat.push(x, y);
    return Float64Array.from(flat);
  }, [report]);
  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const view = points.length > 0 ? stageView(shape) : null;
      if (!view || view.scale < MIN_SCALE) return;
      const ctx = kctx._context;
      const r = RADIUS_PX / view.scale;
      const { minX, minY, maxX, maxY } = view.box;
      ctx.beginPath();
      let drawn = 0;
      for (let i = 0; i < points.length && drawn < MAX_DRAWN_ATTACHMENTS; i += 2) {
        const x = points[i]!;
        const y = points[i + 1]!;
        if (x < minX - r || x > maxX + r || y < minY - r || y > maxY + r) continue;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        drawn++;
      }
      if (drawn === 0) return;
      ctx.fillStyle = CANVAS_COLOURS.attachmentFill;
      ctx.fill();
      ctx.lineWidth = 1.75 / view.scale;
      ctx.strokeStyle = CANVAS_COLOURS.trench;
      ctx.stroke();
    },
    [points],
  );
  return (
    <Shape
      name="fiber-attachments"
      attachmentCount={points.length / 2}
      empty={points.length === 0}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
