/// <reference types="node" />
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server';

/**
 * The editor story (issue "The canvas editor"), driven as a user would: from an empty parcel,
 * draw a hall and fill it with NVL72 rows; add a DLC zone, a substation and a trench to a second
 * hall; watch the totals; undo twice and redo once. The panel figures are read through the
 * data-testid hooks at every step.
 */
const base = inject('appUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/?seed=blackwell-200mw`);
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
});
afterAll(async () => {
  await browser?.close();
});

/** A total's SI value from the calculators panel. */
const total = async (field: string): Promise<number> =>
  Number(await page.getAttribute(`[data-testid=total-${field}]`, 'data-value'));

/** Campus metres → page pixels, through the camera the page shows. */
async function at(x: number, y: number): Promise<{ x: number; y: number }> {
  const camera = await page.evaluate<{ x: number; y: number; scale: number }>(
    'window.campusPlanner.session.getState().camera',
  );
  const box = (await page.locator('[data-testid=campus-canvas]').boundingBox())!;
  return { x: box.x + x * camera.scale + camera.x, y: box.y + y * camera.scale + camera.y };
}

async function drag(from: [number, number], to: [number, number]): Promise<void> {
  const a = await at(...from);
  const b = await at(...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++)
    await page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
  await page.mouse.up();
}

async function click(x: number, y: number): Promise<void> {
  const p = await at(x, y);
  await page.mouse.click(p.x, p.y);
}

const tool = (name: string) => page.getByRole('button', { name: `${name} tool` }).click();
const docCount = (collection: string) =>
  page.evaluate<number>(`window.campusPlanner.document.getState().doc.${collection}.length`);

describe('the editor story, from an empty parcel', () => {
  it('starts from an empty parcel', async () => {
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Empty parcel' }).click();
    await expect.poll(() => docCount('halls')).toBe(0);
    await expect.poll(() => total('racks')).toBe(0);
    await expect.poll(() => total('itMw')).toBe(0);
  });

  it('1. draws a hall and fills it with NVL72 rows', async () => {
    await tool('Hall');
    await drag([100, 100], [220, 160]);
    await expect.poll(() => docCount('halls')).toBe(1);
    const hall = await page.evaluate<{ width: number; depth: number }>(
      'window.campusPlanner.document.getState().doc.halls[0]',
    );
    expect(hall.width).toBeCloseTo(120, 0);
    expect(hall.depth).toBeCloseTo(60, 0);
    // The new hall is selected: the inspector offers "Fill hall with rows".
    await page.getByTestId('fill-profile').selectOption('gb200-nvl72');
    await page.getByTestId('fill-apply').click();
    await expect.poll(() => total('racks')).toBeGreaterThan(0);
    // The panel follows the document within a frame: wait until it shows the document's racks.
    const docRacks = () =>
      page.evaluate<number>(
        'window.campusPlanner.document.getState().doc.rackRows.reduce((n, r) => n + r.rackCount, 0)',
      );
    await expect.poll(async () => (await total('racks')) === (await docRacks())).toBe(true);
    const racks = await total('racks');
    // Every rack a GB200 NVL72: 120 kW and 72 GPUs each.
    expect(await total('itMw')).toBeCloseTo((racks * 120) / 1000, 6);
    expect(await total('gpus')).toBe(racks * 72);
  });

  it('2. adds a second hall, a DLC zone, a substation and a trench between the halls', async () => {
    const itMw = await total('itMw');
    await tool('Hall');
    await drag([300, 100], [420, 160]);
    await expect.poll(() => docCount('halls')).toBe(2);

    // The zone tool wraps the hall clicked (the options default to DLC).
    await tool('Cooling zone');
    await page.getByTestId('option-coolingType').selectOption('dlc');
    await click(160, 130);
    await expect.poll(() => docCount('coolingZones')).toBe(1);
    // The panel follows the document within a frame (it read "fail" once, a frame early).
    await expect
      .poll(() => page.getAttribute('[data-testid=check-cooling-coverage]', 'data-status'))
      .toBe('pass');

    await tool('Substation');
    await click(700, 600);
    await expect.poll(() => docCount('substations')).toBe(1);
    await expect.poll(() => total('installedMva')).toBeGreaterThan(0);

    await tool('Fiber trench');
    await click(160, 130);
    await click(360, 130);
    await page.keyboard.press('Enter');
    await expect.poll(() => docCount('fiberTrenches')).toBe(1);
    // 200 m of trench.
    await expect.poll(() => total('fiberRouteM')).toBeCloseTo(200, 0);
    await expect.poll(() => total('fiberRouteMiles')).toBeCloseTo(200 / 1609.344, 4);
    // Adding infrastructure changed no IT load.
    expect(await total('itMw')).toBe(itMw);
  });

  it('3. undo twice, redo once: the panel follows', async () => {
    await page.keyboard.press('Escape');
    await tool('Select');
    await page.keyboard.press('Control+z'); // the trench
    await expect.poll(() => docCount('fiberTrenches')).toBe(0);
    await expect.poll(() => total('fiberRouteM')).toBe(0);
    await page.keyboard.press('Control+z'); // the substation
    await expect.poll(() => docCount('substations')).toBe(0);
    await expect.poll(() => total('installedMva')).toBe(0);
    await page.keyboard.press('Control+Shift+z'); // the substation again
    await expect.poll(() => docCount('substations')).toBe(1);
    await expect.poll(() => total('installedMva')).toBeGreaterThan(0);
    await expect.poll(() => total('fiberRouteM')).toBe(0);
    expect(errors).toEqual([]);
  });
});
