/**
 * npm run bench — the performance figures of README "Performance", measured here.
 *
 * Node: computeReport (from scratch, and after moving one hall with the editor's memo), import
 * (parse + validate) and export of generated campuses; the campus generator (1 GW of Blackwell)
 * and the what-fits table of all tiers.
 * Bundle: the initial JavaScript the page loads, gzip.
 * Chromium (headless, Debian's): time to first render and pan/zoom frame times on generated
 * campuses of ~1 GW (8,000 racks) and 50,000 racks, at zoom-to-fit and zoomed in.
 *
 * Every figure is a median over several runs; frame times are given as p50/p95 per run and the
 * median of those across runs. Options: --quick (fewer runs), --no-browser, --no-build, --json
 * (every figure as one JSON object with stable names on stdout; the readable lines on stderr),
 * --readme (rewrite README.md's performance table from the figures, scripts/benchReadme.ts).
 * The machine's load average is printed at the start and the end: figures taken under load are
 * slower, so compare runs at similar load.
 */
/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { parseLayoutText, serializeLayout } from '../src/domain/format';
import { computeReport, createReportMemo } from '../src/domain/report';
import { benchCampus } from '../src/domain/report/benchCampus';
import { generateCampus, whatFits } from '../src/domain/generate';
import type { Layout } from '../src/domain';
import { writeBenchTable } from './benchReadme';
import { buildApp, CHROMIUM_ARGS, CHROMIUM_PATH, previewApp, ROOT } from '../tests/e2e/server';

/** The page's scripting handle (src/main.tsx), as much of it as the benchmark uses. */
interface Camera {
  x: number;
  y: number;
  scale: number;
}
interface PageHandle {
  document: {
    getState(): {
      load(layout: unknown): void;
      doc: unknown;
      apply(recipe: (draft: { halls: { x: number }[] }) => void, label: string): void;
      beginGesture(): void;
      updateGesture(recipe: (draft: { halls: { x: number }[] }) => void): void;
      cancelGesture(): void;
    };
  };
  session: {
    getState(): {
      camera: Camera;
      viewport: { width: number; height: number };
      setCamera(c: Camera): void;
      setSelection(ids: readonly string[]): void;
    };
  };
  stage(): { find(selector: string): { length: number }; draw(): void } | undefined;
  reports: { getSnapshot(): { doc: unknown }; subscribe(listener: () => void): () => void };
}
declare global {
  interface Window {
    campusPlanner?: PageHandle;
  }
}

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
/** --json: the figures as one JSON object on stdout (the readable lines go to stderr). */
const JSON_OUT = args.has('--json');
const say = (line: string) => (JSON_OUT ? console.error(line) : console.log(line));
/** The figures with stable names (README "Performance"), filled as they are measured. */
const figures: Record<string, number | null> = {
  reportMs50k: null,
  reportEditMs50k: null,
  importMs50k: null,
  firstRenderMs50k: null,
  panFitP95Ms50k: null,
  zoomFitP95Ms50k: null,
  panCloseP95Ms50k: null,
  panFitP95Ms8k: null,
  dragReportLagMs50k: null,
  dragFrameP95Ms50k: null,
  dragAgainLagMs50k: null,
  dragAgainFrameP95Ms50k: null,
  initialJsKbGzip: null,
  generate1GwMs: null,
  whatFitsMs: null,
};
const RUNS = QUICK ? 2 : 5;
/**
 * Runs of the report before it is timed. V8 compiles the report's code in tiers while it runs: in
 * a fresh process the first ten reports of the 50,000-rack campus took 30–140 ms and the next ten
 * 10–20 ms (measured here). Here the 8,000-rack campus's reports run first, and the 50,000-rack
 * ones settle after a few more; with 5 warm-up runs the median moved little but the first timed
 * runs (11–13 ms) were the compiler's. The figures are those of compiled code, as on the report
 * worker once it has practised (src/state/useReport.ts); a file just opened has its first report
 * computed cold, in a fresh worker.
 */
const REPORT_WARMUP = QUICK ? 10 : 30;

const median = (xs: readonly number[]): number => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const v = f();
  return [performance.now() - t0, v];
}

function timeRuns(f: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) f();
  return Array.from({ length: runs }, () => time(f)[0]);
}

/**
 * The report as the editor computes it while a hall is dragged: with its memo (createReportMemo),
 * each run after moving one hall (a different one each time, as a new immutable document whose
 * other halls, rows and trenches keep their identity) by a metre.
 */
function editRuns(start: Layout, runs: number, warmup: number): number[] {
  const memo = createReportMemo();
  let layout = start;
  computeReport(layout, { memo });
  const out: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const h = (i * 37) % layout.halls.length;
    const halls = layout.halls.slice();
    const hall = halls[h]!;
    halls[h] = { ...hall, x: hall.x + (i % 2 === 0 ? 1 : -1) };
    layout = { ...layout, halls };
    const next = layout;
    const dt = time(() => computeReport(next, { memo }))[0];
    if (i >= warmup) out.push(dt);
  }
  return out;
}

const campuses = [
  { label: '~1 GW (8,000 racks)', racks: 8000 },
  { label: '50,000 racks', racks: 50000 },
];

function describe(layout: Layout): string {
  const r = computeReport(layout);
  return `${layout.halls.length} halls, ${layout.rackRows.length} rows, ${r.totals.racks} racks, ${layout.fiberTrenches.length} trenches, ${r.totals.itMw.toFixed(0)} MW IT`;
}

function nodeBench(): void {
  say('\n## Node (median of runs)');
  say(`node ${process.version}`);
  for (const c of campuses) {
    const layout = benchCampus({ racks: c.racks });
    const text = serializeLayout(layout);
    say(`\n${c.label}: ${describe(layout)}; file ${(text.length / 1e6).toFixed(2)} MB`);
    const report = timeRuns(() => computeReport(layout), QUICK ? 10 : 30, REPORT_WARMUP);
    if (c.racks === 50000) figures.reportMs50k = median(report);
    say(
      `  computeReport        median ${ms(median(report))}  p95 ${ms(quantile(report, 0.95))}  (${report.length} runs; target ≤ 10 ms at 50,000 racks)`,
    );
    const edit = editRuns(layout, QUICK ? 10 : 30, REPORT_WARMUP);
    if (c.racks === 50000) figures.reportEditMs50k = median(edit);
    say(
      `  report after a move  median ${ms(median(edit))}  p95 ${ms(quantile(edit, 0.95))}  (${edit.length} runs, one hall moved each; with the editor's memo; target ≤ 10 ms at 50,000 racks)`,
    );
    const parse = timeRuns(
      () => {
        const r = parseLayoutText(text);
        if (!r.ok) throw new Error(r.error.message);
      },
      QUICK ? 5 : 15,
      2,
    );
    if (c.racks === 50000) figures.importMs50k = median(parse);
    say(
      `  import + validate    median ${ms(median(parse))}  p95 ${ms(quantile(parse, 0.95))}  (${parse.length} runs; target ≤ 300 ms at 50,000 racks)`,
    );
    const ser = timeRuns(() => serializeLayout(layout), QUICK ? 5 : 15, 2);
    say(`  export (serialize)   median ${ms(median(ser))}  (${ser.length} runs)`);
  }
}

/** The campus generator (issue 14): 1 GW of Blackwell, and the what-fits table of all tiers. */
function generateBench(): void {
  say('\n## Campus generator (median of runs)');
  // A 2.5 × 2 km parcel (about 1,240 acres) at a 30 m setback.
  const parcel = {
    points: [
      [0, 0],
      [2500, 0],
      [2500, 2000],
      [0, 2000],
    ] as [number, number][],
  };
  const gen = () => {
    const r = generateCampus(parcel, { tier: 'blackwell', targetMw: 1000, setbackM: 30 });
    if (!r.ok) throw new Error(r.reason);
    return r;
  };
  const one = gen();
  const g = timeRuns(gen, RUNS, 1);
  figures.generate1GwMs = median(g);
  say(
    `  generate 1 GW Blackwell  median ${ms(median(g))}  (${g.length} runs; ${one.summary.halls} halls, ${one.summary.racks} racks, ${one.layout.rackRows.length} rows; target ≤ 1 s)`,
  );
  // The what-fits table of the new layout's parcel (1,000 × 800 m), every tier at its maximum.
  const empty = {
    points: [
      [0, 0],
      [1000, 0],
      [1000, 800],
      [0, 800],
    ] as [number, number][],
  };
  const w = timeRuns(() => whatFits(empty, { setbackM: 30 }), RUNS, 1);
  figures.whatFitsMs = median(w);
  say(`  what fits (5 tiers)      median ${ms(median(w))}  (${w.length} runs; target ≤ 2 s)`);
}

/** The JavaScript index.html loads up front (entry script and modulepreloads), gzip. */
async function bundleBench(): Promise<void> {
  const html = await readFile(join(ROOT, 'dist/index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const buf = await readFile(join(ROOT, 'dist', src));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  figures.initialJsKbGzip = gz / 1024;
  say('\n## Bundle');
  say(
    `  initial JavaScript   ${(gz / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(0)} KB raw, ${srcs.length} file(s); target ≤ 300 KB gzip)`,
  );
}

interface FrameRun {
  readonly intervalP50: number;
  readonly intervalP95: number;
  /** Intervals of more than one and a half vsyncs (25 ms): frames the display missed. */
  readonly missed: number;
  readonly frames: number;
  readonly workP50: number;
  readonly workP95: number;
}

/**
 * In the page: for `frames` animation frames, move the camera (pan or zoom) and let Konva draw.
 * "interval" is the time between frames as the browser delivers them (vsync-bound: 16.7 ms at
 * 60 Hz means no dropped frame); "work" is the synchronous cost of one camera move plus a full
 * redraw of the stage, measured separately so the figure is not hidden by vsync.
 */
async function frameRun(page: Page, mode: 'pan' | 'zoom', frames: number): Promise<FrameRun> {
  return page.evaluate(
    async ({ mode, frames }) => {
      const cp = window.campusPlanner!;
      const stage = cp.stage()!;
      const session = cp.session;
      const start = session.getState().camera;
      const { width, height } = session.getState().viewport;
      const step = (i: number) => {
        const c = session.getState().camera;
        if (mode === 'pan') {
          const dir = Math.floor(i / 30) % 2 === 0 ? 1 : -1;
          session.getState().setCamera({ x: c.x + 9 * dir, y: c.y + 4 * dir, scale: c.scale });
        } else {
          const f = Math.floor(i / 30) % 2 === 0 ? 1.025 : 1 / 1.025;
          const ax = width / 2;
          const ay = height / 2;
          const s = c.scale * f;
          const wx = (ax - c.x) / c.scale;
          const wy = (ay - c.y) / c.scale;
          session.getState().setCamera({ x: ax - wx * s, y: ay - wy * s, scale: s });
        }
      };
      const intervals: number[] = [];
      await new Promise<void>((resolve) => {
        let last = 0;
        let i = 0;
        const tick = (t: number) => {
          if (last) intervals.push(t - last);
          last = t;
          if (i >= frames) return resolve();
          step(i++);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      session.getState().setCamera(start);
      const work: number[] = [];
      for (let i = 0; i < Math.min(frames, 60); i++) {
        const t0 = performance.now();
        step(i);
        stage.draw();
        work.push(performance.now() - t0);
      }
      session.getState().setCamera(start);
      const q = (xs: number[], p: number) => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))]!;
      };
      return {
        intervalP50: q(intervals, 0.5),
        intervalP95: q(intervals, 0.95),
        missed: intervals.filter((x) => x > 25).length,
        frames: intervals.length,
        workP50: q(work, 0.5),
        workP95: q(work, 0.95),
      };
    },
    { mode, frames },
  );
}

/**
 * A drag of the first hall as the select tool makes it: one gesture (beginGesture, one
 * updateGesture of 0.5 m per animation frame, then cancelGesture), for `frames` frames. Returns
 * the p95 of the per-move lag, from the edit until the frame after the report of that document
 * is published to the panel (the panel renders on publication; the frame after is when it is
 * painted), and the p95 of the frame intervals of a continuous drag (one move per frame, not
 * waiting for the panel).
 */
async function dragRun(page: Page, frames: number): Promise<{ lagP95: number; frameP95: number }> {
  return page.evaluate(async (frames) => {
    const cp = window.campusPlanner!;
    const doc0 = cp.document.getState().doc as { halls: { id: string; x: number }[] };
    if (doc0.halls.length === 0) return { lagP95: NaN, frameP95: NaN };
    // As a user drags it: the hall is selected (the inspector shows its fields, which follow).
    cp.session.getState().setSelection([doc0.halls[0]!.id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const move = (i: number) =>
      cp.document.getState().updateGesture((d) => {
        d.halls[0]!.x += i % 40 < 20 ? 0.5 : -0.5;
      });
    const p95 = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.round((s.length - 1) * 0.95))]!;
    };
    cp.document.getState().beginGesture();
    const lags: number[] = [];
    for (let i = 0; i < frames; i++) {
      await new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          const t0 = performance.now();
          move(i);
          const target = cp.document.getState().doc;
          const done = () => {
            if (cp.reports.getSnapshot().doc !== target) return false;
            requestAnimationFrame(() => {
              lags.push(performance.now() - t0);
              resolve();
            });
            return true;
          };
          if (done()) return;
          const off = cp.reports.subscribe(() => {
            if (done()) off();
          });
        });
      });
    }
    const intervals: number[] = [];
    await new Promise<void>((resolve) => {
      let last = 0;
      let i = 0;
      const tick = (t: number) => {
        if (last) intervals.push(t - last);
        last = t;
        if (i >= frames) return resolve();
        move(i++);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    cp.document.getState().cancelGesture();
    cp.session.getState().setSelection([]);
    return { lagP95: p95(lags), frameP95: p95(intervals) };
  }, frames);
}

/**
 * Load a layout through the page's scripting handle; resolves when the frame that first draws all
 * its halls has been rendered: a user-blocking task posted from that frame's animation callback
 * runs after the frame's rendering (before ordinary tasks, such as the report of the campus, which
 * the planner computes after its first frame).
 */
async function loadAndTimeFirstRender(page: Page, text: string, halls: number): Promise<number> {
  return page.evaluate(
    async ({ text, halls }) => {
      const cp = window.campusPlanner!;
      const layout: unknown = JSON.parse(text);
      const t0 = performance.now();
      cp.document.getState().load(layout);
      await new Promise<void>((resolve) => {
        const check = () => {
          const stage = cp.stage();
          if (stage && stage.find('.hall').length >= halls) {
            // This frame is the one Konva draws them in (its draw was asked for when they were
            // made); the task after it runs once the frame is rendered.
            const sched = (
              globalThis as {
                scheduler?: {
                  postTask(cb: () => void, o: { priority: 'user-blocking' }): Promise<void>;
                };
              }
            ).scheduler;
            if (sched) void sched.postTask(() => resolve(), { priority: 'user-blocking' });
            else {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve();
              ch.port2.postMessage(null);
            }
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      return performance.now() - t0;
    },
    { text, halls },
  );
}

async function browserBench(): Promise<void> {
  const app = await previewApp();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  say(`\n## Chromium ${browser.version()} headless, 1440 × 900, ${RUNS} runs each`);
  try {
    for (const c of campuses) {
      const layout = benchCampus({ racks: c.racks });
      const text = serializeLayout(layout);
      const first: number[] = [];
      const drag: number[] = [];
      const dragFrames: number[] = [];
      const again: number[] = [];
      const againFrames: number[] = [];
      const results: Record<string, FrameRun[]> = {};
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // tsx (esbuild) names functions with a `__name` helper that the page does not have.
        await page.addInitScript('globalThis.__name = (f) => f;');
        await page.goto(`${app.url}/?seed=blackwell-200mw`);
        await page.waitForFunction(
          () => (window.campusPlanner?.stage()?.find('.hall').length ?? 0) > 0,
        );
        first.push(await loadAndTimeFirstRender(page, text, layout.halls.length));
        await page.waitForTimeout(300);
        for (const view of ['fit', 'close'] as const) {
          if (view === 'close') {
            // Zoom in to 6 px per metre on the campus centre: racks are drawn one by one.
            await page.evaluate(() => {
              const s = window.campusPlanner!.session.getState();
              const { width, height } = s.viewport;
              const c = s.camera;
              const wx = (width / 2 - c.x) / c.scale;
              const wy = (height / 2 - c.y) / c.scale;
              s.setCamera({ x: width / 2 - wx * 6, y: height / 2 - wy * 6, scale: 6 });
            });
            await page.waitForTimeout(200);
          }
          for (const mode of ['pan', 'zoom'] as const) {
            const key = `${mode} @ ${view}`;
            (results[key] ??= []).push(await frameRun(page, mode, 120));
          }
        }
        if (c.racks === 50000) {
          await page.waitForTimeout(300);
          const d = await dragRun(page, 60);
          drag.push(d.lagP95);
          dragFrames.push(d.frameP95);
          // The same drag once more, a second later: the page's and the worker's code for a
          // drag is compiled by now (the first drag includes V8 optimizing it).
          await page.waitForTimeout(1000);
          const a = await dragRun(page, 60);
          again.push(a.lagP95);
          againFrames.push(a.frameP95);
        }
        await page.close();
      }
      say(`\n${c.label}: ${describe(layout)}`);
      say(
        `  first render         median ${ms(median(first))}  (runs: ${first.map((x) => x.toFixed(0)).join(', ')} ms; target ≤ 2 s at 50,000 racks)`,
      );
      const p95 = (key: string) => median((results[key] ?? []).map((r) => r.intervalP95));
      if (c.racks === 50000) {
        figures.firstRenderMs50k = median(first);
        figures.panFitP95Ms50k = p95('pan @ fit');
        figures.zoomFitP95Ms50k = p95('zoom @ fit');
        figures.panCloseP95Ms50k = p95('pan @ close');
        figures.dragReportLagMs50k = median(drag);
        figures.dragFrameP95Ms50k = median(dragFrames);
        figures.dragAgainLagMs50k = median(again);
        figures.dragAgainFrameP95Ms50k = median(againFrames);
        say(
          `  drag → panel lag    p95 median ${ms(median(drag))}  (runs: ${drag.map((x) => x.toFixed(0)).join(', ')} ms; a hall moved 0.5 m per frame in one gesture)`,
        );
        say(
          `  drag frame interval p95 median ${ms(median(dragFrames))}  (runs: ${dragFrames.map((x) => x.toFixed(1)).join(', ')} ms)`,
        );
        say(
          `  the same drag again: lag p95 median ${ms(median(again))} (runs: ${again.map((x) => x.toFixed(0)).join(', ')} ms), frame interval p95 median ${ms(median(againFrames))} (runs: ${againFrames.map((x) => x.toFixed(1)).join(', ')} ms)`,
        );
      } else figures.panFitP95Ms8k = p95('pan @ fit');
      for (const [key, runs] of Object.entries(results)) {
        const m = (f: (r: FrameRun) => number) => ms(median(runs.map(f)));
        say(
          `  ${key.padEnd(13)} frame interval p50 ${m((r) => r.intervalP50)}, p95 ${m((r) => r.intervalP95)};  missed frames ${runs.map((r) => `${r.missed}/${r.frames}`).join(', ')};  work per frame p50 ${m((r) => r.workP50)}, p95 ${m((r) => r.workP95)}`,
        );
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const loadStart = loadavg()[0]!;
  say(`# Campus Planner benchmarks (${date}), load average ${loadStart.toFixed(2)}`);
  nodeBench();
  generateBench();
  if (!args.has('--no-build')) await buildApp();
  await bundleBench();
  if (!args.has('--no-browser')) await browserBench();
  const loadEnd = loadavg()[0]!;
  say(`\nload average at the end ${loadEnd.toFixed(2)}`);
  if (args.has('--readme'))
    await writeBenchTable(ROOT, figures, { date, load: [loadStart, loadEnd], quick: QUICK });
  if (JSON_OUT) {
    const rounded = Object.fromEntries(
      Object.entries(figures).map(([k, v]) => [k, v === null ? null : Math.round(v * 100) / 100]),
    );
    console.log(JSON.stringify(rounded));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
