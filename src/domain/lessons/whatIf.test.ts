import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TIER_IDS } from '../catalog';
import { computeReport } from '../report';
import { smallTraditionalCampus } from './testLayout';
import { retargetDiff } from './whatIf';

// The real computeReport, counted: a precomputed report must save a check of the layout.
vi.mock('../report', async (importOriginal) => {
  const real = await importOriginal<typeof import('../report')>();
  return { ...real, computeReport: vi.fn(real.computeReport) };
});
const computed = vi.mocked(computeReport);

describe('retargetDiff with precomputed reports', () => {
  const layout = smallTraditionalCampus();
  beforeEach(() => {
    computed.mockClear();
  });

  it('gives the same flips with the before report given as without, for every pair of tiers', () => {
    for (const from of TIER_IDS) {
      const before = computeReport(layout, { tier: from });
      for (const to of TIER_IDS) {
        const plain = retargetDiff(layout, from, to);
        expect(retargetDiff(layout, from, to, { before }), `${from} → ${to}`).toEqual(plain);
        const after = computeReport(layout, { tier: to });
        expect(retargetDiff(layout, from, to, { before, after })).toEqual(plain);
      }
    }
    expect(retargetDiff(layout, 'traditional', 'blackwell')).not.toEqual([]);
  });

  it('checks the layout only for the tier it has no report of', () => {
    const before = computeReport(layout, { tier: 'traditional' });
    const after = computeReport(layout, { tier: 'blackwell' });
    computed.mockClear();
    retargetDiff(layout, 'traditional', 'blackwell');
    expect(computed).toHaveBeenCalledTimes(2);
    computed.mockClear();
    retargetDiff(layout, 'traditional', 'blackwell', { before });
    expect(computed).toHaveBeenCalledTimes(1);
    expect(computed).toHaveBeenCalledWith(layout, { tier: 'blackwell' });
    computed.mockClear();
    retargetDiff(layout, 'traditional', 'blackwell', { before, after });
    expect(computed).not.toHaveBeenCalled();
    computed.mockClear();
    expect(retargetDiff(layout, 'hopper', 'hopper')).toEqual([]);
    expect(computed).not.toHaveBeenCalled();
  });

  it('ignores a given report of another tier than the one it stands for', () => {
    const wrong = computeReport(layout, { tier: 'blackwell' });
    const plain = retargetDiff(layout, 'traditional', 'blackwell');
    expect(retargetDiff(layout, 'traditional', 'blackwell', { before: wrong })).toEqual(plain);
    const wrongAfter = computeReport(layout, { tier: 'traditional' });
    expect(retargetDiff(layout, 'traditional', 'blackwell', { after: wrongAfter })).toEqual(plain);
  });
});
