import { describe, expect, it } from 'vitest';
import { smallTraditionalCampus } from '../domain/lessons/testLayout';
import { rectAabb, rowRectInCampus } from '../domain';
import { elementsBounds, withMinSpan } from './elementBounds';

describe('elementsBounds', () => {
  const layout = smallTraditionalCampus();

  it('is null for no ids or unknown ids', () => {
    expect(elementsBounds(layout, [])).toBeNull();
    expect(elementsBounds(layout, ['nope'])).toBeNull();
  });

  it('is the box of one hall, and the union of several kinds', () => {
    const hall = layout.halls[0]!;
    expect(elementsBounds(layout, [hall.id])).toEqual(rectAabb(hall));
    const trench = layout.fiberTrenches[0]!;
    const box = elementsBounds(layout, [hall.id, trench.id])!;
    for (const [x, y] of trench.points) {
      expect(x).toBeGreaterThanOrEqual(box.minX);
      expect(x).toBeLessThanOrEqual(box.maxX);
      expect(y).toBeGreaterThanOrEqual(box.minY);
      expect(y).toBeLessThanOrEqual(box.maxY);
    }
  });

  it('places rows in the campus frame through their hall', () => {
    const row = layout.rackRows[0]!;
    const hall = layout.halls.find((h) => h.id === row.hallId)!;
    expect(elementsBounds(layout, [row.id])).toEqual(rectAabb(rowRectInCampus(row, hall)));
  });

  it('grows a small box to a minimum span about its centre', () => {
    expect(withMinSpan({ minX: 0, minY: 0, maxX: 10, maxY: 100 }, 40)).toEqual({
      minX: -15,
      minY: 0,
      maxX: 25,
      maxY: 100,
    });
  });
});
