import fc from 'fast-check';
import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { hallToCampus, rowRectInCampus, type Hall, type Layout } from '../domain';
import { createDocumentStore, type DocumentState } from '../state/documentStore';
import { freshId } from './tools/context';
import {
  collectElements,
  deleteElements,
  duplicateElements,
  duplicateOffset,
  effectiveIds,
  HANDLE_DIRS,
  idSequence,
  insertCopies,
  moveBy,
  reorder,
  resizeTo,
  rotateTo,
  movePolylineVertex,
  snapRotation,
} from './editOps';
import { fixture } from './editFixture';

const hall = (doc: Layout, id: string) => doc.halls.find((h) => h.id === id)!;
const row = (doc: Layout, id: string) => doc.rackRows.find((r) => r.id === id)!;
const edit = (doc: Layout, recipe: (d: Draft<Layout>) => void): Layout => produce(doc, recipe);
const ids = (doc: Layout) => idSequence((prefix) => freshId(doc, prefix));

describe('moving', () => {
  const doc = fixture();

  it('moves a hall by its centre; its rows stay put in its frame and so come along', () => {
    const next = edit(doc, (d) => moveBy(d, ['hall-1'], { x: 10, y: -4 }));
    expect(hall(next, 'hall-1')).toMatchObject({ x: 110, y: 96 });
    expect(row(next, 'row-1')).toBe(row(doc, 'row-1'));
    expect(rowRectInCampus(row(next, 'row-1'), hall(next, 'hall-1'))).toMatchObject({
      x: 110,
      y: 96,
    });
  });

  it('moves a row of a hall turned 90° in the hall frame: down on screen is +x in the hall', () => {
    const next = edit(doc, (d) => moveBy(d, ['row-2'], { x: 0, y: 3 }));
    expect(row(next, 'row-2')).toMatchObject({ x: 23, y: 10 });
    expect(rowRectInCampus(row(next, 'row-2'), hall(next, 'hall-2'))).toMatchObject({
      x: 300,
      y: 103,
    });
  });

  it('keeps a row inside its hall', () => {
    // 6 m long in a 40 m hall: its centre stops 3 m from the wall.
    const next = edit(doc, (d) => moveBy(d, ['row-1'], { x: 100, y: -100 }));
    expect(row(next, 'row-1')).toMatchObject({ x: 37, y: 0.6 });
  });

  it('a row selected with its hall moves once, with the hall', () => {
    const next = edit(doc, (d) => moveBy(d, ['hall-1', 'row-1'], { x: 5, y: 0 }));
    expect(row(next, 'row-1')).toBe(row(doc, 'row-1'));
    expect(effectiveIds(doc, ['hall-1', 'row-1', 'row-2'])).toEqual(new Set(['hall-1', 'row-2']));
  });

  it('moves every vertex of a trench, zones and yards by their centre', () => {
    const next = edit(doc, (d) => moveBy(d, ['tr-1', 'cz-1', 'sub-1'], { x: 1, y: 2 }));
    expect(next.fiberTrenches[0]!.points).toEqual([
      [61, 102],
      [141, 102],
    ]);
    expect(next.coolingZones[0]).toMatchObject({ x: 101, y: 102 });
    expect(next.substations[0]).toMatchObject({ x: 201, y: 302 });
  });

  it('from a base document, sets base + delta (a drag sets its total on every frame)', () => {
    let next = edit(doc, (d) => moveBy(d, ['hall-1'], { x: 10, y: 0 }, doc));
    next = edit(next, (d) => moveBy(d, ['hall-1'], { x: 12, y: 0 }, doc));
    expect(hall(next, 'hall-1').x).toBe(112);
  });

  it('works on a draft already reshaped in the same edit (arrays out of step with the base)', () => {
    const next = edit(doc, (d) => {
      d.halls.unshift({ ...hall(doc, 'hall-2'), id: 'hall-9' });
      moveBy(d, ['hall-1', 'row-2'], { x: 1, y: 0 });
      rotateTo(d, 'hall-1', 30);
    });
    expect(hall(next, 'hall-1')).toMatchObject({ x: 101, rotation: 30 });
    // Right on screen is −y in a hall turned 90° (its y axis points left).
    expect(row(next, 'row-2')).toMatchObject({ x: 20, y: 9 });
    expect(hall(next, 'hall-9').x).toBe(300);
  });

  it('a zero move changes nothing', () => {
    expect(edit(doc, (d) => moveBy(d, ['hall-1', 'row-2'], { x: 0, y: 0 }))).toBe(doc);
  });
});

describe('rotating', () => {
  const doc = fixture();

  it('sets a rectangle rotation in [0, 360)', () => {
    expect(
      hall(
        edit(doc, (d) => rotateTo(d, 'hall-1', -45)),
        'hall-1',
      ).rotation,
    ).toBe(315);
  });

  it("stores a row's rotation relative to its hall", () => {
    expect(
      row(
        edit(doc, (d) => rotateTo(d, 'row-2', 90)),
        'row-2',
      ).rotation,
    ).toBe(0);
    expect(
      row(
        edit(doc, (d) => rotateTo(d, 'row-2', 0)),
        'row-2',
      ).rotation,
    ).toBe(270);
  });

  it('snaps to 15° steps unless free', () => {
    expect(snapRotation(7, false)).toBe(0);
    expect(snapRotation(8, false)).toBe(15);
    expect(snapRotation(352, false)).toBe(345);
    expect(snapRotation(359, false)).toBe(0);
    expect(snapRotation(-20, false)).toBe(345);
    expect(snapRotation(7.3, true)).toBe(7.3);
  });
});

describe('resizing', () => {
  const doc = fixture();

  it('dragging the right handle of a hall turned 90° grows it downward on screen', () => {
    // hall-2: 40 × 20 at (300, 100), turned 90°: its own x axis points down, so its "right"
    // handle is at the bottom, (300, 120). Drag it 10 m further down.
    const next = edit(doc, (d) => resizeTo(d, 'hall-2', 'e', { x: 300, y: 130 }, doc));
    const h = hall(next, 'hall-2');
    expect(h).toMatchObject({ x: 300, y: 105, width: 50, depth: 20, rotation: 90 });
    // The top edge (its "left" side) stays at y = 80; the row stays where it was on the campus.
    expect(h.y - h.width / 2).toBe(80);
    expect(rowRectInCampus(row(next, 'row-2'), h)).toMatchObject({ x: 300, y: 100 });
  });

  it('dragging the left handle keeps the right edge, and the rows keep their campus places', () => {
    const next = edit(doc, (d) => resizeTo(d, 'hall-1', 'w', { x: 70, y: 100 }, doc));
    expect(hall(next, 'hall-1')).toMatchObject({ x: 95, y: 100, width: 50, depth: 20 });
    expect(row(next, 'row-1')).toMatchObject({ x: 30, y: 10 });
    expect(hallToCampus(hall(next, 'hall-1'), row(next, 'row-1'))).toEqual({ x: 100, y: 100 });
  });

  it('a corner changes both sizes; the opposite corner stays', () => {
    // cz-1: 80 × 60 at (100, 100): corners (60, 70) and (140, 130). Drag the bottom-right one.
    const next = edit(doc, (d) => resizeTo(d, 'cz-1', 'se', { x: 150, y: 120 }, doc));
    expect(next.coolingZones[0]).toMatchObject({ x: 105, y: 95, width: 90, depth: 50 });
  });

  it('never below 1 m: dragging past the opposite edge stops there', () => {
    const next = edit(doc, (d) => resizeTo(d, 'sub-1', 'e', { x: 0, y: 300 }, doc));
    // sub-1: 80 wide at x 200, left edge 160.
    expect(next.substations[0]).toMatchObject({ width: 1, x: 160.5 });
  });

  it('a row changes its rack count from the length, its left end fixed; not its depth', () => {
    // row-1: 10 racks × 0.6 m, campus x 97–103. Drag its right end to 106.2: 9.2 m ≈ 15 racks.
    const next = edit(doc, (d) => resizeTo(d, 'row-1', 'e', { x: 106.2, y: 100 }, doc));
    expect(row(next, 'row-1')).toMatchObject({ rackCount: 15, x: 21.5, y: 10 });
    expect(edit(doc, (d) => resizeTo(d, 'row-1', 's', { x: 100, y: 120 }, doc))).toBe(doc);
    const one = edit(doc, (d) => resizeTo(d, 'row-1', 'w', { x: 200, y: 100 }, doc));
    expect(row(one, 'row-1')).toMatchObject({ rackCount: 1, x: 22.7 });
  });
});

describe('deleting, duplicating, pasting', () => {
  const doc = fixture();

  it('deleting a hall deletes its rows', () => {
    const next = edit(doc, (d) => deleteElements(d, ['hall-1', 'tr-1']));
    expect(next.halls.map((h) => h.id)).toEqual(['hall-2']);
    expect(next.rackRows.map((r) => r.id)).toEqual(['row-2']);
    expect(next.fiberTrenches).toEqual([]);
    expect(next.coolingZones).toBe(doc.coolingZones);
  });

  it('duplicates a hall with its rows beside the originals: fresh ids and names, rows in the new hall', () => {
    let added: string[] = [];
    const next = edit(doc, (d) => {
      added = duplicateElements(d, doc, ['hall-1', 'row-1', 'sub-1'], ids(doc));
    });
    expect(added).toEqual(['hall-3', 'sub-2']);
    // The selection spans x 80–240, y 90–330 (160 × 240 m): the copies go 160 m + 16 m right.
    expect(hall(next, 'hall-3')).toMatchObject({ x: 276, y: 100, width: 40, depth: 20 });
    expect(hall(next, 'hall-3').name).not.toBe(hall(doc, 'hall-1').name);
    expect(row(next, 'row-3')).toMatchObject({ hallId: 'hall-3', x: 20, y: 10, rackCount: 10 });
    expect(next.rackRows).toHaveLength(3);
    expect(next.substations[1]).toMatchObject({ id: 'sub-2', x: 376, y: 300 });
  });

  it('duplicateOffset: beside the box, clear of it; below a long one', () => {
    expect(duplicateOffset({ minX: 0, minY: 0, maxX: 60, maxY: 40 })).toEqual({ x: 66, y: 0 });
    // A rack row 12 m × 1.2 m: the copy goes below, 1.2 m + a 1 m gap.
    expect(duplicateOffset({ minX: 0, minY: 0, maxX: 12, maxY: 1.2 })).toEqual({ x: 0, y: 2.2 });
    expect(duplicateOffset({ minX: 0, minY: 0, maxX: 400, maxY: 300 })).toEqual({ x: 420, y: 0 });
  });

  it('duplicates a row alone into its own hall, offset in the campus frame', () => {
    let added: string[] = [];
    const next = edit(doc, (d) => {
      added = duplicateElements(d, doc, ['row-2'], ids(doc), { x: 5, y: 5 });
    });
    // hall-2 is turned 90°: (+5, +5) on the campus is (+5, −5) in its frame.
    expect(added).toEqual(['row-3']);
    expect(row(next, 'row-3')).toMatchObject({ hallId: 'hall-2', x: 25, y: 5 });
  });

  it('pastes a row into its hall if it still exists, else skips it', () => {
    const clip = collectElements(doc, ['row-1', 'row-2']);
    const withoutHall1 = edit(doc, (d) => deleteElements(d, ['hall-1']));
    let added: string[] = [];
    const next = edit(withoutHall1, (d) => {
      added = insertCopies(d, clip, ids(withoutHall1), { x: 5, y: 5 });
    });
    expect(added).toEqual(['row-3']);
    expect(row(next, 'row-3')).toMatchObject({ hallId: 'hall-2', x: 25, y: 5 });
  });

  it('copies a hall with its rows', () => {
    const clip = collectElements(doc, ['hall-2']);
    expect(clip.halls.map((h) => h.id)).toEqual(['hall-2']);
    expect(clip.rackRows.map((r) => r.id)).toEqual(['row-2']);
  });

  it('hands out distinct ids within one edit', () => {
    const next = idSequence((p) => freshId(doc, p));
    expect([next('hall'), next('hall'), next('row'), next('hall')]).toEqual([
      'hall-3',
      'hall-4',
      'row-3',
      'hall-5',
    ]);
  });
});

describe('arranging and trench vertices', () => {
  const doc = fixture();

  it('brings to front and sends to back within each array', () => {
    const front = edit(doc, (d) => reorder(d, ['hall-1'], 'front'));
    expect(front.halls.map((h) => h.id)).toEqual(['hall-2', 'hall-1']);
    expect(edit(doc, (d) => reorder(d, ['hall-1'], 'back'))).toBe(doc);
    const back = edit(front, (d) => reorder(d, ['hall-1'], 'back'));
    expect(back.halls.map((h) => h.id)).toEqual(['hall-1', 'hall-2']);
  });

  it('moves one trench vertex', () => {
    const next = edit(doc, (d) => movePolylineVertex(d, 'tr-1', 1, { x: 150, y: 120 }));
    expect(next.fiberTrenches[0]!.points).toEqual([
      [60, 100],
      [150, 120],
    ]);
  });
});

describe('property: any edits, then as many undos, give back exactly the starting document', () => {
  type Op =
    | { t: 'move'; pick: number; dx: number; dy: number }
    | { t: 'rotate'; pick: number; deg: number }
    | { t: 'resize'; pick: number; dir: number; px: number; py: number }
    | { t: 'duplicate'; pick: number; n: number }
    | { t: 'delete'; pick: number }
    | { t: 'reorder'; pick: number; front: boolean }
    | { t: 'vertex'; pick: number; px: number; py: number };

  const coord = fc.integer({ min: -200, max: 500 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ t: fc.constant('move' as const), pick: fc.nat(), dx: coord, dy: coord }),
    fc.record({
      t: fc.constant('rotate' as const),
      pick: fc.nat(),
      deg: fc.integer({ min: -720, max: 720 }),
    }),
    fc.record({
      t: fc.constant('resize' as const),
      pick: fc.nat(),
      dir: fc.nat({ max: 7 }),
      px: coord,
      py: coord,
    }),
    fc.record({
      t: fc.constant('duplicate' as const),
      pick: fc.nat(),
      n: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ t: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ t: fc.constant('reorder' as const), pick: fc.nat(), front: fc.boolean() }),
    fc.record({ t: fc.constant('vertex' as const), pick: fc.nat(), px: coord, py: coord }),
  );

  const allIds = (doc: Layout) => [
    ...doc.halls.map((e) => e.id),
    ...doc.rackRows.map((e) => e.id),
    ...doc.coolingZones.map((e) => e.id),
    ...doc.substations.map((e) => e.id),
    ...doc.fiberTrenches.map((e) => e.id),
  ];

  it('holds for random sequences applied through the store', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const store = createDocumentStore(fixture());
        const start = store.getState().doc;
        const states: Layout[] = [];
        for (const o of ops) {
          const doc = store.getState().doc;
          const list = allIds(doc);
          if (list.length === 0) break;
          const id = list[o.pick % list.length]!;
          const apply: DocumentState['apply'] = (recipe, label) =>
            store.getState().apply(recipe, label);
          switch (o.t) {
            case 'move':
              apply((d) => moveBy(d, [id], { x: o.dx, y: o.dy }), 'Move');
              break;
            case 'rotate':
              apply((d) => rotateTo(d, id, o.deg), 'Rotate');
              break;
            case 'resize':
              apply(
                (d) => resizeTo(d, id, HANDLE_DIRS[o.dir]!, { x: o.px, y: o.py }, doc),
                'Resize',
              );
              break;
            case 'duplicate': {
              const picked = list.slice(o.pick % list.length, (o.pick % list.length) + o.n);
              apply((d) => void duplicateElements(d, doc, picked, ids(doc)), 'Duplicate');
              break;
            }
            case 'delete':
              apply((d) => deleteElements(d, [id]), 'Delete');
              break;
            case 'reorder':
              apply((d) => reorder(d, [id], o.front ? 'front' : 'back'), 'Arrange');
              break;
            case 'vertex':
              apply((d) => movePolylineVertex(d, id, 0, { x: o.px, y: o.py }), 'Vertex');
              break;
          }
          states.push(store.getState().doc);
        }
        const end = store.getState().doc;
        for (let i = 0; i < ops.length; i++) store.getState().undo();
        expect(store.getState().doc).toBe(start);
        expect(store.getState().doc).toEqual(fixture());
        for (let i = 0; i < ops.length; i++) store.getState().redo();
        expect(store.getState().doc).toBe(end);
        // Every document along the way is a valid one: no element lost its hall.
        for (const s of states) {
          const halls = new Set(s.halls.map((h: Hall) => h.id));
          expect(s.rackRows.every((r) => halls.has(r.hallId))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
