import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, createHall, createRackRow, type AnyElement, type Layout } from '../domain';
import { benchCampus } from '../domain/report/benchCampus';
import { emptyLayout } from './documentStore';
import { createHallRows, elementIndex, listIndex, UnionIndex } from './selectors';

/** The index as it was built before per-collection caching: one Map over every collection. */
function naiveIndex(doc: Layout): Map<string, AnyElement> {
  const m = new Map<string, AnyElement>();
  for (const c of COLLECTIONS) for (const e of doc[c] as readonly AnyElement[]) m.set(e.id, e);
  return m;
}

describe('selectors', () => {
  const base = produce(emptyLayout(), (d) => {
    d.halls.push(createHall('h1', { x: 0, y: 0 }), createHall('h2', { x: 200, y: 0 }));
    d.rackRows.push(
      createRackRow('r1', 'h1', { x: 5, y: 5 }),
      createRackRow('r2', 'h2', { x: 5, y: 5 }),
    );
  });

  it('indexes every element by id, once per document', () => {
    const idx = elementIndex(base);
    expect(idx.get('h2')).toBe(base.halls[1]);
    expect(idx.get('r1')).toBe(base.rackRows[0]);
    expect(idx.get('nope')).toBeUndefined();
    expect(elementIndex(base)).toBe(idx);
  });

  it('an edit to one hall re-indexes the halls only: the other collections keep their index', () => {
    const rowsIdx = listIndex(base.rackRows);
    const hallsIdx = listIndex(base.halls);
    const zonesIdx = listIndex(base.coolingZones);
    const before = elementIndex(base);
    const next = produce(base, (d) => void (d.halls[0]!.x = 42));
    expect(next.rackRows).toBe(base.rackRows);
    const after = elementIndex(next);
    expect(after).not.toBe(before);
    expect(listIndex(next.rackRows)).toBe(rowsIdx);
    expect(listIndex(next.coolingZones)).toBe(zonesIdx);
    expect(listIndex(next.halls)).not.toBe(hallsIdx);
    expect(after.get('h1')).toBe(next.halls[0]);
    expect(after.get('h1')).not.toBe(before.get('h1'));
    expect(after.get('r2')).toBe(before.get('r2'));
  });

  it('matches a whole-document Map on a generated campus: get, has, size and iteration', () => {
    let doc = benchCampus({ racks: 2_000, seed: 7 });
    doc = produce(doc, (d) => void (d.halls[1]!.y += 3));
    const idx = elementIndex(doc);
    const naive = naiveIndex(doc);
    expect(idx.size).toBe(naive.size);
    expect([...idx.keys()]).toEqual([...naive.keys()]);
    expect([...idx.entries()]).toEqual([...naive.entries()]);
    expect([...idx]).toEqual([...naive]);
    expect([...idx.values()]).toEqual([...naive.values()]);
    for (const [id, e] of naive) {
      expect(idx.get(id)).toBe(e);
      expect(idx.has(id)).toBe(true);
    }
    expect(idx.has('no-such-id')).toBe(false);
    const seen: string[] = [];
    idx.forEach((e, id, map) => {
      expect(map).toBe(idx);
      expect(e).toBe(naive.get(id));
      seen.push(id);
    });
    expect(seen).toEqual([...naive.keys()]);
  });

  it('a union of maps reads like their merge: a later part wins, keys keep first-seen order', () => {
    const a = new Map([
      ['x', 1],
      ['y', 2],
    ]);
    const b = new Map([
      ['z', 3],
      ['x', 4],
    ]);
    const merged = new Map([...a, ...b]);
    const u = new UnionIndex<number>([a, b], (_, v) => v as number);
    expect([...u]).toEqual([...merged]);
    expect(u.size).toBe(merged.size);
    expect(u.get('x')).toBe(4);
  });

  it("editing one hall's row keeps the other hall's row list identical", () => {
    const { rowsOfHall } = createHallRows(); // one editor's
    const h1Rows = rowsOfHall(base, 'h1');
    const h2Rows = rowsOfHall(base, 'h2');
    const next = produce(base, (d) => void (d.rackRows[1]!.x = 9));
    expect(rowsOfHall(next, 'h1')).toBe(h1Rows);
    expect(rowsOfHall(next, 'h2')).not.toBe(h2Rows);
    expect(rowsOfHall(next, 'nope')).toEqual([]);
  });
});
