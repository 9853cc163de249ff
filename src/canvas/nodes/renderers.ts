import type { ComponentType } from 'react';
import { COLLECTIONS, type Collection } from '../../domain';
import { HallNode } from './HallNode';
import { CoolingZoneNode, SubstationNode } from './RectNodes';
import { TrenchNode } from './TrenchNode';
import { FeederNode } from './FeederNode';
import { BatteryYardNode, CoolingPlantNode, GeneratorYardNode } from './PlantNodes';

/** How a kind is drawn on the content layer. */
export interface KindRenderer {
  /** One element's node, or null when the kind is drawn by another's (rows, by their hall's shape). */
  readonly Node: ComponentType<{ id: string }> | null;
  /** Drawing order, bottom first. */
  readonly order: number;
}

/**
 * One renderer per kind, keyed by collection. Zones under halls (their tint frames the hall),
 * then halls with their rows (one Konva shape per hall, never one per row), yards and plants,
 * feeders, trenches.
 */
export const RENDERERS: { readonly [C in Collection]: KindRenderer } = {
  coolingZones: { Node: CoolingZoneNode, order: 0 },
  halls: { Node: HallNode, order: 1 },
  rackRows: { Node: null, order: 1 },
  substations: { Node: SubstationNode, order: 2 },
  generatorYards: { Node: GeneratorYardNode, order: 2 },
  batteryYards: { Node: BatteryYardNode, order: 2 },
  coolingPlants: { Node: CoolingPlantNode, order: 2 },
  powerFeeders: { Node: FeederNode, order: 3 },
  fiberTrenches: { Node: TrenchNode, order: 3 },
};

/** The collections with nodes of their own, in drawing order. */
export const DRAWN_COLLECTIONS: readonly Collection[] = COLLECTIONS.filter(
  (c) => RENDERERS[c].Node !== null,
).sort((a, b) => RENDERERS[a].order - RENDERERS[b].order);
