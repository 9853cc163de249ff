/**
 * Screenshot the app at 1440 × 900 in headless Chromium.
 *
 *   npx tsx scripts/screenshot.ts [seed|all] [out.png|out-dir] [--url http://host:port] [--no-build]
 *                                 [--focus x,y,pxPerM] [--layout file.json]
 *
 * --layout opens a layout file (after the seed) through the page's scripting handle.
 * --focus centres the view on campus point (x, y) metres at the given zoom (pixels per metre).
 * Without --url it builds the app (vite build → dist/) and serves it with vite preview; with
 * --no-build it serves the existing dist/. `all` shoots every seed into a directory
 * (default tmp/screenshots/).
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  buildApp,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  previewApp,
  ROOT,
  type RunningApp,
} from '../tests/e2e/server';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const noBuild = args.includes('--no-build');
if (noBuild) args.splice(args.indexOf('--no-build'), 1);
const urlArg = flag('--url');
const focusArg = flag('--focus');
const layoutArg = flag('--layout');
const seedArg = args[0] ?? 'blackwell-200mw';
const outArg = args[1];

async function main(): Promise<void> {
  let app: RunningApp | null = null;
  let base = urlArg;
  if (!base) {
    if (!noBuild) await buildApp();
    app = await previewApp();
    base = app.url;
  }
  const seeds =
    seedArg === 'all'
      ? (await readdir(join(ROOT, 'seeds')))
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.replace(/\.json$/, ''))
      : [seedArg];
  const outDir = seedArg === 'all' ? resolve(outArg ?? 'tmp/screenshots') : null;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const seed of seeds) {
      const out = outDir
        ? join(outDir, `${seed}.png`)
        : resolve(outArg ?? `tmp/screenshots/${seed}.png`);
      await mkdir(dirname(out), { recursive: true });
      await page.goto(`${base}/?seed=${encodeURIComponent(seed)}`);
      await page.waitForSelector('[data-testid=campus-canvas] canvas');
      await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
      if (layoutArg) {
        const text = await readFile(layoutArg, 'utf8');
        await page.evaluate(`window.campusPlanner.document.getState().load(${text})`);
      }
      if (focusArg) {
        const [x, y, scale] = focusArg.split(',').map(Number);
        await page.evaluate(
          `(() => { const s = window.campusPlanner.session.getState();
            s.setCamera({ x: s.viewport.width / 2 - ${x} * ${scale}, y: s.viewport.height / 2 - ${y} * ${scale}, scale: ${scale} }, true); })()`,
        );
      }
      // Two frames for Konva's batched draw (the focus is a jump of the view: drawn at its zoom).
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      await page.screenshot({ path: out });
      console.log(out);
    }
  } finally {
    await browser.close();
    await app?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
