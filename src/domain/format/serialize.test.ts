import { Ajv2020 } from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  COOLING_TYPE_IDS,
  PLANT_TYPE_IDS,
  RACK_PROFILE_IDS,
  REDUNDANCY_LEVELS,
  TIER_IDS,
} from '../catalog';
import type { Layout } from '../model';
import v0Sample from './fixtures/v0-sample.json';
import v1Sample from './fixtures/v1-sample.json';
import { parseLayoutText } from './parse';
import { layoutSchema } from './schema';
import { KEY_ORDER, layoutJsonSchema, printAhead, serializeLayout } from './serialize';
import { COLLECTIONS } from '../kinds';
import { minimalLayout, plantLayout } from './testing';

describe('serializeLayout', () => {
  test('printAhead prints a layout a budget at a time, once; the text is the same', () => {
    const layout = structuredClone(plantLayout());
    const elements = COLLECTIONS.reduce((n, c) => n + layout[c].length, 0);
    expect(elements).toBeGreaterThan(3);
    const step = printAhead(layout);
    let calls = 1;
    while (step(2)) calls++;
    expect(calls).toBe(Math.ceil(elements / 2));
    // Everything is printed now: another pass has nothing to do.
    expect(printAhead(layout)(1)).toBe(false);
    expect(serializeLayout(layout)).toBe(serializeLayout(structuredClone(layout)));
  });

  test('an element printed before is not printed again, and the text is the same as fresh', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (pick, dx) => {
          const a = plantLayout();
          serializeLayout(a);
          // An edit as the store makes one: the edited element is new, the others are the same objects.
          const halls = a.halls.slice();
          const i = pick % halls.length;
          halls[i] = { ...halls[i]!, x: halls[i]!.x + dx, name: `moved ${pick}` };
          const b: Layout = { ...a, halls };
          // A deep copy shares no object with anything printed before.
          expect(serializeLayout(b)).toBe(serializeLayout(structuredClone(b)));
          expect(serializeLayout(a)).toBe(serializeLayout(structuredClone(a)));
        },
      ),
      { numRuns: 50 },
    );
  });

  test('parse(serialize(x)) gives back x', () => {
    for (const layout of [minimalLayout(), plantLayout()]) {
      const r = parseLayoutText(serializeLayout(layout));
      expect(r).toEqual({ ok: true, layout, migratedFrom: null });
    }
  });

  test('writes version 2 with the plant collections last, settings in order, phaseId only when set', () => {
    const text = serializeLayout(plantLayout());
    const doc = JSON.parse(text) as Record<string, unknown> & {
      settings: Record<string, unknown>;
      halls: Record<string, unknown>[];
      coolingPlants: Record<string, unknown>[];
    };
    expect(doc.version).toBe(2);
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'name',
      'settings',
      'parcel',
      'halls',
      'rackRows',
      'coolingZones',
      'substations',
      'fiberTrenches',
      'generatorYards',
      'batteryYards',
      'coolingPlants',
      'powerFeeders',
    ]);
    expect(Object.keys(doc.settings)).toEqual([
      'targetTier',
      'redundancy',
      'powerFactor',
      'pue',
      'setbackM',
      'phases',
      'utilization',
      'energyPricePerMwh',
      'revenuePerMwYear',
      'costs',
    ]);
    expect(doc.settings.phases).toEqual([
      { id: 'ph-1', name: 'Horizon 1', energize: '2026-04' },
      { id: 'ph-2', name: 'Horizon 2', energize: null },
    ]);
    expect(doc.halls[0]).not.toHaveProperty('phaseId');
    expect(Object.keys(doc.coolingPlants[0]!)).toEqual([
      'id',
      'name',
      'x',
      'y',
      'width',
      'depth',
      'rotation',
      'type',
      'units',
      'unitMw',
      'phaseId',
    ]);
    // Cost overrides by id, whatever the order in memory.
    const base = plantLayout();
    const reordered = {
      ...base,
      settings: { ...base.settings, costs: { 'land-acre': 250_000, 'hall-mw-dlc': 11_700_000 } },
    };
    const other = {
      ...base,
      settings: { ...base.settings, costs: { 'hall-mw-dlc': 11_700_000, 'land-acre': 250_000 } },
    };
    expect(serializeLayout(reordered)).toBe(serializeLayout(other));
    expect(text).toContain(
      '"costs": {\n      "hall-mw-dlc": 11700000,\n      "land-acre": 250000\n    }',
    );
  });

  test('two serializations are byte-identical, whatever the key order in memory', () => {
    const layout = minimalLayout();
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse()) as never;
    const shuffled: Layout = reversed({
      ...layout,
      settings: reversed(layout.settings),
      halls: layout.halls.map(reversed),
      rackRows: layout.rackRows.map(reversed),
      coolingZones: layout.coolingZones.map(reversed),
      substations: layout.substations.map(reversed),
      fiberTrenches: layout.fiberTrenches.map(reversed),
      generatorYards: layout.generatorYards.map(reversed),
      coolingPlants: layout.coolingPlants.map(reversed),
      powerFeeders: layout.powerFeeders.map(reversed),
    });
    expect(Object.keys(shuffled)[0]).toBe('fiberTrenches');
    expect(serializeLayout(shuffled)).toBe(serializeLayout(layout));
    expect(serializeLayout(layout)).toBe(serializeLayout(minimalLayout()));
  });

  test('keys are written in the order of the README example', () => {
    const doc = JSON.parse(serializeLayout(minimalLayout())) as Record<
      string,
      Record<string, unknown>[]
    >;
    const keys = (o: unknown) => Object.keys(o as object);
    expect(keys(doc)).toEqual([
      'format',
      'version',
      'name',
      'settings',
      'parcel',
      'halls',
      'rackRows',
      'coolingZones',
      'substations',
      'fiberTrenches',
      'generatorYards',
      'batteryYards',
      'coolingPlants',
      'powerFeeders',
    ]);
    expect(keys(doc.settings)).toEqual([
      'targetTier',
      'redundancy',
      'powerFactor',
      'pue',
      'setbackM',
      'phases',
      'utilization',
      'energyPricePerMwh',
      'revenuePerMwYear',
      'costs',
    ]);
    expect(keys(doc.parcel)).toEqual(['points']);
    expect(keys(doc.halls![0])).toEqual([
      'id',
      'name',
      'x',
      'y',
      'width',
      'depth',
      'rotation',
      'floorRatingKpa',
      'rowPowerMw',
    ]);
    expect(keys(doc.rackRows![0])).toEqual([
      'id',
      'hallId',
      'x',
      'y',
      'rotation',
      'rackCount',
      'profile',
      'kwPerRack',
      'massKg',
    ]);
    expect(keys(doc.coolingZones![0])).toEqual([
      'id',
      'name',
      'x',
      'y',
      'width',
      'depth',
      'rotation',
      'type',
      'capacityMw',
    ]);
    expect(keys(doc.substations![0])).toEqual([
      'id',
      'name',
      'x',
      'y',
      'width',
      'depth',
      'rotation',
      'capacityMva',
      'voltageKv',
    ]);
    expect(keys(doc.fiberTrenches![0])).toEqual(['id', 'name', 'points', 'fiberCount']);
    expect(KEY_ORDER.layout).toEqual(keys(doc));
  });

  test('the text: 2-space indent, one field per line, points on one line, a trailing newline', () => {
    const text = serializeLayout(minimalLayout());
    expect(
      text.startsWith(
        '{\n  "format": "ai-campus-layout",\n  "version": 2,\n  "name": "Minimal campus",\n  "settings": {\n    "targetTier"',
      ),
    ).toBe(true);
    expect(text).toContain(
      '\n  "parcel": {\n    "points": [\n      [0, 0],\n      [1000, 0],\n      [1000, 800],\n      [0, 800]\n    ]\n  },\n',
    );
    expect(text).toContain('\n      "kwPerRack": null,\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('}\n\n')).toBe(false);
    // Apart from the compact points it is exactly JSON.stringify's layout.
    const compactPoints = (s: string) =>
      s.replace(/\[\s*(-?[\d.e+-]+),\s*(-?[\d.e+-]+)\s*\]/g, '[$1, $2]');
    expect(text).toBe(compactPoints(JSON.stringify(JSON.parse(text), null, 2)) + '\n');
  });

  test('empty collections print as []', () => {
    const text = serializeLayout({ ...minimalLayout(), halls: [], rackRows: [] });
    expect(text).toContain('\n  "halls": [],\n  "rackRows": [],\n');
  });

  test('only document fields are written', () => {
    const layout = minimalLayout();
    const extra = {
      ...layout,
      selection: ['hall-1'],
      camera: { x: 1, zoom: 2 },
      halls: [{ ...layout.halls[0]!, selected: true, __proto__: { inherited: 1 } }],
    } as unknown as Layout;
    const text = serializeLayout(extra);
    expect(text).not.toMatch(/selection|camera|selected|inherited/);
    expect(text).toBe(serializeLayout(layout));
  });

  test('every field of a kind is written (KEY_ORDER follows the schemas)', () => {
    const shapes = layoutSchema.shape;
    expect(KEY_ORDER.layout).toEqual(Object.keys(shapes));
    const parsed = JSON.parse(serializeLayout(minimalLayout())) as Record<string, unknown>;
    expect(parsed).toEqual(minimalLayout());
  });
});

describe('round trip of arbitrary valid layouts', () => {
  // -0 prints as 0 in JSON; a layout holding -0 comes back as 0, which is the same length.
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
  const pos = (max: number) => fc.double({ min: Number.MIN_VALUE, max, noNaN: true });
  const coord = num(-100_000, 100_000);
  const point = fc.tuple(coord, coord);
  const text = fc.string({ maxLength: 20, unit: 'grapheme' });

  const layoutArb: fc.Arbitrary<Layout> = fc
    .record({
      name: text,
      settings: fc.record({
        targetTier: fc.constantFrom(...TIER_IDS),
        redundancy: fc.constantFrom(...REDUNDANCY_LEVELS),
        powerFactor: num(0.5, 1),
        pue: fc.option(num(1, 5), { nil: null }),
        setbackM: num(0, 10_000),
        phases: fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^ph-[a-z0-9]{1,4}$/),
            name: text,
            energize: fc.option(
              fc
                .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }))
                .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
              { nil: null },
            ),
          }),
          { minLength: 1, maxLength: 3, selector: (p) => p.id },
        ),
        utilization: num(0, 1),
        energyPricePerMwh: fc.option(num(0, 100_000), { nil: null }),
        revenuePerMwYear: fc.option(num(0, 1e9), { nil: null }),
        costs: fc.dictionary(
          fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}$/),
          num(0, 1e12),
          {
            maxKeys: 4,
          },
        ),
      }),
      /** Which phase each element names: an index into the phases, or none (the first). */
      phasePicks: fc.array(fc.option(fc.nat(2), { nil: undefined }), {
        minLength: 40,
        maxLength: 40,
      }),
      gens: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          units: fc.integer({ min: 1, max: 10_000 }),
          unitMw: pos(100),
        }),
        { maxLength: 2 },
      ),
      bess: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          powerMw: pos(100_000),
          energyMwh: pos(1_000_000),
        }),
        { maxLength: 2 },
      ),
      plants: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          type: fc.constantFrom(...PLANT_TYPE_IDS),
          units: fc.integer({ min: 1, max: 10_000 }),
          unitMw: pos(100),
        }),
        { maxLength: 2 },
      ),
      feeders: fc.array(
        fc.record({
          name: text,
          points: fc.array(point, { minLength: 2, maxLength: 5 }),
          capacityMva: pos(100_000),
        }),
        { maxLength: 2 },
      ),
      halls: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          floorRatingKpa: pos(1000),
          rowPowerMw: pos(100),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      rows: fc.array(
        fc.record({
          x: coord,
          y: coord,
          rotation: num(-360, 360),
          rackCount: fc.integer({ min: 1, max: 1000 }),
          profile: fc.constantFrom(...RACK_PROFILE_IDS),
          kwPerRack: fc.option(num(0.1, 2000), { nil: null }),
          massKg: fc.option(num(1, 10_000), { nil: null }),
        }),
        { maxLength: 4 },
      ),
      zones: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          type: fc.constantFrom(...COOLING_TYPE_IDS),
          capacityMw: pos(10_000),
        }),
        { maxLength: 2 },
      ),
      subs: fc.array(
        fc.record({
          name: text,
          x: coord,
          y: coord,
          width: pos(100_000),
          depth: pos(100_000),
          rotation: num(-360, 360),
          capacityMva: pos(100_000),
          voltageKv: pos(1500),
        }),
        { maxLength: 2 },
      ),
      trenches: fc.array(
        fc.record({
          name: text,
          points: fc.array(point, { minLength: 2, maxLength: 5 }),
          fiberCount: fc.integer({ min: 1, max: 100_000 }),
        }),
        {
          maxLength: 2,
        },
      ),
    })
    .map((r) => {
      let pick = 0;
      /** Give the element a phaseId (or none) from the next pick. */
      const phased = <E extends object>(e: E): E => {
        const p = r.phasePicks[pick++ % r.phasePicks.length];
        const phase = p === undefined ? undefined : r.settings.phases[p % r.settings.phases.length];
        return phase ? { ...e, phaseId: phase.id } : e;
      };
      return {
        format: 'ai-campus-layout' as const,
        version: 2 as const,
        name: r.name,
        settings: r.settings,
        parcel: {
          points: [
            [0, 0],
            [1000, 0],
            [1000, 800],
            [0, 800],
          ] as [number, number][],
        },
        halls: r.halls.map((h, i) => phased({ id: `hall-${i}`, ...h })),
        rackRows: r.rows.map((row, i) => ({
          id: `row-${i}`,
          hallId: `hall-${i % r.halls.length}`,
          ...row,
        })),
        coolingZones: r.zones.map((z, i) => phased({ id: `cz-${i}`, ...z })),
        substations: r.subs.map((s, i) => phased({ id: `sub-${i}`, ...s })),
        fiberTrenches: r.trenches.map((t, i) => phased({ id: `tr-${i}`, ...t })),
        generatorYards: r.gens.map((g, i) => phased({ id: `gen-${i}`, ...g })),
        batteryYards: r.bess.map((b, i) => phased({ id: `bess-${i}`, ...b })),
        coolingPlants: r.plants.map((p, i) => phased({ id: `cp-${i}`, ...p })),
        powerFeeders: r.feeders.map((f, i) => phased({ id: `fd-${i}`, ...f })),
      };
    });

  test('parse(serialize(x)) deep-equals x, and serializing again gives the same bytes', () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const text = serializeLayout(layout);
        const r = parseLayoutText(text);
        expect(r).toEqual({ ok: true, layout, migratedFrom: null });
        if (r.ok) expect(serializeLayout(r.layout)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('layoutJsonSchema', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(layoutJsonSchema());

  test('is a JSON Schema 2020-12 document that accepts saved files', () => {
    expect(layoutJsonSchema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'AI campus layout',
    });
    expect(validate(JSON.parse(serializeLayout(minimalLayout())))).toBe(true);
  });

  test('fields with defaults are optional (io: input)', () => {
    const doc = JSON.parse(serializeLayout(minimalLayout())) as Record<string, unknown>;
    delete doc.settings;
    delete doc.name;
    expect(validate(doc)).toBe(true);
  });

  test('keeps the bounds of each field', () => {
    const doc = JSON.parse(serializeLayout(minimalLayout())) as {
      halls: Record<string, unknown>[];
      rackRows: Record<string, unknown>[];
    };
    doc.halls[0]!.x = 100_001;
    doc.halls[0]!.width = 0;
    doc.rackRows[0]!.rackCount = 2.5;
    doc.rackRows[1]!.profile = 'nope';
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual([
      '/halls/0/width',
      '/halls/0/x',
      '/rackRows/0/rackCount',
      '/rackRows/1/profile',
    ]);
  });

  test('accepts a file with every kind of version 2, and refuses a version 1 file', () => {
    expect(validate(JSON.parse(serializeLayout(plantLayout())))).toBe(true);
    expect(validate(v1Sample)).toBe(false);
  });

  test('refuses a version 0 file (the schema describes version 2)', () => {
    expect(validate(v0Sample)).toBe(false);
  });
});
