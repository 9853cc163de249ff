import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../report';
import { layoutOf } from '../report/testing';
import {
  createHall,
  createRackRow,
  hallRectToCampus,
  rectInsideRect,
  rectsOverlap,
  rowRectInHall,
  type RackRow,
} from '../index';
import { fillHallFormSchema, planHallRows, rowsDepthM } from './fillHall';

/** All white space (no support band), so the hand counts below use the whole 40 × 20 m. */
const hall40x20 = createHall(
  'hall-1',
  { x: 100, y: 100 },
  { width: 40, depth: 20, rowPowerMw: 1.5, whiteSpaceFraction: 1 },
);

describe('planHallRows', () => {
  it('fills a 40 × 20 m hall with 1.2 m deep air racks (hand count)', () => {
    // Depth: 20 − 2 × 1 m wall clearance = 18 m for rows. Rows are 1.2 m deep with aisles
    // alternating cold 1.22, hot 0.91, cold … between them:
    //   8 rows: 8 × 1.2 + 4 cold × 1.22 + 3 hot × 0.91 = 9.6 + 4.88 + 2.73 = 17.21 m ≤ 18 ✓
    //   9 rows: 9 × 1.2 + 4 × 1.22 + 4 × 0.91           = 10.8 + 4.88 + 3.64 = 19.32 m > 18 ✗
    // Width: 40 − 2 × 1 m end clearance = 38 m. HPC air racks are 0.6 m wide at 25 kW; the row
    // power 1.5 MW allows 60 racks, so the cap of 20 per row applies. Rows per line, with 1.2 m
    // cross aisles:  1 row: 20 racks; 2 rows: (38 − 1.2) / 1.2 = 30.7 → 20 each = 40;
    //   3 rows: (38 − 2.4) / 1.8 = 19.8 → 19 each = 57;  4 rows: (38 − 3.6) / 2.4 = 14.3 → 14 = 56.
    // So 3 rows of 19 per line: 8 × 3 = 24 rows, 24 × 19 = 456 racks, 456 × 25 kW = 11.4 MW.
    const plan = planHallRows(hall40x20, {
      profile: 'hpc-air',
      coldAisleM: 1.22,
      hotAisleM: 0.91,
      wallClearanceM: 1,
      endClearanceM: 1,
    });
    expect(plan.summary).toMatchObject({
      rows: 24,
      racks: 456,
      lines: 8,
      rowsPerLine: 3,
      racksPerRow: 19,
      limitedBy: 'rack-cap',
      problem: null,
    });
    expect(plan.summary.itMw).toBeCloseTo(11.4, 9);
    expect(rowsDepthM(8, 1.2, 1.22, 0.91)).toBeCloseTo(17.21, 9);

    // Centred: the 17.21 m block starts at (20 − 17.21) / 2 = 1.395 m, so the first line's
    // centre is at 1.995; the next is 1.2 + 1.22 further (cold aisle), the third 1.2 + 0.91
    // (hot aisle). A line is 3 × 11.4 + 2 × 1.2 = 36.6 m long, from x = 1.7: centres 7.4, 20, 32.6.
    const ys = [...new Set(plan.rows.map((r) => r.y.toFixed(4)))].map(Number);
    expect(ys.slice(0, 3)).toEqual([1.995, 4.415, 6.525]);
    expect(ys).toHaveLength(8);
    expect(plan.rows.slice(0, 3).map((r) => r.x)).toEqual([
      expect.closeTo(7.4, 9),
      expect.closeTo(20, 9),
      expect.closeTo(32.6, 9),
    ]);
    // Lines alternate facing: 0 and 1 face each other across the cold aisle.
    expect(plan.rows.map((r) => r.rotation).filter((_, i) => i % 3 === 0)).toEqual([
      0, 180, 0, 180, 0, 180, 0, 180,
    ]);
    // Symmetric about the hall's centre line.
    expect(ys[0]! + ys[7]!).toBeCloseTo(20, 9);
  });

  it('limits NVL72 rows by the hall row power and puts an in-row CDU in each row', () => {
    // 1.2 MW rows of 142 kW GB300 racks: 1200 / 142 = 8.5 → at most 8 racks (1.136 MW) per row,
    // and one 1.5 MW in-row CDU (one rack position) per row of up to 10 such racks.
    // Width 38 m, 1.2 m cross aisles, positions = racks + 1 CDU, 0.6 m each:
    //   5 rows: (38 − 4.8) / 5 = 6.64 m → 11 positions → 8 racks + 1 CDU → 40 racks;
    //   6 rows: (38 − 6) / 6 = 5.33 m → 8 positions → 7 racks + 1 CDU → 42;
    //   7 rows: (38 − 7.2) / 7 = 4.4 m → 7 positions → 6 + 1 → 42 (a tie: fewer rows win);
    //   8 rows: (38 − 8.4) / 8 = 3.7 m → 6 positions → 5 + 1 → 40.
    // So 6 rows of 7 racks and 1 CDU per line; depth as above: 8 lines → 48 rows, 336 racks.
    const hall = { ...hall40x20, rowPowerMw: 1.2 };
    const plan = planHallRows(hall, {
      profile: 'gb300-nvl72',
      coldAisleM: 1.22,
      hotAisleM: 0.91,
      wallClearanceM: 1,
      endClearanceM: 1,
      rackCountPerRow: 20,
    });
    expect(plan.summary.limitedBy).toBe('row-power');
    expect(plan.summary.racksPerRow).toBe(7);
    expect(plan.summary.cdusPerRow).toBe(1);
    expect(plan.summary.rowsPerLine).toBe(6);
    expect(plan.summary.rows).toBe(48);
    expect(plan.summary.racks).toBe(336);
    expect(plan.summary.cdus).toBe(48);
    for (const r of plan.rows) {
      expect(r.rackCount * 142).toBeLessThanOrEqual(1200);
      expect(r.cduCount).toBe(1);
    }
    // Air racks get no CDUs, and their rows carry no cduCount.
    const air = planHallRows(hall40x20, { profile: 'hpc-air', coldAisleM: 1.2, hotAisleM: 1.2 });
    expect(air.summary.cdus).toBe(0);
    expect(air.rows.every((r) => r.cduCount === undefined)).toBe(true);
  });

  it('uses the given kW per rack for the row-power limit and keeps it on the rows', () => {
    // 1500 / 150 = 10 racks per row at most.
    const plan = planHallRows(hall40x20, {
      profile: 'gb200-nvl72',
      kwPerRack: 150,
      coldAisleM: 1.22,
      hotAisleM: 0.91,
      rackCountPerRow: 10,
    });
    expect(plan.summary.racksPerRow).toBeLessThanOrEqual(10);
    expect(plan.rows.every((r) => r.kwPerRack === 150)).toBe(true);
    expect(plan.summary.itMw).toBeCloseTo((plan.summary.racks * 150) / 1000, 9);
  });

  it('says why nothing fits', () => {
    const tiny = { width: 40, depth: 2, rowPowerMw: 1.5 };
    expect(
      planHallRows(tiny, { profile: 'hpc-air', coldAisleM: 1.22, hotAisleM: 0.91 }).summary.problem,
    ).toMatch(/too shallow/);
    const weak = { width: 40, depth: 20, rowPowerMw: 0.1 };
    const p = planHallRows(weak, { profile: 'gb300-nvl72', coldAisleM: 1.22, hotAisleM: 0.91 });
    expect(p.rows).toEqual([]);
    expect(p.summary.problem).toBe("one 142 kW rack exceeds the hall's row power of 0.1 MW");
  });

  it('leaves out rows that would overlap rows already in the hall', () => {
    const options = { profile: 'hpc-air' as const, coldAisleM: 1.22, hotAisleM: 0.91 };
    const all = planHallRows(hall40x20, options);
    const existing = createRackRow('old', 'hall-1', { x: 20, y: 10 }, { rackCount: 4 });
    const rest = planHallRows(hall40x20, { ...options, avoid: [rowRectInHall(existing)] });
    expect(rest.summary.skipped).toBeGreaterThan(0);
    expect(rest.rows.length + rest.summary.skipped).toBe(all.rows.length);
  });

  it('skips exactly the planned rows an existing row overlaps (rotated and scattered ones too)', () => {
    const options = { profile: 'hpc-air' as const, coldAisleM: 1.22, hotAisleM: 0.91 };
    const all = planHallRows(hall40x20, options);
    const rect = (r: (typeof all.rows)[number]) => ({
      x: r.x,
      y: r.y,
      width: r.rackCount * 0.6,
      depth: 1.2,
      rotation: r.rotation,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: 0, max: 40, noNaN: true }),
            y: fc.double({ min: 0, max: 20, noNaN: true }),
            width: fc.double({ min: 0.3, max: 15, noNaN: true }),
            depth: fc.double({ min: 0.3, max: 3, noNaN: true }),
            rotation: fc.constantFrom(0, 90, 180, 33, 45),
          }),
          { maxLength: 12 },
        ),
        (avoid) => {
          const plan = planHallRows(hall40x20, { ...options, avoid });
          const kept = all.rows.filter((r) => !avoid.some((a) => rectsOverlap(a, rect(r))));
          expect(plan.rows).toEqual(kept);
          expect(plan.summary.skipped).toBe(all.rows.length - kept.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops at the row limit: a 5 km hall would be 834,971 rows, so it gets none and a reason', () => {
    const options = { profile: 'gb300-nvl72' as const, coldAisleM: 1.22, hotAisleM: 0.91 };
    const huge = planHallRows({ width: 5000, depth: 5000, rowPowerMw: 10 }, options);
    expect(huge.rows).toEqual([]);
    expect(huge.summary).toMatchObject({
      rows: 0,
      racks: 0,
      problem: 'would place more than 200,000 rows: make the hall smaller',
    });
    // 20 km (13 million rows) is refused as promptly, without building them.
    const vast = planHallRows({ width: 20_000, depth: 20_000, rowPowerMw: 10 }, options);
    expect(vast.summary.problem).toBe('would place more than 200,000 rows: make the hall smaller');
    // The caller's limit (room left in the file): 24 rows fit a limit of 24, not of 23.
    const opts = { profile: 'hpc-air' as const, coldAisleM: 1.22, hotAisleM: 0.91 };
    expect(planHallRows(hall40x20, { ...opts, limit: 24 }).summary).toMatchObject({
      rows: 24,
      problem: null,
    });
    expect(planHallRows(hall40x20, { ...opts, limit: 23 })).toMatchObject({
      rows: [],
      summary: { rows: 0, problem: 'would place more than 23 rows: make the hall smaller' },
    });
    // Rows skipped for existing ones do not count: one 4-rack row blocks some of the 24.
    const existing = createRackRow('old', 'hall-1', { x: 20, y: 10 }, { rackCount: 4 });
    const rest = planHallRows(hall40x20, { ...opts, avoid: [rowRectInHall(existing)] });
    const limited = planHallRows(hall40x20, {
      ...opts,
      avoid: [rowRectInHall(existing)],
      limit: rest.rows.length,
    });
    expect(limited.rows).toEqual(rest.rows);
    expect(
      planHallRows(hall40x20, {
        ...opts,
        avoid: [rowRectInHall(existing)],
        limit: rest.rows.length - 1,
      }).summary.problem,
    ).toMatch(/^would place more than/);
  });

  it('plans rows that stay inside the hall, do not overlap, and pass the report checks', () => {
    const hall = createHall('h', { x: 300, y: 200 }, { width: 110, depth: 50, rotation: 30 });
    const plan = planHallRows(hall, {
      profile: 'gb300-nvl72',
      coldAisleM: 1.22,
      hotAisleM: 0.91,
    });
    const rows: RackRow[] = plan.rows.map((p, i) => ({ ...p, id: `r-${i}`, hallId: 'h' }));
    const hallRect = { ...hall, x: hall.width / 2, y: hall.depth / 2, rotation: 0 };
    for (const [i, r] of rows.entries()) {
      expect(rectInsideRect(hallRect, rowRectInHall(r))).toBe(true);
      for (const o of rows.slice(i + 1)) {
        expect(rectsOverlap(rowRectInHall(r), rowRectInHall(o))).toBe(false);
      }
      expect(hallRectToCampus(hall, rowRectInHall(r)).rotation % 30).toBeCloseTo(0, 9);
    }
    const report = computeReport(layoutOf({ halls: [hall], rackRows: rows }));
    for (const id of ['row-power', 'geometry'] as const) {
      const bad = report.checks.filter((c) => c.id === id && c.status === 'fail');
      expect(bad).toEqual([]);
    }
    expect(report.totals.racks).toBe(plan.summary.racks);
    expect(report.totals.itMw).toBeCloseTo(plan.summary.itMw, 9);
  });
});

describe('fillHallFormSchema', () => {
  it('accepts the defaults and refuses out-of-range aisles with a message', () => {
    const ok = fillHallFormSchema.safeParse({
      profile: 'gb300-nvl72',
      kwPerRack: 135,
      coldAisleM: 1.22,
      hotAisleM: 0.91,
      rackCountPerRow: null,
    });
    expect(ok.success).toBe(true);
    const bad = fillHallFormSchema.shape.coldAisleM.safeParse(0.1);
    expect(bad.error?.issues[0]?.message).toBe('must be from 0.6 to 10 m');
  });
});
