import type { Layout, Vec2 } from '../domain';
import type { SnapOptions, SnapResult } from './tools/types';

/** The metric grid, metres. */
export const GRID_M = 1;

export interface SnapParams extends SnapOptions {
  /** Pixels per metre: the snap distance is in screen pixels (Excalidraw: 8 px / zoom). */
  readonly scale: number;
  /** Alt held: no snapping. */
  readonly alt: boolean;
}

/** Snap a campus point. For now: to the 1 m grid (the full engine adds edges, centres, guides). */
export function snapPoint(_doc: Layout, p: Vec2, params: SnapParams): SnapResult {
  if (params.alt) return { point: p, guides: [] };
  return {
    point: { x: Math.round(p.x / GRID_M) * GRID_M, y: Math.round(p.y / GRID_M) * GRID_M },
    guides: [],
  };
}
