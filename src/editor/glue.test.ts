import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createPowerFeeder,
  createSubstation,
  type Layout,
} from '../domain';
import { emptyLayout } from '../state/documentStore';
import { moveBy, resizeTo, rotateTo } from './editOps';
import { carriedBy, carryGlued, carryPoint, describeCarried, gluedTo } from './glue';

/**
 * hall-1: 40 × 20 at (100, 100), so x 80–120, y 90–110, wrapped by cz-1 (60 × 40, 10 m margins).
 * hall-2: 40 × 20 at (300, 100); cz-both spans both halls. tr-1 runs from inside hall-1 (90, 100)
 * to (200, 100) and on to hall-2's west edge less 0.5 m (279.5, 100); tr-2 ends 1.5 m off hall-1.
 */
function layout(): Layout {
  return produce(emptyLayout(), (d) => {
    d.halls.push(
      createHall('hall-1', { x: 100, y: 100 }, { width: 40, depth: 20 }),
      createHall('hall-2', { x: 300, y: 100 }, { width: 40, depth: 20 }),
    );
    d.coolingZones.push(
      createCoolingZone('cz-1', { x: 100, y: 100, width: 60, depth: 40 }),
      createCoolingZone('cz-both', { x: 200, y: 100, width: 300, depth: 60 }),
    );
    d.fiberTrenches.push(
      createFiberTrench('tr-1', [
        [90, 100],
        [200, 100],
        [279.5, 100],
      ]),
      createFiberTrench('tr-2', [
        [121.5, 95],
        [121.5, 40],
      ]),
    );
  });
}

const edit = (doc: Layout, recipe: (d: Draft<Layout>) => void) => produce(doc, recipe);
const zone = (doc: Layout, id: string) => doc.coolingZones.find((z) => z.id === id)!;
const trench = (doc: Layout, id: string) => doc.fiberTrenches.find((t) => t.id === id)!;

describe('glue of a turned hall', () => {
  it('a vertex within the reach of a corner of a hall turned 45° is carried', () => {
    // A 10 × 10 hall at the origin turned 45°: the point (6, -6) in its frame is 1 m off each of
    // two sides (within the 1 m reach), at x = 8.49 on the campus, outside its box (±7.07) by
    // more than the reach.
    const doc = produce(emptyLayout(), (d) => {
      d.halls.push(createHall('h', { x: 0, y: 0 }, { width: 10, depth: 10, rotation: 45 }));
      const a = (45 * Math.PI) / 180;
      const p: [number, number] = [
        6 * Math.cos(a) - -5.9 * Math.sin(a),
        6 * Math.sin(a) + -5.9 * Math.cos(a),
      ];
      d.fiberTrenches.push(createFiberTrench('t', [p, [50, 50]]));
    });
    expect(gluedTo(doc, ['h']).get('h')!.vertices).toEqual([
      { collection: 'fiberTrenches', id: 't', index: 0 },
    ]);
  });
});

describe('what a hall carries', () => {
  it('the zone that wraps only it and the trench vertices on it or within 1 m of its edge', () => {
    const doc = layout();
    const c = carriedBy(doc, 'hall-1');
    expect(c.wrappers.map((w) => w.id)).toEqual(['cz-1']);
    expect(c.vertices).toEqual([{ collection: 'fiberTrenches', id: 'tr-1', index: 0 }]);
    expect(describeCarried(c)).toBe('cooling zone cz-1, 1 trench vertex');
    // hall-2 has no zone of its own (cz-both holds both halls); tr-1's end is 0.5 m off its edge.
    const c2 = carriedBy(doc, 'hall-2');
    expect(c2.wrappers).toEqual([]);
    expect(c2.vertices).toEqual([{ collection: 'fiberTrenches', id: 'tr-1', index: 2 }]);
  });

  it('a substation carries the feeder vertices on it, and a hall its feeder end, like trenches', () => {
    const doc = produce(layout(), (d) => {
      d.substations.push(createSubstation('sub-1', { x: 100, y: 300 }));
      d.powerFeeders.push(
        createPowerFeeder('fd-1', [
          [100, 300],
          [100, 200],
          [100, 105],
        ]),
      );
    });
    expect(carriedBy(doc, 'sub-1').vertices).toEqual([
      { collection: 'powerFeeders', id: 'fd-1', index: 0 },
    ]);
    expect(carriedBy(doc, 'hall-1').vertices).toContainEqual({
      collection: 'powerFeeders',
      id: 'fd-1',
      index: 2,
    });
    expect(describeCarried(carriedBy(doc, 'sub-1'))).toBe('1 feeder vertex');
  });

  it('carries nothing for an id that is not a carrier, and says so', () => {
    const doc = layout();
    expect(gluedTo(doc, ['cz-1', 'tr-1']).size).toBe(0);
    expect(describeCarried(carriedBy(doc, 'cz-1'))).toBeNull();
  });

  it('a vertex glued to two moving halls goes with the first only', () => {
    const doc = edit(layout(), (d) => {
      // hall-3 overlaps hall-1's east end: (118, 100) is on both.
      d.halls.push(createHall('hall-3', { x: 130, y: 100 }, { width: 30, depth: 20 }));
      d.fiberTrenches.push(
        createFiberTrench('tr-3', [
          [118, 100],
          [118, 200],
        ]),
      );
    });
    const glued = gluedTo(doc, ['hall-1', 'hall-3']);
    const owners = [...glued].filter(([, c]) => c.vertices.some((v) => v.id === 'tr-3'));
    expect(owners.map(([id]) => id)).toEqual(['hall-1']);
  });
});

describe('carrying along', () => {
  it('a move carries the zone and the glued vertices by the same delta; the rest stays', () => {
    const doc = layout();
    const next = edit(doc, (d) => {
      moveBy(d, ['hall-1'], { x: 50, y: 5 });
      carryGlued(d, doc, ['hall-1']);
    });
    expect(zone(next, 'cz-1')).toMatchObject({ x: 150, y: 105, width: 60, depth: 40 });
    expect(trench(next, 'tr-1').points).toEqual([
      [140, 105],
      [200, 100],
      [279.5, 100],
    ]);
    expect(trench(next, 'tr-2')).toBe(trench(doc, 'tr-2'));
    expect(zone(next, 'cz-both')).toBe(zone(doc, 'cz-both'));
  });

  it('a turn carries them about the hall centre', () => {
    const doc = layout();
    const next = edit(doc, (d) => {
      rotateTo(d, 'hall-1', 90);
      carryGlued(d, doc, ['hall-1']);
    });
    // (90, 100) is 10 m west of the centre: turned 90° clockwise (y down) it is 10 m north.
    expect(trench(next, 'tr-1').points[0]).toEqual([100, 90]);
    expect(zone(next, 'cz-1')).toMatchObject({ x: 100, y: 100, rotation: 90, width: 60 });
  });

  it('a resize keeps inside vertices at their fraction and the zone margins as they were', () => {
    const doc = layout();
    // Drag the east edge from x 120 to 140: the hall is 60 wide at x 110.
    const next = edit(doc, (d) => {
      resizeTo(d, 'hall-1', 'e', { x: 140, y: 100 });
      carryGlued(d, doc, ['hall-1']);
    });
    expect(next.halls[0]).toMatchObject({ x: 110, width: 60 });
    expect(zone(next, 'cz-1')).toMatchObject({ x: 110, width: 80, depth: 40 });
    // 10 m from the west edge of 40 → a quarter of the way → 15 m of 60.
    expect(trench(next, 'tr-1').points[0]).toEqual([95, 100]);
  });

  it('a point outside the edge keeps its distance from that edge', () => {
    const r0 = { x: 0, y: 0, width: 10, depth: 10, rotation: 0 };
    const r1 = { x: 5, y: 0, width: 20, depth: 10, rotation: 0 };
    expect(carryPoint(r0, r1, { x: 5.5, y: 0 })).toEqual({ x: 15.5, y: 0 });
  });

  it('an element that moves itself is not carried again', () => {
    const doc = layout();
    const next = edit(doc, (d) => {
      moveBy(d, ['hall-1', 'tr-1'], { x: 10, y: 0 });
      carryGlued(d, doc, ['hall-1', 'tr-1']);
    });
    expect(trench(next, 'tr-1').points[0]).toEqual([100, 100]);
  });

  it('computed from the base: repeating it (a drag frame after frame) changes nothing more', () => {
    const doc = layout();
    const glued = gluedTo(doc, ['hall-1'], new Set(['hall-1']));
    const once = edit(doc, (d) => {
      moveBy(d, ['hall-1'], { x: 7, y: 0 }, doc);
      carryGlued(d, doc, ['hall-1'], glued);
    });
    const twice = edit(once, (d) => {
      moveBy(d, ['hall-1'], { x: 7, y: 0 }, doc);
      carryGlued(d, doc, ['hall-1'], glued);
    });
    expect(twice).toEqual(once);
  });
});
