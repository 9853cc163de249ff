/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseLayoutText } from '../../src/domain/format';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './server';

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
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${base}${path}`);
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
  return { page, errors };
}

const status = (page: Page, id: string) =>
  page.locator(`[data-testid=check-${id}]`).getAttribute('data-status');

function seedHallIds(name: string): string[] {
  const result = parseLayoutText(readFileSync(join(ROOT, 'seeds', `${name}.json`), 'utf8'));
  if (!result.ok) throw new Error(`seed ${name} does not parse`);
  return result.layout.halls.map((h) => h.id);
}

describe('why a traditional data center cannot host Blackwell racks', () => {
  it('re-targets the traditional campus to Blackwell, shows the failures, and explains them', async () => {
    const { page, errors } = await open('/?seed=traditional-20mw');
    await expect.poll(() => status(page, 'tier-floor')).toBe('pass');
    expect(await page.locator('[data-testid=target-tier]').getAttribute('data-value')).toBe(
      'traditional',
    );

    // Switch the target tier to Blackwell: floor, cooling and row power fail.
    await page.selectOption('[data-testid=target-tier-select]', 'blackwell');
    await expect
      .poll(() => page.locator('[data-testid=target-tier]').getAttribute('data-value'))
      .toBe('blackwell');
    for (const id of ['tier-floor', 'tier-cooling', 'tier-row-power']) {
      await expect.poll(() => status(page, id), { message: id }).toBe('fail');
    }
    const badge = page.locator('[data-testid=check-badge]');
    expect(Number(await badge.getAttribute('data-fail'))).toBeGreaterThanOrEqual(3);

    // The failing halls are outlined on the canvas.
    const halls = seedHallIds('traditional-20mw');
    await expect
      .poll(() =>
        page.evaluate<string[]>(
          'window.campusPlanner.stage().findOne(".faults").getAttr("faultIds")',
        ),
      )
      .toEqual(expect.arrayContaining(halls));

    // Click the floor failure: its halls are selected and the view zooms to them.
    const zoomBefore = Number(
      await page.locator('[data-testid=zoom-percent]').getAttribute('data-value'),
    );
    await page.locator('[data-testid=check-tier-floor] .check-main').click();
    await expect
      .poll(() => page.evaluate<string[]>('window.campusPlanner.session.getState().selection'))
      .toEqual(halls);
    await expect
      .poll(async () =>
        Number(await page.locator('[data-testid=zoom-percent]').getAttribute('data-value')),
      )
      .toBeGreaterThan(zoomBefore);

    // The ⓘ popover gives the formula and graded sources.
    await page.locator('[data-testid=explain-check-tier-floor]').click();
    const popover = page.getByRole('dialog');
    await expect
      .poll(() => popover.locator('[data-testid=explain-formula]').textContent())
      .toContain('floorRatingKpa ≥ 18.6 kPa');
    expect(await popover.locator('[data-grade]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);

    // Imperial: the floor figures read in psf.
    await page.getByRole('button', { name: 'Imperial' }).click();
    await expect
      .poll(() => page.locator('[data-testid=check-tier-floor]').textContent())
      .toContain('psf');
    expect(await page.locator('[data-testid=check-tier-floor]').textContent()).toContain(
      '251 psf floor < 388 psf',
    );

    // One undo step back to Traditional.
    await page.keyboard.press('Control+z');
    await expect.poll(() => status(page, 'tier-floor')).toBe('pass');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the density lesson from its link, with the chart', async () => {
    const { page, errors } = await open('/?seed=traditional-20mw&lesson=density');
    const learn = page.locator('[data-testid=learn-view]');
    await expect.poll(() => learn.getAttribute('data-lesson')).toBe('density');
    const chart = page.locator('[data-testid=density-chart]');
    await chart.waitFor({ state: 'visible' });
    // Six metrics × five tiers.
    expect(await chart.locator('rect[data-testid^=bar-]').count()).toBe(30);
    expect(
      await chart.locator('[data-testid=bar-racks-blackwell]').getAttribute('data-value'),
    ).toBe('834');
    expect(await page.locator('[data-testid=why-blackwell]').textContent()).toContain(
      '18.5 kPa > 12 kPa Rated-3 floor',
    );
    expect(await page.locator('[data-testid=lesson-link]').inputValue()).toBe(
      `${base}/?seed=traditional-20mw&lesson=density`,
    );
    // The plant chapter: 100 MW of GB200 needs 41 gensets and 51 dry coolers (N+1), and towers
    // would evaporate 1.26 M m³ a year where dry coolers use none.
    const plant = page.locator('[data-testid=plant-table]');
    await plant.scrollIntoViewIfNeeded();
    expect(await plant.textContent()).toContain('41 gensets');
    expect(await plant.textContent()).toContain('51 dry coolers');
    expect(await plant.textContent()).toContain('1.26 M m³ · none');
    // Its link opens the water lesson on the tower campus, whose water figure is there.
    await page.getByRole('link', { name: 'Heat rejection and water' }).first().click();
    await expect.poll(() => learn.getAttribute('data-lesson')).toBe('water');
    await expect
      .poll(() => page.evaluate<string>('window.campusPlanner.document.getState().doc.name'))
      .toMatch(/cooling towers/i);
    await expect
      .poll(async () =>
        Number(await page.getByTestId('total-waterM3PerYear').getAttribute('data-value')),
      )
      .toBeGreaterThan(3_800_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
