/// <reference types="node" />
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server';

/**
 * Scenarios side by side in the built app: Compare… with a sample, then a scenario saved before
 * an edit, read in the table of differences; the scenario survives a reload (autosave); a bad
 * file is refused in the dialog and changes nothing.
 */

const base = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}${path}`);
  await ready(page);
  return { page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
}

async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('file-menu-button').click();
  await page.getByRole('menuitem', { name: item }).click();
}

const loadedScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

describe('Compare…', () => {
  it('compares a seed with another sample, then with a scenario saved before an edit', async () => {
    const { page, errors } = await open('/?seed=traditional-20mw');
    // The dialog is not part of the initial JavaScript.
    expect((await loadedScripts(page)).some((n) => /CompareDialog/.test(n))).toBe(false);

    await fileMenu(page, 'Compare…');
    const dialog = page.getByTestId('compare');
    await dialog.waitFor();
    expect((await loadedScripts(page)).some((n) => /CompareDialog/.test(n))).toBe(true);
    await page.getByTestId('compare-source').selectOption('sample:blackwell-200mw');
    // The 200 MW sample has far more IT than the 20 MW one: a positive difference, better.
    const it = page.getByTestId('compare-row-itMw');
    await expect.poll(() => it.getAttribute('data-verdict')).toBe('better');
    expect(await page.getByTestId('compare-delta-itMw').textContent()).toMatch(/^\+[\d,.]+ MW/);
    expect(await page.getByTestId('compare-thumb-a').locator('img').count()).toBe(1);
    expect(await page.getByTestId('compare-thumb-b').locator('img').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Save a scenario, take two racks out of the first row, compare with the scenario.
    await fileMenu(page, 'Save as scenario…');
    await page.getByTestId('scenario-name').fill('Before the cut');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.evaluate(() =>
      window.campusPlanner!.document.getState().apply((d) => {
        d.rackRows[0]!.rackCount -= 2;
      }, 'Edit'),
    );
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Shift+C');
    await dialog.waitFor();
    await expect
      .poll(() => page.getByTestId('compare-source').inputValue())
      .toBe('scenario:Before the cut');
    // B (the scenario) has the two racks the layout lost.
    await expect.poll(() => page.getByTestId('compare-delta-racks').textContent()).toBe('+2');
    expect(await page.getByTestId('compare-row-racks').getAttribute('data-verdict')).toBe(
      'changed',
    );
    expect(await page.getByTestId('compare-row-parcelArea').getAttribute('data-verdict')).toBe(
      'equal',
    );

    // A file that is not a layout: its problem is shown in the dialog, nothing changes.
    const name = await page.evaluate(() => window.campusPlanner!.document.getState().doc.name);
    await page.getByTestId('compare-file-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"ai-campus-layout","version":2,"halls":7}'),
    });
    await expect
      .poll(() => page.getByTestId('compare-error').textContent())
      .toMatch(
        /^Could not compare with \u2068broken\.json\u2069: .*halls: must be a list.*\. Nothing changed\.$/,
      );
    expect(await page.evaluate(() => window.campusPlanner!.document.getState().doc.name)).toBe(
      name,
    );

    // The scenario is kept in the autosave: after a reload it is still there to compare with.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.waitForTimeout(1500); // the autosave's debounce (800 ms) and write
    await page.reload();
    await ready(page);
    await page.keyboard.press('Shift+C');
    await dialog.waitFor();
    await expect
      .poll(() => page.getByTestId('compare-source').inputValue())
      .toBe('scenario:Before the cut');
    await expect.poll(() => page.getByTestId('compare-delta-racks').textContent()).toBe('+2');
    expect(errors).toEqual([]);
  });
});
