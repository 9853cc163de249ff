/// <reference types="node" />
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server';

/**
 * What the pointer stories share: the built app open on a sample in headless Chromium, and
 * pointer input at campus points (metres) through the camera the page shows.
 */
export interface AppPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught page errors, in order. */
  readonly errors: string[];
}

/** Open `path` of the app at 1440 × 900 and wait until the campus is drawn. */
export async function openApp(base: string, path = '/?seed=blackwell-200mw'): Promise<AppPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
  return { browser, page, errors };
}

/** Campus metres → page pixels, through the camera the page shows. */
export async function at(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const camera = await page.evaluate<{ x: number; y: number; scale: number }>(
    'window.campusPlanner.session.getState().camera',
  );
  const box = (await page.locator('[data-testid=campus-canvas]').boundingBox())!;
  return { x: box.x + x * camera.scale + camera.x, y: box.y + y * camera.scale + camera.y };
}

/** A mouse drag in ten steps between two campus points. */
export async function drag(page: Page, from: [number, number], to: [number, number]) {
  const a = await at(page, ...from);
  const b = await at(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(a.x + ((b.x - a.x) * i) / 10, a.y + ((b.y - a.y) * i) / 10);
  await page.mouse.up();
}

/** A click at a campus point. */
export async function click(page: Page, x: number, y: number): Promise<void> {
  const p = await at(page, x, y);
  await page.mouse.click(p.x, p.y);
}

/** How many elements a collection of the open document holds. */
export const docCount = (page: Page, collection: string) =>
  page.evaluate<number>(`window.campusPlanner.document.getState().doc.${collection}.length`);

/** Press a toolbar button by its tool's name ("Hall" → "Hall tool"). */
export const tool = (page: Page, name: string) =>
  page.getByRole('button', { name: `${name} tool` }).click();
