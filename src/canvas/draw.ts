import { CANVAS_COLOURS, CANVAS_FONT } from './palette';

/**
 * Canvas 2D drawing of the campus elements, in metres. Each function draws in the element's own
 * frame (the Konva node's transform is already applied) and takes `pxPerM`, the current screen
 * pixels per metre, to keep lines and text a constant size on screen and to pick the level of detail.
 */

/** Racks narrower than this on screen are drawn as one block per row. */
export const RACK_DETAIL_PX = 3;

/** A rectangle from (0, 0) to (width, depth) with a 1 px (screen) outline. */
export function drawFramedRect(
  ctx: CanvasRenderingContext2D,
  width: number,
  depth: number,
  fill: string,
  stroke: string,
  pxPerM: number,
  strokePx = 1,
): void {
  ctx.fillStyle = fill;
  ctx.fillRect(0, 0, width, depth);
  ctx.lineWidth = strokePx / pxPerM;
  ctx.strokeStyle = stroke;
  ctx.strokeRect(0, 0, width, depth);
}

/** Diagonal hatching over (0, 0)–(width, depth), `spacingPx` apart on screen. */
export function drawHatch(
  ctx: CanvasRenderingContext2D,
  width: number,
  depth: number,
  colour: string,
  pxPerM: number,
  spacingPx = 7,
): void {
  const step = spacingPx / pxPerM;
  if (width / step > 400 || depth / step > 400) return; // too fine to see: skip the work
  // Legible only with a couple of lines across the narrow side.
  if (Math.min(width, depth) * pxPerM < 2 * spacingPx) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, depth);
  ctx.clip();
  ctx.beginPath();
  for (let d = step; d < width + depth; d += step) {
    ctx.moveTo(Math.max(0, d - depth), Math.min(d, depth));
    ctx.lineTo(Math.min(d, width), Math.max(0, d - width));
  }
  ctx.lineWidth = 1 / pxPerM;
  ctx.strokeStyle = colour;
  ctx.stroke();
  ctx.restore();
}

export interface LabelSpec {
  /** Centre of the element, in the current frame (metres). */
  readonly x: number;
  readonly y: number;
  /** Half the element's size along the frame's axes (metres). */
  readonly halfW: number;
  readonly halfH: number;
  /** The frame's rotation on screen, degrees: the label turns half a turn when upside down. */
  readonly rotationDeg: number;
  readonly title: string;
  /** A second, lighter line; dropped first when space is short. */
  readonly sub: string | null;
  /**
   * `inside`: centred in the element, if it fits. `corner`: one line in the top-left corner (on
   * screen), where halls keep a front corridor clear of rows. `below`: hung under the bottom edge.
   */
  readonly placement: 'inside' | 'corner' | 'below';
  readonly colour: string;
  readonly subColour?: string;
}

const LABEL_PX = 12;
const SMALL_PX = 10;
const SUB_PX = 11;
const LINE_GAP = 2;
const PAD = 4;

interface LabelLine {
  readonly text: string;
  readonly px: number;
  readonly weight: 400 | 600;
  readonly sub: boolean;
}

/** Split a title into two lines at the space nearest its middle, or null if it has none. */
export function splitTitle(title: string): [string, string] | null {
  let best = -1;
  for (let i = 0; i < title.length; i++) {
    if (
      title[i] === ' ' &&
      (best < 0 || Math.abs(i - title.length / 2) < Math.abs(best - title.length / 2))
    )
      best = i;
  }
  return best < 0 ? null : [title.slice(0, best), title.slice(best + 1)];
}

/** Ways to set a label, best first: with its detail line, alone, wrapped, then smaller. */
function labelCandidates(title: string, sub: string | null): LabelLine[][] {
  const t = (text: string, px: number): LabelLine => ({ text, px, weight: 600, sub: false });
  const wrapped = splitTitle(title);
  const out: LabelLine[][] = [];
  if (sub) out.push([t(title, LABEL_PX), { text: sub, px: SUB_PX, weight: 400, sub: true }]);
  out.push([t(title, LABEL_PX)]);
  if (wrapped) out.push(wrapped.map((w) => t(w, LABEL_PX)));
  out.push([t(title, SMALL_PX)]);
  if (wrapped) out.push(wrapped.map((w) => t(w, SMALL_PX)));
  return out;
}

/** One line for a corner tag: title and detail, then the title alone, then smaller. */
function cornerCandidates(title: string, sub: string | null): LabelLine[][] {
  const line = (text: string, px: number): LabelLine[] => [{ text, px, weight: 600, sub: false }];
  const out: LabelLine[][] = [];
  if (sub) out.push(line(`${title} · ${sub}`, SUB_PX));
  out.push(line(title, SUB_PX), line(title, SMALL_PX));
  return out;
}

const fontOf = (l: LabelLine) => `${l.weight} ${l.px}px ${CANVAS_FONT}`;

/** Text widths by font and text: labels are measured on every frame, their widths never change. */
const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  const key = `${font}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    ctx.font = font;
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}

/**
 * A label a constant size on screen, kept upright. Inside placement uses the first setting that
 * fits in the element (see labelCandidates) or draws nothing; below placement hangs the full label
 * under the element. Returns whether it drew.
 */
export function drawLabel(ctx: CanvasRenderingContext2D, spec: LabelSpec, pxPerM: number): boolean {
  if (!spec.title) return false;
  const wPx = 2 * spec.halfW * pxPerM;
  const hPx = 2 * spec.halfH * pxPerM;
  if (wPx < 16 || hPx < 12) return false;
  const r = ((spec.rotationDeg % 360) + 360) % 360;
  const flipped = r > 90 && r <= 270;

  let chosen: { lines: LabelLine[]; w: number; h: number } | null = null;
  const candidates =
    spec.placement === 'inside'
      ? labelCandidates(spec.title, spec.sub)
      : spec.placement === 'corner'
        ? cornerCandidates(spec.title, spec.sub)
        : labelCandidates(spec.title, spec.sub).slice(0, 1);
  for (const lines of candidates) {
    let w = 0;
    for (const l of lines) w = Math.max(w, textWidth(ctx, fontOf(l), l.text));
    const box = {
      lines,
      w: w + 2 * PAD,
      h: lines.reduce((sum, l) => sum + l.px, 0) + LINE_GAP * (lines.length - 1) + 2 * PAD,
    };
    if (spec.placement === 'below' || (box.w <= wPx - 6 && box.h <= hPx - 6)) {
      chosen = box;
      break;
    }
  }
  if (!chosen) return false;

  ctx.save();
  // Anchor at the centre, at the corner that is top-left on screen, or under the bottom edge.
  const sign = flipped ? -1 : 1;
  if (spec.placement === 'inside') ctx.translate(spec.x, spec.y);
  else if (spec.placement === 'corner')
    ctx.translate(spec.x - sign * spec.halfW, spec.y - sign * spec.halfH);
  else ctx.translate(spec.x, spec.y + sign * spec.halfH);
  ctx.scale(1 / pxPerM, 1 / pxPerM);
  if (flipped) ctx.rotate(Math.PI);
  const left = spec.placement === 'corner' ? 3 : -chosen.w / 2;
  const top = spec.placement === 'inside' ? -chosen.h / 2 : 3;
  ctx.fillStyle = CANVAS_COLOURS.labelHalo;
  ctx.beginPath();
  ctx.roundRect(left, top, chosen.w, chosen.h, 3);
  ctx.fill();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  let y = top + PAD;
  for (const l of chosen.lines) {
    ctx.font = fontOf(l);
    ctx.fillStyle = l.sub ? (spec.subColour ?? spec.colour) : spec.colour;
    ctx.fillText(l.text, left + chosen.w / 2, y);
    y += l.px + LINE_GAP;
  }
  ctx.restore();
  return true;
}

/** Metric grid spacing (metres) so that minor lines are at least `minPx` apart on screen. */
export function gridStep(pxPerM: number, minPx = 14): number {
  const raw = minPx / pxPerM;
  const pow = Math.pow(10, Math.ceil(Math.log10(raw)));
  for (const m of [0.1, 0.2, 0.5, 1]) if (pow * m >= raw) return pow * m;
  return pow;
}
