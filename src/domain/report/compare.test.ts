import { describe, expect, it } from 'vitest';
import { smallTraditionalCampus } from '../lessons/testLayout';
import { diffChecks } from '../lessons/whatIf';
import type { Layout } from '../model';
import {
  COMPARE_FIGURES,
  compareReports,
  showDelta,
  showFigure,
  verdictOf,
  type CompareFigure,
  type FigureRow,
} from './compare';
import { computeReport } from './computeReport';

const rowOf = (rows: readonly FigureRow[], id: string): FigureRow => {
  const r = rows.find((x) => x.figure.id === id);
  if (!r) throw new Error(`no figure ${id}`);
  return r;
};

/** The small campus with its second row of 20 × 10 kW racks taken out: 0.2 MW IT instead of 0.4. */
function oneRowFewer(): Layout {
  const l = smallTraditionalCampus();
  return { ...l, rackRows: l.rackRows.slice(0, 1) };
}

describe('verdictOf', () => {
  it('says better, worse, equal or changed by the figure’s better way', () => {
    expect(verdictOf(1, 2, 'higher')).toBe('better');
    expect(verdictOf(2, 1, 'higher')).toBe('worse');
    expect(verdictOf(1, 2, 'lower')).toBe('worse');
    expect(verdictOf(2, 1, 'lower')).toBe('better');
    expect(verdictOf(1, 2, 'neither')).toBe('changed');
    expect(verdictOf(5, 5, 'higher')).toBe('equal');
    // A sum computed in another order is still equal.
    expect(verdictOf(0.1 + 0.2, 0.3, 'lower')).toBe('equal');
    expect(verdictOf(null, null, 'lower')).toBe('equal');
    expect(verdictOf(null, 3, 'lower')).toBe('changed');
  });
});

describe('compareReports', () => {
  const a = computeReport(smallTraditionalCampus());
  const b = computeReport(oneRowFewer());

  it('lists every figure with both values and B − A, hand-checked on a row taken out', () => {
    const c = compareReports(a, b);
    expect(c.figures.map((r) => r.figure.id)).toEqual(COMPARE_FIGURES.map((f) => f.id));
    // 40 racks × 10 kW = 0.4 MW against 20 × 10 kW = 0.2 MW.
    const it = rowOf(c.figures, 'itMw');
    expect(it.a).toBeCloseTo(0.4, 9);
    expect(it.b).toBeCloseTo(0.2, 9);
    expect(it.delta).toBeCloseTo(-0.2, 9);
    expect(it.verdict).toBe('worse');
    const racks = rowOf(c.figures, 'racks');
    expect([racks.a, racks.b, racks.delta, racks.verdict]).toEqual([40, 20, -20, 'changed']);
    // Same parcel (1,000 × 800 m = 80 ha), same substations.
    const land = rowOf(c.figures, 'parcelArea');
    expect([land.a, land.b, land.verdict]).toEqual([80, 80, 'equal']);
    expect(rowOf(c.figures, 'installedMva').verdict).toBe('equal');
    // Half the IT load on the same 20 MVA: more headroom, which is better.
    expect(rowOf(c.figures, 'powerHeadroomMw').verdict).toBe('better');
    const n = c.count;
    expect(n.better + n.worse + n.equal + n.changed).toBe(COMPARE_FIGURES.length);
  });

  it('finds no difference between a report and itself', () => {
    const c = compareReports(a, a);
    expect(c.changedChecks).toEqual([]);
    expect(c.figures.every((r) => r.verdict === 'equal')).toBe(true);
    expect(c.checks.map((x) => x.id)).toEqual(a.checks.map((x) => x.id));
  });

  it('lists the checks whose status differs, the same as the What-if lesson', () => {
    const t = computeReport(smallTraditionalCampus(), { tier: 'traditional' });
    const bw = computeReport(smallTraditionalCampus(), { tier: 'blackwell' });
    const c = compareReports(t, bw);
    expect(c.changedChecks.length).toBeGreaterThan(0);
    expect(c.changedChecks.every((x) => x.before !== x.after)).toBe(true);
    expect(c.changedChecks.map((x) => x.id)).toContain('tier-floor');
    expect(
      c.changedChecks.map((x) => [x.id, x.before, x.after]),
      'the lesson reads its flips from the same comparison',
    ).toEqual(diffChecks(t, bw).map((f) => [f.id, f.before, f.after]));
  });

  it('takes any list of figures: a new figure is one more definition', () => {
    const halls: CompareFigure = {
      id: 'hallCount',
      group: 'Test',
      label: 'Halls',
      unit: '',
      decimals: 0,
      better: 'higher',
      get: (r) => r.halls.length,
    };
    const c = compareReports(a, b, [halls]);
    expect(c.figures).toHaveLength(1);
    expect(c.figures[0]).toMatchObject({ a: 1, b: 1, delta: 0, verdict: 'equal' });
  });

  it('compares a figure one side lacks as changed, with no difference', () => {
    const price: CompareFigure = {
      id: 'p',
      group: 'T',
      label: 'p',
      unit: 'USD/yr',
      better: 'lower',
      get: (r) => (r === a ? null : 5),
    };
    const [row] = compareReports(a, b, [price]).figures;
    expect(row).toMatchObject({ a: null, b: 5, delta: null, verdict: 'changed' });
  });
});

describe('showFigure and showDelta', () => {
  const byId = (id: string) => COMPARE_FIGURES.find((f) => f.id === id)!;

  it('reads values in the reader’s units through src/domain/units', () => {
    expect(showFigure(byId('itMw'), 216, 'metric')).toBe('216.0 MW');
    expect(showFigure(byId('itMw'), 216.04, 'imperial')).toBe('216.0 MW'); // MW reads the same in both
    // 80 ha = 197.68 ac.
    expect(showFigure(byId('parcelArea'), 80, 'metric')).toBe('80.00 ha');
    expect(showFigure(byId('parcelArea'), 80, 'imperial')).toBe('198 ac');
    // 18 kPa = 375.9 psf.
    expect(showFigure(byId('maxRackKpa'), 18, 'imperial')).toBe('376 psf');
    expect(showFigure(byId('energyCostUsdPerYear'), null, 'metric')).toBe('—');
  });

  it('signs differences and marks none', () => {
    expect(showDelta(byId('itMw'), 12, 'metric')).toBe('+12.0 MW');
    expect(showDelta(byId('itMw'), -0.2, 'metric')).toBe('−0.2 MW');
    expect(showDelta(byId('racks'), -20, 'metric')).toBe('−20');
    expect(showDelta(byId('racks'), 0, 'metric')).toBe('±0');
    expect(showDelta(byId('itMw'), 0.01, 'metric')).toBe('±0.0 MW');
    expect(showDelta(byId('itMw'), null, 'metric')).toBe('—');
  });
});
