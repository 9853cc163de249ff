import type {
  CoolingZone,
  FiberTrench,
  Hall,
  Parcel,
  RackRow,
  Settings,
  Substation,
} from './kinds';

export const FORMAT_ID = 'ai-campus-layout';
export const FORMAT_VERSION = 1;

/** A campus layout document, format version 1 (README "The layout file"). All SI: metres, kW, MW. */
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
}
