import { describe, expect, it } from 'vitest';
import { createHall, createSubstation, type Layout } from '../domain';
import { produce } from 'immer';
import { fixture } from './editFixture';
import { boxOf, distanceToPolyline, elementsInBox, hitTest } from './hitTest';

const id = (doc: Layout, x: number, y: number, tol = 0.5) => hitTest(doc, { x, y }, tol)?.id;

describe('hitTest: the topmost element under the pointer', () => {
  const doc = fixture();

  it('picks a trench first, within the tolerance of its line', () => {
    expect(hitTest(doc, { x: 100, y: 100 }, 0.5)).toEqual({
      id: 'tr-1',
      collection: 'fiberTrenches',
    });
    expect(id(doc, 70, 100.4)).toBe('tr-1');
  });

  it('picks a row over its hall, and the hall on its empty floor', () => {
    // row-1 spans x 97–103, y 99.4–100.6 in the campus frame; the trench runs along y = 100.
    expect(hitTest(doc, { x: 102, y: 100.55 }, 0.1)).toEqual({
      id: 'row-1',
      collection: 'rackRows',
    });
    expect(id(doc, 90, 105)).toBe('hall-1');
  });

  it('tests rows in their hall frame: a row of a hall turned 90° stands upright', () => {
    // row-2: 6 m along the hall's x axis, which points down on screen.
    expect(id(doc, 300, 102.5)).toBe('row-2');
    expect(id(doc, 302.5, 100)).toBe('hall-2');
  });

  it('a cooling zone under everything: its empty area and its border pick it', () => {
    expect(id(doc, 65, 75)).toBe('cz-1');
    expect(hitTest(doc, { x: 59, y: 120 }, 1.5)?.id).toBe('cz-1');
    expect(hitTest(doc, { x: 59, y: 120 }, 0.5)).toBeNull();
  });

  it('a substation wins over a hall it overlaps; the later of two halls wins', () => {
    const over = produce(doc, (d) => {
      d.substations.push(createSubstation('sub-2', { x: 115, y: 105 }, { width: 10, depth: 10 }));
      d.halls.push(createHall('hall-3', { x: 85, y: 95 }, { width: 10, depth: 10 }));
    });
    expect(id(over, 116, 106)).toBe('sub-2');
    expect(id(over, 84, 96)).toBe('hall-3');
  });

  it('empty ground is no hit', () => {
    expect(hitTest(doc, { x: 500, y: 500 }, 1)).toBeNull();
  });

  it('measures the distance to a polyline', () => {
    expect(
      distanceToPolyline(
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        { x: 13, y: 5 },
      ),
    ).toBe(3);
  });
});

describe('elementsInBox: the marquee', () => {
  const doc = fixture();

  it('takes the elements wholly inside; rows come with their hall, not on their own', () => {
    expect(elementsInBox(doc, boxOf({ x: 0, y: 0 }, { x: 400, y: 400 }))).toEqual([
      'hall-1',
      'hall-2',
      'cz-1',
      'sub-1',
      'tr-1',
    ]);
  });

  it('a row alone when its hall is only partly inside', () => {
    expect(elementsInBox(doc, boxOf({ x: 104, y: 101 }, { x: 96, y: 99 }))).toEqual(['row-1']);
    expect(elementsInBox(doc, boxOf({ x: 290, y: 96 }, { x: 310, y: 104 }))).toEqual(['row-2']);
  });

  it('a partly covered element is not taken', () => {
    expect(elementsInBox(doc, boxOf({ x: 70, y: 80 }, { x: 101, y: 120 }))).toEqual([]);
  });
});
