/**
 * Scaling for the lessons' bar charts: each metric has its own axis from 0 to a "nice" maximum
 * (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) that holds every bar and every reference line.
 */

const STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest nice number ≥ `v` (1 for v ≤ 0 or not finite). */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const pow = Math.pow(10, Math.floor(Math.log10(v)));
  for (const s of STEPS) {
    // A little tolerance so that 0.3 / 0.1 rounding noise does not push 3 up to 4.
    if (s * pow >= v * (1 - 1e-12)) return s * pow;
  }
  return 10 * pow;
}

export interface LinearScale {
  /** The axis maximum, in the metric's unit. */
  readonly max: number;
  /** A value → its length in px (clamped to 0 … width). */
  readonly px: (v: number) => number;
}

/** A 0-based linear scale over `width` px whose axis holds every value and reference line. */
export function barScale(
  values: readonly number[],
  width: number,
  references: readonly number[] = [],
): LinearScale {
  let top = 0;
  for (const v of [...values, ...references]) if (Number.isFinite(v) && v > top) top = v;
  const max = niceCeil(top);
  return { max, px: (v) => Math.max(0, Math.min(width, (v / max) * width)) };
}

/** Bars shorter than this many px are drawn this long, so that a tiny non-zero value shows. */
export const MIN_BAR_PX = 2;

/** A bar's drawn length: 0 for 0, at least MIN_BAR_PX for any positive value. */
export function barLength(scale: LinearScale, v: number): number {
  if (!(v > 0)) return 0;
  return Math.max(MIN_BAR_PX, scale.px(v));
}
