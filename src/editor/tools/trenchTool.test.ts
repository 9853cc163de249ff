import { describe, expect, it } from 'vitest';
import { createFiberTrench } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { EMPTY_OVERLAY } from './types';
import { createTrenchTool } from './trenchTool';
import { toolHarness } from './testing';

describe('fiber trench tool', () => {
  it('3 clicks + Enter make a 3-point trench with the options’ fiber count, as one undo step', () => {
    const h = toolHarness(createTrenchTool());
    h.sessionStore.getState().setToolOptions({ fiberCount: 3456 });
    h.click(10, 10);
    h.click(100, 10);
    h.click(100, 80);
    expect(h.doc().fiberTrenches).toHaveLength(0);
    expect(h.key('Enter')).toBe(true);
    expect(h.doc().fiberTrenches).toEqual([
      {
        id: 'tr-1',
        name: 'Trench 1',
        points: [
          [10, 10],
          [100, 10],
          [100, 80],
        ],
        fiberCount: 3456,
      },
    ]);
    expect(h.undoSteps()).toBe(1);
    expect(h.selection()).toEqual(['tr-1']);
    // One trench made: back to select (the tool lock is off).
    expect(h.activeTool()).toBe('select');
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
  });

  it('a rubber-band segment follows the pointer from the last vertex', () => {
    const h = toolHarness(createTrenchTool());
    h.click(10, 10);
    h.click(100, 10);
    h.move(140.2, 59.7);
    expect(h.overlay().polylines).toEqual([
      [
        { x: 10, y: 10 },
        { x: 100, y: 10 },
        { x: 140, y: 60 },
      ],
    ]);
    expect(h.overlay().points).toHaveLength(2);
  });

  it('Esc abandons the trench with no document change; a second Esc returns to select', () => {
    const h = toolHarness(createTrenchTool());
    const before = h.doc();
    h.click(10, 10);
    h.click(100, 10);
    expect(h.key('Escape')).toBe(true);
    expect(h.doc()).toBe(before);
    expect(h.undoSteps()).toBe(0);
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
    expect(h.activeTool()).toBe('fiberTrench');
    // Enter now has nothing to end.
    h.key('Enter');
    expect(h.doc()).toBe(before);
    expect(h.key('Escape')).toBe(true);
    expect(h.activeTool()).toBe('select');
  });

  it('Backspace removes the last vertex', () => {
    const h = toolHarness(createTrenchTool());
    h.click(10, 10);
    h.click(100, 10);
    h.click(100, 80);
    expect(h.key('Backspace')).toBe(true);
    h.key('Enter');
    expect(h.doc().fiberTrenches[0]!.points).toEqual([
      [10, 10],
      [100, 10],
    ]);
  });

  it('Backspace on the only vertex abandons the trench', () => {
    const h = toolHarness(createTrenchTool());
    h.click(10, 10);
    h.key('Backspace');
    expect(h.overlay().polylines).toEqual([]);
    h.key('Enter');
    expect(h.doc().fiberTrenches).toHaveLength(0);
  });

  it('fewer than 2 points make nothing', () => {
    const h = toolHarness(createTrenchTool());
    const before = h.doc();
    h.click(10, 10);
    h.key('Enter');
    h.doubleClick(50, 50);
    expect(h.doc()).toBe(before);
  });

  it('a double-click ends the trench at the double-clicked point (no doubled vertex)', () => {
    const h = toolHarness(createTrenchTool());
    h.click(10, 10);
    h.click(60, 10);
    h.doubleClick(60, 50);
    expect(h.doc().fiberTrenches[0]!.points).toEqual([
      [10, 10],
      [60, 10],
      [60, 50],
    ]);
    expect(h.undoSteps()).toBe(1);
  });

  it('vertices snap to another trench’s vertices', () => {
    const layout = {
      ...emptyLayout(),
      fiberTrenches: [
        createFiberTrench('tr-1', [
          [50.4, 20.3],
          [50.4, 200.3],
        ]),
      ],
    };
    const h = toolHarness(createTrenchTool(), layout);
    h.click(10, 20);
    h.click(50.7, 20.1);
    h.key('Enter');
    expect(h.doc().fiberTrenches[1]).toMatchObject({
      id: 'tr-2',
      points: [
        [10, 20.3],
        [50.4, 20.3],
      ],
    });
  });

  it('leaves Enter and Delete to the app when not drawing', () => {
    const h = toolHarness(createTrenchTool());
    expect(h.key('Enter')).toBe(false);
    expect(h.key('Delete')).toBe(false);
  });
});
