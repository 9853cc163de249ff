import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLayoutValue } from '../format';
import { COLLECTIONS } from '../kinds';
import type { Layout } from '../model';
import { computeReport } from './computeReport';
import { benchCampus } from './benchCampus';
import { layoutOf, numbersIn, withCampusPlant } from './testing';
import { CHECK_IDS, type Report } from './types';

/** The report invariants: finite numbers only, every check once in order, coherent summary. */
function expectWellFormed(report: Report, layout: Layout): void {
  const bad = numbersIn(report).filter(([, v]) => !Number.isFinite(v));
  expect(bad).toEqual([]);
  expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  for (const c of report.checks) {
    expect(['pass', 'warn', 'fail']).toContain(c.status);
    expect(c.title.length).toBeGreaterThan(0);
    expect(c.message.length).toBeGreaterThan(0);
    expect(c.message).not.toMatch(/NaN|Infinity|undefined/);
    if (c.status === 'pass') expect(c.elementIds).toEqual([]);
  }
  const ids = new Set(COLLECTIONS.flatMap((c) => layout[c].map((e) => e.id)));
  for (const c of report.checks)
    for (const id of c.elementIds) expect(ids.has(id), `${c.id}: ${id}`).toBe(true);
  const s = report.summary;
  expect(s.pass + s.warn + s.fail).toBe(CHECK_IDS.length);
  expect(s.fail).toBe(report.checks.filter((c) => c.status === 'fail').length);
  expect(report.halls).toHaveLength(layout.halls.length);
  expect(report.rows).toHaveLength(layout.rackRows.length);
  expect(report.zones).toHaveLength(layout.coolingZones.length);
  const inDomains = report.domains.flatMap((d) => d.hallIds);
  expect(new Set(inDomains).size).toBe(inDomains.length);
  expect(inDomains.length).toBe(report.halls.filter((h) => h.racks > 0).length);
  report.halls.forEach((h) => {
    if (h.domainIndex !== null) expect(report.domains[h.domainIndex]!.hallIds).toContain(h.id);
  });
}

describe('computeReport', () => {
  it('an empty layout gives zeros, never NaN, and passes every check but latency-domain', () => {
    const layout = layoutOf();
    const report = computeReport(layout);
    expectWellFormed(report, layout);
    expect(report.totals).toMatchObject({
      itMw: 0,
      facilityMw: 0,
      racks: 0,
      gpus: 0,
      usableMw: 0,
      fiberRouteMiles: 0,
      fiberStrandMiles: 0,
      latencyDomains: 0,
      largestDomainGpus: 0,
      itMwPerAcre: 0,
    });
    // No racks, no cluster: a tier that needs one (Blackwell, the default) fails latency-domain;
    // the traditional tier needs none, and there every check passes.
    expect(report.summary).toEqual({ pass: CHECK_IDS.length - 1, warn: 0, fail: 1 });
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'latency-domain',
    ]);
    expect(computeReport(layout, { tier: 'traditional' }).summary).toEqual({
      pass: CHECK_IDS.length,
      warn: 0,
      fail: 0,
    });
    expect(report.domains).toEqual([]);
  });

  it('a degenerate (zero-area) parcel still gives finite numbers', () => {
    const layout = layoutOf({
      parcel: {
        points: [
          [0, 0],
          [10, 0],
          [20, 0],
        ],
      },
    });
    const report = computeReport(layout);
    expectWellFormed(report, layout);
    expect(report.totals.parcelAcres).toBe(0);
  });

  it('reports the layout name and keeps numbers unrounded', () => {
    const report = computeReport(benchCampus({ racks: 30, seed: 2 }));
    expect(report.name).toBe('Generated campus: 30 racks (seed 2)');
    expect(report.totals.parcelAcres).not.toBe(Math.round(report.totals.parcelAcres * 100) / 100);
  });

  it('is pure: the layout is not changed and the same layout gives the same report', () => {
    const layout = benchCampus({ racks: 700, seed: 5 });
    const before = JSON.stringify(layout);
    const a = computeReport(layout);
    expect(JSON.stringify(layout)).toBe(before);
    expect(computeReport(layout)).toEqual(a);
  });

  it('random campuses, randomly disturbed, give well-formed reports (property)', () => {
    const disturbance = fc.record({
      moveHalls: fc.array(
        fc.tuple(
          fc.nat(),
          fc.integer({ min: -300, max: 300 }),
          fc.integer({ min: -300, max: 300 }),
        ),
        { maxLength: 4 },
      ),
      rotateHall: fc.option(
        fc.tuple(
          fc.nat(),
          fc.integer({ min: -24, max: 24 }).map((k) => k * 15),
        ),
      ),
      dropZones: fc.boolean(),
      dropTrenches: fc.nat({ max: 30 }),
      pue: fc.option(fc.double({ min: 1, max: 3, noNaN: true })),
      setbackM: fc.constantFrom(0, 30, 120),
      redundancy: fc.constantFrom('N', 'N+1', '2N' as const),
      tier: fc.constantFrom('traditional', 'hopper', 'blackwell', 'rubin', 'rubin-ultra' as const),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 1000 }),
        disturbance,
        (racks, seed, d) => {
          const base = benchCampus({ racks, seed });
          const halls = base.halls.map((h, i) => {
            let hall = h;
            for (const [k, dx, dy] of d.moveHalls)
              if (k % Math.max(1, base.halls.length) === i)
                hall = { ...hall, x: hall.x + dx, y: hall.y + dy };
            if (d.rotateHall && d.rotateHall[0] % Math.max(1, base.halls.length) === i)
              hall = { ...hall, rotation: d.rotateHall[1] };
            return hall;
          });
          const layout = layoutOf({
            ...base,
            settings: {
              ...base.settings,
              pue: d.pue,
              setbackM: d.setbackM,
              redundancy: d.redundancy,
            },
            halls,
            coolingZones: d.dropZones ? base.coolingZones.slice(1) : base.coolingZones,
            fiberTrenches: base.fiberTrenches.filter((_, i) => i % 31 !== d.dropTrenches),
          });
          expectWellFormed(computeReport(layout, { tier: d.tier }), layout);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('benchCampus', () => {
  it('makes a valid layout file (it passes the importer)', () => {
    for (const racks of [0, 1, 130, 2000]) {
      const result = parseLayoutValue(JSON.parse(JSON.stringify(benchCampus({ racks, seed: 9 }))));
      expect(result.ok, `${racks} racks`).toBe(true);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(benchCampus({ racks: 500, seed: 4 })).toEqual(benchCampus({ racks: 500, seed: 4 }));
    expect(benchCampus({ racks: 500, seed: 4 })).not.toEqual(benchCampus({ racks: 500, seed: 5 }));
  });

  it('places exactly the racks asked for, 8 to a row and 16 rows to a hall', () => {
    const layout = benchCampus({ racks: 1001 });
    expect(layout.rackRows.reduce((s, r) => s + r.rackCount, 0)).toBe(1001);
    expect(layout.rackRows).toHaveLength(126);
    expect(layout.rackRows.at(-1)!.rackCount).toBe(1);
    expect(layout.halls).toHaveLength(8);
  });

  it('1 GW: 8,000 racks in 60+ halls with 100+ trenches, and every check passes for Blackwell', () => {
    const layout = benchCampus({ racks: 8000 });
    expect(layout.halls.length).toBeGreaterThanOrEqual(60);
    expect(layout.fiberTrenches.length).toBeGreaterThanOrEqual(100);
    const report = computeReport(withCampusPlant(layout));
    expect(report.totals.itMw).toBeGreaterThan(950);
    expect(report.totals.itMw).toBeLessThan(1150);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.domains).toHaveLength(1);
  });

  it('50,000 racks make a well-formed report', () => {
    const layout = benchCampus({ racks: 50_000, seed: 3 });
    const report = computeReport(layout);
    expectWellFormed(report, layout);
    expect(report.totals.racks).toBe(50_000);
    expect(report.summary.fail).toBe(0);
  });
});
