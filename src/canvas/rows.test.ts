import { describe, expect, it } from 'vitest';
import { createRackRow } from '../domain';
import { drawRows, rowGeoms, rowsBlock } from './rows';
import { KW_BANDS } from './palette';

/** Records the calls the row drawing makes. */
function recordingContext() {
  const calls: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get:
        (_t, prop: string) =>
        (...args: unknown[]) =>
          calls.push(`${prop}(${args.length})`),
      set: (_t, prop: string) => {
        calls.push(`set ${prop}`);
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

const everything = { minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 };

describe('rows drawn by their hall', () => {
  const rows = [
    createRackRow('r1', 'h', { x: 10, y: 5 }, { rackCount: 8, profile: 'gb300-nvl72' }),
    createRackRow('r2', 'h', { x: 10, y: 9 }, { rackCount: 8, profile: 'gb300-nvl72' }),
    createRackRow(
      'r3',
      'h',
      { x: 40, y: 5 },
      { rackCount: 20, profile: 'enterprise-air', kwPerRack: 10 },
    ),
  ];
  const geoms = rowGeoms(rows);

  it('fills all rows of one colour with one path, and skips rack divisions when racks are tiny', () => {
    const { ctx, calls } = recordingContext();
    expect(drawRows(ctx, geoms, everything, 1)).toBe(3);
    expect(calls.filter((c) => c === 'fill(0)')).toHaveLength(2); // two kW bands
    expect(calls.filter((c) => c === 'stroke(0)')).toHaveLength(0); // 0.6 m racks at 1 px/m
  });

  it('divides racks once they are a few pixels wide', () => {
    const { ctx, calls } = recordingContext();
    drawRows(ctx, geoms, everything, 20);
    expect(calls.filter((c) => c === 'stroke(0)')).toHaveLength(2);
    // 7 divisions in each 8-rack row and 19 in the 20-rack row, plus the outlines.
    expect(calls.filter((c) => c === 'moveTo(2)')).toHaveLength(7 + 7 + 19);
  });

  it('skips rows outside the view', () => {
    const { ctx } = recordingContext();
    expect(drawRows(ctx, geoms, { minX: 30, minY: 0, maxX: 60, maxY: 20 }, 1)).toBe(1);
  });

  it('divides only the racks in view: a row half in view gets half its divisions', () => {
    const { ctx, calls } = recordingContext();
    const r3 = geoms[2]!;
    const positions = r3.racks + r3.cdus;
    const rackW = r3.length / positions;
    // The view starts at the row's middle (x = 40): divisions at x ≥ 40 only.
    drawRows(ctx, [r3], { minX: 40, minY: 0, maxX: 60, maxY: 20 }, 20);
    const inView = Array.from(
      { length: positions - 1 },
      (_, i) => 40 - r3.length / 2 + (i + 1) * rackW,
    ).filter((x) => x >= 40 - 1e-9).length;
    expect(inView).toBeLessThan(positions - 1);
    expect(calls.filter((c) => c === 'moveTo(2)')).toHaveLength(inView);
  });

  it('stands in for rows too thin to see with one block: their box, in the band of most racks', () => {
    const block = rowsBlock(geoms)!;
    expect(block.box.minX).toBeCloseTo(Math.min(...geoms.map((g) => g.box.minX)), 9);
    expect(block.box.maxX).toBeCloseTo(Math.max(...geoms.map((g) => g.box.maxX)), 9);
    // 16 racks at 100–160 kW against 20 at ≤ 15 kW: the block is in the ≤ 15 kW colour.
    expect(KW_BANDS[block.band]!.label).toBe('≤ 15 kW');
    expect(block.rowDepth).toBe(Math.max(...geoms.map((g) => g.depth)));
    expect(rowsBlock([])).toBeNull();
  });

  it('colours rows by kW per rack band', () => {
    expect(geoms.map((g) => KW_BANDS[g.band]!.label)).toEqual([
      '100–160 kW',
      '100–160 kW',
      '≤ 15 kW',
    ]);
  });

  it('rotated rows are drawn as polygons', () => {
    const turned = rowGeoms([createRackRow('r', 'h', { x: 0, y: 0 }, { rotation: 30 })]);
    const { ctx, calls } = recordingContext();
    drawRows(ctx, turned, everything, 1);
    expect(calls).toContain('closePath(0)');
    expect(calls).not.toContain('rect(4)');
  });
});
