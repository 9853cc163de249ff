import { describe, expect, it } from 'vitest';
import { fixture } from './editFixture';
import { handleAt, handlesOf, handleTarget } from './handles';

describe('selection handles', () => {
  const doc = fixture();

  it('sit on the corners and edge middles in screen pixels, the rotation handle 24 px above', () => {
    const target = handleTarget(doc, ['hall-2'])!;
    // hall-2: 40 × 20 at (300, 100) turned 90°: its top edge is on the right on screen.
    const hs = handlesOf(target, 2);
    const rotate = hs.find((h) => h.kind === 'rotate')!;
    expect(rotate.point.x).toBeCloseTo(322, 9);
    expect(rotate.point.y).toBeCloseTo(100, 9);
    const e = hs.find((h) => h.kind === 'resize' && h.dir === 'e')!;
    expect(e.point).toEqual({ x: 300, y: 120 });
  });

  it("hide edge handles and a row's end handles when too short on screen", () => {
    // At 1 px/m hall-1 is 40 × 20 px: its 20 px sides get no middle handles (e, w).
    const dirs = handlesOf(handleTarget(doc, ['hall-1'])!, 1).map((h) =>
      h.kind === 'resize' ? h.dir : h.kind,
    );
    expect(dirs).toEqual(['nw', 'n', 'ne', 'se', 's', 'sw', 'rotate']);
    // A 6 m row: its ends at 4 px/m (24 px apart) but not at 3 px/m.
    expect(handlesOf(handleTarget(doc, ['row-1'])!, 4)).toHaveLength(3);
    expect(handlesOf(handleTarget(doc, ['row-1'])!, 3)).toHaveLength(1);
  });

  it('a press inside a small element is left to the element; outside its corner resizes', () => {
    const target = handleTarget(doc, ['hall-1'])!;
    // At 0.5 px/m hall-1 is 20 × 10 px: a press 6 px inside its corner moves it.
    const hs = handlesOf(target, 0.5);
    expect(handleAt(target, hs, { x: 86, y: 96 }, 0.5)).toBeNull();
    expect(handleAt(target, hs, { x: 76, y: 86 }, 0.5)).toMatchObject({ dir: 'nw' });
    // At 10 px/m the same corner press grabs the handle.
    expect(handleAt(target, handlesOf(target, 10), { x: 80.4, y: 90.4 }, 10)).toMatchObject({
      dir: 'nw',
    });
  });

  it('a trench shows a handle per vertex; several elements share the box around them', () => {
    expect(handlesOf(handleTarget(doc, ['tr-1'])!, 1).map((h) => h.kind)).toEqual([
      'vertex',
      'vertex',
    ]);
    // The trench runs 60…140 at y = 100; hall-1 spans 80…120 × 90…110.
    const group = handleTarget(doc, ['tr-1', 'hall-1']);
    expect(group).toMatchObject({
      kind: 'group',
      ids: ['tr-1', 'hall-1'],
      rect: { x: 100, y: 100, width: 80, depth: 20, rotation: 0 },
    });
    expect(handlesOf(group!, 10).map((h) => (h.kind === 'resize' ? h.dir : h.kind))).toEqual([
      'nw',
      'n',
      'ne',
      'e',
      'se',
      's',
      'sw',
      'w',
      'rotate',
    ]);
    expect(handleTarget(doc, ['nope'])).toBeNull();
  });

  it('a hall selected with its own row is one element: the hall’s handles', () => {
    expect(handleTarget(doc, ['hall-1', 'row-1'])).toMatchObject({ kind: 'rect', id: 'hall-1' });
  });
});
