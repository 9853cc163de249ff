import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../../seeds/index';
import { RACK_PROFILES, TIER_IDS, TIERS } from '../catalog';
import { computeReport } from '../report';
import { siText } from '../units';
import { CHECK_IDS } from '../report/types';
import {
  compareDensity,
  compareTiers,
  forcedCooling,
  flipDirection,
  LESSON_DEFAULTS,
  LESSON_IDS,
  LESSONS,
  lessonById,
  lessonHref,
  retargetDiff,
  TRADITIONAL_FACILITY,
  ceilClean,
  type TierComparison,
} from './index';
import { smallTraditionalCampus } from './testLayout';
import { withCampusPlant } from '../report/testing';

function tier(rows: TierComparison[], id: TierComparison['tier']): TierComparison {
  const r = rows.find((x) => x.tier === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
}

describe('compareTiers: 100 MW of IT from each tier’s flagship rack', () => {
  const rows = compareTiers(100);

  it('has one entry per tier, in tier order, with the tier’s flagship at its default kW', () => {
    expect(rows.map((r) => r.tier)).toEqual([...TIER_IDS]);
    for (const r of rows) {
      expect(r.profile).toBe(TIERS[r.tier].flagshipProfile);
      expect(r.kwPerRack).toBe(RACK_PROFILES[r.profile].kwPerRack);
    }
  });

  it('GB200 NVL72 at 120 kW: 834 racks, 60,048 GPUs, 18.52 kPa, DLC, 0.96 MW rows', () => {
    const b = tier(rows, 'blackwell');
    expect(b.racks.value).toBe(834); // ⌈833.33⌉
    expect(b.gpus.value).toBe(60_048);
    expect(b.rackKpa.value).toBeCloseTo(18.52, 2); // 1,360 × 9.807 / 0.72 / 1000
    expect(b.cooling.type).toBe('dlc');
    expect(b.cooling.air).toBe('no');
    expect(b.rowRacks.value).toBe(8);
    expect(b.rowMw.value).toBeCloseTo(0.96, 12);
    expect(b.pue.value).toBe(1.2);
    expect(b.facilityMw.value).toBeCloseTo(120, 9);
    // 834 × 40 ft² × 0.09290304 = 3,099.25 m²: one 5,000 m² hall.
    expect(b.whiteSpaceM2.value).toBeCloseTo(3099.245, 3);
    expect(b.halls.value).toBe(1);
    // 24 + 8 × 72 = 600 fibers per rack.
    expect(b.fibersPerRack.value).toBe(600);
    expect(b.fiberStrands.value).toBe(500_400);
    expect(b.breaks.map((x) => x.what)).toEqual(['floor', 'cooling', 'row-power']);
    expect(siText(b.breaks[0]!.message)).toBe('1.36 t rack loads 18.5 kPa > 12 kPa Rated-3 floor');
    expect(siText(b.breaks[2]!.message)).toBe('8-rack row draws 0.96 MW > 0.2 MW row power');
  });

  it('the plant chapter for GB200: 41 gensets, 51 dry coolers, 1.26 M m³ of tower water, 0.15 acre per MW', () => {
    const p = tier(rows, 'blackwell').plant;
    // Facility 120 MW (PUE 1.2): ⌈120 ÷ 3⌉ + 1 = 41 gensets, 123 MW.
    expect(p.gensets.value).toBe(41);
    expect(p.backupMw.value).toBe(123);
    // Heat 100 MW: ⌈100 ÷ 2⌉ + 1 = 51 dry coolers.
    expect(p.heatMw.value).toBe(100);
    expect(p.dryCoolers.value).toBe(51);
    // 100 MW × 8,760 h × 0.8 = 700,800 MWh; × 1.8 L/kWh = 1,261,440 m³ with towers; 0 dry.
    expect(p.itEnergyMwhPerYear.value).toBeCloseTo(700_800, 6);
    expect(p.towerWaterM3PerYear.value).toBeCloseTo(1_261_440, 4);
    expect(p.dryWaterM3PerYear.value).toBe(0);
    // Ground: 3,099.25 m² white space + 102 MW × 80 m² + 123 MW × 50 m² = 3,099.25 + 8,160 + 6,150.
    expect(p.plantM2.value).toBe(8160);
    expect(p.yardM2.value).toBe(6150);
    expect(p.acresPerItMw.value).toBeCloseTo((3099.245 + 8160 + 6150) / 4046.8564224 / 100, 5);
    expect(p.plantShare.value).toBeCloseTo(14_310 / 17_409.245, 5);
    // The estimates the chapter rests on make it an estimate.
    expect(p.acresPerItMw.estimate).toBe(true);
  });

  it('the plant takes a larger share of the ground as density rises', () => {
    const share = (id: TierComparison['tier']) => tier(rows, id).plant.plantShare.value;
    expect(share('traditional')).toBeLessThan(share('blackwell'));
    expect(share('blackwell')).toBeLessThan(share('rubin-ultra'));
  });

  it('enterprise air at 8 kW: 12,500 racks that a traditional facility carries', () => {
    const t = tier(rows, 'traditional');
    expect(t.racks.value).toBe(12_500);
    expect(t.gpus.value).toBe(0);
    // 600 kg × 9.807 / (0.6 × 1.067) / 1000 = 9.19 kPa
    expect(t.rackKpa.value).toBeCloseTo(9.191, 3);
    expect(t.cooling.type).toBe('air');
    expect(t.cooling.air).toBe('works');
    expect(t.rowMw.value).toBeCloseTo(0.16, 12); // 20 × 8 kW
    // 12,500 × 30 ft² = 375,000 ft² = 34,838.64 m² → 7 halls of 5,000 m².
    expect(t.whiteSpaceM2.value).toBeCloseTo(34_838.64, 2);
    expect(t.halls.value).toBe(7);
    expect(t.fiberStrands.value).toBe(300_000);
    expect(t.facilityMw.value).toBeCloseTo(150, 9);
    expect(t.breaks).toEqual([]);
  });

  it('HGX H100 at 40.8 kW sits just past air’s 40 kW limit, so RDHx; its 0.82 MW row breaks 0.2 MW', () => {
    const h = tier(rows, 'hopper');
    expect(h.racks.value).toBe(2451); // ⌈2,450.98⌉
    expect(h.gpus.value).toBe(78_432);
    expect(h.rackKpa.value).toBeCloseTo(9.262, 3);
    expect(h.cooling.type).toBe('rdhx');
    expect(h.cooling.air).toBe('no');
    expect(h.cooling.note).toMatch(/just over/);
    expect(h.rowMw.value).toBeCloseTo(0.816, 12);
    expect(h.breaks.map((x) => x.what)).toEqual(['cooling', 'row-power']);
  });

  it('Vera Rubin NVL72 at 227 kW and Kyber at 600 kW', () => {
    const r = tier(rows, 'rubin');
    expect(r.racks.value).toBe(441); // ⌈100,000 / 227 = 440.53⌉
    expect(r.gpus.value).toBe(31_752); // 441 × 72
    expect(r.rackKpa.value).toBeCloseTo(24.52, 2);
    expect(r.rowMw.value).toBeCloseTo(1.816, 12); // 8 × 227 kW
    const k = tier(rows, 'rubin-ultra');
    expect(k.racks.value).toBe(167); // ⌈166.67⌉
    expect(k.gpus.value).toBe(24_048);
    expect(k.rackKpa.value).toBeCloseTo(27.24, 2);
    expect(k.cooling.type).toBe('dlc');
    expect(k.rowMw.value).toBeCloseTo(4.8, 12);
    expect(k.fibersPerRack.value).toBe(24 + 8 * 144);
    // Kyber's mass and footprint are grade X, so its floor load is an estimate.
    expect(k.rackKpa.grade).toBe('X');
    expect(k.rackKpa.estimate).toBe(true);
  });

  it('grades every figure: D from graded inputs, X (estimate) when an input is X', () => {
    const b = tier(rows, 'blackwell');
    expect(b.racks).toMatchObject({ grade: 'D', estimate: false });
    expect(b.rackKpa).toMatchObject({ grade: 'D', estimate: false });
    expect(b.fiberStrands).toMatchObject({ grade: 'X', estimate: true });
    expect(b.whiteSpaceM2.estimate).toBe(true);
    const t = tier(rows, 'traditional');
    expect(t.rackKpa.grade).toBe('X'); // 600 kg is an estimate
    for (const r of rows) {
      for (const v of [
        r.racks,
        r.gpus,
        r.rackKpa,
        r.rowMw,
        r.whiteSpaceM2,
        r.halls,
        r.fiberStrands,
      ]) {
        expect(v.basis.length).toBeGreaterThan(0);
        if (v.grade === 'X') expect(v.estimate).toBe(true);
      }
    }
  });

  it('gets racks right where floating point would not (0.3 MW of 100 kW racks is 3)', () => {
    expect(ceilClean((0.3 * 1000) / 100)).toBe(3);
    expect(ceilClean(833.3333)).toBe(834);
    expect(compareDensity('gb200-nvl72', 0.3, 100).racks.value).toBe(3);
    expect(compareDensity('gb200-nvl72', 0).racks.value).toBe(0);
    expect(compareDensity('gb200-nvl72', 0).halls.value).toBe(0);
  });

  it('marks a chosen kW per rack as an estimate and re-derives cooling', () => {
    const c = compareDensity('hpc-air', 10, 30);
    expect(c.kwPerRack).toMatchObject({ value: 30, grade: 'X', estimate: true });
    expect(c.cooling).toMatchObject({ type: 'air', air: 'containment' });
    // 900 kg on 0.72 m² is 12.26 kPa, just over Rated 3; 20 × 30 kW = 0.6 MW rows.
    expect(c.breaks.map((b) => b.what)).toEqual(['floor', 'row-power']);
  });
});

describe('forcedCooling', () => {
  it('picks the first of air → rdhx → dlc → immersion whose limit holds the rack', () => {
    expect(forcedCooling(8)).toEqual({ type: 'air', fits: true });
    expect(forcedCooling(40)).toEqual({ type: 'air', fits: true });
    expect(forcedCooling(40.8)).toEqual({ type: 'rdhx', fits: true });
    expect(forcedCooling(120)).toEqual({ type: 'dlc', fits: true });
    expect(forcedCooling(600)).toEqual({ type: 'dlc', fits: true });
    expect(forcedCooling(900)).toEqual({ type: 'dlc', fits: false });
  });

  it('measures breaks against the traditional facility’s stated limits', () => {
    expect(TRADITIONAL_FACILITY.floorKpa.value).toBe(12);
    expect(TRADITIONAL_FACILITY.airMaxKw.value).toBe(40);
    expect(TRADITIONAL_FACILITY.rowMw.value).toBe(0.2);
    for (const d of Object.values(LESSON_DEFAULTS)) expect(d.basis).not.toBe('');
  });
});

describe('retargetDiff: what if this campus had to host Blackwell?', () => {
  const layout = smallTraditionalCampus();

  it('the small campus passes every Traditional check', () => {
    const r = computeReport(withCampusPlant(layout), { tier: 'traditional' });
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual(
      [],
    );
  });

  it('lists the checks that flip, in check order, with the new figures', () => {
    const flips = retargetDiff(layout, 'traditional', 'blackwell');
    expect(flips.map((f) => [f.id, f.before, f.after])).toEqual([
      ['tier-floor', 'pass', 'fail'],
      ['tier-cooling', 'pass', 'fail'],
      ['tier-density', 'pass', 'warn'],
      ['tier-row-power', 'pass', 'fail'],
      ['fiber-density', 'pass', 'fail'],
      ['latency-domain', 'pass', 'fail'],
    ]);
    const after = computeReport(layout, { tier: 'blackwell' });
    for (const f of flips) {
      const c = after.checks.find((x) => x.id === f.id)!;
      expect(siText(f.message)).toBe(c.message);
      expect(f.elementIds).toEqual(c.elementIds);
      expect(flipDirection(f)).toBe('worse');
    }
    const order = flips.map((f) => CHECK_IDS.indexOf(f.id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('runs the other way as improvements, and is empty for the same tier', () => {
    const back = retargetDiff(layout, 'blackwell', 'traditional');
    expect(back).toHaveLength(6);
    expect(back.every((f) => f.after === 'pass' && flipDirection(f) === 'better')).toBe(true);
    expect(retargetDiff(layout, 'hopper', 'hopper')).toEqual([]);
  });
});

describe('LESSONS', () => {
  it('has unique ids, each linkable, on a seed that exists', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
    const seeds = new Set(SEEDS.map((s) => s.id));
    for (const l of LESSONS) {
      expect(seeds.has(l.seed), `${l.id}: seed ${l.seed}`).toBe(true);
      expect(l.title).not.toBe('');
      expect(l.summary).not.toBe('');
      for (const c of l.checks) expect(CHECK_IDS).toContain(c);
      expect(lessonById(l.id)).toBe(l);
    }
    expect(lessonHref(lessonById('density')!)).toBe('/?seed=traditional-20mw&lesson=density');
    expect(lessonById('nope')).toBeUndefined();
  });

  it('quotes the density figures the comparison computes', () => {
    const rows = compareTiers(100);
    const summary = lessonById('density')!.summary;
    expect(summary).toContain(tier(rows, 'traditional').racks.value.toLocaleString('en-US'));
    expect(summary).toContain(String(tier(rows, 'blackwell').racks.value));
  });
});
