import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { createActions } from '../../src/app/actions';
import { loadSeed } from '../../src/app/seeds';
import { createSubstation, type Layout } from '../../src/domain';
import { layoutBounds } from '../../src/editor/bounds';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { emptyLayout } from '../../src/state/documentStore';

/**
 * The app's chrome as a person meets it: the layout at 1024 × 700, units in imperial, the
 * shortcut sheet, duplicates and the empty canvas.
 */

let editor: Editor;
let host: HTMLDivElement;

async function mount(width: number, height: number) {
  await page.viewport(width, height);
  host = document.createElement('div');
  host.style.cssText = `position: fixed; inset: 0; width: ${width}px; height: ${height}px;`;
  document.body.appendChild(host);
}

beforeEach(() => {
  editor = createEditor({ tools: ALL_TOOLS });
  editor.load(emptyLayout());
  editor.session.setState({ camera: { x: 0, y: 0, scale: 1 }, pointer: null, units: 'metric' });
});

afterEach(() => {
  host?.remove();
});

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

async function blackwell(): Promise<Layout> {
  const r = await loadSeed('blackwell-200mw');
  if (!r.ok) throw new Error(r.message);
  return r.layout;
}

const box = (selector: string): DOMRect => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el.getBoundingClientRect();
};

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('at 1024 × 700 with the Blackwell campus', () => {
  it('fit leaves the parcel clear of the toolbar, legend and top bar', async () => {
    await mount(1024, 700);
    const layout = await blackwell();
    await render(<App editor={editor} initialLayout={layout} />, { container: host });
    await frames(3);
    const { camera } = editor.session.getState();
    const canvas = box('[data-testid=campus-canvas]');
    const b = layoutBounds(layout);
    const parcel = new DOMRect(
      canvas.left + b.minX * camera.scale + camera.x,
      canvas.top + b.minY * camera.scale + camera.y,
      (b.maxX - b.minX) * camera.scale,
      (b.maxY - b.minY) * camera.scale,
    );
    for (const sel of ['.toolbar', '[data-testid=legend]', '.topbar'])
      expect(overlaps(parcel, box(sel)), `parcel under ${sel}`).toBe(false);
    expect(parcel.left).toBeGreaterThanOrEqual(canvas.left);
    expect(parcel.right).toBeLessThanOrEqual(canvas.right);
  });

  it('the top bar collapses without overlapping itself; the name stays readable', async () => {
    await mount(1024, 700);
    await render(<App editor={editor} initialLayout={await blackwell()} />, { container: host });
    await frames();
    const parts = ['.brand', '.file-menu', '.doc-title', '.topbar-tools']
      .map((s) => document.querySelector(s)?.getBoundingClientRect())
      .filter((r): r is DOMRect => r !== undefined);
    for (let i = 1; i < parts.length; i++)
      expect(parts[i]!.left, `part ${i}`).toBeGreaterThanOrEqual(parts[i - 1]!.right - 0.5);
    expect(box('[data-testid=layout-name]').width).toBeGreaterThanOrEqual(90);
    expect(box('.topbar-tools').right).toBeLessThanOrEqual(1024);
    const tools = document.querySelector('.topbar-tools')!;
    expect(tools.scrollWidth).toBeLessThanOrEqual(tools.clientWidth + 1);
  });

  it('the Halls tab keeps the side panel’s width (its table scrolls inside)', async () => {
    await mount(1024, 700);
    const screen = await render(<App editor={editor} initialLayout={await blackwell()} />, {
      container: host,
    });
    await frames();
    const before = box('.side-panel').width;
    const canvasBefore = box('[data-testid=campus-canvas]').width;
    await screen.getByRole('tab', { name: /Halls/ }).click();
    await expect.element(screen.getByRole('table')).toBeVisible();
    await frames();
    expect(box('.side-panel').width).toBe(before);
    expect(box('[data-testid=campus-canvas]').width).toBe(canvasBefore);
  });

  it('a notice floats over the canvas: the canvas does not move or shrink', async () => {
    await mount(1024, 700);
    await render(<App editor={editor} initialLayout={await blackwell()} />, { container: host });
    await frames();
    const before = box('[data-testid=campus-canvas]');
    editor.notifications
      .getState()
      .setNotice({ key: 'opened', tone: 'info', text: 'Opened something.' });
    await expect.element(page.getByTestId('file-notice-opened')).toBeVisible();
    await frames();
    const after = box('[data-testid=campus-canvas]');
    expect([after.top, after.height]).toEqual([before.top, before.height]);
  });
});

describe('imperial units in the inspector and the panel', () => {
  it('fields round as people write feet and psf; check messages read in psf and ft', async () => {
    await mount(1280, 800);
    const layout = await blackwell();
    editor.session.setState({ units: 'imperial' });
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const hall = layout.halls[0]!;
    editor.session.getState().setSelection([hall.id]);
    const width = screen.getByTestId('field-width');
    await expect.element(width).toBeVisible();
    const shown = (width.element() as HTMLInputElement).value;
    expect(shown).toMatch(/^\d+(\.\d)?$/);
    expect(Number(shown)).toBeCloseTo(hall.width / 0.3048, 1);
    const floor = (screen.getByTestId('field-floorRatingKpa').element() as HTMLInputElement).value;
    expect(floor).toMatch(/^\d+$/);
    await screen.getByRole('tab', { name: /Checks/ }).click();
    const text = document.querySelector('[role=tabpanel]')?.textContent ?? '';
    expect(text).toContain('psf');
    expect(text).not.toMatch(/\d kPa(?! \()/);
    expect(text).not.toMatch(/\d km\b/);
  });

  it('a value typed in feet in metric is converted and the conversion shown', async () => {
    await mount(1280, 800);
    const layout = await blackwell();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    editor.session.getState().setSelection([layout.halls[0]!.id]);
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '300 ft');
    await expect.element(screen.getByTestId('field-note')).toHaveTextContent('300 ft = 91.4 m');
    await userEvent.keyboard('{Enter}');
    expect(editor.document.getState().doc.halls[0]!.width).toBeCloseTo(91.44, 6);
    await expect.element(width).toHaveValue('91.44');
  });
});

describe('the shortcut sheet', () => {
  it('? opens it, listing every shortcut of the action registry; the Help button too', async () => {
    await mount(1280, 800);
    const screen = await render(<App editor={editor} initialLayout={emptyLayout()} />, {
      container: host,
    });
    await userEvent.keyboard('?');
    const sheet = screen.getByTestId('shortcut-sheet');
    await expect.element(sheet).toBeVisible();
    const listed = [...sheet.element().querySelectorAll('[data-action]')].map((e) =>
      e.getAttribute('data-action'),
    );
    for (const a of createActions(editor).all.filter((x) => x.shortcut !== ''))
      expect(listed, a.id).toContain(a.id);
    await screen.getByRole('button', { name: 'Close' }).click();
    await expect.element(sheet).not.toBeInTheDocument();
    await screen.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.element(screen.getByTestId('shortcut-sheet')).toBeVisible();
  });
});

describe('copies', () => {
  it('Ctrl+D puts the copy beside the hall, clear of it, under the next free name', async () => {
    await mount(1280, 800);
    const layout = await blackwell();
    await render(<App editor={editor} initialLayout={layout} />, { container: host });
    const original = layout.halls[1]!;
    editor.session.getState().setSelection([original.id]);
    await userEvent.keyboard('{Control>}d{/Control}');
    const halls = editor.document.getState().doc.halls;
    expect(halls).toHaveLength(layout.halls.length + 1);
    const copy = halls.at(-1)!;
    expect(copy.name).toBe(`Hall ${layout.halls.length + 1}`);
    expect(editor.session.getState().selection).toEqual([copy.id]);
    // Side by side: the boxes do not overlap.
    const gapX = Math.abs(copy.x - original.x) - (copy.width + original.width) / 2;
    const gapY = Math.abs(copy.y - original.y) - (copy.depth + original.depth) / 2;
    expect(Math.max(gapX, gapY)).toBeGreaterThan(0);
  });
});

describe('the empty canvas', () => {
  it('shows the first steps and a way to a sample', async () => {
    await mount(1280, 800);
    const screen = await render(<App editor={editor} initialLayout={emptyLayout()} />, {
      container: host,
    });
    const hint = screen.getByTestId('empty-hint');
    await expect.element(hint).toBeVisible();
    await expect.element(hint).toHaveTextContent('Draw a hall');
    editor.document.getState().apply((d) => {
      d.substations.push(createSubstation('sub-1', { x: 100, y: 100 }));
    }, 'Add substation');
    await expect.element(screen.getByTestId('empty-hint')).not.toBeInTheDocument();
  });
});
