import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLayoutText } from '../domain/format';
import { computeReport } from '../domain/report';
import { GENERATE_USAGE, parseGenerateArgs, runGenerate } from './generateCommand';
import { EXIT_BAD_INPUT, EXIT_OK, type ReportIo } from './reportCommand';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUBIN_SEED = join(ROOT, 'seeds', 'rubin-300mw.json'); // a 1,000 × 600 m parcel, no setback

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: ReportIo = {
    readFile: (path) => (path in files ? files[path]! : readFileSync(path, 'utf8')),
    fileSize: (path) => (path in files ? files[path]!.length : statSync(path).size),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  return { code: runGenerate(argv, io), stdout, stderr };
}

describe('generate command: exit status 0', () => {
  it('writes a valid layout of 300 MW of Rubin in three phases that passes every check', () => {
    const r = run(['--parcel', RUBIN_SEED, '--mw', '300', '--tier', 'rubin', '--phases', '3']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toBe('generated 300.1 MW IT: 1,322 racks in 6 halls, 3 phases\n');
    const loaded = parseLayoutText(r.stdout);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { layout } = loaded;
    expect(layout.parcel.points).toEqual([
      [0, 0],
      [1000, 0],
      [1000, 600],
      [0, 600],
    ]);
    expect(layout.settings.setbackM).toBe(30); // the file has none: the default
    expect(layout.settings.phases).toHaveLength(3);
    const report = computeReport(layout);
    expect(report.totals.itMw).toBeCloseTo(300.094, 6);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('--max fills the parcel; --setback and the tier from the file apply', () => {
    const r = run(['--parcel', RUBIN_SEED, '--max', '--setback', '60']);
    expect(r.code).toBe(EXIT_OK);
    const loaded = parseLayoutText(r.stdout);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.layout.settings.targetTier).toBe('rubin'); // the seed's tier
    expect(loaded.layout.settings.setbackM).toBe(60);
    // Asking for a little more than the maximum is refused, naming the maximum.
    const most = computeReport(loaded.layout).totals.itMw;
    const over = run([
      '--parcel',
      RUBIN_SEED,
      '--mw',
      String(Math.ceil(most) + 50),
      '--setback=60',
    ]);
    expect(over.code).toBe(EXIT_BAD_INPUT);
    expect(over.stderr).toMatch(
      /^error: The parcel holds [\d,]+ MW of Rubin at a 60 m setback; [\d,]+ MW asked\.\n$/,
    );
  });

  it('prints its usage for --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toBe(GENERATE_USAGE);
  });
});

describe('generate command: exit status 2', () => {
  it('says in one sentence what does not fit', () => {
    const r = run(['--parcel', RUBIN_SEED, '--mw', '20', '--tier', 'rubin']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: A Rubin campus needs at least 31.6 MW of Vera Rubin NVL72 (one 10,000-GPU cluster); 20 MW asked.\n',
    );
  });

  it('names a missing or invalid file', () => {
    expect(run(['--parcel', 'nope.json', '--max']).stderr).toBe(
      'error: cannot read nope.json: no such file\n',
    );
    const bad = run(['--parcel', 'bad.json', '--max'], { 'bad.json': '{"format": "x"}' });
    expect(bad.code).toBe(EXIT_BAD_INPUT);
    expect(bad.stderr).toMatch(/^error: bad\.json is not a valid layout file: /);
  });

  it.each([
    [[], 'no --parcel layout file given'],
    [['--parcel', 'a.json'], 'give either --mw N or --max'],
    [['--parcel', 'a.json', '--mw', '5', '--max'], 'give either --mw N or --max'],
    [
      ['--parcel', 'a.json', '--mw', 'lots'],
      '--mw must be a number from 0.001 to 1,000,000, not "lots"',
    ],
    [
      ['--parcel', 'a.json', '--max', '--phases', '2.5'],
      '--phases must be a whole number from 1 to 20, not "2.5"',
    ],
    [
      ['--parcel', 'a.json', '--max', '--tier', 'volta'],
      'unknown tier "volta": one of traditional, hopper, blackwell, rubin, rubin-ultra',
    ],
    [
      ['--parcel', 'a.json', '--max', '--plant', 'lake'],
      'unknown plant type "lake": one of dry-cooler, adiabatic, chiller-tower, air-chiller',
    ],
    [['--parcel', 'a.json', '--max', '--fast'], 'unknown argument "--fast"'],
    [['--parcel'], '--parcel needs a value'],
  ])('refuses %j: %s', (argv, message) => {
    const parsed = parseGenerateArgs(argv);
    expect(parsed).toEqual({ ok: false, message });
    const r = run(argv);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toBe(`error: ${message}\n\n${GENERATE_USAGE}`);
  });
});
