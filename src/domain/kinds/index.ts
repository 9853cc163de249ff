import type { z } from 'zod';
import { coolingZoneSchema, type CoolingZone } from './coolingZone';
import { fiberTrenchSchema, type FiberTrench } from './fiberTrench';
import { hallSchema, type Hall } from './hall';
import { rackRowSchema, type RackRow } from './rackRow';
import { substationSchema, type Substation } from './substation';

export * from './fields';
export * from './parcel';
export * from './hall';
export * from './rackRow';
export * from './coolingZone';
export * from './substation';
export * from './fiberTrench';
export * from './settings';
export * from './rectKind';

/** The element collections of a layout, in file order. */
export const COLLECTIONS = [
  'halls',
  'rackRows',
  'coolingZones',
  'substations',
  'fiberTrenches',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface ElementOf {
  halls: Hall;
  rackRows: RackRow;
  coolingZones: CoolingZone;
  substations: Substation;
  fiberTrenches: FiberTrench;
}
export type AnyElement = ElementOf[Collection];

export interface KindInfo<C extends Collection> {
  readonly collection: C;
  /** The kind's name as users read it. */
  readonly label: string;
  readonly idPrefix: string;
  readonly schema: z.ZodType<ElementOf[C]>;
}

/** The registry the canvas, inspector and format look kinds up in, instead of switching on strings. */
export const KINDS: { readonly [C in Collection]: KindInfo<C> } = {
  halls: { collection: 'halls', label: 'Hall', idPrefix: 'hall', schema: hallSchema },
  rackRows: { collection: 'rackRows', label: 'Rack row', idPrefix: 'row', schema: rackRowSchema },
  coolingZones: {
    collection: 'coolingZones',
    label: 'Cooling zone',
    idPrefix: 'cz',
    schema: coolingZoneSchema,
  },
  substations: {
    collection: 'substations',
    label: 'Substation',
    idPrefix: 'sub',
    schema: substationSchema,
  },
  fiberTrenches: {
    collection: 'fiberTrenches',
    label: 'Fiber trench',
    idPrefix: 'tr',
    schema: fiberTrenchSchema,
  },
};
