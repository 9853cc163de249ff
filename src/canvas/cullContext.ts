import { createContext, useContext } from 'react';
import type Konva from 'konva';
import type { CullIndex } from './culling';

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
