import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../domain/report';
import { readBounded } from './readBounded';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real command in a real process (slow: two spawns only; the rest is in reportCommand.test.ts). */
function report(args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/report.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('npx tsx src/cli/report.ts (end to end)', () => {
  it('prints the JSON report of the default seed and exits 0', () => {
    const r = report(['seeds/blackwell-200mw.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as Report;
    expect(parsed.totals.itMw).toBeCloseTo(218.112, 6); // 1,536 × 142 kW
    expect(parsed.checks.every((c) => c.status !== 'fail')).toBe(true);
  }, 60_000);

  it('exits 1 with --strict when a check fails', () => {
    const r = report(['seeds/traditional-20mw.json', '--tier', 'blackwell', '--strict', '--text']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}tier-floor/);
  }, 60_000);
});

describe('reading any source stops at the size limit', () => {
  it('refuses /dev/zero (stat says 0 bytes) after reading 50 MB, exit 2', () => {
    const r = report(['/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read \/dev\/zero: over 50 MB/);
  }, 60_000);

  it('refuses a directory with a clear message, exit 2', () => {
    const r = report(['src']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/src: is a directory/);
  }, 60_000);
});

describe('readBounded', () => {
  it('reads a file under the limit and refuses one over it, counting bytes as it reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bounded-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, 'x'.repeat(3000));
    expect(readBounded(file, 3000)).toHaveLength(3000);
    expect(() => readBounded(file, 2999)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(() => readBounded(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
