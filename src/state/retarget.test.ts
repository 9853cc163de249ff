import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { smallTraditionalCampus } from '../domain/lessons/testLayout';
import { computeReport } from '../domain/report';
import { createRetargetCache } from './useReport';

describe('retargetedReport', () => {
  const retargetedReport = createRetargetCache();
  const layout = smallTraditionalCampus();

  it('is the layout checked against the tier, memoised by (document, tier)', () => {
    const blackwell = retargetedReport(layout, 'blackwell');
    expect(blackwell).toEqual(computeReport(layout, { tier: 'blackwell' }));
    expect(blackwell.targetTier).toBe('blackwell');
    const hopper = retargetedReport(layout, 'hopper');
    expect(hopper.targetTier).toBe('hopper');
    expect(retargetedReport(layout, 'blackwell')).toBe(blackwell);
    expect(retargetedReport(layout, 'hopper')).toBe(hopper);
  });

  it('computes afresh for a new document version', () => {
    const before = retargetedReport(layout, 'blackwell');
    const next = produce(layout, (d) => void (d.rackRows[0]!.rackCount -= 1));
    const after = retargetedReport(next, 'blackwell');
    expect(after).not.toBe(before);
    expect(after).toEqual(computeReport(next, { tier: 'blackwell' }));
    expect(after.totals.racks).toBe(before.totals.racks - 1);
  });
});
