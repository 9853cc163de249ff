import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createHall, createRackRow } from '../domain';
import { emptyLayout } from './documentStore';
import { elementIndex, rowsOfHall } from './selectors';

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
    expect(elementIndex(base)).toBe(idx);
  });

  it("editing one hall's row keeps the other hall's row list identical", () => {
    const h1Rows = rowsOfHall(base, 'h1');
    const h2Rows = rowsOfHall(base, 'h2');
    const next = produce(base, (d) => void (d.rackRows[1]!.x = 9));
    expect(rowsOfHall(next, 'h1')).toBe(h1Rows);
    expect(rowsOfHall(next, 'h2')).not.toBe(h2Rows);
    expect(rowsOfHall(next, 'nope')).toEqual([]);
  });
});
