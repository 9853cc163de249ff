import { memo, useCallback } from 'react';
import type Konva from 'konva';
import { rectCorners } from '../../domain';
import { Shape } from '../konva';
import { CANVAS_COLOURS } from '../palette';
import { useSession } from '../../editor/EditorProvider';
import type { Overlay } from '../../state/overlay';

/** Whether the overlay draws nothing (the UI layer then hides its canvas). */
const overlayIsEmpty = (o: Overlay): boolean =>
  o.rects.length === 0 &&
  o.polylines.length === 0 &&
  o.points.length === 0 &&
  o.guides.length === 0 &&
  !o.marquee &&
  !o.label;

/**
 * The active tool's transient drawing on the UI layer: ghosts of what a gesture would create,
 * snap guides and the selection marquee. One shape; line widths are in screen pixels.
 */
export const OverlayShape = memo(function OverlayShape() {
  const overlay = useSession((s) => s.overlay);
  const sceneFunc = useCallback(
    (kctx: Konva.Context, shape: Konva.Shape) => {
      const ctx = kctx._context;
      const s = shape.getStage()?.scaleX() ?? 1;
      const px = (n: number) => n / s;
      ctx.lineWidth = px(1.5);
      ctx.strokeStyle = CANVAS_COLOURS.selection;
      ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
      ctx.setLineDash([px(6), px(4)]);
      for (const r of overlay.rects) {
        const c = rectCorners(r);
        ctx.beginPath();
        ctx.moveTo(c[0].x, c[0].y);
        for (let i = 1; i < 4; i++) ctx.lineTo(c[i]!.x, c[i]!.y);
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      }
      for (const line of overlay.polylines) {
        if (line.length < 2) continue;
        ctx.beginPath();
        ctx.moveTo(line[0]!.x, line[0]!.y);
        for (let i = 1; i < line.length; i++) ctx.lineTo(line[i]!.x, line[i]!.y);
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.fillStyle = CANVAS_COLOURS.selection;
      for (const p of overlay.points) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, px(3.5), 0, Math.PI * 2);
        ctx.fill();
      }
      if (overlay.guides.length > 0) {
        ctx.strokeStyle = CANVAS_COLOURS.guide;
        ctx.lineWidth = px(1);
        ctx.beginPath();
        for (const g of overlay.guides) {
          ctx.moveTo(g.from.x, g.from.y);
          ctx.lineTo(g.to.x, g.to.y);
        }
        ctx.stroke();
      }
      if (overlay.marquee) {
        const { a, b } = overlay.marquee;
        ctx.fillStyle = 'rgba(37, 99, 235, 0.06)';
        ctx.strokeStyle = CANVAS_COLOURS.selection;
        ctx.lineWidth = px(1);
        ctx.fillRect(
          Math.min(a.x, b.x),
          Math.min(a.y, b.y),
          Math.abs(b.x - a.x),
          Math.abs(b.y - a.y),
        );
        ctx.strokeRect(
          Math.min(a.x, b.x),
          Math.min(a.y, b.y),
          Math.abs(b.x - a.x),
          Math.abs(b.y - a.y),
        );
      }
      if (overlay.label) {
        // Screen-sized text just below and right of the pointer, on a white pill.
        const { at, text } = overlay.label;
        ctx.save();
        ctx.translate(at.x, at.y);
        ctx.scale(1 / s, 1 / s);
        ctx.font = '600 12px system-ui, sans-serif';
        const w = ctx.measureText(text).width + 10;
        ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
        ctx.strokeStyle = CANVAS_COLOURS.selection;
        ctx.lineWidth = 1;
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.rect(14, 14, w, 20);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = CANVAS_COLOURS.selection;
        ctx.textBaseline = 'middle';
        ctx.fillText(text, 19, 24);
        ctx.restore();
      }
    },
    [overlay],
  );
  return (
    <Shape
      name="overlay"
      empty={overlayIsEmpty(overlay)}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
