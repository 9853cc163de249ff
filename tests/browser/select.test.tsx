import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { worldToScreen } from '../../src/editor/camera';
import { handlesOf, handleTarget, type Handle } from '../../src/editor/handles';
import { selectionDrawnBy } from '../../src/canvas/nodes/SelectionNodes';
import type { Vec2 } from '../../src/domain';
import { emptyLayout } from '../../src/state/documentStore';
import { smallLayout } from './fixtures';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor = createEditor({ tools: ALL_TOOLS });

let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.load(emptyLayout());
  editor.session.setState({
    camera: { x: 0, y: 0, scale: 1 },
    pointer: null,
    units: 'metric',
    selection: [],
    tool: 'select',
  });
});

afterEach(() => {
  host.remove();
});

const stage = (): Konva.Stage => {
  const s = Konva.stages.at(-1);
  if (!s) throw new Error('no Konva stage');
  return s;
};

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const doc = () => editor.document.getState().doc;
const selection = () => editor.session.getState().selection;
const hall = (id: string) => doc().halls.find((h) => h.id === id);

async function open() {
  const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
    container: host,
  });
  await frames();
  const canvas = screen.getByTestId('campus-canvas').element() as HTMLElement;
  return { screen, canvas };
}

interface Mods {
  shiftKey?: boolean;
  altKey?: boolean;
}

/** Pointer events on the canvas at campus points (metres), through the camera. */
function pointer(canvas: HTMLElement) {
  const at = (p: Vec2, m: Mods = {}, button = 0) => {
    const rect = canvas.getBoundingClientRect();
    const s = worldToScreen(editor.session.getState().camera, p);
    return {
      clientX: rect.left + s.x,
      clientY: rect.top + s.y,
      bubbles: true,
      cancelable: true,
      pointerId: 1,
      button,
      buttons: button === 0 ? 1 : 0,
      ...m,
    };
  };
  const fire = (type: string, p: Vec2, m?: Mods) =>
    canvas.dispatchEvent(new PointerEvent(type, at(p, m)));
  return {
    at,
    down: (p: Vec2, m?: Mods) => fire('pointerdown', p, m),
    move: (p: Vec2, m?: Mods) => fire('pointermove', p, m),
    up: (p: Vec2, m?: Mods) => fire('pointerup', p, m),
    click(p: Vec2, m?: Mods) {
      this.down(p, m);
      this.up(p, m);
    },
    drag(from: Vec2, to: Vec2, m?: Mods) {
      this.down(from, m);
      for (let i = 1; i <= 5; i++) {
        const t = i / 5;
        this.move({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }, m);
      }
      this.up(to, m);
    },
  };
}

const selectionShape = () => stage().findOne<Konva.Shape>('.selection')!;
const drawnHandles = (): readonly Handle[] => selectionDrawnBy(selectionShape())?.handles ?? [];

/** Is there a pixel of the selection blue within 2 px of a campus point on the UI layer? */
function selectionBlueNear(p: Vec2): boolean {
  const layer = stage().findOne<Konva.Layer>('.ui')!;
  const canvas = layer.getNativeCanvasElement();
  const ratio = layer.getCanvas().getPixelRatio();
  const s = worldToScreen(editor.session.getState().camera, p);
  const data = canvas
    .getContext('2d')!
    .getImageData(
      Math.round((s.x - 2) * ratio),
      Math.round((s.y - 2) * ratio),
      5 * ratio,
      5 * ratio,
    ).data;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a > 100 && b > 180 && r < 120 && g < 160) return true;
  }
  return false;
}

// In smallLayout, hall-a is 60 × 36 at (100, 80): x 70–130, y 62–98 on the campus. Its rows sit at
// x 24–36 of its frame (campus 94–106), so (75, 92) is empty hall floor.
const HALL_A_FLOOR = { x: 75, y: 92 };

describe('the select tool on the canvas', () => {
  it('a click selects a hall and draws its outline and handles on the UI layer', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.click(HALL_A_FLOOR);
    expect(selection()).toEqual(['hall-a']);
    await frames();
    const drawn = selectionDrawnBy(selectionShape())!;
    expect(drawn.outlines).toBe(1);
    expect(drawn.handles.map((h) => (h.kind === 'resize' ? h.dir : h.kind))).toEqual([
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
    // The outline along the top edge, between the corner and middle handles, is drawn blue.
    expect(selectionBlueNear({ x: 85, y: 62 })).toBe(true);
    // Empty ground clears the selection and the outline.
    p.click({ x: 20, y: 250 });
    expect(selection()).toEqual([]);
    await frames();
    expect(selectionDrawnBy(selectionShape())!.outlines).toBe(0);
    expect(selectionBlueNear({ x: 85, y: 62 })).toBe(false);
  });

  it('a drag moves the hall by the drag in metres; one undo restores it', async () => {
    const { canvas } = await open();
    const before = doc();
    const p = pointer(canvas);
    // Alt: no snapping, so the move is exactly the pointer's.
    p.drag(HALL_A_FLOOR, { x: HALL_A_FLOOR.x + 25, y: HALL_A_FLOOR.y + 10 }, { altKey: true });
    expect(selection()).toEqual(['hall-a']);
    expect(hall('hall-a')!.x).toBeCloseTo(125, 6);
    expect(hall('hall-a')!.y).toBeCloseTo(90, 6);
    expect(editor.document.getState().past).toHaveLength(1);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(doc()).toBe(before);
  });

  it('Esc during a drag puts the document back exactly', async () => {
    const { canvas } = await open();
    const before = doc();
    const p = pointer(canvas);
    p.down(HALL_A_FLOOR);
    p.move({ x: 120, y: 120 });
    await frames();
    expect(hall('hall-a')!.x).not.toBe(100);
    await userEvent.keyboard('{Escape}');
    expect(doc()).toBe(before);
    p.up({ x: 120, y: 120 });
    expect(doc()).toBe(before);
    expect(editor.document.getState().past).toHaveLength(0);
  });

  it('a drag on empty ground box-selects what it wholly holds', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.down({ x: 290, y: 20 });
    p.move({ x: 395, y: 100 });
    await frames();
    expect(editor.session.getState().overlay.marquee).not.toBeNull();
    p.up({ x: 395, y: 100 });
    expect(selection()).toEqual(['sub-1']);
    expect(editor.session.getState().overlay.marquee).toBeNull();
  });

  it('dragging the rotation handle turns the hall in 15° steps', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.click(HALL_A_FLOOR);
    await frames();
    const handle = drawnHandles().find((h) => h.kind === 'rotate')!;
    const r = Math.hypot(handle.point.x - 100, handle.point.y - 80);
    const deg = 40;
    const to = {
      x: 100 + r * Math.sin((deg * Math.PI) / 180),
      y: 80 - r * Math.cos((deg * Math.PI) / 180),
    };
    p.drag(handle.point, to);
    expect(hall('hall-a')!.rotation).toBe(45);
    expect(editor.document.getState().past.map((e) => e.label)).toEqual(['Rotate hall']);
    await frames();
    // The handles turn with it.
    const ne = drawnHandles().find((h) => h.kind === 'resize' && h.dir === 'ne')!;
    const expected = handlesOf(handleTarget(doc(), ['hall-a'])!, stage().scaleX()).find(
      (h) => h.kind === 'resize' && h.dir === 'ne',
    )!;
    expect(ne.point.x).toBeCloseTo(expected.point.x, 9);
  });

  it('several selected: the box around them has handles that scale them together', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.click(HALL_A_FLOOR);
    const sub = editor.document.getState().doc.substations[0]!;
    p.click({ x: sub.x, y: sub.y }, { shiftKey: true });
    expect(selection()).toEqual(['hall-a', 'sub-1']);
    await frames();
    const drawn = selectionDrawnBy(selectionShape())!;
    expect(drawn.box).toBe(true);
    expect(drawn.handles.map((h) => (h.kind === 'resize' ? h.dir : h.kind))).toEqual([
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
    // Drag the east handle to halve the box's width: hall-a (x 70…130) keeps its west side.
    const e = drawnHandles().find((h) => h.kind === 'resize' && h.dir === 'e')!;
    const west = 70;
    const half = { x: west + (e.point.x - west) / 2, y: e.point.y };
    p.drag(e.point, half);
    expect(hall('hall-a')!.width).toBeCloseTo(30, 2);
    expect(hall('hall-a')!.x).toBeCloseTo(85, 2);
    expect(doc().substations[0]!.x).toBeCloseTo(west + (sub.x - west) / 2, 2);
    expect(editor.document.getState().past).toHaveLength(1);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(hall('hall-a')!.width).toBe(60);
    expect(doc().substations[0]!.x).toBe(sub.x);
  });

  it('Delete deletes the selection; Ctrl+D duplicates; arrow keys move it', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.click(HALL_A_FLOOR);
    await userEvent.keyboard('{Control>}d{/Control}');
    expect(selection()).toEqual(['hall-1']);
    // Beside the original (60 m wide at x = 100), clear of it: 60 m + a 6 m gap to the right.
    expect(hall('hall-1')).toMatchObject({ x: 166, y: 80, width: 60, depth: 36 });
    expect(doc().rackRows.filter((r) => r.hallId === 'hall-1')).toHaveLength(6);

    await userEvent.keyboard('{ArrowRight}');
    expect(hall('hall-1')!.x).toBe(167);
    await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(hall('hall-1')!.y).toBe(90);

    await userEvent.keyboard('{Delete}');
    expect(hall('hall-1')).toBeUndefined();
    expect(doc().rackRows.some((r) => r.hallId === 'hall-1')).toBe(false);
    expect(selection()).toEqual([]);
    expect(editor.document.getState().past.map((e) => e.label)).toEqual([
      'Duplicate hall',
      'Move hall',
      'Move hall',
      'Delete hall',
    ]);
  });

  it('the context menu lists the actions that apply and runs them', async () => {
    const { canvas, screen } = await open();
    const at = pointer(canvas).at(HALL_A_FLOOR, {}, 2);
    canvas.dispatchEvent(new MouseEvent('contextmenu', at));
    expect(selection()).toEqual(['hall-a']);
    const menu = screen.getByTestId('context-menu');
    await expect.element(menu).toBeVisible();
    const labels = [...menu.element().querySelectorAll('[role=menuitem]')].map(
      (b) => b.querySelector('.context-menu-label')!.textContent,
    );
    expect(labels).toEqual([
      'Duplicate',
      'Copy',
      'Delete',
      'Bring to front',
      'Send to back',
      'Zoom to selection',
      'Select all',
    ]);
    await screen.getByRole('menuitem', { name: /Delete/ }).click();
    expect(hall('hall-a')).toBeUndefined();
    expect(document.querySelector('[data-testid=context-menu]')).toBeNull();
  });

  it('Shift+2 zooms to the selection', async () => {
    const { canvas } = await open();
    pointer(canvas).click({ x: 340, y: 60 });
    expect(selection()).toEqual(['sub-1']);
    const before = editor.session.getState().camera;
    await userEvent.keyboard('{Shift>}{Digit2}{/Shift}');
    const after = editor.session.getState().camera;
    expect(after.scale).toBeGreaterThan(before.scale);
    // Centred in what the toolbar and legend leave free of the canvas.
    const { viewport, viewInsets: i } = editor.session.getState();
    const centre = worldToScreen(after, { x: 340, y: 60 });
    expect(centre.x).toBeCloseTo(i.left + (viewport.width - i.left - i.right) / 2, 0);
    expect(centre.y).toBeCloseTo(i.top + (viewport.height - i.top - i.bottom) / 2, 0);
  });
});
