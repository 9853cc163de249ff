import { describe, expect, it } from 'vitest';
import { emptyLayout } from '../../state/documentStore';
import {
  createParcelTool,
  hitParcel,
  PARCEL_CROSSING_MESSAGE,
  PARCEL_DELETE_CROSSING_MESSAGE,
  PARCEL_MIN_MESSAGE,
  PARCEL_NO_VERTEX_MESSAGE,
  parcelWithVertex,
} from './parcelTool';
import type { XY } from '../../domain';
import { toolHarness } from './testing';

/** The empty layout's parcel: (0,0) (1000,0) (1000,800) (0,800). */
const square = () => toolHarness(createParcelTool(), emptyLayout(), 10);
const points = (h: ReturnType<typeof square>) => h.doc().parcel.points;

describe('parcel tool', () => {
  it('shows the vertices as handles when it becomes active', () => {
    const h = square();
    createParcelTool().onEnter?.(h.ctx);
    expect(h.overlay().points).toEqual([
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
      { x: 1000, y: 800 },
      { x: 0, y: 800 },
    ]);
  });

  it('finds a vertex before an edge, within a few screen pixels', () => {
    const pts = points(square());
    expect(hitParcel(pts, { x: 1000.5, y: 0.3 }, 10)).toEqual({ kind: 'vertex', index: 1 });
    expect(hitParcel(pts, { x: 500, y: 0.4 }, 10)).toEqual({
      kind: 'edge',
      index: 0,
      point: { x: 500, y: 0 },
    });
    expect(hitParcel(pts, { x: 500, y: 2 }, 10)).toBeNull();
    // At 1 px/m the same 8 px reach 8 m.
    expect(hitParcel(pts, { x: 1005, y: 3 }, 1)).toEqual({ kind: 'vertex', index: 1 });
  });

  it('dragging a vertex moves it (snapped) as one undo step', () => {
    const h = square();
    h.down(1000, 800);
    h.move(1050, 850);
    // Live during the drag, without history.
    expect(points(h)[2]).toEqual([1050, 850]);
    expect(h.undoSteps()).toBe(0);
    h.move(1100.3, 899.8);
    h.up(1100.3, 899.8);
    expect(points(h)).toEqual([
      [0, 0],
      [1000, 0],
      [1100, 900],
      [0, 800],
    ]);
    expect(h.undoSteps()).toBe(1);
    expect(h.docStore.getState().past[0]!.label).toBe('Move parcel vertex');
    h.docStore.getState().undo();
    expect(points(h)[2]).toEqual([1000, 800]);
  });

  it('a click on an edge inserts a vertex there, as one undo step', () => {
    const h = square();
    h.click(500, 0.3);
    expect(points(h)).toEqual([
      [0, 0],
      [500, 0],
      [1000, 0],
      [1000, 800],
      [0, 800],
    ]);
    expect(h.undoSteps()).toBe(1);
    expect(h.docStore.getState().past[0]!.label).toBe('Add parcel vertex');
  });

  it('pressing on an edge and dragging inserts and moves the new vertex in one step', () => {
    const h = square();
    h.drag(500, 0, 500, -100);
    expect(points(h)[1]).toEqual([500, -100]);
    expect(points(h)).toHaveLength(5);
    expect(h.undoSteps()).toBe(1);
  });

  it('Alt-click deletes a vertex, but never below 3', () => {
    const h = square();
    h.click(0, 800, { alt: true });
    expect(points(h)).toEqual([
      [0, 0],
      [1000, 0],
      [1000, 800],
    ]);
    expect(h.undoSteps()).toBe(1);
    h.click(0, 0, { alt: true });
    expect(points(h)).toHaveLength(3);
    expect(h.undoSteps()).toBe(1);
    expect(h.toast()).toMatchObject({ text: PARCEL_MIN_MESSAGE });
  });

  it('Delete removes the hovered vertex; Backspace the last-picked one', () => {
    const h = square();
    h.click(500, 0); // insert a vertex at (500, 0)
    h.move(500, 0.2); // hover it
    expect(h.key('Delete')).toBe(true);
    expect(points(h)).toHaveLength(4);

    h.click(1000, 800); // pick a vertex (a click: no move)
    expect(h.undoSteps()).toBe(2);
    h.move(400, 400); // hover nothing
    expect(h.key('Backspace')).toBe(true);
    expect(points(h)).toEqual([
      [0, 0],
      [1000, 0],
      [0, 800],
    ]);
  });

  it('Delete with nothing hovered or picked is kept from the app (it would delete the selection)', () => {
    const h = square();
    const before = h.doc();
    h.move(400, 400);
    expect(h.key('Delete')).toBe(true);
    expect(h.key('Backspace')).toBe(true);
    expect(h.doc()).toBe(before);
    expect(h.toast()?.text).toBe(PARCEL_NO_VERTEX_MESSAGE);
  });

  it('refuses a move that makes the parcel cross itself: restored, with a message', () => {
    const h = square();
    const before = h.doc();
    h.drag(1000, 800, 500, -200);
    expect(h.doc()).toBe(before);
    expect(h.undoSteps()).toBe(0);
    expect(h.toast()).toMatchObject({ text: PARCEL_CROSSING_MESSAGE, tone: 'warning' });
  });

  it('refuses a delete that makes the parcel cross itself', () => {
    // A peak over the top edge, with a notch from below reaching up into it: without the peak,
    // the top edge would cut straight through the notch.
    const layout = {
      ...emptyLayout(),
      parcel: {
        points: [
          [0, 0],
          [50, -100],
          [100, 0],
          [100, 100],
          [55, 100],
          [55, -50],
          [45, -50],
          [45, 100],
          [0, 100],
        ] as [number, number][],
      },
    };
    const h = toolHarness(createParcelTool(), layout, 10);
    const before = h.doc();
    h.click(50, -100, { alt: true });
    expect(h.doc()).toBe(before);
    expect(h.toast()).toMatchObject({ text: PARCEL_DELETE_CROSSING_MESSAGE, tone: 'warning' });
    // Another vertex goes without complaint.
    h.click(100, 100, { alt: true });
    expect(points(h)).toHaveLength(8);
  });

  it('Esc during a drag restores the parcel; Esc when idle returns to select', () => {
    const h = square();
    const before = h.doc();
    h.down(1000, 800);
    h.move(1200, 900);
    expect(h.key('Escape')).toBe(true);
    expect(h.doc()).toBe(before);
    h.up(1200, 900);
    expect(h.doc()).toBe(before);
    expect(h.key('Escape')).toBe(true);
    expect(h.activeTool()).toBe('select');
  });
});

describe('typing a parcel vertex', () => {
  const square: XY[] = [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
  ];

  it('sets one coordinate of one vertex', () => {
    const r = parcelWithVertex(square, 2, 0, 150);
    expect(r).toEqual({
      ok: true,
      points: [
        [0, 0],
        [100, 0],
        [150, 100],
        [0, 100],
      ],
    });
  });

  it('refuses a parcel that would cross itself, naming the edges, and changes nothing', () => {
    const r = parcelWithVertex(square, 2, 0, -50);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Vertex 3 there would make the parcel cross itself/);
    expect(square[2]).toEqual([100, 100]);
  });

  it('refuses a parcel with no area and a vertex that does not exist', () => {
    const tri: XY[] = [
      [0, 0],
      [100, 0],
      [50, 50],
    ];
    expect(parcelWithVertex(tri, 2, 1, 0)).toMatchObject({ ok: false });
    expect(parcelWithVertex(tri, 5, 0, 1)).toEqual({
      ok: false,
      message: 'The parcel has no vertex 6',
    });
  });
});
