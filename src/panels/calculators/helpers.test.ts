import { describe, expect, it } from 'vitest';
import { computeReport } from '../../domain/report';
import { smallTraditionalCampus } from '../../domain/lessons/testLayout';
import { barLength, barScale, niceCeil } from './chartScale';
import { produce } from 'immer';
import { benchCampus } from '../../domain/report/benchCampus';
import { hallTableRows, nextSort, sameHallRow, sortHallRows, type HallTableRow } from './hallTable';

const row = (over: Partial<HallTableRow>): HallTableRow => ({
  id: 'h',
  name: 'Hall',
  itMw: 0,
  racks: 0,
  gpus: 0,
  densityKwPerM2: 0,
  maxRackKpa: 0,
  floorRatingKpa: 12,
  avgFloorKpa: 0,
  floorUse: 0,
  zones: [],
  domain: null,
  ...over,
});

describe('the hall table', () => {
  const rows = [
    row({ id: 'a', name: 'Hall 10', itMw: 4, domain: 2, zones: ['Loop B'] }),
    row({ id: 'b', name: 'Hall 2', itMw: 9, domain: 1, zones: ['Loop A'] }),
    row({ id: 'c', name: 'Hall 9', itMw: 4, domain: null }),
  ];

  it('sorts names in natural order, both ways', () => {
    const asc = sortHallRows(rows, { key: 'name', dir: 'ascending' });
    expect(asc.map((r) => r.name)).toEqual(['Hall 2', 'Hall 9', 'Hall 10']);
    const desc = sortHallRows(rows, { key: 'name', dir: 'descending' });
    expect(desc.map((r) => r.name)).toEqual(['Hall 10', 'Hall 9', 'Hall 2']);
  });

  it('sorts figures and keeps file order for ties, in both directions', () => {
    expect(sortHallRows(rows, { key: 'itMw', dir: 'descending' }).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(sortHallRows(rows, { key: 'itMw', dir: 'ascending' }).map((r) => r.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('puts halls without a latency domain last when ascending', () => {
    expect(sortHallRows(rows, { key: 'domain', dir: 'ascending' }).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortHallRows(rows, { key: 'gpus', dir: 'ascending' });
    expect(rows).toEqual(copy);
  });

  it('flips the direction on the same column, starts figures descending', () => {
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'name')).toEqual({
      key: 'name',
      dir: 'descending',
    });
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'itMw')).toEqual({
      key: 'itMw',
      dir: 'descending',
    });
    expect(nextSort({ key: 'itMw', dir: 'descending' }, 'zones').dir).toBe('ascending');
  });

  it('builds its rows from the report: floor use, zone names, 1-based domains', () => {
    const report = computeReport(smallTraditionalCampus());
    const table = hallTableRows(report);
    expect(table).toHaveLength(report.halls.length);
    for (const [i, h] of report.halls.entries()) {
      const r = table[i]!;
      expect(r.id).toBe(h.id);
      expect(r.floorUse).toBeCloseTo(h.maxRackKpa / h.floorRatingKpa, 12);
      expect(r.zones).toHaveLength(h.coolingZoneIds.length);
      expect(r.domain).toBe(h.domainIndex === null ? null : h.domainIndex + 1);
    }
  });
});

describe('hall rows by value (the table re-renders only the halls that changed)', () => {
  it('a row equals itself and a copy; any changed figure, name or zone makes it differ', () => {
    const a = row({ id: 'a', name: 'Hall 1', itMw: 4, racks: 8, domain: 1, zones: ['Z1', 'Z2'] });
    expect(sameHallRow(a, a)).toBe(true);
    expect(sameHallRow(a, { ...a, zones: ['Z1', 'Z2'] })).toBe(true);
    const changes: Partial<HallTableRow>[] = [
      { id: 'b' },
      { name: 'Hall 2' },
      { itMw: 4.001 },
      { racks: 9 },
      { gpus: 1 },
      { densityKwPerM2: 1 },
      { maxRackKpa: 1 },
      { floorRatingKpa: 13 },
      { avgFloorKpa: 1 },
      { floorUse: 0.5 },
      { domain: null },
      { domain: 2 },
      { zones: ['Z1'] },
      { zones: ['Z1', 'Z3'] },
    ];
    for (const c of changes) expect(sameHallRow(a, { ...a, ...c }), JSON.stringify(c)).toBe(false);
  });

  it('after moving a row in one hall, only that hall’s table row differs', () => {
    const doc = benchCampus({ racks: 4_000, seed: 5 });
    const hallId = doc.halls[2]!.id;
    const next = produce(doc, (d) => {
      const r = d.rackRows.find((x) => x.hallId === hallId)!;
      r.rackCount -= 1;
    });
    const before = hallTableRows(computeReport(doc));
    const after = hallTableRows(computeReport(next));
    const changed = after.filter((r, i) => !sameHallRow(before[i]!, r)).map((r) => r.id);
    expect(changed).toEqual([hallId]);
  });
});

describe('chart scaling', () => {
  it('rounds an axis up to a nice number', () => {
    expect(niceCeil(27.24)).toBe(30);
    expect(niceCeil(12_500)).toBe(15_000);
    expect(niceCeil(600)).toBe(600);
    expect(niceCeil(0.3)).toBeCloseTo(0.3, 12);
    expect(niceCeil(4.8)).toBe(5);
    expect(niceCeil(101)).toBe(120);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(Number.NaN)).toBe(1);
  });

  it('holds every value and reference line, linearly', () => {
    const s = barScale([9.19, 18.52, 27.24], 300, [12]);
    expect(s.max).toBe(30);
    expect(s.px(15)).toBe(150);
    expect(s.px(12)).toBeCloseTo(120, 9);
    expect(s.px(60)).toBe(300);
    // A reference line above every bar widens the axis.
    expect(barScale([0.16], 200, [0.2]).max).toBeCloseTo(0.2, 12);
  });

  it('draws tiny positive values visibly and zero as nothing', () => {
    const s = barScale([8, 600], 300);
    expect(barLength(s, 0)).toBe(0);
    expect(barLength(s, 0.001)).toBe(2);
    expect(barLength(s, 600)).toBe(300);
  });
});

describe('the density lesson’s IT load field', () => {
  it('reads 1–5,000 MW and explains anything else', async () => {
    const { parseItMw } = await import('./learn/itMw');
    expect(parseItMw('100')).toBe(100);
    expect(parseItMw(' 1,200.5 ')).toBe(1200.5);
    expect(parseItMw('1')).toBe(1);
    expect(parseItMw('5000')).toBe(5000);
    expect(parseItMw('0.5')).toBe('Enter 1–5,000 MW.');
    expect(parseItMw('5001')).toBe('Enter 1–5,000 MW.');
    expect(parseItMw('')).toBe('Enter a number of megawatts.');
    expect(parseItMw('abc')).toBe('Enter a number of megawatts.');
  });
});
