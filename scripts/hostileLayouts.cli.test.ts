import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/domain/report';
import {
  collidingTrenchPoints,
  hallMesh,
  shortTrenchUnionM,
  manyElements,
  MESH_SPACING_M,
  stackedHalls,
  zigZagPlusShortTrenches,
} from './hostileLayouts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report command on the layout written as a file (no timing asserted: the machine is shared). */
function reportOn(name: string, layout: unknown) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(layout));
  return spawnSync('npx', ['tsx', 'src/cli/report.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('the issue-9 files at the issue sizes, through the command line', () => {
  it('10,000 stacked halls: the overlap count', () => {
    const r = reportOn('stacked', stackedHalls(10_000));
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const overlap = report.checks.find((c) => c.id === 'overlap')!;
    expect(overlap.message).toBe('H0 overlaps h1 (+49,994,999 pairs)');
  }, 300_000);

  it('a mesh of 4,356 halls: one domain of all of them', () => {
    const r = reportOn('mesh', hallMesh(66));
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.domains).toHaveLength(1);
    expect(report.domains[0]!.hallIds).toHaveLength(4356);
    // Corner to corner along the trenches, less 2 m at each end: the 4 m halls attach where the
    // trenches cross their edges (rule 6), 2 m from their centres.
    expect(report.domains[0]!.maxPathM).toBeCloseTo(2 * 65 * MESH_SPACING_M - 4, 6);
  }, 300_000);

  it('30,000 short trenches and a long zig-zag: the route length', () => {
    const layout = zigZagPlusShortTrenches(30_000, 2_000);
    const r = reportOn('zigzag', layout);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const zig = 2_000 * Math.hypot(10_000 / 2_000, 10_000);
    expect(report.totals.fiberRouteM).toBeCloseTo(shortTrenchUnionM(layout) + zig, 1);
  }, 300_000);

  it('200,000 trench points colliding in the old hash: the route length', () => {
    const r = reportOn('colliding', collidingTrenchPoints(200_000));
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.totals.fiberRouteM).toBeCloseTo(20 * 9_999 * 2, 0);
  }, 300_000);

  it('600,000 elements: refused with the count and the limit, exit 2', () => {
    const r = reportOn('many', manyElements(600_000));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fiberTrenches: has 600,000 elements; at most 200,000 are allowed');
  }, 300_000);
});
