/// <reference types="node" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as canvas from './canvasPage';

/**
 * The campus beyond the halls (format version 2), sketched with real pointer input in the built
 * app on an empty parcel: a substation, a hall with rows and a DLC zone, feeders between them, a
 * generator yard and a dry-cooler plant. hall-feed, backup-power and heat-rejection go from
 * "not drawn" warnings to passes, the water figure appears, and undo takes each step back.
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

const docCount = (collection: string) => canvas.docCount(page, collection);

const drag = (from: [number, number], to: [number, number]) => canvas.drag(page, from, to);

const click = (x: number, y: number) => canvas.click(page, x, y);

const tool = (name: string) => canvas.tool(page, name);
const status = (id: string) => page.getByTestId(`check-${id}`).first().getAttribute('data-status');
const total = (field: string) => page.getByTestId(`total-${field}`);

/** The three checks of the power chain, backup and heat rejection, in that order. */
const chain = async () => [
  await status('hall-feed'),
  await status('backup-power'),
  await status('heat-rejection'),
];

describe('the power chain, backup and heat rejection, drawn on an empty parcel', () => {
  it('a substation, and a hall with rows in a DLC zone: the three checks warn "not drawn"', async () => {
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Empty parcel' }).click();
    await expect.poll(() => docCount('halls')).toBe(0);

    await tool('Substation');
    await click(400, 80);
    await expect.poll(() => docCount('substations')).toBe(1);

    await tool('Hall');
    // 30 × 20 m of GB200 racks: about 14 MW of facility load, inside one 60 MVA feeder.
    await drag([100, 100], [130, 120]);
    await expect.poll(() => docCount('halls')).toBe(1);
    await page.getByTestId('fill-profile').selectOption('gb200-nvl72');
    await page.getByTestId('fill-apply').click();
    await expect.poll(() => docCount('rackRows')).toBeGreaterThan(0);

    await tool('Cooling zone');
    await page.getByTestId('option-coolingType').selectOption('dlc');
    await click(115, 110);
    await expect.poll(() => docCount('coolingZones')).toBe(1);

    await expect.poll(chain).toEqual(['warn', 'warn', 'warn']);
    // No plant yet: the water figure is not known.
    await expect.poll(() => total('waterM3PerYear').textContent()).toContain('—');
  });

  it('a feeder from the substation into the hall: N+1 leaves it none; a second one passes', async () => {
    await page.keyboard.press('Escape');
    await tool('Power feeder');
    await click(400, 80);
    await click(112, 108);
    await page.keyboard.press('Enter');
    await expect.poll(() => docCount('powerFeeders')).toBe(1);
    // N+1 takes the largest feeder away: one feeder is no feed at all.
    await expect.poll(() => status('hall-feed')).toBe('fail');

    await page.keyboard.press('Escape');
    await tool('Power feeder');
    await click(410, 95);
    await click(118, 112);
    await page.keyboard.press('Enter');
    await expect.poll(() => docCount('powerFeeders')).toBe(2);
    await expect.poll(() => status('hall-feed')).toBe('pass');
    // The power chain table shows the hall's feed against its load.
    await expect.poll(() => page.getByTestId('hall-feed-table').textContent()).toContain('Hall');
  });

  it('a generator yard and a dry-cooler plant: backup and heat rejection pass; water appears', async () => {
    await page.keyboard.press('Escape');
    await tool('Generator yard');
    await click(300, 250);
    await expect.poll(() => docCount('generatorYards')).toBe(1);
    await expect.poll(() => status('backup-power')).toBe('pass');

    await page.keyboard.press('Escape');
    await tool('Cooling plant');
    await page.getByTestId('option-plantType').selectOption('dry-cooler');
    await click(150, 300);
    await expect.poll(() => docCount('coolingPlants')).toBe(1);
    await expect.poll(chain).toEqual(['pass', 'pass', 'pass']);
    // Dry coolers evaporate nothing: the figure is there, and it is zero.
    await expect.poll(() => total('waterM3PerYear').getAttribute('data-value')).toBe('0');
    await expect.poll(() => total('waterM3PerYear').textContent()).toContain('0 m³/yr');
    await expect.poll(() => total('waterM3PerYear').textContent()).toContain('dry plants use none');
  });

  it('undo takes each step back: plant, yard, feeders, in turn', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => docCount('coolingPlants')).toBe(0);
    await expect.poll(() => status('heat-rejection')).toBe('warn');
    await expect.poll(() => total('waterM3PerYear').textContent()).toContain('—');

    await page.keyboard.press('Control+z');
    await expect.poll(() => docCount('generatorYards')).toBe(0);
    await expect.poll(() => status('backup-power')).toBe('warn');

    await page.keyboard.press('Control+z');
    await expect.poll(() => docCount('powerFeeders')).toBe(1);
    await expect.poll(() => status('hall-feed')).toBe('fail');
    await page.keyboard.press('Control+z');
    await expect.poll(() => docCount('powerFeeders')).toBe(0);
    await expect.poll(chain).toEqual(['warn', 'warn', 'warn']);
    expect(errors).toEqual([]);
  });
});
