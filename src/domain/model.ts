import type {
  BatteryYard,
  CoolingPlant,
  CoolingZone,
  FiberTrench,
  GeneratorYard,
  Hall,
  Parcel,
  PowerFeeder,
  RackRow,
  Settings,
  Substation,
} from './kinds';

export const FORMAT_ID = 'ai-campus-layout';
/** The format version this planner writes (and the newest it reads; older ones are migrated). */
export const FORMAT_VERSION = 2;

/**
 * A campus layout document, format version 2 (README "The layout file"). All SI: metres, kW, MW.
 * Version 2 added the plant outside the halls (generator and battery yards, cooling plants, power
 * feeders), construction phases and the economic settings.
 */
export interface Layout {
  readonly format: typeof FORMAT_ID;
  readonly version: typeof FORMAT_VERSION;
  readonly name: string;
  readonly settings: Settings;
  readonly parcel: Parcel;
  readonly halls: readonly Hall[];
  readonly rackRows: readonly RackRow[];
  readonly coolingZones: readonly CoolingZone[];
  readonly substations: readonly Substation[];
  readonly fiberTrenches: readonly FiberTrench[];
  readonly generatorYards: readonly GeneratorYard[];
  readonly batteryYards: readonly BatteryYard[];
  readonly coolingPlants: readonly CoolingPlant[];
  readonly powerFeeders: readonly PowerFeeder[];
}

/** The collections format version 2 added, empty (for code that builds layouts without them). */
export const emptyPlant = (): Pick<
  Layout,
  'generatorYards' | 'batteryYards' | 'coolingPlants' | 'powerFeeders'
> => ({ generatorYards: [], batteryYards: [], coolingPlants: [], powerFeeders: [] });
