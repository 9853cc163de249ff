/// <reference types="node" />
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server';

const base = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The program story as far as the app has it: open the phased seed, read the four horizons on the
 * timeline, move a hall to another phase (through the page's scripting handle: the phase field of
 * the inspector is still read-only) and see the timeline follow, then override one unit cost in
 * the cost table and see capex per IT MW change; undo puts it back.
 */
describe('phases and cost in the built app', () => {
  it('timeline follows the phases; a cost override changes capex per IT MW', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?seed=phased-300mw`);
    const timeline = page.getByTestId('phase-timeline');
    await timeline.waitFor();
    await expect.poll(() => timeline.getAttribute('data-phases'), { timeout: 30_000 }).toBe('4');
    expect(
      Number(await page.getByTestId('timeline-phase-3').getAttribute('data-value')),
    ).toBeCloseTo(230.4, 6);
    await expect
      .poll(() => page.getByTestId('check-phase-power').getAttribute('data-status'))
      .toBe('fail');

    // Hall 4 into Horizon 2: Horizon 2 now has three halls online (230.4 MW), Horizon 3 too.
    await page.evaluate(`window.campusPlanner.document.getState().apply((d) => {
      d.halls.find((h) => h.id === 'hall-4').phaseId = 'ph-2';
    }, 'Move hall 4 to Horizon 2')`);
    await expect
      .poll(async () =>
        Number(await page.getByTestId('timeline-phase-2').getAttribute('data-value')),
      )
      .toBeCloseTo(230.4, 6);

    const perMw = page.getByTestId('total-capexPerItMwUsd');
    const before = Number(await perMw.getAttribute('data-value'));
    const land = page.getByTestId('cost-land-acre');
    await land.scrollIntoViewIfNeeded();
    await land.getByRole('textbox').fill('5000000');
    await land.getByRole('textbox').press('Enter');
    await expect.poll(() => land.getAttribute('data-overridden')).toBe('true');
    const after = Number(await perMw.getAttribute('data-value'));
    // 133.4 acres × ($5 M − $244 k) more, over 307.2 MW.
    expect(after - before).toBeCloseTo((133.38 * (5_000_000 - 244_000)) / 307.2, -4);
    expect(await perMw.textContent()).toMatch(/est\./);

    await page.keyboard.press('Escape');
    await page.evaluate('window.campusPlanner.document.getState().undo()');
    await expect.poll(() => land.getAttribute('data-overridden')).toBe('false');
    expect(Number(await perMw.getAttribute('data-value'))).toBeCloseTo(before, 3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
