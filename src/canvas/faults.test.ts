import { describe, expect, it } from 'vitest';
import { createHall, createFiberTrench } from '../domain';
import { layoutOf } from '../domain/report/testing';
import type { Report } from '../domain/report/types';
import { faultOutlines, MAX_DRAWN_FAULTS, visibleFaults } from './faults';

/** A report whose one failing check names `ids` (all that faultOutlines reads of a report). */
const failing = (ids: string[]) =>
  ({
    checks: [{ id: 'geometry', status: 'fail', message: '', elementIds: ids }],
  }) as unknown as Report;

describe('fault outlines: only what is on screen, at most 1,000', () => {
  // 50 × 50 halls of 10 × 10 m on a 20 m grid: x and y from 0 to 980 m.
  const halls = Array.from({ length: 2500 }, (_, i) =>
    createHall(
      `hall-${i + 1}`,
      { x: (i % 50) * 20, y: Math.floor(i / 50) * 20 },
      { width: 10, depth: 10 },
    ),
  );
  const trench = createFiberTrench('tr-1', [
    [0, 0],
    [500, 0],
  ]);
  const layout = layoutOf({ halls, fiberTrenches: [trench] });
  const all = faultOutlines(layout, failing([...halls.map((h) => h.id), 'tr-1', 'no-such-id']));

  it('builds one outline per faulted element found, with its box', () => {
    expect(all.ids).toHaveLength(2501);
    expect(all.outlines).toHaveLength(2501);
    // hall-1: centre (0, 0), 10 × 10 m → box −5…5.
    expect(all.outlines[0]!.box).toEqual({ minX: -5, minY: -5, maxX: 5, maxY: 5 });
    expect(all.outlines[0]!.closed).toBe(true);
    expect(all.outlines.at(-1)).toMatchObject({ closed: false, box: { minX: 0, maxX: 500 } });
  });

  it('a view of 100 × 100 m draws only the halls and trench it meets', () => {
    // x and y from 100 to 200 m: hall centres 100, 120 … 200 → 6 × 6 = 36 halls (edges within
    // 5 m count too: 90…210 reaches no further centre), and the trench along y = 0 is off screen.
    const { drawn, hidden } = visibleFaults(all.outlines, {
      minX: 100,
      minY: 100,
      maxX: 200,
      maxY: 200,
    });
    expect(drawn).toHaveLength(36);
    expect(hidden).toBe(0);
  });

  it(`a view of everything draws ${MAX_DRAWN_FAULTS} and counts the rest`, () => {
    const { drawn, hidden } = visibleFaults(all.outlines, {
      minX: -10,
      minY: -10,
      maxX: 1000,
      maxY: 1000,
    });
    expect(drawn).toHaveLength(MAX_DRAWN_FAULTS);
    expect(hidden).toBe(2501 - MAX_DRAWN_FAULTS);
  });

  it('no failing check, no outline', () => {
    expect(faultOutlines(layout, failing([]))).toEqual({ ids: [], outlines: [] });
  });
});
