import { beforeEach, describe, expect, it } from 'vitest';
import type { Layout, Vec2 } from '../../domain';
import { createDocumentStore, type DocumentStore } from '../../state/documentStore';
import { createSessionStore, type SessionStore } from '../../state/sessionStore';
import { fixture } from '../editFixture';
import { handlesOf, handleTarget, type Handle } from '../handles';
import { createToolContext } from './context';
import { createNotificationsStore } from '../../state/notifications';
import { SelectTool } from './selectTool';
import type { ToolContext, ToolPointerEvent } from './types';

/** 10 px per metre: snapping reaches 0.8 m, so moves in open ground snap to the 1 m grid only. */
const SCALE = 10;

let docs: DocumentStore;
let session: SessionStore;
let ctx: ToolContext;
let frames: (() => void)[];
let tool: SelectTool;
let updates: number;

const runFrames = () => {
  while (frames.length > 0) frames.shift()!();
};

beforeEach(() => {
  docs = createDocumentStore(fixture());
  session = createSessionStore();
  session.getState().setCamera({ x: 0, y: 0, scale: SCALE });
  const base = createToolContext({
    document: docs,
    session,
    notifications: createNotificationsStore(),
  });
  updates = 0;
  ctx = {
    ...base,
    updateGesture: (recipe) => {
      updates++;
      base.updateGesture(recipe);
    },
  };
  frames = [];
  tool = new SelectTool((cb) => frames.push(cb));
});

interface Mods {
  shift?: boolean;
  alt?: boolean;
}
const ev = (x: number, y: number, m: Mods = {}): ToolPointerEvent => ({
  world: { x, y },
  screen: { x: x * SCALE, y: y * SCALE },
  button: 0,
  shift: m.shift ?? false,
  alt: m.alt ?? false,
  mod: false,
});
const click = (x: number, y: number, m: Mods = {}) => {
  tool.onPointerDown(ev(x, y, m), ctx);
  tool.onPointerUp(ev(x, y, m), ctx);
};
const drag = (from: Vec2, to: Vec2, m: Mods = {}, steps = 4) => {
  tool.onPointerDown(ev(from.x, from.y, m), ctx);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    tool.onPointerMove(ev(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, m), ctx);
  }
  runFrames();
  tool.onPointerUp(ev(to.x, to.y, m), ctx);
};
const selection = () => session.getState().selection;
const doc = (): Layout => docs.getState().doc;
const hall = (id: string) => doc().halls.find((h) => h.id === id)!;
const handles = (): Handle[] => handlesOf(handleTarget(doc(), selection())!, SCALE);
const handle = (pred: (h: Handle) => boolean) => handles().find(pred)!;

describe('select tool: clicks', () => {
  it('click selects, Shift-click toggles, click on empty clears', () => {
    click(90, 105);
    expect(selection()).toEqual(['hall-1']);
    click(302.5, 100, { shift: true });
    expect(selection()).toEqual(['hall-1', 'hall-2']);
    click(90, 105, { shift: true });
    expect(selection()).toEqual(['hall-2']);
    click(500, 500, { shift: true });
    expect(selection()).toEqual(['hall-2']);
    click(500, 500);
    expect(selection()).toEqual([]);
    expect(docs.getState().past).toHaveLength(0);
  });

  it('a click on one of several selected elements selects just it', () => {
    session.getState().setSelection(['hall-1', 'hall-2']);
    click(90, 105);
    expect(selection()).toEqual(['hall-1']);
  });

  it('picks the hall over its row at the top level, the zone around a hall on its empty area', () => {
    click(300, 102.5);
    expect(selection()).toEqual(['hall-2']);
    click(65, 75);
    expect(selection()).toEqual(['cz-1']);
  });
});

const dblclick = (x: number, y: number) => {
  click(x, y);
  click(x, y);
  tool.onDoubleClick(ev(x, y), ctx);
};
const key = (k: string, shift = false) =>
  tool.onKeyDown({ key: k, shift, alt: false, mod: false }, ctx);

describe('select tool: the hierarchy (halls and their rows)', () => {
  it('double-click enters the hall and selects the row under the pointer; clicks then pick rows', () => {
    dblclick(300, 102.5);
    expect(session.getState().entered).toBe('hall-2');
    expect(selection()).toEqual(['row-2']);
    // The hall's empty floor selects nothing and stays inside.
    click(295, 90);
    expect(selection()).toEqual([]);
    expect(session.getState().entered).toBe('hall-2');
    click(300, 102.5);
    expect(selection()).toEqual(['row-2']);
  });

  it('Esc and Shift+Enter go back up: the hall selected, the hall left', () => {
    dblclick(300, 102.5);
    expect(key('Escape')).toBe(true);
    expect(session.getState().entered).toBeNull();
    expect(selection()).toEqual(['hall-2']);
    // Double-click goes in again; Shift+Enter back up.
    dblclick(300, 102.5);
    expect(selection()).toEqual(['row-2']);
    expect(key('Enter', true)).toBe(true);
    expect(selection()).toEqual(['hall-2']);
    expect(session.getState().entered).toBeNull();
    // At the top level Esc clears the selection.
    expect(key('Escape')).toBe(true);
    expect(selection()).toEqual([]);
  });

  it('a click outside the entered hall leaves it and picks at the top level', () => {
    dblclick(300, 102.5);
    click(100, 95);
    expect(session.getState().entered).toBeNull();
    expect(selection()).toEqual(['hall-1']);
    // hall-1's row (at its centre, under the trench's line) picks hall-1: it is not entered.
    click(100, 101.5);
    expect(selection()).toEqual(['hall-1']);
  });

  it('box select: top-level elements at the top level, rows inside an entered hall', () => {
    // A box over row-2 only (not the whole hall) selects nothing at the top level.
    drag({ x: 285, y: 95 }, { x: 303, y: 105 });
    expect(selection()).toEqual([]);
    dblclick(300, 102.5);
    click(295, 90);
    // The same box from the hall's floor, inside the hall, selects its row.
    drag({ x: 297, y: 95 }, { x: 303, y: 105 });
    expect(selection()).toEqual(['row-2']);
  });

  it('a double-click on a hall without rows enters nothing', () => {
    docs.getState().apply((d) => {
      d.rackRows = d.rackRows.filter((r) => r.hallId !== 'hall-1');
    }, 'Clear');
    dblclick(100, 95);
    expect(session.getState().entered).toBeNull();
    expect(selection()).toEqual(['hall-1']);
  });
});

describe('select tool: the parcel', () => {
  it('a click on its edge with nothing else there selects it; Esc lets it go', () => {
    const [x, y] = doc().parcel.points[0]!;
    const [x1] = doc().parcel.points[1]!;
    click((x + x1) / 2, y);
    expect(session.getState().parcelSelected).toBe(true);
    expect(selection()).toEqual([]);
    expect(key('Escape')).toBe(true);
    expect(session.getState().parcelSelected).toBe(false);
  });
});

describe('select tool: rotation shows its angle', () => {
  it('by the pointer while dragging the rotation handle', () => {
    session.getState().setSelection(['hall-1']);
    const rot = handles().find((h) => h.kind === 'rotate')!;
    tool.onPointerDown(ev(rot.point.x, rot.point.y), ctx);
    // hall-1's centre is (100, 100): a point due east is a quarter turn clockwise.
    tool.onPointerMove(ev(160, 100), ctx);
    runFrames();
    expect(session.getState().overlay.label).toEqual({ at: { x: 160, y: 100 }, text: '90°' });
    tool.onPointerUp(ev(160, 100), ctx);
    expect(session.getState().overlay.label ?? null).toBeNull();
  });
});

describe('select tool: glue', () => {
  it('a dragged hall takes its zone along; with Alt it moves alone', () => {
    drag({ x: 100, y: 95 }, { x: 150, y: 95 }, { alt: true });
    expect(hall('hall-1')).toMatchObject({ x: 150, y: 100 });
    expect(doc().coolingZones[0]).toMatchObject({ x: 100, y: 100 });
    docs.getState().undo();
    drag({ x: 100, y: 95 }, { x: 150, y: 95 });
    expect(hall('hall-1')).toMatchObject({ x: 150, y: 100 });
    expect(doc().coolingZones[0]).toMatchObject({ x: 150, y: 100 });
    // One step, the zone with it.
    expect(docs.getState().past).toHaveLength(1);
    docs.getState().undo();
    expect(doc()).toEqual(fixture());
  });
});

describe('select tool: box select', () => {
  it('drag on empty ground selects what the box wholly holds; Shift adds', () => {
    drag({ x: 290, y: 60 }, { x: 330, y: 140 });
    expect(selection()).toEqual(['hall-2']);
    expect(session.getState().overlay.marquee).toBeNull();
    drag({ x: 150, y: 250 }, { x: 260, y: 340 }, { shift: true });
    expect(selection()).toEqual(['hall-2', 'sub-1']);
    expect(docs.getState().past).toHaveLength(0);
  });

  it('shows the marquee while dragging; Esc restores the selection before it', () => {
    session.getState().setSelection(['tr-1']);
    tool.onPointerDown(ev(290, 60), ctx);
    tool.onPointerMove(ev(330, 140), ctx);
    runFrames();
    expect(session.getState().overlay.marquee).toEqual({
      a: { x: 290, y: 60 },
      b: { x: 330, y: 140 },
    });
    expect(selection()).toEqual(['hall-2']);
    expect(tool.onKeyDown({ key: 'Escape', shift: false, alt: false, mod: false }, ctx)).toBe(true);
    expect(selection()).toEqual(['tr-1']);
    expect(session.getState().overlay.marquee).toBeNull();
  });
});

describe('select tool: moving', () => {
  it('a drag moves the selection as exactly one undo step, snapped to the grid', () => {
    const before = doc();
    drag({ x: 290, y: 110 }, { x: 312.3, y: 128.6 });
    expect(selection()).toEqual(['hall-2']);
    // 22.3, 18.6 → the hall's centre snaps to whole metres: 322, 119.
    expect(hall('hall-2')).toMatchObject({ x: 322, y: 119 });
    expect(docs.getState().past).toHaveLength(1);
    expect(docs.getState().past[0]!.label).toBe('Move hall');
    docs.getState().undo();
    expect(doc()).toBe(before);
  });

  it('Alt turns snapping off', () => {
    drag({ x: 290, y: 110 }, { x: 312.3, y: 128.6 }, { alt: true });
    expect(hall('hall-2').x).toBeCloseTo(322.3, 9);
    expect(hall('hall-2').y).toBeCloseTo(118.6, 9);
  });

  it('pressing an unselected element selects it first and moves only it', () => {
    session.getState().setSelection(['sub-1']);
    drag({ x: 90, y: 105 }, { x: 100, y: 105 });
    expect(selection()).toEqual(['hall-1']);
    expect(doc().substations[0]!.x).toBe(200);
    expect(hall('hall-1').x).toBe(110);
  });

  it('moves the whole selection when one of its elements is dragged', () => {
    session.getState().setSelection(['hall-1', 'sub-1']);
    drag({ x: 90, y: 105 }, { x: 90, y: 125 });
    expect(hall('hall-1').y).toBe(120);
    expect(doc().substations[0]!.y).toBe(320);
    expect(docs.getState().past.at(-1)!.label).toBe('Move 2 elements');
  });

  it('updates the document at most once per animation frame', () => {
    tool.onPointerDown(ev(290, 110), ctx);
    for (let i = 1; i <= 12; i++) tool.onPointerMove(ev(290 + i, 110), ctx);
    expect(updates).toBe(0);
    expect(frames).toHaveLength(1);
    runFrames();
    expect(updates).toBe(1);
    expect(hall('hall-2').x).toBe(312);
    tool.onPointerMove(ev(320, 110), ctx);
    tool.onPointerMove(ev(321, 110), ctx);
    runFrames();
    expect(updates).toBe(2);
    tool.onPointerUp(ev(321, 110), ctx);
    expect(hall('hall-2').x).toBe(331);
    expect(docs.getState().past).toHaveLength(1);
  });

  it('Esc during a drag cancels back to the identical document', () => {
    const before = doc();
    tool.onPointerDown(ev(290, 110), ctx);
    tool.onPointerMove(ev(330, 150), ctx);
    runFrames();
    expect(hall('hall-2').x).toBe(340);
    expect(tool.onKeyDown({ key: 'Escape', shift: false, alt: false, mod: false }, ctx)).toBe(true);
    expect(doc()).toBe(before);
    expect(docs.getState().past).toHaveLength(0);
    expect(docs.getState().mark).toBeNull();
    // The release after Esc does nothing more.
    tool.onPointerUp(ev(330, 150), ctx);
    expect(doc()).toBe(before);
  });

  it('a drag that ends where it began records nothing', () => {
    const before = doc();
    tool.onPointerDown(ev(290, 110), ctx);
    tool.onPointerMove(ev(300, 110), ctx);
    runFrames();
    tool.onPointerMove(ev(290, 110), ctx);
    tool.onPointerUp(ev(290, 110), ctx);
    expect(docs.getState().past).toHaveLength(0);
    expect(doc()).toBe(before);
  });

  it('a row drags in its hall frame and stays inside its hall', () => {
    // row-2's hall is turned 90°: down on screen is along the hall's x axis.
    session.getState().setEntered('hall-2');
    drag({ x: 300, y: 102.5 }, { x: 300, y: 200 });
    expect(selection()).toEqual(['row-2']);
    expect(doc().rackRows[1]).toMatchObject({ x: 37, y: 10 });
  });

  it('Esc with nothing in progress clears the selection', () => {
    session.getState().setSelection(['hall-1']);
    expect(tool.onKeyDown({ key: 'Escape', shift: false, alt: false, mod: false }, ctx)).toBe(true);
    expect(selection()).toEqual([]);
    expect(tool.onKeyDown({ key: 'Escape', shift: false, alt: false, mod: false }, ctx)).toBe(
      false,
    );
    expect(tool.onKeyDown({ key: 'Delete', shift: false, alt: false, mod: false }, ctx)).toBe(
      false,
    );
  });
});

describe('select tool: handles', () => {
  it('shows 8 resize handles and a rotation handle for one hall, the group box’s for two', () => {
    session.getState().setSelection(['hall-1']);
    expect(handles().map((h) => (h.kind === 'resize' ? h.dir : h.kind))).toEqual([
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
    expect(handleTarget(doc(), ['hall-1', 'hall-2'])?.kind).toBe('group');
    session.getState().setSelection(['row-1']);
    expect(handles().map((h) => (h.kind === 'resize' ? h.dir : h.kind))).toEqual([
      'e',
      'w',
      'rotate',
    ]);
  });

  it('rotation snaps to 15°; Shift rotates freely; one undo step', () => {
    session.getState().setSelection(['hall-1']);
    const r = handle((h) => h.kind === 'rotate');
    // The handle is straight above the centre (100, 100). Turn the pointer 40° clockwise.
    const d = Math.hypot(r.point.x - 100, r.point.y - 100);
    const at = (deg: number) => ({
      x: 100 + d * Math.sin((deg * Math.PI) / 180),
      y: 100 - d * Math.cos((deg * Math.PI) / 180),
    });
    drag(r.point, at(40));
    expect(hall('hall-1').rotation).toBe(45);
    expect(docs.getState().past).toHaveLength(1);
    expect(docs.getState().past[0]!.label).toBe('Rotate hall');
    docs.getState().undo();
    const r2 = handle((h) => h.kind === 'rotate');
    drag(r2.point, at(40), { shift: true });
    expect(hall('hall-1').rotation).toBeCloseTo(40, 9);
  });

  it('a resize handle drag changes the size, keeping the opposite edge', () => {
    session.getState().setSelection(['hall-1']);
    const e = handle((h) => h.kind === 'resize' && h.dir === 'e');
    expect(e.point).toEqual({ x: 120, y: 100 });
    drag(e.point, { x: 130.2, y: 103 });
    expect(hall('hall-1')).toMatchObject({ width: 50, depth: 20, x: 105, y: 100 });
    expect(docs.getState().past.map((p) => p.label)).toEqual(['Resize hall']);
  });

  it('Esc during a resize restores the document exactly', () => {
    session.getState().setSelection(['cz-1']);
    const before = doc();
    const se = handle((h) => h.kind === 'resize' && h.dir === 'se');
    tool.onPointerDown(ev(se.point.x, se.point.y), ctx);
    tool.onPointerMove(ev(se.point.x + 20, se.point.y + 20), ctx);
    runFrames();
    expect(doc().coolingZones[0]!.width).toBe(100);
    tool.onKeyDown({ key: 'Escape', shift: false, alt: false, mod: false }, ctx);
    expect(doc()).toBe(before);
  });

  it('a selected trench shows its vertices; dragging one moves it (snapping as a trench vertex)', () => {
    session.getState().setSelection(['tr-1']);
    const v = handle((h) => h.kind === 'vertex' && h.index === 1);
    expect(v.point).toEqual({ x: 140, y: 100 });
    drag(v.point, { x: 160.2, y: 149.7 });
    expect(doc().fiberTrenches[0]!.points).toEqual([
      [60, 100],
      [160, 150],
    ]);
    expect(docs.getState().past.map((p) => p.label)).toEqual(['Move trench vertex']);
  });

  it('a row resizes by whole racks from its end handle', () => {
    session.getState().setSelection(['row-1']);
    const w = handle((h) => h.kind === 'resize' && h.dir === 'w');
    expect(w.point).toEqual({ x: 97, y: 100 });
    drag(w.point, { x: 94.1, y: 100 });
    // 6 m + 2.9 m ≈ 8.9 m → 15 racks (9 m); the right end stays at x 103.
    expect(doc().rackRows[0]).toMatchObject({ rackCount: 15, x: 18.5 });
  });
});

describe('select tool: the handles of several elements', () => {
  // hall-1: 40 × 20 at (100, 100); hall-2: the same turned 90°, at (300, 100), so 20 × 40 on the
  // campus. Their box: x 80…310, y 80…120 (230 × 40), centre (195, 100).
  const rectOf = (id: string) => {
    const h = hall(id);
    return { x: h.x, y: h.y, width: h.width, depth: h.depth, rotation: h.rotation };
  };

  it('the east handle doubles the box width: centres spread from the west side, sides scale along x', () => {
    session.getState().setSelection(['hall-1', 'hall-2']);
    const e = handle((h) => h.kind === 'resize' && h.dir === 'e');
    expect(e.point).toEqual({ x: 310, y: 100 });
    const before = doc();
    drag(e.point, { x: 540, y: 100 });
    // x' = 80 + (x − 80) × 2: hall-1 100 → 120 and 40 wide → 80; hall-2 300 → 520, and its depth
    // (its side along campus x, being turned 90°) 20 → 40 while its width (along y) stays 40.
    expect(rectOf('hall-1')).toEqual({ x: 120, y: 100, width: 80, depth: 20, rotation: 0 });
    expect(rectOf('hall-2')).toEqual({ x: 520, y: 100, width: 40, depth: 40, rotation: 90 });
    // Rows keep their places from their hall's top-left corner.
    expect(doc().rackRows).toEqual(before.rackRows);
    // hall-1's zone is carried along: it still wraps the hall (80 × 60 → wider by the same 40 m).
    const zone = doc().coolingZones[0]!;
    expect(zone.x - zone.width / 2).toBeLessThanOrEqual(80);
    expect(zone.x + zone.width / 2).toBeGreaterThanOrEqual(160);
    expect(docs.getState().past).toHaveLength(1);
    docs.getState().undo();
    expect(doc()).toBe(before);
  });

  it('Shift on a corner keeps the proportions; the box never flips through its anchor', () => {
    session.getState().setSelection(['hall-1', 'hall-2']);
    const se = handle((h) => h.kind === 'resize' && h.dir === 'se');
    expect(se.point).toEqual({ x: 310, y: 120 });
    // Dragged to half the width at the same height: the factors are x 0.5 and y 1, and Shift
    // takes the larger for both, so nothing changes.
    drag(se.point, { x: 195, y: 120 }, { shift: true });
    expect(rectOf('hall-1')).toEqual({ x: 100, y: 100, width: 40, depth: 20, rotation: 0 });
    docs.getState().undo();
    // Dragged past the west side: the box is 1 m wide, not mirrored; hall-1's centre goes to
    // 80 + 20 / 230, inside the metre.
    drag(se.point, { x: 0, y: 120 });
    expect(hall('hall-1').x).toBeGreaterThanOrEqual(80);
    expect(hall('hall-1').x).toBeLessThanOrEqual(81);
    expect(hall('hall-2').x).toBeLessThanOrEqual(81);
  });

  it('the rotation handle turns them about the box centre in 15° steps, as one undo step', () => {
    session.getState().setSelection(['hall-1', 'hall-2']);
    const r = handle((h) => h.kind === 'rotate');
    expect(r.point.x).toBeCloseTo(195, 9);
    // From straight above the centre to 30 m east of it (a quarter turn clockwise), a little off.
    drag(r.point, { x: 225, y: 101 });
    // (100, 100) is 95 m west of the centre: a quarter turn clockwise puts it 95 m north.
    expect(rectOf('hall-1')).toEqual({ x: 195, y: 5, width: 40, depth: 20, rotation: 90 });
    expect(rectOf('hall-2')).toEqual({ x: 195, y: 205, width: 40, depth: 20, rotation: 180 });
    expect(docs.getState().past).toHaveLength(1);
  });

  it('a trench in the selection turns vertex by vertex; Esc puts everything back', () => {
    session.getState().setSelection(['hall-2', 'tr-1']);
    // Box: x 60…310, y 80…120, centre (185, 100).
    const before = doc();
    const r = handle((h) => h.kind === 'rotate');
    tool.onPointerDown(ev(r.point.x, r.point.y), ctx);
    tool.onPointerMove(ev(185, 200), ctx); // straight below the centre: half a turn
    runFrames();
    expect(doc().fiberTrenches[0]!.points).toEqual([
      [310, 100],
      [230, 100],
    ]);
    tool.onKeyDown({ key: 'Escape', shift: false, mod: false, alt: false }, ctx);
    expect(doc()).toBe(before);
  });
});
