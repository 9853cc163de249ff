import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Vec2 } from '../../src/domain';
import { worldToScreen } from '../../src/editor/camera';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { emptyLayout } from '../../src/state/documentStore';
import { smallLayout } from './fixtures';

/**
 * Sketching that holds together, in the browser: the inspector hands the keyboard back, the tool
 * lock, the hall → row hierarchy, and the cursor.
 */

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

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const doc = () => editor.document.getState().doc;
const session = () => editor.session.getState();
const hallA = () => doc().halls.find((h) => h.id === 'hall-a')!;

async function open() {
  const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
    container: host,
  });
  await expect.element(screen.getByTestId('layout-name')).toHaveTextContent('Test campus');
  await frames();
  const canvas = screen.getByTestId('campus-canvas').element() as HTMLElement;
  return { screen, canvas };
}

/** Pointer events on the canvas at campus points (metres), through the camera. */
function pointer(canvas: HTMLElement) {
  const init = (p: Vec2, buttons = 1) => {
    const rect = canvas.getBoundingClientRect();
    const s = worldToScreen(editor.session.getState().camera, p);
    return {
      clientX: rect.left + s.x,
      clientY: rect.top + s.y,
      bubbles: true,
      cancelable: true,
      pointerId: 1,
      button: 0,
      buttons,
      detail: 1,
    };
  };
  const fire = (type: string, p: Vec2, buttons = 1) =>
    canvas.dispatchEvent(new PointerEvent(type, init(p, buttons)));
  return {
    move: (p: Vec2) => fire('pointermove', p, 0),
    click(p: Vec2) {
      fire('pointerdown', p);
      fire('pointerup', p, 0);
    },
    dblclick(p: Vec2) {
      this.click(p);
      this.click(p);
      canvas.dispatchEvent(new MouseEvent('dblclick', { ...init(p, 0), detail: 2 }));
    },
  };
}

// smallLayout: hall-a is 60 × 36 at (100, 80); its rows run across x 94–106 at y 72–92
// (campus). (75, 92) is its empty floor; (100, 72.6) is on its first row, row-a0.
const HALL_A_FLOOR = { x: 75, y: 92 };
const ROW_A0 = { x: 100, y: 72.6 };

describe('the inspector never fights the keyboard', () => {
  it('Enter commits and hands the keys back: S then picks the Substation tool', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '64');
    await userEvent.keyboard('{Enter}');
    expect(hallA().width).toBe(64);
    expect(document.activeElement).not.toBe(width.element());
    await userEvent.keyboard('s');
    expect(session().tool).toBe('substation');
    await expect.element(width).toHaveValue('64');
  });

  it('Ctrl+Z in a field undoes the document, drops the draft, and Tab then saves nothing', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '64');
    await userEvent.keyboard('{Enter}');
    expect(hallA().width).toBe(64);
    const steps = editor.document.getState().past.length;
    // A new draft, then Ctrl+Z: the draft goes and the width edit is undone.
    await userEvent.fill(width, '99');
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(hallA().width).toBe(60);
    await expect.element(width).toHaveValue('60');
    expect(editor.document.getState().past.length).toBe(steps - 1);
    // Leaving the field saves nothing stale.
    await userEvent.keyboard('{Tab}');
    expect(hallA().width).toBe(60);
    expect(editor.document.getState().past.length).toBe(steps - 1);
    // Redo from a field too.
    await userEvent.click(width);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(hallA().width).toBe(64);
    await expect.element(width).toHaveValue('64');
  });

  it('Esc reverts a draft and leaves the document alone', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '99');
    await userEvent.keyboard('{Escape}');
    await expect.element(width).toHaveValue('60');
    expect(editor.document.getState().past).toHaveLength(0);
  });

  it('a hall says what moves with it', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    await expect
      .element(screen.getByTestId('inspector-glue'))
      .toHaveTextContent('Moves with it: cooling zone cz-dlc');
    // An x typed in the inspector moves the zone too, in the same step.
    await userEvent.fill(screen.getByTestId('field-x'), '120');
    await userEvent.keyboard('{Enter}');
    expect(hallA().x).toBe(120);
    expect(doc().coolingZones.find((z) => z.id === 'cz-dlc')!.x).toBe(120);
    expect(editor.document.getState().past).toHaveLength(1);
  });
});

describe('the tool lock', () => {
  it('off: a tool makes one element and goes back to select; Q or the button keeps it', async () => {
    const { screen, canvas } = await open();
    const p = pointer(canvas);
    const lock = screen.getByRole('button', { name: 'Tool lock' });
    await expect.element(lock).toHaveAttribute('aria-pressed', 'false');
    expect(lock.element().getAttribute('title')).toMatch(/\(Q/);
    await userEvent.keyboard('s');
    p.click({ x: 320, y: 40 });
    expect(doc().substations).toHaveLength(2);
    expect(session().tool).toBe('select');
    await userEvent.keyboard('q');
    await expect.element(lock).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('s');
    p.click({ x: 360, y: 40 });
    p.click({ x: 360, y: 220 });
    expect(doc().substations).toHaveLength(4);
    expect(session().tool).toBe('substation');
    await userEvent.click(lock);
    await expect.element(lock).toHaveAttribute('aria-pressed', 'false');
  });

  it('a double-click on a tool button locks it', async () => {
    const { screen } = await open();
    await userEvent.dblClick(screen.getByRole('button', { name: 'Substation tool' }));
    expect(session().tool).toBe('substation');
    expect(session().toolLocked).toBe(true);
  });
});

describe('selection knows the hierarchy', () => {
  it('click on a row selects its hall; double-click enters it and selects the row; Esc goes back up', async () => {
    const { screen, canvas } = await open();
    // Close enough that the rows are well apart on screen (4 m between row-a0 and row-a1 is
    // 32 px, clear of the selected row's handles), whatever the fit's insets.
    const { width, height } = session().viewport;
    session().setCamera({ x: width / 2 - 100 * 8, y: height / 2 - 80 * 8, scale: 8 });
    await frames();
    const p = pointer(canvas);
    p.click(ROW_A0);
    expect(session().selection).toEqual(['hall-a']);
    p.dblclick(ROW_A0);
    expect(session().entered).toBe('hall-a');
    expect(session().selection).toEqual(['row-a0']);
    await expect.element(screen.getByTestId('inspector-title')).not.toHaveTextContent('Hall A');
    // Inside the hall, a click picks another row.
    p.click({ x: 100, y: 76.6 });
    expect(session().selection).toEqual(['row-a1']);
    await userEvent.keyboard('{Escape}');
    expect(session().entered).toBeNull();
    expect(session().selection).toEqual(['hall-a']);
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Hall A');
  });

  it('a click on the parcel edge selects the parcel; its vertices are typed, a crossing refused', async () => {
    const { screen, canvas } = await open();
    const p = pointer(canvas);
    p.click({ x: 200, y: 0 });
    expect(session().parcelSelected).toBe(true);
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Land parcel');
    const x3 = screen.getByTestId('field-parcel-points-2-x');
    await userEvent.fill(x3, '450');
    await userEvent.keyboard('{Enter}');
    expect(doc().parcel.points[2]).toEqual([450, 260]);
    const before = doc();
    await userEvent.fill(x3, '-50');
    await userEvent.keyboard('{Enter}');
    expect(doc()).toBe(before);
    await expect.element(screen.getByTestId('parcel-error')).toHaveTextContent(/cross itself/);
  });
});

describe('the cursor', () => {
  it('is set on the canvas element: move over a hall, default on empty ground, crosshair for tools', async () => {
    const { canvas } = await open();
    const p = pointer(canvas);
    p.move(HALL_A_FLOOR);
    expect(canvas.style.cursor).toBe('move');
    p.move({ x: 20, y: 250 });
    expect(canvas.style.cursor).toBe('default');
    await userEvent.keyboard('h');
    await frames();
    expect(canvas.style.cursor).toBe('crosshair');
    await userEvent.keyboard('{Escape}');
    // The east handle of the selected hall: a left-right resize cursor.
    editor.session.getState().setSelection(['hall-a']);
    await frames();
    p.move({ x: 130, y: 80 });
    expect(canvas.style.cursor).toBe('ew-resize');
  });
});
