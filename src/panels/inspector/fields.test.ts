import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COLLECTIONS, createHall, createRackRow, settingsSchema, type Layout } from '../../domain';
import { enumOptions, KINDS, kindOf } from '../../domain';
import { layoutSchema } from '../../domain/format/schema';
import { emptyLayout } from '../../state/documentStore';
import { editLabel, freshIds, locateAll, setProperty, setVertex } from './edit';
import { commonFields, LAYOUT_NAME_FIELD, SETTINGS_FIELDS, type FieldDef } from './fields';
import { editableNumber, formatField, parseField, unitSymbol } from './units';
import { validateNumber } from './validate';

const shapeOf = (schema: unknown): Record<string, z.ZodType> =>
  (schema as { shape: Record<string, z.ZodType> }).shape;

function checkAgainstShape<E>(fields: readonly FieldDef<E>[], shape: Record<string, z.ZodType>) {
  // Every property of the schema has a field, so none is forgotten when a kind gains one …
  expect(fields.map((f) => f.key).sort()).toEqual(Object.keys(shape).sort());
  for (const f of fields) {
    // … and every field validates with that property's own schema (its messages, its bounds).
    if (f.id === 'phaseId' && f.type === 'enum') {
      // Each kind makes its own phaseRef(); the field's is the same rule (an id, optional).
      for (const v of ['ph-2', undefined, '', 3]) {
        expect(f.schema.safeParse(v).success, String(v)).toBe(shape[f.key]!.safeParse(v).success);
      }
    } else if (f.type === 'number' || f.type === 'text' || f.type === 'enum') {
      expect(f.schema, f.id).toBe(shape[f.key]);
    }
    if (f.type === 'enum' && typeof f.options !== 'function') {
      // Each option is a value the schema accepts (enums may be wrapped in a default).
      for (const o of f.options) expect(f.schema.safeParse(o.value).success, o.value).toBe(true);
      expect(f.schema.safeParse('not-a-catalog-id').success).toBe(false);
    }
    if (f.type === 'number' && f.nullable) {
      expect(f.schema.safeParse(null).success, f.id).toBe(true);
    }
  }
}

describe('the inspector field registry', () => {
  it.each(COLLECTIONS)('has a field for every property of %s', (collection) => {
    checkAgainstShape(kindOf(collection).fields, shapeOf(KINDS[collection].schema));
  });

  it('has a field for every setting and the layout name', () => {
    checkAgainstShape(SETTINGS_FIELDS, shapeOf(settingsSchema));
    expect(LAYOUT_NAME_FIELD.schema).toBe(layoutSchema.shape.name);
  });

  it('gives field ids that mean one thing', () => {
    for (const collection of COLLECTIONS) {
      const ids = KINDS[collection].fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // A row's x is in its hall's frame: it must not be bulk-edited together with a hall's x.
    expect(KINDS.rackRows.fields.find((f) => f.key === 'x')?.id).not.toBe('x');
  });

  it('offers the fields a mixed selection shares', () => {
    const ids = (c: Parameters<typeof commonFields>[0]) => commonFields(c).map((f) => f.id);
    expect(ids(['halls', 'coolingZones', 'substations'])).toEqual([
      'name',
      'x',
      'y',
      'width',
      'depth',
      'rotation',
      'phaseId',
    ]);
    // Rows have no phase of their own: they take their hall's.
    expect(ids(['halls', 'rackRows'])).toEqual(['rotation']);
    expect(ids(['rackRows', 'fiberTrenches'])).toEqual([]);
    expect(ids(['halls'])).toContain('floorRatingKpa');
  });
});

describe('the phase field', () => {
  const field = KINDS.halls.fields.find((f) => f.id === 'phaseId')!;
  it("offers the layout's phases by name, an absent phase standing for the first", () => {
    if (field.type !== 'enum') throw new Error('the phase field is a choice');
    const doc = emptyLayout();
    const phased = {
      ...doc,
      settings: {
        ...doc.settings,
        phases: [
          { id: 'ph-a', name: 'Horizon 1', energize: '2026-04' },
          { id: 'ph-b', name: '', energize: null },
        ],
      },
    };
    expect(enumOptions(field, phased)).toEqual([
      { value: 'ph-a', label: 'Horizon 1' },
      { value: 'ph-b', label: 'ph-b' },
    ]);
    expect(field.absent?.(phased)).toBe('ph-a');
  });
});

describe('reading a typed value', () => {
  const width = KINDS.halls.fields.find((f) => f.key === 'width')!;
  const schemaOf = <E>(f: FieldDef<E>) => (f.type === 'number' ? f.schema : null)!;

  it("shows the schema's message for an invalid value", () => {
    expect(validateNumber('-5', 'length', 'metric', schemaOf(width))).toEqual({
      ok: false,
      error: 'must be a positive number',
    });
    expect(validateNumber('abc', 'length', 'metric', schemaOf(width))).toEqual({
      ok: false,
      error: '"abc" is not a number',
    });
    const racks = KINDS.rackRows.fields.find((f) => f.key === 'rackCount')!;
    expect(validateNumber('8.5', 'count', 'metric', schemaOf(racks))).toEqual({
      ok: false,
      error: 'must be a whole number from 1 to 1,000',
    });
  });

  it('reads the unit system, or a typed unit, into SI', () => {
    expect(validateNumber('100', 'length', 'imperial', schemaOf(width))).toEqual({
      ok: true,
      value: 30.48,
    });
    expect(validateNumber('40 ft', 'length', 'metric', schemaOf(width))).toEqual({
      ok: true,
      value: 12.192,
      note: '40 ft = 12.2 m',
    });
    expect(parseField('1.5 MW', 'kw', 'metric')).toEqual({
      ok: true,
      value: 1500,
      note: '1.5 MW = 1,500 kW',
    });
    expect(parseField('250 kW', 'mw', 'metric')).toEqual({
      ok: true,
      value: 0.25,
      note: '250 kW = 0.25 MW',
    });
    expect(parseField('10 ft', 'length', 'metric')).toMatchObject({ note: '10 ft = 3.05 m' });
    expect(parseField('3 m', 'length', 'metric')).not.toHaveProperty('note');
    expect(parseField('12 ft', 'mw', 'metric')).toMatchObject({ ok: false });
    expect(parseField('3 apples', 'count', 'metric')).toEqual({
      ok: false,
      error: 'Enter a plain number',
    });
  });

  it('stores null for an empty nullable field and refuses an empty required one', () => {
    const kw = KINDS.rackRows.fields.find((f) => f.key === 'kwPerRack')!;
    expect(validateNumber(' ', 'kw', 'metric', schemaOf(kw), true)).toEqual({
      ok: true,
      value: null,
    });
    expect(validateNumber('', 'length', 'metric', schemaOf(width))).toMatchObject({ ok: false });
  });

  it('shows stored values in the display unit, ready to be typed back', () => {
    // Rounded as people write each unit: 0.1 ft, 1 psf; metric to the millimetre.
    expect(formatField(160, 'length', 'imperial')).toBe('524.9');
    expect(formatField(152, 'length', 'imperial')).toBe('498.7');
    expect(formatField(25, 'pressure', 'imperial')).toBe('522');
    expect(formatField(12.3456, 'length', 'metric')).toBe('12.346');
    expect(formatField(18.52, 'pressure', 'metric')).toBe('18.52');
    expect(unitSymbol('pressure', 'imperial')).toBe('psf');
    expect(unitSymbol('angle', 'imperial')).toBe('°');
    expect(editableNumber(-0)).toBe('0');
    expect(editableNumber(1 / 3)).toBe('0.3333');
  });
});

describe('edits', () => {
  const doc: Layout = {
    ...emptyLayout(),
    halls: [
      createHall('hall-1', { x: 0, y: 0 }),
      createHall('hall-2', { x: 300, y: 0 }),
      createHall('row-3', { x: 600, y: 0 }),
    ],
    rackRows: [createRackRow('row-1', 'hall-1', { x: 10, y: 10 })],
  };

  it('sets a property on every selected element in one recipe', () => {
    const targets = locateAll(doc, ['hall-2', 'missing', 'hall-1']).map((l) => ({
      collection: l.collection,
      index: l.index,
      id: l.element.id,
    }));
    expect(targets.map((t) => t.id)).toEqual(['hall-2', 'hall-1']);
    const next = produce(doc, setProperty(targets, 'floorRatingKpa', 25));
    expect(next.halls.map((h) => h.floorRatingKpa)).toEqual([25, 25, 20]);
    expect(next.rackRows).toBe(doc.rackRows);
    expect(editLabel('Floor rating', targets)).toBe('Set floor rating of 2 halls');
    expect(editLabel('Width', targets.slice(0, 1))).toBe('Set width');
  });

  it('moves one vertex of a trench', () => {
    const d: Layout = {
      ...doc,
      fiberTrenches: [
        {
          id: 'tr-1',
          name: '',
          points: [
            [0, 0],
            [10, 0],
          ],
          fiberCount: 144,
        },
      ],
    };
    const next = produce(
      d,
      setVertex({ collection: 'fiberTrenches', index: 0, id: 'tr-1' }, 1, 1, 7),
    );
    expect(next.fiberTrenches[0]!.points).toEqual([
      [0, 0],
      [10, 7],
    ]);
  });

  it('makes fresh ids unique in the document and among themselves', () => {
    // row-1 and row-3 (a hall, oddly named) are taken.
    expect(freshIds(doc, 'row', 3)).toEqual(['row-4', 'row-5', 'row-6']);
    expect(freshIds(doc, 'row', 0)).toEqual([]);
  });
});
