import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { worldToScreen } from '../../src/editor/camera';
import type { Vec2 } from '../../src/domain';
import { emptyLayout } from '../../src/state/documentStore';
import { smallLayout } from './fixtures';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor = createEditor({ tools: ALL_TOOLS });

/** Focus and the keyboard between the panels and the canvas; pointer cancel on the canvas. */

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
const steps = () => editor.document.getState().past.length;
const hall = (id: string) => doc().halls.find((h) => h.id === id)!;

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
  const fire = (type: string, p: Vec2) => {
    const rect = canvas.getBoundingClientRect();
    const s = worldToScreen(editor.session.getState().camera, p);
    return canvas.dispatchEvent(
      new PointerEvent(type, {
        clientX: rect.left + s.x,
        clientY: rect.top + s.y,
        bubbles: true,
        cancelable: true,
        pointerId: 1,
        button: 0,
        buttons: 1,
      }),
    );
  };
  return {
    down: (p: Vec2) => fire('pointerdown', p),
    move: (p: Vec2) => fire('pointermove', p),
    up: (p: Vec2) => fire('pointerup', p),
    cancel: (p: Vec2) => fire('pointercancel', p),
  };
}

// In smallLayout, hall-a is 60 × 36 at (100, 80) and (75, 92) is empty floor in it. Hall B is
// 56 × 30 at (240, 150) turned 30°; its frame point (10, 25), away from its rows, is (219.4, 149.7).
const HALL_A_FLOOR = { x: 75, y: 92 };
const HALL_B_FLOOR = { x: 219.4, y: 149.7 };

describe('a value typed in the inspector', () => {
  it('is committed when the user then clicks another element on the canvas, as one step', async () => {
    const { screen, canvas } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await expect.element(width).toHaveValue('60');
    await userEvent.fill(width, '80');
    expect(document.activeElement).toBe(width.element());
    const before = steps();
    const p = pointer(canvas);
    p.down(HALL_B_FLOOR);
    p.up(HALL_B_FLOOR);
    expect(editor.session.getState().selection).toEqual(['hall-b']);
    expect(hall('hall-a').width).toBe(80);
    expect(hall('hall-b').width).toBe(56);
    expect(steps()).toBe(before + 1);
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Hall B');
    await expect.element(screen.getByTestId('field-width')).toHaveValue('56');
  });

  it('is committed when the field goes away without a blur (the selection changed)', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await expect.element(width).toHaveValue('60');
    await userEvent.fill(width, '80');
    const before = steps();
    editor.session.getState().setSelection(['hall-b']);
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Hall B');
    expect(hall('hall-a').width).toBe(80);
    expect(hall('hall-b').width).toBe(56);
    expect(steps()).toBe(before + 1);
  });

  it('is not committed when invalid or unchanged', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '-5');
    await userEvent.fill(screen.getByTestId('field-depth'), '36');
    const before = doc();
    editor.session.getState().setSelection(['hall-b']);
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Hall B');
    expect(doc()).toBe(before);
  });
});

describe('keys with a select focused', () => {
  it('after choosing the tier with the mouse, Ctrl+Z undoes and R picks the rack row tool', async () => {
    const { screen } = await open();
    const select = screen.getByTestId('target-tier-select');
    await userEvent.selectOptions(select, 'rubin');
    (select.element() as HTMLSelectElement).focus();
    expect(doc().settings.targetTier).toBe('rubin');
    expect(document.activeElement).toBe(select.element());
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(doc().settings.targetTier).toBe('blackwell');
    // "R" is the rack row tool, not a type-ahead to "Rubin".
    await userEvent.keyboard('r');
    expect(editor.session.getState().tool).toBe('rackRow');
    expect(doc().settings.targetTier).toBe('blackwell');
    expect((select.element() as HTMLSelectElement).value).toBe('blackwell');
  });

  it('keeps keys in a text field', async () => {
    const { screen } = await open();
    editor.session.getState().setSelection(['hall-a']);
    const name = screen.getByTestId('field-name');
    await userEvent.click(name);
    await userEvent.keyboard('r');
    expect(editor.session.getState().tool).toBe('select');
    expect((name.element() as HTMLInputElement).value).toContain('r');
  });
});

describe('Space', () => {
  it('presses a focused button', async () => {
    const { screen } = await open();
    const imperial = screen.getByRole('button', { name: 'Imperial' });
    (imperial.element() as HTMLButtonElement).focus();
    await userEvent.keyboard(' ');
    expect(editor.session.getState().units).toBe('imperial');
  });

  it('pans with nothing focused', async () => {
    const { canvas } = await open();
    (document.activeElement as HTMLElement | null)?.blur();
    const down = new KeyboardEvent('keydown', {
      key: ' ',
      code: 'Space',
      bubbles: true,
      cancelable: true,
    });
    document.body.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    const before = doc();
    const camera = editor.session.getState().camera;
    const p = pointer(canvas);
    p.down(HALL_A_FLOOR);
    p.move({ x: HALL_A_FLOOR.x + 20, y: HALL_A_FLOOR.y });
    p.up({ x: HALL_A_FLOOR.x + 20, y: HALL_A_FLOOR.y });
    document.body.dispatchEvent(
      new KeyboardEvent('keyup', { key: ' ', code: 'Space', bubbles: true }),
    );
    expect(doc()).toBe(before);
    expect(editor.session.getState().camera.x).not.toBe(camera.x);
  });
});

describe('pointer cancel', () => {
  it('abandons a drag instead of committing it', async () => {
    const { canvas } = await open();
    const before = doc();
    const p = pointer(canvas);
    p.down(HALL_A_FLOOR);
    p.move({ x: 120, y: 120 });
    await frames();
    expect(hall('hall-a').x).not.toBe(100);
    p.cancel({ x: 120, y: 120 });
    await frames();
    expect(doc()).toBe(before);
    expect(steps()).toBe(0);
    expect(editor.document.getState().mark).toBeNull();
    // The next press starts afresh.
    p.move({ x: 130, y: 130 });
    await frames();
    expect(doc()).toBe(before);
  });
});
