import { describe, expect, it } from 'vitest';
import { createHall, HALL_DEFAULTS } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { EMPTY_OVERLAY } from './types';
import { createHallTool, MIN_HALL_M } from './hallTool';
import { toolHarness } from './testing';

describe('hall tool', () => {
  it('a drag from (10,10) to (110,60) makes a 100 × 50 hall centred at (60,35), as one undo step', () => {
    const h = toolHarness(createHallTool());
    h.drag(10, 10, 110, 60);
    expect(h.doc().halls).toHaveLength(1);
    const hall = h.doc().halls[0]!;
    expect(hall).toMatchObject({
      id: 'hall-1',
      name: 'Hall 1',
      x: 60,
      y: 35,
      width: 100,
      depth: 50,
    });
    expect(hall.rotation).toBe(0);
    expect(hall.floorRatingKpa).toBe(HALL_DEFAULTS.floorRatingKpa);
    expect(h.undoSteps()).toBe(1);
    expect(h.docStore.getState().past[0]!.label).toBe('Add hall');
    // The new hall is selected and the tool hands back to select.
    expect(h.selection()).toEqual(['hall-1']);
    expect(h.activeTool()).toBe('select');
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
    h.docStore.getState().undo();
    expect(h.doc().halls).toHaveLength(0);
  });

  it('shows a ghost rectangle while dragging and changes nothing until release', () => {
    const h = toolHarness(createHallTool());
    const before = h.doc();
    h.down(20, 20);
    h.move(50, 40);
    h.move(80, 70);
    expect(h.overlay().rects).toEqual([{ x: 50, y: 45, width: 60, depth: 50, rotation: 0 }]);
    expect(h.overlay().points).toEqual([
      { x: 20, y: 20 },
      { x: 80, y: 70 },
    ]);
    expect(h.doc()).toBe(before);
  });

  it('snaps both corners (to the 1 m grid here); Alt turns snapping off', () => {
    const h = toolHarness(createHallTool());
    h.drag(10.3, 9.8, 109.6, 60.2);
    expect(h.doc().halls[0]).toMatchObject({ x: 60, y: 35, width: 100, depth: 50 });

    const raw = toolHarness(createHallTool());
    raw.drag(10.25, 10.25, 30.75, 20.5, { alt: true });
    expect(raw.doc().halls[0]).toMatchObject({ x: 20.5, y: 15.375, width: 20.5, depth: 10.25 });
  });

  it('a drag in any direction works (corners, not start/end)', () => {
    const h = toolHarness(createHallTool());
    h.drag(110, 60, 10, 10);
    expect(h.doc().halls[0]).toMatchObject({ x: 60, y: 35, width: 100, depth: 50 });
  });

  it(`a short drag makes at least ${MIN_HALL_M} m × ${MIN_HALL_M} m, growing in the drag's direction`, () => {
    const h = toolHarness(createHallTool());
    h.drag(10, 10, 12, 11);
    expect(h.doc().halls[0]).toMatchObject({ x: 12.5, y: 12.5, width: 5, depth: 5 });

    const back = toolHarness(createHallTool());
    back.drag(50, 50, 48, 20);
    expect(back.doc().halls[0]).toMatchObject({ x: 47.5, y: 35, width: 5, depth: 30 });
  });

  it('a plain click makes a default-size hall centred at the snapped point', () => {
    const h = toolHarness(createHallTool());
    h.click(200.3, 149.8);
    expect(h.doc().halls[0]).toMatchObject({
      x: 200,
      y: 150,
      width: HALL_DEFAULTS.width,
      depth: HALL_DEFAULTS.depth,
    });
    expect(h.undoSteps()).toBe(1);
  });

  it('a press that moves less than the click slop is still a click', () => {
    const h = toolHarness(createHallTool(), emptyLayout(), 10);
    h.down(200, 150);
    h.move(200.2, 150.1); // 2 px at 10 px/m
    h.up(200.2, 150.1);
    expect(h.doc().halls[0]).toMatchObject({ width: HALL_DEFAULTS.width, x: 200, y: 150 });
  });

  it('gives each new hall a fresh id and name', () => {
    const layout = { ...emptyLayout(), halls: [createHall('hall-4', { x: 500, y: 500 })] };
    const h = toolHarness(createHallTool(), layout);
    h.drag(10, 10, 60, 40);
    expect(h.doc().halls.map((x) => [x.id, x.name])).toEqual([
      ['hall-4', 'Hall 4'],
      ['hall-5', 'Hall 5'],
    ]);
  });

  it('Esc during a drag cancels it with no change; Esc when idle returns to select', () => {
    const h = toolHarness(createHallTool());
    const before = h.doc();
    h.down(10, 10);
    h.move(60, 60);
    expect(h.key('Escape')).toBe(true);
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
    h.up(60, 60);
    expect(h.doc()).toBe(before);
    expect(h.activeTool()).toBe('hall');
    expect(h.key('Escape')).toBe(true);
    expect(h.activeTool()).toBe('select');
    expect(h.undoSteps()).toBe(0);
  });

  it('leaves other keys to the app', () => {
    const h = toolHarness(createHallTool());
    expect(h.key('Delete')).toBe(false);
    expect(h.key('v')).toBe(false);
  });
});
