import { coolingZoneKind, type CoolingZone } from './coolingZone';
import { fiberTrenchKind, type FiberTrench } from './fiberTrench';
import { hallKind, type Hall } from './hall';
import type { KindContext, KindDef } from './kind';
import type { Layout } from '../model';
import { rackRowKind, type RackRow } from './rackRow';
import { substationKind, type Substation } from './substation';
import { generatorYardKind, type GeneratorYard } from './generatorYard';
import { batteryYardKind, type BatteryYard } from './batteryYard';
import { coolingPlantKind, type CoolingPlant } from './coolingPlant';
import { powerFeederKind, type PowerFeeder } from './powerFeeder';

export * from './fields';
export * from './parcel';
export * from './hall';
export * from './rackRow';
export * from './coolingZone';
export * from './substation';
export * from './fiberTrench';
export * from './generatorYard';
export * from './batteryYard';
export * from './coolingPlant';
export * from './powerFeeder';
export * from './polylineKind';
export * from './settings';
export * from './rectKind';
export * from './kind';
export * from './fieldDefs';

/**
 * The element collections of a layout, in file order (format version 2 added the last four:
 * the plant outside the halls).
 */
export const COLLECTIONS = [
  'halls',
  'rackRows',
  'coolingZones',
  'substations',
  'fiberTrenches',
  'generatorYards',
  'batteryYards',
  'coolingPlants',
  'powerFeeders',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface ElementOf {
  halls: Hall;
  rackRows: RackRow;
  coolingZones: CoolingZone;
  substations: Substation;
  fiberTrenches: FiberTrench;
  generatorYards: GeneratorYard;
  batteryYards: BatteryYard;
  coolingPlants: CoolingPlant;
  powerFeeders: PowerFeeder;
}
export type AnyElement = ElementOf[Collection];

/** The registry every layer looks kinds up in, instead of switching on strings. */
export const KINDS: { readonly [C in Collection]: KindDef<C> } = {
  halls: hallKind,
  rackRows: rackRowKind,
  coolingZones: coolingZoneKind,
  substations: substationKind,
  fiberTrenches: fiberTrenchKind,
  generatorYards: generatorYardKind,
  batteryYards: batteryYardKind,
  coolingPlants: coolingPlantKind,
  powerFeeders: powerFeederKind,
};

/** A kind's definition for a collection known only at run time (the union, as one type). */
export function kindOf(c: Collection): KindDef<Collection> {
  // Each KindDef<C> is usable as KindDef<Collection>: its methods take elements, and method
  // parameters are checked bivariantly. TypeScript measures a field's `key` (keyof the element)
  // as contravariant, though, and with zod/mini's types it no longer falls back to the structural
  // check that accepted this; the cast states it.
  return KINDS[c] as KindDef<Collection>;
}

/** The kinds in hit order, top first. */
export const KINDS_BY_HIT_RANK: readonly Collection[] = [...COLLECTIONS].sort(
  (a, b) => KINDS[a].hitRank - KINDS[b].hitRank,
);

/** The element lists of a layout (or of a draft of one). */
export type ElementLists = { readonly [C in Collection]: readonly ElementOf[C][] };

/** The element at `index` of collection `c`, if it is the one with `id` (else undefined). */
export function elementAt<C extends Collection>(
  lists: ElementLists,
  c: C,
  index: number,
  id: string,
): ElementOf[C] | undefined {
  const e: ElementOf[C] | undefined = lists[c][index];
  return e && e.id === id ? e : undefined;
}

/**
 * A KindContext over a layout, for domain code that needs one once (exports): every element by
 * id, and each hall's rows in file order. The editor keeps its own, memoised for each document version.
 */
export function layoutKindContext(doc: Layout): KindContext {
  const byId = new Map<string, AnyElement>();
  for (const c of COLLECTIONS) for (const e of doc[c]) byId.set(e.id, e);
  const rows = new Map<string, RackRow[]>();
  for (const r of doc.rackRows) {
    const list = rows.get(r.hallId);
    if (list) list.push(r);
    else rows.set(r.hallId, [r]);
  }
  return { doc, byId: (id) => byId.get(id), rowsOfHall: (hallId) => rows.get(hallId) ?? [] };
}
