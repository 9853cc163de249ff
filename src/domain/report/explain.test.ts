import { describe, expect, it } from 'vitest';
import { NETWORK, TIER_IDS } from '../catalog';
import { smallTraditionalCampus } from '../lessons/testLayout';
import { M2_PER_ACRE, PHYSICS, siText } from '../units';
import { SQ_M_PER_ACRE } from '../kinds';
import { EXPLAINED_TOTALS, explainCheck, explainTotal, type Explanation } from './explain';
import { computeReport, G, M_PER_MILE, US_PER_KM } from './index';
import { oneWayLatencyUs } from './latency';
import { CHECK_IDS } from './types';

function expectWellFormed(e: Explanation, what: string): void {
  expect(e.title, what).not.toBe('');
  expect(siText(e.formula).trim(), what).not.toBe('');
  for (const i of e.inputs) {
    expect(i.label, what).not.toBe('');
    expect(siText(i.value), what).not.toBe('');
  }
  for (const s of e.sources) {
    expect(s.basis, what).not.toBe('');
    if (s.grade === 'X') expect(s.estimate, `${what}: ${s.label}`).toBe(true);
  }
}

const input = (e: Explanation, label: string): string | undefined => {
  const value = e.inputs.find((i) => i.label === label)?.value;
  return value === undefined ? undefined : siText(value);
};

describe('explainTotal', () => {
  const layout = smallTraditionalCampus();
  const report = computeReport(layout);

  it('explains every field of the report totals', () => {
    expect([...EXPLAINED_TOTALS].sort()).toEqual(Object.keys(report.totals).sort());
    for (const field of EXPLAINED_TOTALS)
      expectWellFormed(explainTotal(field, layout, report), field);
  });

  it('facility MW = IT MW × PUE with the campus figures', () => {
    const e = explainTotal('facilityMw', layout, report);
    expect(siText(e.formula)).toBe('facility MW = IT MW × PUE');
    expect(input(e, 'IT load')).toBe('0.4 MW');
    expect(input(e, 'PUE')).toBe('1.5');
    expect(input(e, 'Facility load')).toBe('0.6 MW');
    expect(e.sources.map((s) => s.label)).toEqual(['Air (CRAH, containment): PUE']);
  });

  it('the worst rack load: 600 kg on 0.6 × 1.067 m is 9.19 kPa, with the mass flagged as an estimate', () => {
    const e = explainTotal('maxRackKpa', layout, report);
    expect(siText(e.formula)).toContain('rack kPa = mass × 9.807 / (w × d) / 1000');
    expect(input(e, 'Mass per rack')).toBe('600 kg');
    expect(input(e, 'Footprint')).toBe('0.6 × 1.067 m');
    expect(input(e, 'Rack point load')).toBe('9.19 kPa (192 psf)');
    const mass = e.sources.find((s) => s.label === 'Enterprise air rack: mass');
    expect(mass).toMatchObject({ grade: 'X', estimate: true });
    expect(siText(mass!.value)).toBe('600 kg');
  });

  it('strand miles = Σ(trench length × fiberCount) / 1609.344: 300 m × 864 fibers = 161 miles', () => {
    const e = explainTotal('fiberStrandMiles', layout, report);
    expect(siText(e.formula)).toBe('strand miles = Σ (trench length × fiberCount) / 1609.344');
    expect(input(e, 'Σ length × fibers')).toBe('259,200 fiber-m');
    expect(input(e, 'Strand miles')).toBe('161 mi');
    expect(report.totals.fiberStrandMiles).toBeCloseTo(259_200 / 1609.344, 9);
  });

  it('usable MW follows the layout’s redundancy', () => {
    const e = explainTotal('usableMw', layout, report);
    expect(siText(e.formula)).toContain('Σ substation MVA − largest unit');
    expect(input(e, 'Usable')).toBe('9.5 MW');
    const n = { ...layout, settings: { ...layout.settings, redundancy: '2N' as const } };
    expect(siText(explainTotal('usableMw', n, computeReport(n)).formula)).toContain('/ 2 (2N)');
  });

  it('a PUE set by hand says so and cites no cooling type', () => {
    const l = { ...layout, settings: { ...layout.settings, pue: 1.3 } };
    const e = explainTotal('pue', l, computeReport(l));
    expect(siText(e.formula)).toContain('settings.pue');
    expect(e.sources).toEqual([]);
  });
});

describe('explainCheck', () => {
  it('explains every check for every tier', () => {
    for (const tier of TIER_IDS) {
      for (const id of CHECK_IDS) expectWellFormed(explainCheck(id, tier), `${id} @ ${tier}`);
    }
  });

  it('tier-floor under Blackwell: ≥ 18.6 kPa, because a 1.36 t NVL72 loads 18.52 kPa', () => {
    const e = explainCheck('tier-floor', 'blackwell');
    expect(siText(e.formula)).toContain('≥ 18.6 kPa');
    expect(input(e, 'Blackwell (120 kW NVL72) minimum floor')).toBe('18.6 kPa (388 psf)');
    expect(e.inputs.some((i) => siText(i.value) === '1,360 kg on 0.6 × 1.2 m → 18.52 kPa')).toBe(
      true,
    );
    expect(e.sources[0]).toMatchObject({ grade: 'D', estimate: false });
    expect(siText(e.sources[0]!.value)).toBe('18.6 kPa');
  });

  it('flags the tier’s estimated thresholds (grade X) as estimates', () => {
    const e = explainCheck('fiber-density', 'blackwell');
    expect(e.sources[0]).toMatchObject({ value: '1,728 fibers', grade: 'X', estimate: true });
    const ultra = explainCheck('tier-floor', 'rubin-ultra');
    expect(ultra.sources.filter((s) => s.estimate).map((s) => s.grade)).toEqual(['X', 'X']);
  });

  it('adds the status and message of a report’s check', () => {
    const layout = smallTraditionalCampus();
    const report = computeReport(layout, { tier: 'blackwell' });
    const e = explainCheck('tier-cooling', 'blackwell', report);
    expect(input(e, 'Status')).toBe('fail');
    expect(input(e, 'Result')).toBe(report.checks.find((c) => c.id === 'tier-cooling')!.message);
    expect(input(e, 'Allowed')).toBe('dlc, immersion');
  });
});

describe('latency: fiber plus switch hops', () => {
  it('one-way latency = km × 4.9 µs + 3 hops × 0.3 µs, per domain and for the campus', () => {
    const layout = smallTraditionalCampus();
    const report = computeReport(layout);
    const t = report.totals;
    expect(NETWORK.hopsPerPath).toMatchObject({ value: 3, estimate: true });
    expect(NETWORK.switchHopUs).toMatchObject({ value: 0.3, grade: 'C' });
    // Fiber only stays as it was; the hops add 3 × 0.3 = 0.9 µs.
    expect(t.longestPathUs).toBeCloseTo((t.longestPathM / 1000) * 4.9, 12);
    expect(t.oneWayLatencyUs).toBeCloseTo(t.longestPathUs + 0.9, 12);
    for (const d of report.domains) {
      expect(d.oneWayLatencyUs).toBeCloseTo((d.maxPathM / 1000) * 4.9 + 0.9, 12);
    }
    // 2 km of fiber: 9.8 µs + 0.9 µs = 10.7 µs.
    expect(oneWayLatencyUs(2000)).toBeCloseTo(10.7, 12);
    // No halls with racks, no domain: no latency to report.
    expect(computeReport({ ...layout, rackRows: [] }).totals.oneWayLatencyUs).toBe(0);
  });

  it('the explanation states the hop count and what the reach limit means', () => {
    const layout = smallTraditionalCampus();
    const report = computeReport(layout, { tier: 'blackwell' });
    const e = explainTotal('oneWayLatencyUs', layout, report);
    expect(siText(e.formula)).toBe(
      'one-way µs = longest path km × 4.9 + 3 switch hops × 0.3 µs (0 without a domain)',
    );
    expect(input(e, 'Switch hops')).toBe('3 (leaf–spine–leaf) × 0.3 µs = 0.9 µs');
    expect(input(e, 'Reach limit')).toMatch(
      /^2,000 m: the optic's reach \(400G FR4 2 km, DR4 500 m\)/,
    );
    expect(input(e, 'Reach limit')).toContain('"scale-across"');
    expect(e.sources.find((s) => s.label === 'Switch hops per path')).toMatchObject({
      value: '3',
      estimate: true,
    });
    const check = explainCheck('latency-domain', 'blackwell');
    expect(input(check, 'Reach')).toBe('2,000 m (10.7 µs one-way with 3 switch hops)');
    expect(input(check, 'Reach limit')).toContain('500 m');
  });
});

describe('tier-redundancy explanation', () => {
  it('Rubin: N+1 minimum (fail below), 2N recommended (warn below), the 2N flagged a planner default', () => {
    const e = explainCheck('tier-redundancy', 'rubin');
    expect(siText(e.formula)).toBe(
      'settings.redundancy ≥ N+1 (below it: fail); ≥ 2N recommended (below it: warn); N < N+1 < 2N',
    );
    expect(e.sources[0]).toMatchObject({ value: 'N+1', grade: 'A', estimate: false });
    expect(e.sources[1]).toMatchObject({ value: '2N', estimate: true });
    expect(e.sources[1]!.basis).toContain('no public source requires 2N');
    expect(siText(explainCheck('tier-redundancy', 'blackwell').formula)).toBe(
      'settings.redundancy ≥ N+1 (N < N+1 < 2N; below it: fail)',
    );
  });
});

describe('the constants explanations cite are the ones the report uses', () => {
  it('g, metres per mile, µs per km and m² per acre agree', () => {
    expect(PHYSICS.gravity.value).toBe(G);
    expect(PHYSICS.metresPerMile.value).toBe(M_PER_MILE);
    expect(PHYSICS.fiberUsPerKm.value).toBe(US_PER_KM);
    expect(M2_PER_ACRE).toBe(SQ_M_PER_ACRE);
  });
});
