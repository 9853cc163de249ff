import * as z from 'zod/mini';
import { GENERATOR } from '../catalog';
import { coord, id, integer, name, phaseRef, positive, rotation, size } from './fields';
import { idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, round3, type KindDef } from './kind';

/** A generator yard (format version 2): a rectangle of `units` standby gensets of `unitMw` each. */
export const generatorYardSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    /** Generator sets in the yard. */
    units: integer(1, 10_000),
    /** Standby rating of one unit, MW. */
    unitMw: positive(100, 'MW'),
    /** Construction phase; absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a generator yard object' },
);
export type GeneratorYard = z.output<typeof generatorYardSchema>;

export const GENERATOR_YARD_DEFAULTS = {
  width: 60,
  depth: 30,
  rotation: 0,
  units: GENERATOR.units.value,
  unitMw: GENERATOR.unitMw.value,
} as const;

/** Installed generator MW of a yard: units × unitMw (every unit, before any redundancy). */
export const generatorYardMw = (g: Pick<GeneratorYard, 'units' | 'unitMw'>): number =>
  g.units * g.unitMw;

export function createGeneratorYard(
  id: string,
  at: { x: number; y: number },
  over: Partial<GeneratorYard> = {},
): GeneratorYard {
  return {
    id,
    name: `Gensets ${id.replace(/^\D+/, '')}`,
    x: at.x,
    y: at.y,
    ...GENERATOR_YARD_DEFAULTS,
    ...over,
  };
}

const shape = generatorYardSchema.shape;

/** A generator yard's inspector fields, in the order shown. */
export const GENERATOR_YARD_FIELDS: readonly FieldDef<GeneratorYard>[] = [
  ...rectFields(shape, 'yard'),
  {
    id: 'generatorUnits',
    key: 'units',
    label: 'Units',
    type: 'number',
    unit: 'count',
    schema: shape.units,
    hint: 'Generator sets in the yard',
  },
  {
    id: 'generatorUnitMw',
    key: 'unitMw',
    label: 'Unit rating',
    type: 'number',
    unit: 'mw',
    schema: shape.unitMw,
    hint: `Standby rating of one genset (large diesel units: ${GENERATOR.unitMw.range?.join('–')} MW)`,
  },
  phaseField,
  idField,
];

/** Generator yards: campus rectangles. */
export const generatorYardKind: KindDef<'generatorYards'> = {
  collection: 'generatorYards',
  label: 'Generator yard',
  exportKind: 'generatorYard',
  exportProperties: (g) => ({
    name: g.name,
    width: g.width,
    depth: g.depth,
    units: g.units,
    unitMw: g.unitMw,
    installedMw: round3(generatorYardMw(g)),
  }),
  noun: { one: 'generator yard', many: 'generator yards' },
  idPrefix: 'gen',
  schema: generatorYardSchema,
  hitRank: 1,
  resize: 'both',
  resizeSnaps: true,
  fields: GENERATOR_YARD_FIELDS,
  ...campusRectGeometry('generatorYards', false),
};
