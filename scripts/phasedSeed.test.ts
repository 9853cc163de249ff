import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayoutText } from '../src/domain/format';
import { computeReport, layoutAsOfPhase } from '../src/domain/report';
import { SEEDS_DIR } from './build-seeds';

/** The phased seed as the app loads it: the committed file, through the v2 schema. */
function phasedSeed() {
  const loaded = parseLayoutText(readFileSync(join(SEEDS_DIR, 'phased-300mw.json'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.layout;
}

describe('seed phased-300mw: energization follows the grid', () => {
  const layout = phasedSeed();
  const report = computeReport(layout);

  it('is a version 2 file with four dated horizons of one 76.8 MW hall each (384 racks × 200 kW)', () => {
    expect(layout.version).toBe(2);
    expect(layout.settings.phases.map((p) => [p.name, p.energize])).toEqual([
      ['Horizon 1', '2026-04'],
      ['Horizon 2', '2026-10'],
      ['Horizon 3', '2027-04'],
      ['Horizon 4', '2028-04'],
    ]);
    expect(report.phases.map((p) => Math.round(p.itMw * 10) / 10)).toEqual([
      76.8, 153.6, 230.4, 307.2,
    ]);
  });

  it('fails phase-power on Horizon 3 only: 3 × 76.8 × 1.2 = 276.48 MW > 0.95 × 400 / 2 = 190 MW until yards 3 and 4 arrive in Horizon 4', () => {
    expect(report.phases.map((p) => p.usableMw)).toEqual([190, 190, 190, 380]);
    const c = report.checks.find((x) => x.id === 'phase-power')!;
    expect(c.status).toBe('fail');
    expect(c.message).toMatch(
      /^Phase 3 “Horizon 3” \(energized 2027-04\): facility 276\.5 MW > 190 MW usable/,
    );
    expect(c.message).toContain('Phase 4 “Horizon 4”');
    expect(c.elementIds).toEqual(['hall-3']);
    expect(report.checks.filter((x) => x.status !== 'pass').map((x) => x.id)).toEqual([
      'phase-power',
    ]);
  });

  it('the finished campus and Horizon 2 have their power; moving yards 3 and 4 to Horizon 3 fixes it', () => {
    expect(computeReport(layoutAsOfPhase(layout, 1)).summary.fail).toBe(0);
    const fixed = {
      ...layout,
      substations: layout.substations.map((s) =>
        s.phaseId === 'ph-4' ? { ...s, phaseId: 'ph-3' } : s,
      ),
    };
    expect(computeReport(fixed).summary.fail).toBe(0);
  });

  it('prices every phase and pays back the facility on its lease revenue', () => {
    expect(report.phases.every((p) => p.capexUsd > 0)).toBe(true);
    expect(report.totals.capexPerItMwUsd).toBeGreaterThan(7_000_000);
    expect(report.totals.capexPerItMwUsd).toBeLessThan(12_000_000);
    expect(report.totals.paybackYears).toBeGreaterThan(3);
  });
});
