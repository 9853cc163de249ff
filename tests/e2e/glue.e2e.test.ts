/// <reference types="node" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as canvas from './canvasPage';

/**
 * Sketching that holds together (issue 10), with real pointer input in the built app: a hall
 * filled with rows, wrapped in a zone, a trench starting inside it; dragging the hall 50 m takes
 * the zone and the trench's glued vertex along, the checks that passed still pass, and one Ctrl+Z
 * puts everything back.
 */
const base = inject('appUrl');
let browser: Browser;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  ({ browser, page, errors } = await canvas.openApp(base));
});
afterAll(async () => {
  await browser?.close();
});

interface Rect {
  x: number;
  y: number;
  width: number;
  depth: number;
}
interface Doc {
  halls: Rect[];
  coolingZones: Rect[];
  fiberTrenches: { points: [number, number][] }[];
}

const docOf = () => page.evaluate<Doc>('window.campusPlanner.document.getState().doc');
const docCount = (collection: string) => canvas.docCount(page, collection);
const activeTool = () => page.evaluate<string>('window.campusPlanner.session.getState().tool');

const drag = (from: [number, number], to: [number, number]) => canvas.drag(page, from, to);

const click = (x: number, y: number) => canvas.click(page, x, y);

const tool = (name: string) => canvas.tool(page, name);

/** Every check's status in the calculators panel, by its test id. */
const statuses = (): Promise<Record<string, string | null>> =>
  page.$$eval('[data-testid^=check-][data-status]', (els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-testid') ?? '', e.getAttribute('data-status')]),
    ),
  );

describe('a hall drags its zone and its trench along', () => {
  it('draws a hall with rows, wraps it in a zone, runs a trench from inside it', async () => {
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Empty parcel' }).click();
    await expect.poll(() => docCount('halls')).toBe(0);

    await tool('Hall');
    await drag([100, 100], [220, 160]);
    await expect.poll(() => docCount('halls')).toBe(1);
    // One hall made: back to select, the hall selected (the inspector offers Fill).
    expect(await activeTool()).toBe('select');
    await page.getByTestId('fill-profile').selectOption('gb200-nvl72');
    await page.getByTestId('fill-apply').click();
    await expect.poll(() => docCount('rackRows')).toBeGreaterThan(0);

    await tool('Cooling zone');
    await page.getByTestId('option-coolingType').selectOption('dlc');
    await click(160, 130);
    await expect.poll(() => docCount('coolingZones')).toBe(1);

    await tool('Fiber trench');
    await click(130, 115);
    await click(400, 300);
    await page.keyboard.press('Enter');
    await expect.poll(() => docCount('fiberTrenches')).toBe(1);
    expect(await activeTool()).toBe('select');
  });

  it('dragging the hall 50 m takes the zone and the glued vertex along; one Ctrl+Z undoes it', async () => {
    const before = await docOf();
    const hall0 = before.halls[0]!;
    const zone0 = before.coolingZones[0]!;
    const [v0, v1] = before.fiberTrenches[0]!.points;
    // Wait for the report of this document, then note what passes.
    await expect.poll(async () => (await statuses())['check-cooling-coverage']).toBe('pass');
    const passed = Object.entries(await statuses())
      .filter(([, s]) => s === 'pass')
      .map(([id]) => id);
    expect(passed.length).toBeGreaterThan(0);

    // Nothing selected, the inspector of the hall says what it carries.
    await page.keyboard.press('Escape');
    await click(200, 150);
    await expect
      .poll(() => page.getByTestId('inspector-glue').textContent())
      .toBe('Moves with it: cooling zone cz-1, 1 trench vertex');

    // A press on the hall's rows picks the hall (not a row): drag it 50 m east.
    await drag([200, 150], [250, 150]);
    await expect.poll(async () => (await docOf()).halls[0]!.x).not.toBe(hall0.x);
    const after = await docOf();
    const hall1 = after.halls[0]!;
    const dx = hall1.x - hall0.x;
    expect(dx).toBeCloseTo(50, 0);
    expect(hall1.y).toBeCloseTo(hall0.y, 6);
    expect(after.coolingZones[0]!.x - zone0.x).toBeCloseTo(dx, 6);
    expect(after.coolingZones[0]!.y).toBeCloseTo(zone0.y, 6);
    const [w0, w1] = after.fiberTrenches[0]!.points;
    expect(w0![0] - v0![0]).toBeCloseTo(dx, 6);
    expect(w0![1]).toBeCloseTo(v0![1], 6);
    // Only the glued vertex moved: the trench stretched.
    expect(w1).toEqual(v1);

    // The checks that passed still pass.
    await expect
      .poll(async () => {
        const now = await statuses();
        return passed.filter((id) => now[id] !== 'pass');
      })
      .toEqual([]);

    // One undo puts the hall, the zone and the trench back.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => JSON.stringify(await docOf())).toBe(JSON.stringify(before));
    expect(errors).toEqual([]);
  });
});

describe('a trench drawn straight through two halls connects them', () => {
  const total = (field: string) => page.getByTestId(`total-${field}`).getAttribute('data-value');

  it('a second hall with rows, then a trench through both with no vertex inside either: one latency domain', async () => {
    await page.keyboard.press('Escape');
    await tool('Hall');
    await drag([300, 100], [420, 160]);
    await expect.poll(() => docCount('halls')).toBe(2);
    await page.getByTestId('fill-profile').selectOption('gb200-nvl72');
    await page.getByTestId('fill-apply').click();
    // Hall 2 has racks but no fiber yet: two domains, and it is not on the network.
    await expect.poll(async () => (await statuses())['check-fiber-connectivity']).toBe('fail');
    await expect.poll(() => total('latencyDomains')).toBe('2');

    // From west of hall 1 to east of hall 2 along y = 140: both vertices outside both halls.
    await tool('Fiber trench');
    await click(60, 140);
    await click(470, 140);
    await page.keyboard.press('Enter');
    await expect.poll(() => docCount('fiberTrenches')).toBe(2);
    await expect.poll(async () => (await statuses())['check-fiber-connectivity']).toBe('pass');
    await expect.poll(() => total('latencyDomains')).toBe('1');
    // The canvas marks where the trenches attach: 2 crossings of each hall's edge by this one,
    // and the first trench's vertex inside hall 1 and its crossing of hall 1's edge on the way out.
    const marks = await page.evaluate<number>(
      "window.campusPlanner.stage().findOne('.fiber-attachments').getAttr('attachmentCount')",
    );
    expect(marks).toBe(6);
  });

  it('dragging the wrapped hall 50 m keeps one domain (the trench still crosses it); one Ctrl+Z puts it back', async () => {
    const before = await docOf();
    await page.keyboard.press('Escape');
    await drag([200, 150], [250, 150]);
    await expect.poll(async () => (await docOf()).halls[0]!.x).not.toBe(before.halls[0]!.x);
    const after = await docOf();
    expect(after.halls[0]!.x - before.halls[0]!.x).toBeCloseTo(50, 0);
    expect(after.coolingZones[0]!.x - before.coolingZones[0]!.x).toBeCloseTo(50, 0);
    await expect.poll(() => total('latencyDomains')).toBe('1');
    await expect.poll(async () => (await statuses())['check-fiber-connectivity']).toBe('pass');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => JSON.stringify(await docOf())).toBe(JSON.stringify(before));
    expect(errors).toEqual([]);
  });
});
