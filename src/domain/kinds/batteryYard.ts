import * as z from 'zod/mini';
import { BESS } from '../catalog';
import { coord, id, name, phaseRef, positive, rotation, size } from './fields';
import { idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, type KindDef } from './kind';

/** A battery (BESS) yard (format version 2): a rectangle delivering `powerMw` and storing `energyMwh`. */
export const batteryYardSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    /** Power the yard delivers, MW. */
    powerMw: positive(100_000, 'MW'),
    /** Energy it stores, MWh. */
    energyMwh: positive(1_000_000, 'MWh'),
    /** Construction phase; absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a battery yard object' },
);
export type BatteryYard = z.output<typeof batteryYardSchema>;

export const BATTERY_YARD_DEFAULTS = {
  width: 40,
  depth: 20,
  rotation: 0,
  powerMw: BESS.powerMw.value,
  energyMwh: BESS.powerMw.value * BESS.durationH.value,
} as const;

/** Hours a yard delivers its full power for: energyMwh ÷ powerMw. */
export const batteryDurationH = (b: Pick<BatteryYard, 'powerMw' | 'energyMwh'>): number =>
  b.energyMwh / b.powerMw;

export function createBatteryYard(
  id: string,
  at: { x: number; y: number },
  over: Partial<BatteryYard> = {},
): BatteryYard {
  return {
    id,
    name: `BESS ${id.replace(/^\D+/, '')}`,
    x: at.x,
    y: at.y,
    ...BATTERY_YARD_DEFAULTS,
    ...over,
  };
}

const shape = batteryYardSchema.shape;

/** A battery yard's inspector fields, in the order shown. */
export const BATTERY_YARD_FIELDS: readonly FieldDef<BatteryYard>[] = [
  ...rectFields(shape, 'yard'),
  {
    id: 'powerMw',
    key: 'powerMw',
    label: 'Power',
    type: 'number',
    unit: 'mw',
    schema: shape.powerMw,
    hint: 'Power the batteries deliver',
  },
  {
    id: 'energyMwh',
    key: 'energyMwh',
    label: 'Energy',
    type: 'number',
    unit: 'mwh',
    schema: shape.energyMwh,
    hint: `Energy stored (utility BESS: ${BESS.durationH.range?.join('–')} hours at full power)`,
  },
  phaseField,
  idField,
];

/** Battery yards: campus rectangles. */
export const batteryYardKind: KindDef<'batteryYards'> = {
  collection: 'batteryYards',
  label: 'Battery yard',
  exportKind: 'batteryYard',
  exportProperties: (b) => ({
    name: b.name,
    width: b.width,
    depth: b.depth,
    powerMw: b.powerMw,
    energyMwh: b.energyMwh,
  }),
  noun: { one: 'battery yard', many: 'battery yards' },
  idPrefix: 'bess',
  schema: batteryYardSchema,
  hitRank: 1,
  resize: 'both',
  resizeSnaps: true,
  fields: BATTERY_YARD_FIELDS,
  ...campusRectGeometry('batteryYards', false),
};
