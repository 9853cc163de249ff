import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { screenToWorld } from '../../src/editor/camera';
import { rowsDrawnBy } from '../../src/canvas/nodes/HallNode';
import { computeReport } from '../../src/domain/report';
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
  editor.session.setState({ camera: { x: 0, y: 0, scale: 1 }, pointer: null, units: 'metric' });
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

const zoomValue = () =>
  Number(document.querySelector('[data-testid=zoom-percent]')?.getAttribute('data-value'));

describe('the app shell, read-only view', () => {
  it('draws every element of the layout on the Konva stage', async () => {
    const layout = smallLayout();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent('Test campus');
    await frames();
    const s = stage();
    expect(s.getLayers().map((l) => l.name())).toEqual(['background', 'content', 'ui']);
    expect(s.findOne('.background')?.listening()).toBe(false);
    expect(s.find('.parcel')).toHaveLength(1);
    expect(s.find('.hall').map((n) => n.id())).toEqual(['hall-a', 'hall-b']);
    expect(s.find('.cooling-zone')).toHaveLength(4);
    expect(s.find('.substation')).toHaveLength(1);
    expect(s.find('.fiber-trench').map((n) => n.id())).toEqual(['tr-1', 'tr-2']);
    // Rows are drawn by their hall: one node per hall however many rows it holds.
    const hallB = s.findOne<Konva.Shape>('#hall-b')!;
    expect(hallB.getAttr('rowCount')).toBe(5);
    expect(hallB.rotation()).toBe(30);
    // The tiles are drawn for the fitted zoom once the view settles: a frame or several after the
    // first render, by the machine's load and the renderer's speed, not a fixed count.
    await expect.poll(() => rowsDrawnBy(hallB)).toBe(5);
    expect(rowsDrawnBy(s.findOne<Konva.Shape>('#hall-a')!)).toBe(6);
    // Halls are placed by their centre.
    const r = hallB.getClientRect({ relativeTo: s });
    expect(r.x + r.width / 2).toBeCloseTo(240, 6);
    expect(r.y + r.height / 2).toBeCloseTo(150, 6);
  });

  it('shows the totals of computeReport, with SI values in data-value', async () => {
    const layout = smallLayout();
    const expected = computeReport(layout);
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const itMw = screen.getByTestId('total-itMw');
    await expect.element(itMw).toHaveAttribute('data-value', String(expected.totals.itMw));
    expect(expected.totals.itMw).toBeGreaterThan(0);
    for (const field of [
      'facilityMw',
      'pue',
      'racks',
      'gpus',
      'usableMw',
      'fiberRouteMiles',
      'fiberStrandMiles',
      'parcelAcres',
      'latencyDomains',
      'largestDomainGpus',
    ] as const) {
      await expect
        .element(screen.getByTestId(`total-${field}`))
        .toHaveAttribute('data-value', String(expected.totals[field]));
    }
    await expect.element(itMw).toHaveTextContent(`${expected.totals.itMw.toFixed(1)} MW`);
    await expect
      .element(screen.getByTestId('total-fiberRouteMiles'))
      .toHaveTextContent(/Route miles/);
    await expect
      .element(screen.getByTestId('total-fiberStrandMiles'))
      .toHaveTextContent(/Strand miles/);
    for (const check of expected.checks) {
      await expect
        .element(screen.getByTestId(`check-${check.id}`))
        .toHaveAttribute('data-status', check.status);
    }
  });

  it('updates the totals when the document changes, and after undo', async () => {
    const layout = smallLayout();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const racks = screen.getByTestId('total-racks');
    await expect
      .element(racks)
      .toHaveAttribute('data-value', String(computeReport(layout).totals.racks));
    editor.document.getState().apply((d) => {
      d.rackRows.splice(0, 1);
    }, 'Delete row');
    const after = computeReport(editor.document.getState().doc).totals.racks;
    await expect.element(racks).toHaveAttribute('data-value', String(after));
    editor.document.getState().undo();
    await expect
      .element(racks)
      .toHaveAttribute('data-value', String(computeReport(layout).totals.racks));
  });

  it('zooms to fit on load', async () => {
    await render(<App editor={editor} initialLayout={smallLayout()} />, { container: host });
    await frames();
    const { camera, viewport, viewInsets: i } = editor.session.getState();
    // The parcel (400 × 260 m) fills what the toolbar and legend leave free, within the padding.
    expect(i.left).toBeGreaterThan(40);
    expect(i.bottom).toBeGreaterThan(20);
    const tl = { x: camera.x, y: camera.y };
    const br = { x: camera.x + 400 * camera.scale, y: camera.y + 260 * camera.scale };
    expect(tl.x).toBeGreaterThanOrEqual(i.left + 39);
    expect(br.x).toBeLessThanOrEqual(viewport.width - 39);
    expect(br.y).toBeLessThanOrEqual(viewport.height - i.bottom - 39);
    expect(
      Math.min(
        tl.x - i.left,
        tl.y - i.top,
        viewport.width - i.right - br.x,
        viewport.height - i.bottom - br.y,
      ),
    ).toBeCloseTo(40, 0);
    expect(stage().scaleX()).toBe(camera.scale);
  });

  it('wheel zooms about the cursor, and the zoom % follows', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    await frames();
    const canvas = screen.getByTestId('campus-canvas').element() as HTMLElement;
    const before = editor.session.getState().camera;
    const zoomBefore = zoomValue();
    expect(zoomBefore).toBeCloseTo(before.scale * 100, 9);
    const rect = canvas.getBoundingClientRect();
    const cursor = { x: 300, y: 200 };
    const worldUnder = screenToWorld(before, cursor);
    canvas.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -120,
        clientX: rect.left + cursor.x,
        clientY: rect.top + cursor.y,
        bubbles: true,
        cancelable: true,
      }),
    );
    const after = editor.session.getState().camera;
    expect(after.scale).toBeGreaterThan(before.scale);
    const stillUnder = screenToWorld(after, cursor);
    expect(stillUnder.x).toBeCloseTo(worldUnder.x, 6);
    expect(stillUnder.y).toBeCloseTo(worldUnder.y, 6);
    await expect.poll(zoomValue).toBeCloseTo(after.scale * 100, 6);
    await frames();
    expect(stage().scaleX()).toBe(after.scale);
    expect(stage().x()).toBe(after.x);
  });

  it('middle-drag pans, the cursor read-out shows metres, Shift+1 fits again', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    await frames();
    const fit = editor.session.getState().camera;
    const canvas = screen.getByTestId('campus-canvas').element() as HTMLElement;
    const rect = canvas.getBoundingClientRect();
    const at = (x: number, y: number) => ({
      clientX: rect.left + x,
      clientY: rect.top + y,
      bubbles: true,
      pointerId: 1,
      button: 1, // the middle button pans over any tool (a left drag box-selects)
    });
    canvas.dispatchEvent(new PointerEvent('pointerdown', at(200, 200)));
    canvas.dispatchEvent(new PointerEvent('pointermove', at(260, 230)));
    canvas.dispatchEvent(new PointerEvent('pointerup', at(260, 230)));
    const panned = editor.session.getState().camera;
    expect(panned.x - fit.x).toBeCloseTo(60, 6);
    expect(panned.y - fit.y).toBeCloseTo(30, 6);
    const world = screenToWorld(panned, { x: 260, y: 230 });
    await expect
      .element(screen.getByTestId('cursor-position'))
      .toHaveTextContent(`x ${Math.round(world.x)} m`);
    await userEvent.keyboard('{Shift>}{Digit1}{/Shift}');
    expect(editor.session.getState().camera).toEqual(fit);
  });

  it('culls elements that are off screen', async () => {
    await render(<App editor={editor} initialLayout={smallLayout()} />, { container: host });
    await frames();
    const { viewport } = editor.session.getState();
    // Look at the substation only (around x 340, y 60) at 20 px per metre.
    editor.session
      .getState()
      .setCamera({ x: viewport.width / 2 - 340 * 20, y: viewport.height / 2 - 60 * 20, scale: 20 });
    const s = stage();
    expect(s.findOne('#sub-1')?.visible()).toBe(true);
    expect(s.findOne('#hall-a')?.visible()).toBe(false);
    expect(s.findOne('#tr-2')?.visible()).toBe(false);
  });

  it('an unknown seed says so and opens the default sample instead', async () => {
    const screen = await render(<App editor={editor} search="?seed=nope" />, { container: host });
    await expect
      .element(screen.getByTestId('notice'))
      .toHaveTextContent(/no sample layout called “nope”/);
    await expect.element(screen.getByTestId('notice')).toHaveTextContent(/blackwell-200mw/);
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Blackwell/);
    await expect
      .element(screen.getByTestId('target-tier'))
      .toHaveAttribute('data-value', 'blackwell');
  });

  it('opens a seed by name', async () => {
    const screen = await render(<App editor={editor} search="?seed=traditional-20mw" />, {
      container: host,
    });
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Traditional/);
    expect(document.querySelector('[data-testid=notice]')).toBeNull();
  });
});
