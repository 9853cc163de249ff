import { createContext, useContext } from 'react';
import type Konva from 'konva';
import type { CullIndex } from './culling';
import type { TileCache } from './tiles';

export const CullContext = createContext<CullIndex | null>(null);

export function useCull(): CullIndex {
  const cull = useContext(CullContext);
  if (!cull) throw new Error('Canvas elements must be rendered inside <CampusCanvas>.');
  return cull;
}

/** Cull indexes by stage, for tests and benchmarks (`cullIndexOf(Konva.stages[0])`). */
const byStage = new WeakMap<Konva.Stage, CullIndex>();
export const registerCullIndex = (stage: Konva.Stage, cull: CullIndex): void =>
  void byStage.set(stage, cull);
export const cullIndexOf = (stage: Konva.Stage): CullIndex | undefined => byStage.get(stage);

/** Screen pixels per metre for a node drawn on the campus stage (the stage holds the camera scale). */
export function pxPerM(node: Konva.Node): number {
  return node.getStage()?.scaleX() ?? 1;
}

/**
 * The screen area a draw covers, in CSS px from the stage's origin: the stage's size, or a tile's
 * while the tile cache draws one (tiles.ts). Shapes that draw only what is in view (rows, the
 * grid) read it here rather than from the stage.
 */
const drawViews = new WeakMap<Konva.Stage, { width: number; height: number }>();
export function drawViewSize(stage: Konva.Stage): { width: number; height: number } {
  return drawViews.get(stage) ?? { width: stage.width(), height: stage.height() };
}
export function withDrawView<T>(
  stage: Konva.Stage,
  size: { width: number; height: number },
  draw: () => T,
): T {
  drawViews.set(stage, size);
  try {
    return draw();
  } finally {
    drawViews.delete(stage);
  }
}

/** Tile caches by stage, for tests and benchmarks. */
const tileCaches = new WeakMap<Konva.Stage, TileCache>();
export const registerTileCache = (stage: Konva.Stage, tiles: TileCache): void =>
  void tileCaches.set(stage, tiles);
export const tileCacheOf = (stage: Konva.Stage): TileCache | undefined => tileCaches.get(stage);

/**
 * Draw passes by stage: a pass is one draw of the view, made of one draw per tile when tiles are
 * drawn. Shapes that count what they drew (rows, for tests) add up within a pass.
 */
const drawPasses = new WeakMap<Konva.Stage, number>();
export const drawPassOf = (stage: Konva.Stage | null): number =>
  (stage && drawPasses.get(stage)) ?? 0;
export const beginDrawPass = (stage: Konva.Stage): void =>
  void drawPasses.set(stage, drawPassOf(stage) + 1);
