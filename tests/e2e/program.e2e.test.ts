/// <reference types="node" />
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** The panel's IT MW (its SI value). */
const itMw = async (page: Page) =>
  Number(await page.getByTestId('total-itMw').getAttribute('data-value'));

/**
 * The program story: make phases in the Layout inspector, move a hall to phase 2 with the
 * inspector's Phase field, and see the slider and the timeline follow; on the phased seed, read
 * the four horizons, move a hall with the inspector, override one unit cost in the cost table and
 * see capex per IT MW change; undo puts it back.
 */
describe('phases and cost in the built app', () => {
  it('makes phases, moves a hall to phase 2 in the inspector; the slider and timeline follow', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/?seed=blackwell-200mw`);
      const editor = page.getByTestId('phases-editor');
      await editor.waitFor({ timeout: 30_000 });
      // One phase: no slider; the last phase cannot be deleted.
      expect(await page.getByTestId('phase-slider').count()).toBe(0);
      await expect
        .poll(() => editor.getByRole('button', { name: 'Delete Phase 1' }).isDisabled())
        .toBe(true);
      // The seed's report (computed once per frame) is in the panel.
      await expect.poll(() => itMw(page), { timeout: 30_000 }).toBeGreaterThan(100);
      const whole = await itMw(page);

      // Make a second phase, name it and give it a month; a bad month is refused with a message.
      await page.getByTestId('phase-add').click();
      await page.getByTestId('phase-2-name').fill('Expansion');
      await page.getByTestId('phase-2-name').press('Enter');
      await page.getByTestId('phase-2-energize').fill('2027-13');
      await expect.poll(() => editor.textContent()).toMatch(/must be a month "YYYY-MM"/);
      await page.getByTestId('phase-2-energize').fill('2027-06');
      await page.getByTestId('phase-2-energize').press('Enter');
      await expect
        .poll(() =>
          page.evaluate(
            'JSON.stringify(window.campusPlanner.document.getState().doc.settings.phases[1])',
          ),
        )
        .toBe('{"id":"ph-2","name":"Expansion","energize":"2027-06"}');
      await page.getByTestId('phase-slider').waitFor();

      // Select Hall 4 and move it to phase 2 with the inspector's Phase field.
      await page.evaluate(`window.campusPlanner.session.getState().setSelection(['hall-4'])`);
      const field = page.getByTestId('field-phaseId');
      await expect.poll(() => field.inputValue()).toBe('ph-1');
      await field.selectOption({ label: 'Expansion' });
      await expect
        .poll(() =>
          page.evaluate(
            `window.campusPlanner.document.getState().doc.halls.find((h) => h.id === 'hall-4').phaseId`,
          ),
        )
        .toBe('ph-2');
      const timeline = page.getByTestId('phase-timeline');
      await expect.poll(() => timeline.getAttribute('data-phases')).toBe('2');
      const phase1Bar = page.getByTestId('timeline-phase-1');
      await expect
        .poll(async () => Number(await phase1Bar.getAttribute('data-value')))
        .toBeLessThan(whole);
      const phase1 = Number(await phase1Bar.getAttribute('data-value'));
      expect(
        Number(await page.getByTestId('timeline-phase-2').getAttribute('data-value')),
      ).toBeCloseTo(whole, 6);

      // The slider at phase 1: the panel shows phase 1's IT MW, less than at phase 2.
      await page.keyboard.press('Escape');
      const slider = page.getByTestId('phase-slider-input');
      await slider.fill('1');
      await expect
        .poll(() => page.getByTestId('phase-slider').getAttribute('data-value'))
        .toBe('1');
      await expect.poll(() => itMw(page)).toBeCloseTo(phase1, 6);
      expect(await page.getByTestId('panel-as-of').textContent()).toMatch(/As of Phase 1/);
      await page.screenshot({
        path: `tmp/screenshots/phases-${viewport.width}x${viewport.height}.png`,
      });
      await slider.fill('2');
      await expect.poll(() => itMw(page)).toBeCloseTo(whole, 6);
      expect(await page.getByTestId('panel-as-of').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);

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

    // Hall 4 into Horizon 2 with the inspector: Horizon 2 now has three halls online (230.4 MW),
    // Horizon 3 too.
    await page.evaluate(`window.campusPlanner.session.getState().setSelection(['hall-4'])`);
    const phaseField = page.getByTestId('field-phaseId');
    await phaseField.waitFor();
    await phaseField.selectOption('ph-2');
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
    await expect.poll(async () => Number(await perMw.getAttribute('data-value'))).not.toBe(before);
    const after = Number(await perMw.getAttribute('data-value'));
    // 133.4 acres × ($5 M − $244 k) more, over 307.2 MW.
    expect(after - before).toBeCloseTo((133.38 * (5_000_000 - 244_000)) / 307.2, -4);
    expect(await perMw.textContent()).toMatch(/est\./);

    await page.keyboard.press('Escape');
    await page.evaluate('window.campusPlanner.document.getState().undo()');
    await expect.poll(() => land.getAttribute('data-overridden')).toBe('false');
    // The report follows the document within a frame: wait for it.
    await expect
      .poll(async () => Number(await perMw.getAttribute('data-value')))
      .toBeCloseTo(before, 3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
