import { describe, expect, it } from 'vitest';
import { fixture } from '../editFixture';
import { stepHistory } from './active';
import { createParcelTool } from './parcelTool';
import { SelectTool } from './selectTool';
import { toolHarness } from './testing';
import type { Tool } from './types';

/** Undo and redo pressed in the middle of a drag: the drag is abandoned, whole, and stays so. */

function harness(tool: Tool) {
  const h = toolHarness(tool, fixture(), 10);
  const step = (kind: 'undo' | 'redo') =>
    stepHistory(kind, { store: h.docStore, tool, ctx: h.ctx });
  return { ...h, step };
}

describe('undo during a gesture', () => {
  it('select: undo mid-drag restores the document; the rest of the drag moves nothing', () => {
    const frames: (() => void)[] = [];
    const runFrames = () => {
      while (frames.length > 0) frames.shift()!();
    };
    const tool = new SelectTool((cb) => frames.push(cb));
    const h = harness(tool);
    // One step to undo, one to redo: the redo stack must survive the cancelled drag.
    h.docStore.getState().apply((d) => {
      d.name = 'One';
    }, 'Rename layout');
    h.docStore.getState().apply((d) => {
      d.name = 'Two';
    }, 'Rename layout');
    h.docStore.getState().undo();
    const before = h.doc();
    const future = h.docStore.getState().future;

    h.down(90, 105);
    h.move(100, 115);
    runFrames();
    expect(h.doc().halls[0]!.x).not.toBe(100);
    h.step('undo');
    expect(h.doc()).toBe(before);
    expect(h.docStore.getState().mark).toBeNull();
    expect(tool.stateName).toBe('idle');
    h.move(120, 135);
    runFrames();
    h.up(120, 135);
    runFrames();
    expect(h.doc()).toBe(before);
    expect(h.docStore.getState().future).toBe(future);
    expect(h.docStore.getState().past.map((e) => e.label)).toEqual(['Rename layout']);
    expect(h.overlay().guides).toEqual([]);
    h.docStore.getState().redo();
    expect(h.doc().name).toBe('Two');
  });

  it('select: redo mid-drag cancels the drag too', () => {
    const tool = new SelectTool((cb) => cb());
    const h = harness(tool);
    const before = h.doc();
    h.down(90, 105);
    h.move(100, 115);
    expect(h.doc()).not.toBe(before);
    h.step('redo');
    expect(h.doc()).toBe(before);
    h.move(110, 125);
    h.up(110, 125);
    expect(h.doc()).toBe(before);
    expect(h.undoSteps()).toBe(0);
  });

  it('parcel: an edge press inserts a vertex; undo mid-drag leaves the parcel as it was', () => {
    const tool = createParcelTool();
    const h = harness(tool);
    const before = h.doc().parcel;
    // The fixture's parcel is the empty layout's: (0,0) (1000,0) (1000,800) (0,800).
    h.down(500, 0.3);
    h.move(500, -100);
    expect(h.doc().parcel.points).toHaveLength(5);
    h.step('undo');
    h.move(600, -200);
    h.up(600, -200);
    expect(h.doc().parcel).toBe(before);
    expect(h.undoSteps()).toBe(0);
    // Idle again, with the vertices still drawn as handles.
    expect(h.overlay().points).toHaveLength(4);
  });

  it('without a gesture, undo and redo step the history', () => {
    const h = harness(new SelectTool((cb) => cb()));
    const before = h.doc();
    h.docStore.getState().apply((d) => {
      d.name = 'One';
    }, 'Rename layout');
    h.step('undo');
    expect(h.doc()).toBe(before);
    h.step('redo');
    expect(h.doc().name).toBe('One');
  });
});
