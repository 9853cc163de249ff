/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseLayoutText } from '../../src/domain/format';
import { computeReport } from '../../src/domain/report';
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

/** Open the app at `path`, failing on page errors and on any request that leaves the app's origin. */
async function open(path: string): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${base}${path}`);
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
  return { page, errors, foreign };
}

function seedReport(name: string) {
  const result = parseLayoutText(readFileSync(join(ROOT, 'seeds', `${name}.json`), 'utf8'));
  if (!result.ok) throw new Error(`seed ${name} does not parse: ${result.error.message}`);
  return computeReport(result.layout);
}

/** Count painted pixels of a Konva layer's canvas. */
const paintedPixels = (page: Page, layer: string) =>
  page.evaluate<number>(`(() => {
    const canvas = window.campusPlanner.stage().findOne('.${layer}').getCanvas()._canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  })()`);

describe('the built app in Chromium', () => {
  it('opens /?seed=blackwell-200mw and shows the same IT MW as computeReport in Node', async () => {
    const { page, errors, foreign } = await open('/?seed=blackwell-200mw');
    const expected = seedReport('blackwell-200mw');
    const itMw = page.locator('[data-testid=total-itMw]');
    await expect.poll(() => itMw.getAttribute('data-value')).toBe(String(expected.totals.itMw));
    expect(await page.locator('[data-testid=total-gpus]').getAttribute('data-value')).toBe(
      String(expected.totals.gpus),
    );
    expect(
      await page.locator('[data-testid=total-fiberStrandMiles]').getAttribute('data-value'),
    ).toBe(String(expected.totals.fiberStrandMiles));
    for (const check of expected.checks) {
      expect(
        await page.locator(`[data-testid=check-${check.id}]`).getAttribute('data-status'),
      ).toBe(check.status);
    }
    await expect
      .poll(() => page.evaluate('window.campusPlanner.stage().find(".hall").length'))
      .toBe(4);
    await expect.poll(() => paintedPixels(page, 'content')).toBeGreaterThan(10_000);
    expect(await page.locator('[data-testid=layout-name]').textContent()).toContain('Blackwell');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('opens /?seed=traditional-20mw and shows its name and tier', async () => {
    const { page, errors } = await open('/?seed=traditional-20mw');
    await expect
      .poll(() => page.locator('[data-testid=layout-name]').textContent())
      .toContain('Traditional 20 MW');
    expect(await page.locator('[data-testid=target-tier]').getAttribute('data-value')).toBe(
      'traditional',
    );
    expect(await page.locator('[data-testid=total-itMw]').getAttribute('data-value')).toBe(
      String(seedReport('traditional-20mw').totals.itMw),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says clearly when /?seed= names no sample, and opens the default', async () => {
    const { page } = await open('/?seed=nope');
    const notice = page.locator('[data-testid=notice]');
    await expect
      .poll(() => notice.textContent())
      .toContain('There is no sample layout called “nope”');
    expect(await notice.textContent()).toContain('blackwell-200mw');
    expect(await page.locator('[data-testid=layout-name]').textContent()).toContain('Blackwell');
    await page.close();
  });

  it('zooms with the wheel about the cursor and back to fit with Shift+1', async () => {
    const { page } = await open('/?seed=rubin-300mw');
    const zoom = page.locator('[data-testid=zoom-percent]');
    // The view is fitted once the page has settled: the report is in, the overlays measured.
    await page.locator('[data-testid=check-badge][data-pass]').waitFor();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const fit = Number(await zoom.getAttribute('data-value'));
    const box = (await page.locator('[data-testid=campus-canvas]').boundingBox())!;
    await page.mouse.move(box.x + 300, box.y + 300);
    const pointer = () =>
      page.evaluate<{ x: number; y: number }>('window.campusPlanner.session.getState().pointer');
    const before = await pointer();
    await page.mouse.wheel(0, -300);
    await expect
      .poll(async () => Number(await zoom.getAttribute('data-value')))
      .toBeGreaterThan(fit * 1.2);
    await page.mouse.move(box.x + 300, box.y + 301);
    await page.mouse.move(box.x + 300, box.y + 300);
    const after = await pointer();
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
    await page.keyboard.press('Shift+Digit1');
    await expect
      .poll(async () => Number(await zoom.getAttribute('data-value')))
      .toBeCloseTo(fit, 9);
    await page.close();
  });

  it('keeps the initial JavaScript small and the seeds out of it', () => {
    const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    const seedNames = ['blackwell-200mw', 'illustrative-750mw'].map(
      (s) =>
        (JSON.parse(readFileSync(join(ROOT, 'seeds', `${s}.json`), 'utf8')) as { name: string })
          .name,
    );
    let gzip = 0;
    for (const f of files) {
      const code = readFileSync(join(ROOT, 'dist', f));
      gzip += gzipSync(code, { level: 9 }).length;
      for (const name of seedNames) expect(code.toString()).not.toContain(name);
    }
    // What loads on demand is a chunk of its own, and none of them is loaded up front.
    const assets = readdirSync(join(ROOT, 'dist', 'assets'));
    for (const lazy of ['LearnView', 'ExplainBody', 'ProgramView', 'dialogs', 'exports']) {
      expect(assets.some((a) => a.startsWith(`${lazy}-`) && a.endsWith('.js'))).toBe(true);
      expect(files.filter((f) => f.startsWith(`assets/${lazy}-`))).toEqual([]);
    }
    // Issue 15 and README "Performance": initial JavaScript ≤ 180 KB gzip (as npm run bench
    // measures it: the entry script and its modulepreloads, gzip level 9).
    expect(gzip).toBeLessThanOrEqual(180 * 1024);
  });
});
