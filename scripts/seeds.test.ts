import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACK_PROFILES, type Layout, type TierId } from '../src/domain';
import { parseLayoutText, serializeLayout } from '../src/domain/format';
import { computeReport, type Report } from '../src/domain/report';
import { DEFAULT_SEED_ID, SEEDS } from '../seeds';
import { SEED_BUILDS, SEEDS_DIR, seedProblems, seedText, validated } from './build-seeds';

const jsonFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(id: string): { text: string; layout: Layout } {
  const text = readFileSync(join(SEEDS_DIR, `${id}.json`), 'utf8');
  const result = parseLayoutText(text);
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  return { text, layout: result.layout };
}

const reportOf = (id: string, tier?: TierId): Report =>
  computeReport(load(id).layout, tier === undefined ? {} : { tier });
const statusOf = (r: Report, id: string) => r.checks.find((c) => c.id === id)?.status;
const failing = (r: Report) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const warning = (r: Report) => r.checks.filter((c) => c.status === 'warn').map((c) => c.id);

describe('the seed files', () => {
  it('are the four listed in seeds/index.ts, and the default is one of them', () => {
    expect(jsonFiles).toEqual(SEEDS.map((s) => s.file).sort());
    for (const s of SEEDS) {
      expect(s.file).toBe(`${s.id}.json`);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.lesson.length).toBeGreaterThan(0);
      expect(s.lesson).not.toContain('\n');
    }
    expect(SEEDS.map((s) => s.id)).toContain(DEFAULT_SEED_ID);
    expect(SEED_BUILDS.map((b) => b.id).sort()).toEqual(SEEDS.map((s) => s.id).sort());
  });

  it.each(jsonFiles)(
    '%s is a valid current-format layout, byte-identical when re-serialized',
    (file) => {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      const result = parseLayoutText(text);
      expect(result.ok && result.migratedFrom).toBe(null);
      if (!result.ok) return;
      expect(serializeLayout(result.layout)).toBe(text);
      expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
    },
  );

  it.each(SEED_BUILDS.map((b) => b.id))(
    '%s is what scripts/build-seeds.ts builds now (run it if not)',
    (id) => {
      const build = SEED_BUILDS.find((b) => b.id === id)!;
      expect(load(id).text).toBe(seedText(build));
    },
  );

  it.each(SEED_BUILDS.map((b) => b.id))(
    '%s meets the expectations the build script checks',
    (id) => {
      const build = SEED_BUILDS.find((b) => b.id === id)!;
      expect(seedProblems(build, validated(id, build.build()))).toEqual([]);
    },
  );

  it('every seed keeps its rows inside their halls and nothing overlaps or leaves the parcel', () => {
    for (const s of SEEDS) {
      const r = reportOf(s.id);
      for (const id of [
        'geometry',
        'overlap',
        'setback',
        'cooling-coverage',
        'fiber-connectivity',
      ]) {
        expect(statusOf(r, id), `${s.id} ${id}`).toBe('pass');
      }
    }
  });
});

describe('traditional-20mw', () => {
  const { layout } = load('traditional-20mw');

  it('is 2,000 enterprise air racks at 10 kW: 20 MW IT, 30 MW facility at air PUE 1.5', () => {
    const r = reportOf('traditional-20mw');
    expect(r.totals.racks).toBe(2000);
    expect(r.totals.itMw).toBeCloseTo(20, 9);
    expect(r.totals.pue).toBeCloseTo(1.5, 9);
    expect(r.totals.facilityMw).toBeCloseTo(30, 9);
    expect(
      layout.rackRows.every((row) => row.profile === 'enterprise-air' && row.kwPerRack === 10),
    ).toBe(true);
    expect(layout.halls.every((h) => h.floorRatingKpa === 12)).toBe(true);
    expect(layout.coolingZones.every((z) => z.type === 'air')).toBe(true);
  });

  it('passes its own tier (Traditional): no check fails', () => {
    const r = reportOf('traditional-20mw');
    expect(r.targetTier).toBe('traditional');
    expect(failing(r)).toEqual([]);
  });

  it('fails Blackwell on floor, cooling and row power (and fiber and cluster size)', () => {
    const r = reportOf('traditional-20mw', 'blackwell');
    expect(failing(r)).toEqual(
      expect.arrayContaining([
        'tier-floor',
        'tier-cooling',
        'tier-row-power',
        'fiber-density',
        'latency-domain',
      ]),
    );
    expect(statusOf(r, 'tier-density')).toBe('warn');
    // The racks themselves are fine where they are: the failures are all about the tier.
    for (const id of [
      'floor-load',
      'cooling-density',
      'cooling-capacity',
      'power-capacity',
      'row-power',
    ]) {
      expect(statusOf(r, id), id).toBe('pass');
    }
  });
});

describe('blackwell-200mw (the app’s default)', () => {
  it('passes Blackwell with no failure and no warning', () => {
    const r = reportOf('blackwell-200mw');
    expect(r.targetTier).toBe('blackwell');
    expect(failing(r)).toEqual([]);
    expect(warning(r)).toEqual([]);
  });

  it('has ~200 MW IT of GB300 NVL72 and enough usable N+1 power for its facility MW', () => {
    const r = reportOf('blackwell-200mw');
    const t = r.totals;
    expect(t.itMw).toBeGreaterThanOrEqual(180);
    expect(t.itMw).toBeLessThanOrEqual(220);
    // By hand: 4 halls × 48 rows × 8 racks = 1,536 racks; × 142 kW = 218.112 MW; × 72 = 110,592 GPUs.
    expect(t.racks).toBe(1536);
    expect(t.itMw).toBeCloseTo((1536 * 142) / 1000, 9);
    expect(t.gpus).toBe(1536 * 72);
    // DLC PUE 1.2 → 261.7344 MW; N+1 of 4 × 100 MVA at pf 0.95 → 0.95 × 300 = 285 MW.
    expect(t.facilityMw).toBeCloseTo(218.112 * 1.2, 9);
    expect(t.usableMw).toBeCloseTo(285, 9);
    expect(t.facilityMw).toBeLessThan(t.usableMw);
    // A 1.36 t rack on 0.6 × 1.2 m: 1360 × 9.807 / 0.72 / 1000 = 18.52 kPa, under the 20 kPa slab.
    expect(t.maxRackKpa).toBeCloseTo((1360 * 9.807) / 0.72 / 1000, 6);
    expect(r.halls.every((h) => h.maxRowMw <= h.rowPowerMw && h.rowPowerMw >= 1.2)).toBe(true);
  });

  it('keeps all four halls in one latency domain well over a 9,216-GPU SuperPOD', () => {
    const t = reportOf('blackwell-200mw').totals;
    expect(t.latencyDomains).toBe(1);
    expect(t.largestDomainGpus).toBeGreaterThanOrEqual(9216);
    expect(t.longestPathM).toBeLessThanOrEqual(2000);
  });

  it('rows use the profile defaults (142 kW, 1,360 kg)', () => {
    const { layout } = load('blackwell-200mw');
    expect(RACK_PROFILES['gb300-nvl72'].kwPerRack.value).toBe(142);
    expect(
      layout.rackRows.every((row) => row.profile === 'gb300-nvl72' && row.kwPerRack === null),
    ).toBe(true);
  });
});

describe('rubin-300mw', () => {
  it('passes Rubin with no failure and no warning', () => {
    const r = reportOf('rubin-300mw');
    expect(r.targetTier).toBe('rubin');
    expect(failing(r)).toEqual([]);
    expect(warning(r)).toEqual([]);
  });

  it('has ~300 MW IT of 210 kW Vera Rubin NVL72 racks in 2.1 MW rows, 2N power, domains over 10,000 GPUs', () => {
    const r = reportOf('rubin-300mw');
    const t = r.totals;
    // 6 halls × 24 rows × 10 racks = 1,440 racks × 210 kW = 302.4 MW; × 1.2 = 362.88 MW.
    expect(t.racks).toBe(1440);
    expect(t.itMw).toBeCloseTo(302.4, 9);
    expect(t.facilityMw).toBeCloseTo(362.88, 9);
    // 2N of 4 × 200 MVA: 0.95 × 800 / 2 = 380 MW.
    expect(t.usableMw).toBeCloseTo(380, 9);
    expect(t.largestDomainGpus).toBeGreaterThanOrEqual(10_000);
    expect(
      r.halls.every((h) => h.maxRowMw >= 2 && h.maxRowMw <= h.rowPowerMw && h.floorRatingKpa >= 25),
    ).toBe(true);
  });
});

describe('illustrative-750mw', () => {
  it('says in its name that it is illustrative and not a real site plan', () => {
    const { layout } = load('illustrative-750mw');
    expect(layout.name).toContain('Illustrative');
    expect(layout.name).toContain('not a real site plan');
    expect(layout.name).toContain('750 MW gross');
  });

  it('is ~750 MW gross (facility) on ~420 acres at a 345 kV connection', () => {
    const { layout } = load('illustrative-750mw');
    const t = reportOf('illustrative-750mw').totals;
    // 10 halls × 48 rows × 8 racks × 130 kW = 499.2 MW IT; × 1.5 gross-to-IT = 748.8 MW.
    expect(t.itMw).toBeCloseTo(499.2, 9);
    expect(t.facilityMw).toBeCloseTo(748.8, 9);
    expect(t.facilityMw).toBeGreaterThan(740);
    expect(t.facilityMw).toBeLessThanOrEqual(750);
    // 1,700 m × 1,000 m = 1.7 km² = 420.1 acres.
    expect(t.parcelAcres).toBeGreaterThan(415);
    expect(t.parcelAcres).toBeLessThan(425);
    expect(layout.substations.every((s) => s.voltageKv === 345)).toBe(true);
    expect(t.facilityMw).toBeLessThan(t.usableMw);
  });

  it('passes Blackwell with no failure and no warning', () => {
    const r = reportOf('illustrative-750mw');
    expect(r.targetTier).toBe('blackwell');
    expect(failing(r)).toEqual([]);
    expect(warning(r)).toEqual([]);
  });
});
