import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type AnyElement, type Collection } from '../domain';
import { benchCampus } from '../domain/report/benchCampus';
import { elementIndex, listIndex } from '../state/selectors';
import { collectionOf } from './elementGeometry';

/** The document index read as a Map of id → collection. */
const collectionIndex = (doc: Parameters<typeof elementIndex>[0]) => {
  const idx = elementIndex(doc);
  return {
    idx,
    entries: [...idx.keys()].map((id) => [id, idx.collectionOf(id)] as const),
  };
};

describe('collectionIndex', () => {
  const base = benchCampus({ racks: 2_000, seed: 3 });

  it('names the collection of every element, like a whole-document Map', () => {
    const naive = new Map<string, Collection>();
    for (const c of COLLECTIONS)
      for (const e of base[c] as readonly AnyElement[]) naive.set(e.id, c);
    const { idx, entries } = collectionIndex(base);
    expect(entries).toEqual([...naive]);
    expect(idx.size).toBe(naive.size);
    for (const [id, c] of naive) expect(collectionOf(base, id)).toBe(c);
    expect(collectionOf(base, 'no-such-id')).toBeUndefined();
    expect(collectionIndex(base).idx).toBe(idx);
  });

  it('moving a hall re-indexes only the halls', () => {
    const rows = listIndex(base.rackRows);
    const trenches = listIndex(base.fiberTrenches);
    const next = produce(base, (d) => void (d.halls[0]!.x += 10));
    expect(collectionIndex(next).idx).not.toBe(collectionIndex(base).idx);
    expect(collectionOf(next, next.halls[0]!.id)).toBe('halls');
    expect(listIndex(next.rackRows)).toBe(rows);
    expect(listIndex(next.fiberTrenches)).toBe(trenches);
  });
});
