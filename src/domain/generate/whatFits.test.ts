import { describe, expect, it } from 'vitest';
import { TIER_IDS } from '../catalog';
import { defaultParcel, SQ_M_PER_ACRE } from '../kinds';
import { generateCampus } from './generateCampus';
import { whatFits } from './whatFits';

describe('whatFits', () => {
  const parcel = defaultParcel(); // 1,000 × 800 m = 80 ha ≈ 197.7 acres
  const rows = whatFits(parcel, { setbackM: 30 });

  it('gives one row per tier, each the generator’s largest campus for that tier', () => {
    expect(rows.map((r) => r.tier)).toEqual([...TIER_IDS]);
    for (const row of rows) {
      const r = generateCampus(parcel, row.options);
      if (!r.ok) throw new Error(r.reason);
      expect(row.itMw).toBe(r.report.totals.itMw);
      expect(row.racks).toBe(r.report.totals.racks);
      expect(row.halls).toBe(r.layout.halls.length);
      expect(row.gpus).toBe(r.report.totals.gpus);
      // MW per acre is the IT over the parcel's 800,000 m².
      expect(row.itMwPerAcre).toBeCloseTo(row.itMw / (800_000 / SQ_M_PER_ACRE), 9);
      expect(row.reason).toBeNull();
    }
  });

  it('uses no water with dry coolers and some with cooling towers', () => {
    expect(rows.every((r) => r.waterM3PerYear === 0)).toBe(true);
    const towers = whatFits(parcel, { setbackM: 30, plant: 'chiller-tower' });
    // WUE 1.8 L/kWh: water m³ = IT MW × 8,760 h × 0.8 × 1.8.
    for (const r of towers) expect(r.waterM3PerYear).toBeCloseTo(r.itMw * 8760 * 0.8 * 1.8, 3);
  });

  it('gives the reason when a tier fits nothing', () => {
    const tiny = whatFits(defaultParcel(150, 100), { setbackM: 10 });
    for (const r of tiny) {
      expect(r.itMw).toBe(0);
      expect(r.reason).toMatch(/^The parcel holds no .* campus at a 10 m setback/);
    }
  });
});
