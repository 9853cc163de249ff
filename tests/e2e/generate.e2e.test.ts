/// <reference types="node" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as canvas from './canvasPage';

/**
 * The generator story (issue 14), as a user would: New > Empty parcel, then New > Generate
 * campus…, 300 MW of Rubin in three phases; the checklist is all pass or warn; then edit the
 * generated campus like any layout (move a hall, undo).
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

const total = async (field: string): Promise<number> =>
  Number(await page.getAttribute(`[data-testid=total-${field}]`, 'data-value'));
const docCount = (collection: string) => canvas.docCount(page, collection);

const at = (x: number, y: number) => canvas.at(page, x, y);

interface HallBox {
  x: number;
  y: number;
  width: number;
  depth: number;
  rotation: number;
}
const hall = (i: number) =>
  page.evaluate<HallBox>(`(() => {
    const h = window.campusPlanner.document.getState().doc.halls[${i}];
    return { x: h.x, y: h.y, width: h.width, depth: h.depth, rotation: h.rotation };
  })()`);

describe('the generator story, from an empty parcel', () => {
  it('New > Generate campus…: 300 MW of Rubin in three phases', async () => {
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Empty parcel' }).click();
    await expect.poll(() => docCount('halls')).toBe(0);

    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Generate campus…' }).click();
    const dialog = page.getByTestId('generate-dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Target IT' }).fill('300');
    await dialog.getByRole('combobox', { name: 'Tier', exact: true }).selectOption('rubin');
    await dialog.getByRole('textbox', { name: 'Phases' }).fill('3');
    await expect
      .poll(() => page.getAttribute('[data-testid=generate-halls]', 'data-value'))
      .toBe('6');
    await page.getByTestId('generate-submit').click();
    await expect.poll(() => docCount('halls')).toBe(6);
    expect(await page.locator('[data-testid=confirm-discard]').count()).toBe(0);
    await expect.poll(() => total('itMw')).toBeCloseTo(300.094, 3);
    expect(await total('racks')).toBe(1322);
    const phases = await page.evaluate<number>(
      'window.campusPlanner.document.getState().doc.settings.phases.length',
    );
    expect(phases).toBe(3);
  });

  it('the checklist is all pass or warn', async () => {
    const statuses = await page.$$eval('[data-testid^=check-][data-status]', (els) =>
      els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-status')]),
    );
    expect(statuses.length).toBeGreaterThanOrEqual(22);
    expect(statuses.filter(([, s]) => s !== 'pass' && s !== 'warn')).toEqual([]);
  });

  it('edits like any layout: move a hall by dragging it, then undo', async () => {
    const before = await hall(0);
    // Grab the hall in its support band (its far side, where no rows stand).
    const t = (before.rotation * Math.PI) / 180;
    const dy = before.depth * 0.35;
    const grab: [number, number] = [before.x - dy * Math.sin(t), before.y + dy * Math.cos(t)];
    const a = await at(...grab);
    const b = await at(grab[0], grab[1] - 40);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(a.x, a.y + ((b.y - a.y) * i) / 8);
    await page.mouse.up();
    await expect.poll(async () => (await hall(0)).y).toBeLessThan(before.y - 20);
    expect((await hall(0)).x).toBeCloseTo(before.x, 0);
    // The rows move with their hall: the IT is unchanged.
    expect(await total('racks')).toBe(1322);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await hall(0)).y).toBe(before.y);
    expect(errors).toEqual([]);
  });
});
