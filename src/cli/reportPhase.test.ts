import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../domain/report';
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, runReport, type ReportIo } from './reportCommand';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED = join(ROOT, 'seeds', 'blackwell-200mw.json');

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: ReportIo = {
    readFile: (path) => (path in files ? files[path]! : readFileSync(path, 'utf8')),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  return { code: runReport(argv, io), stdout, stderr };
}

/**
 * The Blackwell seed (4 halls of 384 GB300 racks at 142 kW = 54.53 MW each) in two phases: halls 3
 * and 4 (with their zones) in phase 2 "Second half", energized 2028-01.
 */
function twoPhaseSeed(): string {
  const doc = JSON.parse(readFileSync(SEED, 'utf8')) as {
    settings: Record<string, unknown>;
    halls: { id: string; phaseId?: string }[];
  };
  doc.settings.phases = [
    { id: 'ph-1', name: 'First half', energize: '2027-01' },
    { id: 'ph-2', name: 'Second half', energize: '2028-01' },
  ];
  doc.settings.costs = { 'hall-mw-dlc': 8_000_000 };
  for (const h of doc.halls) if (h.id === 'hall-3' || h.id === 'hall-4') h.phaseId = 'ph-2';
  return JSON.stringify(doc);
}

describe('report command: --phase K', () => {
  const files = { 'two.json': twoPhaseSeed() };

  it('reports the campus as of phase K: phase 1 holds halls 1 and 2 (768 racks)', () => {
    const whole = JSON.parse(run(['two.json'], files).stdout) as Report;
    const r = run(['two.json', '--phase', '1'], files);
    expect(r.code).toBe(EXIT_OK);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.halls.map((h) => h.id)).toEqual(['hall-1', 'hall-2']);
    expect(report.totals.racks).toBe(768);
    expect(report.phases).toHaveLength(1);
    expect(report.totals.itMw).toBeCloseTo(whole.phases[0]!.itMw, 9);
    expect(report.totals.capexUsd).toBeCloseTo(whole.phases[0]!.cumulativeCapexUsd, 3);
    // The last phase is the whole campus; --phase=2 says so too.
    const last = JSON.parse(run(['two.json', '--phase=2'], files).stdout) as Report;
    expect(last.totals.racks).toBe(1536);
  });

  it('prints the phases and the costs in --text, overrides marked *, money labelled estimates', () => {
    const r = run(['two.json', '--text'], files);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/PHASES \(2; figures cumulative, money estimates\)/);
    expect(r.stdout).toMatch(/ {2}1 {2}First half {3}2027-01 +109\.06 +130\.87/);
    expect(r.stdout).toMatch(/ {2}2 {2}Second half {2}2028-01 +218\.11/);
    expect(r.stdout).toContain('COST (USD, estimates');
    expect(r.stdout).toMatch(/hall-mw-dlc\* +per IT MW +\$1\.74 B/);
    expect(r.stdout).toMatch(/Capex per IT MW +\$/);
    expect(r.stdout).toContain('no energy price set');
    const p1 = run(['two.json', '--text', '--phase', '1'], files);
    expect(p1.stdout).toContain(
      'As of phase 1 of 2 (First half, energized 2027-01): only the elements of phase 1 or earlier',
    );
  });

  it('a phase beyond the layout’s is an error naming how many it has (exit 2)', () => {
    const r = run(['two.json', '--phase', '3'], files);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain('--phase 3: the layout has 2 phases');
    expect(r.stdout).toBe('');
  });

  it('refuses a --phase that is not a positive whole number', () => {
    for (const bad of [['--phase'], ['--phase', '0'], ['--phase', 'two'], ['--phase=-1']]) {
      const parsed = parseArgs(['a.json', ...bad]);
      expect(parsed.ok, bad.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('--phase needs a phase number');
    }
    expect(parseArgs(['a.json', '--phase', '2'])).toMatchObject({ ok: true, args: { phase: 2 } });
  });
});
