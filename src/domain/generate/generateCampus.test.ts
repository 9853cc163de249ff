import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COOLING_TYPES, TIER_IDS, TIERS } from '../catalog';
import { parseLayoutValue } from '../format';
import { defaultParcel, type Parcel } from '../kinds';
import type { Layout } from '../model';
import { computeReport, ParcelShape } from '../report';
import { generateCampus, type GenerateOptions } from './generateCampus';

const EMPTY = defaultParcel(); // 1,000 × 800 m, the new layout's parcel

/** Rectangles the rules require inside the parcel and clear of the setback, and the plant too. */
function placed(layout: Layout) {
  return [
    ...layout.halls,
    ...layout.coolingZones,
    ...layout.substations,
    ...layout.generatorYards,
    ...layout.batteryYards,
    ...layout.coolingPlants,
  ];
}

function failing(layout: Layout, result: ReturnType<typeof generateCampus>) {
  return result.ok ? result.report.checks.filter((c) => c.status === 'fail') : [];
}

describe('generateCampus: 300 MW of Rubin in three phases on the empty parcel', () => {
  const result = generateCampus(EMPTY, { tier: 'rubin', targetMw: 300, phases: 3 });
  if (!result.ok) throw new Error(result.reason);
  const { layout, report } = result;

  it('places whole racks of the flagship just over the target', () => {
    // 300 MW / 227 kW = 1,321.6 → 1,322 Vera Rubin racks = 300.094 MW; 72 GPUs each.
    expect(report.totals.racks).toBe(1322);
    expect(report.totals.itMw).toBeCloseTo(300.094, 6);
    expect(report.totals.gpus).toBe(1322 * 72);
    expect(layout.rackRows.every((r) => r.profile === 'vr-nvl144')).toBe(true);
  });

  it('splits the racks into three phases of 441, 441 and 440 racks, two 60 × 40 m halls each', () => {
    expect(layout.settings.phases.map((p) => p.id)).toEqual(['ph-1', 'ph-2', 'ph-3']);
    const racksOf = (ph: string) =>
      layout.rackRows
        .filter((r) => layout.halls.find((h) => h.id === r.hallId)!.phaseId === ph)
        .reduce((n, r) => n + r.rackCount, 0);
    expect(['ph-1', 'ph-2', 'ph-3'].map(racksOf)).toEqual([441, 441, 440]);
    // A 60 × 40 m hall holds 384 racks (fill-hall rules), so 441 racks take two halls.
    expect(layout.halls).toHaveLength(6);
    expect(layout.halls.every((h) => h.width === 60 && h.depth === 40)).toBe(true);
  });

  it('sizes each phase’s substations for 2N (the Rubin recommendation)', () => {
    // Phase 1: 441 × 227 kW × PUE 1.2 = 120.1 MW, / 0.95 = 126.5 MVA; 90 MVA units (2,400 m² /
    // 25 m² per MVA): 2 carry it, 2N doubles them: 4 per phase, 12 in all.
    expect(layout.settings.redundancy).toBe('2N');
    expect(layout.substations).toHaveLength(12);
    expect(layout.substations.every((s) => s.capacityMva === 90)).toBe(true);
    expect(report.totals.usableMw).toBeCloseTo((0.95 * 12 * 90) / 2, 9);
  });

  it('passes every check of the tier (no fail, no warning)', () => {
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual([]);
    expect(parseLayoutValue(JSON.parse(JSON.stringify(layout))).ok).toBe(true);
  });

  it('gives every phase enough substation and plant capacity for the halls built so far', () => {
    const pue = COOLING_TYPES.dlc.pue.value;
    for (let k = 1; k <= 3; k++) {
      const upTo = (e: { phaseId?: string | null }) => Number(e.phaseId!.slice(3)) <= k;
      const halls = new Set(layout.halls.filter(upTo).map((h) => h.id));
      const itMw =
        layout.rackRows.filter((r) => halls.has(r.hallId)).reduce((n, r) => n + r.rackCount, 0) *
        0.227;
      // 2N: half the installed MVA is firm.
      const usable =
        (0.95 * layout.substations.filter(upTo).reduce((n, s) => n + s.capacityMva, 0)) / 2;
      expect(usable).toBeGreaterThanOrEqual(itMw * pue);
      const plantMw = layout.coolingPlants
        .filter(upTo)
        .reduce((n, p) => n + (p.units - 1) * p.unitMw, 0);
      expect(plantMw).toBeGreaterThanOrEqual(itMw);
      for (const list of [layout.generatorYards, layout.batteryYards, layout.powerFeeders]) {
        expect(list.some((e) => e.phaseId === `ph-${k}`)).toBe(true);
      }
    }
  });

  it('builds phase 1 nearest the substations', () => {
    const subs = layout.substations;
    const cx = subs.reduce((n, s) => n + s.x, 0) / subs.length;
    const cy = subs.reduce((n, s) => n + s.y, 0) / subs.length;
    const meanDist = (ph: string) => {
      const hs = layout.halls.filter((h) => h.phaseId === ph);
      return hs.reduce((n, h) => n + Math.hypot(h.x - cx, h.y - cy), 0) / hs.length;
    };
    expect(meanDist('ph-1')).toBeLessThan(meanDist('ph-2'));
    expect(meanDist('ph-2')).toBeLessThan(meanDist('ph-3'));
  });

  it('is deterministic', () => {
    expect(generateCampus(EMPTY, { tier: 'rubin', targetMw: 300, phases: 3 })).toEqual(result);
  });

  it('closes the fiber spine into rings: a cut in a loop leaves every hall connected', () => {
    const rings = layout.fiberTrenches.filter((t) => t.name.startsWith('Ring'));
    expect(rings.length).toBeGreaterThan(0);
    const street = layout.fiberTrenches.filter((t) => !t.name.startsWith('Lateral'));
    const survives = (cut: (typeof street)[number]) =>
      computeReport({ ...layout, fiberTrenches: layout.fiberTrenches.filter((t) => t !== cut) })
        .domains.length === 1;
    // Every ring stretch closes a loop, so cutting it never splits the campus; neither does
    // cutting a spine stretch of that loop. (Spine branches out to a lone hall stay a tree.)
    expect(rings.every(survives)).toBe(true);
    const spineInLoops = street.filter((t) => t.name.startsWith('Spine') && survives(t));
    expect(spineInLoops.length).toBeGreaterThan(0);
  });
});

describe('generateCampus refuses in one sentence, naming the shortfall', () => {
  it('names what the parcel holds when the target is too big', () => {
    const max = generateCampus(EMPTY, { tier: 'rubin', targetMw: 'max' });
    if (!max.ok) throw new Error(max.reason);
    const r = generateCampus(EMPTY, { tier: 'rubin', targetMw: 5000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fitsMw).toBeCloseTo(max.summary.itMw, 9);
    expect(r.reason).toMatch(
      /^The parcel holds [\d,]+ MW of Rubin at a 30 m setback; 5,000 MW asked\.$/,
    );
  });

  it('asks for at least one training cluster per phase', () => {
    // 10,000 GPUs / 72 per rack = 139 racks × 227 kW = 31.553 MW.
    const r = generateCampus(EMPTY, { tier: 'rubin', targetMw: 20 });
    expect(r.ok ? '' : r.reason).toBe(
      'A Rubin campus needs at least 31.6 MW of Vera Rubin NVL72 (one 10,000-GPU cluster); 20 MW asked.',
    );
  });

  it('refuses a cooling type the tier does not allow, and a redundancy below its minimum', () => {
    const air = generateCampus(EMPTY, { tier: 'blackwell', targetMw: 100, cooling: 'air' });
    expect(air.ok ? '' : air.reason).toBe(
      'The Blackwell tier allows dlc or immersion cooling, not air.',
    );
    const n = generateCampus(EMPTY, { tier: 'rubin', targetMw: 100, redundancy: 'N' });
    expect(n.ok ? '' : n.reason).toBe('The Rubin tier needs at least N+1 redundancy, not N.');
  });

  it('says when nothing fits inside a large setback', () => {
    const r = generateCampus(EMPTY, { tier: 'blackwell', targetMw: 'max', setbackM: 380 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^The parcel holds no Blackwell campus at a 380 m setback/);
  });
});

describe('generateCampus on a concave parcel', () => {
  // An L: 1,200 × 400 m along the top and 400 × 1,200 m down the left.
  const L: Parcel = {
    points: [
      [0, 0],
      [1200, 0],
      [1200, 400],
      [400, 400],
      [400, 1200],
      [0, 1200],
    ],
  };
  it('keeps every element and every feeder and trench inside the L', () => {
    const r = generateCampus(L, { tier: 'blackwell', targetMw: 'max', phases: 2, setbackM: 20 });
    if (!r.ok) throw new Error(r.reason);
    expect(failing(r.layout, r)).toEqual([]);
    const shape = new ParcelShape(L.points);
    for (const e of placed(r.layout)) {
      expect(shape.holds(e)).toBe(true);
      expect(shape.clearance(e)).toBeGreaterThanOrEqual(20);
    }
    for (const line of [...r.layout.powerFeeders, ...r.layout.fiberTrenches]) {
      for (const [x, y] of line.points) expect(shape.contains(x, y, 1e-6)).toBe(true);
    }
    // Halls on both arms of the L.
    expect(r.layout.halls.some((h) => h.x > 500)).toBe(true);
    expect(r.layout.halls.some((h) => h.y > 500)).toBe(true);
  });
});

// ---- Property: random convex and concave parcels, every tier, setbacks, targets, phases. ----

/** A star-shaped polygon (always simple): sorted angles, radii in [minR, 1] × r. */
const parcelArb = fc
  .record({
    concave: fc.boolean(),
    n: fc.integer({ min: 3, max: 12 }),
    r: fc.integer({ min: 250, max: 1100 }),
    aspect: fc.double({ min: 0.5, max: 1, noNaN: true }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }),
  })
  .map(({ concave, n, r, aspect, seed }) => {
    const angles = seed
      .slice(0, n)
      .map((u, i) => ((i + 0.1 + 0.8 * u) / n) * 2 * Math.PI)
      .sort((a, b) => a - b);
    const points = angles.map((a, i): [number, number] => {
      const k = concave && i % 2 === 1 ? 0.35 + 0.4 * seed[12 + i]! : 1;
      return [
        Math.round(1200 + r * k * Math.cos(a)),
        Math.round(1200 + r * aspect * k * Math.sin(a)),
      ];
    });
    return { points } satisfies Parcel;
  });

const optionsArb = fc.record({
  tier: fc.constantFrom(...TIER_IDS),
  target: fc.oneof(fc.constant('max' as const), fc.integer({ min: 1, max: 2500 })),
  setbackM: fc.constantFrom(0, 10, 30, 75),
  phases: fc.integer({ min: 1, max: 4 }),
});

describe('generateCampus property', () => {
  it('every campus validates, clears the setback, fails no check and meets its target; every refusal names the shortfall', () => {
    const seen = { campuses: 0, refusals: 0 };
    fc.assert(
      fc.property(parcelArb, optionsArb, (parcel, o) => {
        const options: GenerateOptions = {
          tier: o.tier,
          targetMw: o.target,
          setbackM: o.setbackM,
          phases: o.phases,
        };
        const r = generateCampus(parcel, options);
        if (!r.ok) {
          seen.refusals++;
          expect(r.reason).not.toMatch(/^The generated/); // the never-expected fallback
          expect(r.reason).toMatch(/\d/);
          expect(r.reason.endsWith('.')).toBe(true);
          if (typeof o.target === 'number' && r.reason.startsWith('The parcel holds ')) {
            expect(r.fitsMw).toBeLessThan(o.target);
            expect(r.reason).toContain(`${o.target.toLocaleString('en-US')} MW asked`);
          }
          return;
        }
        seen.campuses++;
        const { layout, report } = r;
        expect(parseLayoutValue(JSON.parse(JSON.stringify(layout))).ok).toBe(true);
        expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
        expect(layout.settings.targetTier).toBe(o.tier);
        const shape = new ParcelShape(parcel.points);
        for (const e of placed(layout)) {
          expect(shape.holds(e)).toBe(true);
          if (o.setbackM > 0) expect(shape.clearance(e)).toBeGreaterThanOrEqual(o.setbackM);
        }
        for (const line of [...layout.powerFeeders, ...layout.fiberTrenches]) {
          for (const [x, y] of line.points) expect(shape.contains(x, y, 1e-6)).toBe(true);
        }
        if (typeof o.target === 'number') {
          expect(report.totals.itMw).toBeGreaterThanOrEqual(o.target - 1e-9);
          expect(report.totals.itMw).toBeLessThanOrEqual(o.target * 1.05 + 1e-9);
        }
        expect(layout.settings.phases).toHaveLength(o.phases);
        // Every phase has racks (a campus is never empty).
        for (const ph of layout.settings.phases) {
          expect(layout.halls.some((h) => h.phaseId === ph.id)).toBe(true);
        }
        expect(report.totals.gpus).toBeGreaterThanOrEqual(
          o.phases * TIERS[o.tier].clusterGpus.value,
        );
      }),
      { numRuns: 60, seed: 14 },
    );
    // Both branches ran often enough to mean something.
    expect(seen.campuses).toBeGreaterThanOrEqual(15);
    expect(seen.refusals).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
