import { describe, expect, test } from 'vitest';
import type { FiberTrench, Hall } from '../kinds';
import { domainWork } from './fiberDistance';
import { overlapWork, scanOverlaps } from './land';
import { computeReport } from './computeReport';
import { layoutOf, runCheck } from './testing';

const ROW = {
  x: 2,
  y: 2,
  rotation: 0,
  rackCount: 1,
  profile: 'hpc-air',
  kwPerRack: null,
  massKg: null,
} as const;

const hall = (i: number, x = 0, y = 0, width = 50): Hall => ({
  id: `h${i}`,
  name: '',
  x,
  y,
  width,
  depth: 30,
  rotation: 0,
  floorRatingKpa: 12,
  rowPowerMw: 5,
});

describe('generated worst cases: work grows about linearly', () => {
  test('10,000 stacked identical halls: the overlap check counts n(n-1)/2 pairs without listing them', () => {
    const halls = Array.from({ length: 10_000 }, (_, i) => hall(i));
    const before = overlapWork.visits;
    const c = runCheck(layoutOf({ halls }), 'overlap');
    expect(overlapWork.visits - before).toBe(0); // one group: nothing to sweep
    expect(c.status).toBe('fail');
    expect(c.message).toBe('H0 overlaps h1 (+49,994,999 pairs)');
    expect(c.elementIds).toHaveLength(1000);
  });

  test('stacked halls of mixed sizes: work capped by the budget, the count marked as a lower bound', () => {
    const halls = Array.from({ length: 4000 }, (_, i) => hall(i, 0, 0, 10 + i * 0.01));
    const scan = scanOverlaps(halls, 100_000);
    expect(scan.complete).toBe(false);
    expect(scan.count).toBe(100_000);
  });

  // Halls within reach of each other form few domains, so the greedy rule itself compares
  // members with candidates (k²/2); the graph work is one bounded Dijkstra per hall.
  test('a mesh of small halls: one Dijkstra per hall, no pair table', () => {
    const work = (side: number) => {
      const halls: Hall[] = [];
      const fiberTrenches: FiberTrench[] = [];
      for (let i = 0; i < side; i++) {
        fiberTrenches.push({
          id: `tx${i}`,
          name: '',
          fiberCount: 12,
          points: Array.from({ length: side }, (_, j) => [j * 40, i * 40]),
        });
        fiberTrenches.push({
          id: `ty${i}`,
          name: '',
          fiberCount: 12,
          points: Array.from({ length: side }, (_, j) => [i * 40, j * 40]),
        });
      }
      for (let i = 0; i < side * side; i++)
        halls.push({ ...hall(i, (i % side) * 40, Math.floor(i / side) * 40, 4), depth: 4 });
      const rackRows = halls.map((h, i) => ({
        ...ROW,
        id: `r${i}`,
        hallId: h.id,
      }));
      const before = domainWork.settled;
      const r = computeReport(layoutOf({ halls, fiberTrenches, rackRows }));
      expect(r.domains.reduce((n, d) => n + d.hallIds.length, 0)).toBe(side * side);
      return domainWork.settled - before;
    };
    // One run per hall over at most the whole mesh (side² nodes).
    expect(work(30)).toBeLessThanOrEqual(900 * 900);
  });
});
