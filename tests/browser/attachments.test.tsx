import Konva from 'konva';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { createFiberTrench, createHall, createRackRow } from '../../src/domain/kinds';
import type { Layout } from '../../src/domain';
import { emptyLayout } from '../../src/state/documentStore';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor;
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
});

afterEach(() => host.remove());

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

it('a trench drawn through two halls is marked where it crosses their edges, and the check passes', async () => {
  // Halls at x = 100 and 300, 40 m wide; the trench along y = 100 from x = 20 to 380 crosses
  // their edges at 80, 120, 280 and 320.
  const layout: Layout = {
    ...emptyLayout(),
    parcel: {
      points: [
        [0, 0],
        [400, 0],
        [400, 400],
        [0, 400],
      ],
    },
    halls: [
      createHall('hall-a', { x: 100, y: 100 }, { name: 'A', width: 40, depth: 40 }),
      createHall('hall-b', { x: 300, y: 100 }, { name: 'B', width: 40, depth: 40 }),
    ],
    rackRows: [
      createRackRow('row-a', 'hall-a', { x: 20, y: 10 }, { rackCount: 4 }),
      createRackRow('row-b', 'hall-b', { x: 20, y: 10 }, { rackCount: 4 }),
    ],
    fiberTrenches: [
      createFiberTrench('tr-1', [
        [20, 100],
        [380, 100],
      ]),
    ],
  };
  const screen = await render(<App editor={editor} initialLayout={layout} />, {
    container: host,
  });
  await expect
    .element(screen.getByTestId('check-fiber-connectivity'))
    .toHaveAttribute('data-status', 'pass');
  await frames();
  const marks = Konva.stages.at(-1)!.findOne('.fiber-attachments')!;
  await expect.poll(() => marks.getAttr('attachmentCount') as number).toBe(4);

  // Each mark is drawn: the pixel at a crossing is the mark's white centre, not the purple trench.
  const stage = Konva.stages.at(-1)!;
  const ui = stage.findOne('.ui') as Konva.Layer;
  // The camera is read at each look (the view is fitted once the canvas has its size).
  const at = (cx: number, cy: number) => {
    const { x, y, scale } = editor.session.getState().camera;
    const ratio = ui.getCanvas().getPixelRatio();
    const ctx = ui.getContext()._context;
    return [...ctx.getImageData((cx * scale + x) * ratio, (cy * scale + y) * ratio, 1, 1).data];
  };
  await expect.poll(() => at(80, 100)).toEqual([255, 255, 255, 255]);
  await expect.poll(() => at(320, 100)).toEqual([255, 255, 255, 255]);
  // Half-way between the halls: no mark on the UI layer.
  expect(at(200, 100)[3]).toBe(0);

  // Move the trench off both halls: the marks go, and the check fails.
  editor.document.getState().apply((d) => {
    d.fiberTrenches[0]!.points = [
      [20, 300],
      [380, 300],
    ];
  }, 'move trench');
  await expect.poll(() => marks.getAttr('attachmentCount') as number).toBe(0);
  await expect
    .element(screen.getByTestId('check-fiber-connectivity'))
    .toHaveAttribute('data-status', 'fail');
});
