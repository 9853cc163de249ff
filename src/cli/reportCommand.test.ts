import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIER_IDS } from '../domain';
import type { Report } from '../domain/report';
import {
  EXIT_BAD_INPUT,
  EXIT_CHECKS_FAILED,
  EXIT_OK,
  parseArgs,
  runReport,
  type ReportIo,
} from './reportCommand';
import { safeText, table } from './textReport';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedPath = (id: string) => join(ROOT, 'seeds', `${id}.json`);

/** Files in memory first, then the real file system; stdout and stderr captured. */
function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: ReportIo = {
    readFile: (path) => (path in files ? files[path]! : readFileSync(path, 'utf8')),
    fileSize: (path) => (path in files ? files[path]!.length : statSync(path).size),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = runReport(argv, io);
  return { code, stdout, stderr };
}

/** A seed's JSON with one change made to it. */
function editedSeed(id: string, edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(readFileSync(seedPath(id), 'utf8')) as Record<string, unknown>;
  edit(doc);
  return JSON.stringify(doc);
}

describe('report command: exit status 0', () => {
  it('prints the JSON report of a valid layout', () => {
    const r = run([seedPath('blackwell-200mw')]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.targetTier).toBe('blackwell');
    // The fields the README documents.
    for (const key of [
      'itMw',
      'facilityMw',
      'pue',
      'racks',
      'gpus',
      'usableMw',
      'fiberRouteMiles',
      'fiberStrandMiles',
      'parcelAcres',
      'latencyDomains',
      'largestDomainGpus',
    ] as const) {
      expect(typeof report.totals[key], key).toBe('number');
    }
    const hall = report.halls[0]!;
    for (const key of ['id', 'itMw', 'racks', 'gpus', 'maxRackKpa', 'floorRatingKpa'] as const) {
      expect(hall, key).toHaveProperty(key);
    }
    const domain = report.domains[0]!;
    for (const key of ['hallIds', 'itMw', 'gpus', 'maxPathM'] as const)
      expect(domain, key).toHaveProperty(key);
    expect(report.checks.length).toBeGreaterThan(0);
    for (const c of report.checks) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'status', 'message', 'elementIds']),
      );
      expect(['pass', 'warn', 'fail']).toContain(c.status);
    }
  });

  it('a trench drawn straight through two halls, no vertex in either: one domain, 280 m between the crossings; its duplicate adds no route', () => {
    // Traditional seed, its halls and trenches replaced: halls 20 m square at x = 0 and 300, one
    // trench from x = −50 to 400 along y = 0, drawn twice. Crossings at −10, 10, 290, 310.
    const file = editedSeed('traditional-20mw', (doc) => {
      const halls = doc.halls as Record<string, unknown>[];
      const rows = doc.rackRows as Record<string, unknown>[];
      const a = { ...halls[0]!, id: 'A', x: 0, y: 0, width: 20, depth: 20, rotation: 0 };
      const b = { ...a, id: 'B', x: 300 };
      doc.halls = [a, b];
      doc.rackRows = [
        { ...rows[0]!, id: 'ra', hallId: 'A', x: 10, y: 10, rotation: 0, rackCount: 2 },
        { ...rows[0]!, id: 'rb', hallId: 'B', x: 10, y: 10, rotation: 0, rackCount: 2 },
      ];
      doc.coolingZones = [];
      const trench = (doc.fiberTrenches as Record<string, unknown>[])[0]!;
      const points = [
        [-50, 0],
        [400, 0],
      ];
      doc.fiberTrenches = [
        { ...trench, id: 't1', points },
        { ...trench, id: 't2', points },
      ];
    });
    const r = run(['through.json'], { 'through.json': file });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A', 'B']]);
    expect(report.domains[0]!.maxPathM).toBeCloseTo(280, 9);
    expect(report.totals.fiberRouteM).toBeCloseTo(450, 9);
    expect(report.totals.fiberTrenchM).toBeCloseTo(900, 9);
    expect(report.checks.find((c) => c.id === 'fiber-connectivity')!.status).toBe('pass');
  });

  it('prints the report pretty (indented) and ends with a newline', () => {
    const r = run([seedPath('traditional-20mw')]);
    expect(r.stdout.startsWith('{\n  "')).toBe(true);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('uses the layout’s target tier unless --tier names another', () => {
    const own = JSON.parse(run([seedPath('traditional-20mw')]).stdout) as Report;
    expect(own.targetTier).toBe('traditional');
    expect(own.checks.filter((c) => c.status === 'fail')).toEqual([]);

    for (const argv of [
      ['--tier', 'blackwell', seedPath('traditional-20mw')],
      [seedPath('traditional-20mw'), '--tier=blackwell'],
    ]) {
      const r = run(argv);
      expect(r.code).toBe(EXIT_OK); // failing checks alone do not change the status without --strict
      const other = JSON.parse(r.stdout) as Report;
      expect(other.targetTier).toBe('blackwell');
      const failed = other.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      expect(failed).toEqual(
        expect.arrayContaining(['tier-floor', 'tier-cooling', 'tier-row-power']),
      );
    }
  });

  it('--strict exits 0 when no check fails (warnings are fine)', () => {
    expect(run(['--strict', seedPath('blackwell-200mw')]).code).toBe(EXIT_OK);
    expect(run(['--strict', seedPath('traditional-20mw')]).code).toBe(EXIT_OK);
  });

  it('--help prints the usage to stdout', () => {
    const r = run(['--help']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('usage: npm run -s report --');
  });
});

describe('report command: --text', () => {
  it('prints totals with units, the halls, the domains and the checklist', () => {
    const r = run(['--text', seedPath('blackwell-200mw')]);
    expect(r.code).toBe(EXIT_OK);
    const text = r.stdout;
    expect(text).toContain('Target tier: Blackwell');
    // 1,536 GB300 racks × 142 kW = 218.112 MW IT; × PUE 1.2 = 261.73 MW facility.
    expect(text).toMatch(/IT load\s+218\.11 MW/);
    expect(text).toMatch(/Facility load\s+261\.73 MW \(PUE 1\.20/);
    expect(text).toMatch(/Racks\s+1,536/);
    expect(text).toMatch(/GPUs\s+110,592/);
    expect(text).toMatch(/Usable power\s+285\.00 MW \(N\+1, power factor 0\.95/);
    expect(text).toContain('route miles');
    expect(text).toContain('strand miles');
    expect(text).toContain('acres');
    expect(text).toContain('HALLS (4)');
    expect(text).toMatch(/hall-1\s+Hall 1\s+54\.53\s+384\s+27,648/); // 384 × 142 kW
    expect(text).toContain('LATENCY DOMAINS (1)');
    expect(text).toMatch(/µs of fiber; \d+\.\d\d µs one-way with 3 switch hops/);
    expect(text).toMatch(/CHECKS \(\d+ pass, 0 warn, 0 fail\)/);
    expect(text).toMatch(/PASS {2}tier-floor\s+\S/);
    expect(text).not.toContain('FAIL');
  });

  it('marks failing checks FAIL with their message and elements', () => {
    const r = run(['--text', '--tier', 'blackwell', seedPath('traditional-20mw')]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/FAIL {2}tier-floor\s+.*12 kPa/);
    expect(r.stdout).toMatch(/FAIL {2}tier-cooling\s+.*air/);
    expect(r.stdout).toMatch(/FAIL {2}tier-row-power\s+.*0\.25 MW/);
    expect(r.stdout).toMatch(/WARN {2}tier-density/);
    expect(r.stdout).toContain('at: hall-1');
  });

  it('never prints control characters from names (no terminal escapes)', () => {
    const file = editedSeed('blackwell-200mw', (doc) => {
      doc.name = 'evil \u001b[2J name';
      (doc.halls as { name: string }[])[0]!.name = 'Hall \u0007 one';
    });
    const r = run(['--text', 'evil.json'], { 'evil.json': file });
    expect(r.code).toBe(EXIT_OK);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('evil \uFFFD[2J name');
  });
});

describe('report command: exit status 1 (--strict)', () => {
  it('exits 1 when a check fails, after printing the report', () => {
    const r = run(['--strict', '--tier', 'blackwell', seedPath('traditional-20mw')]);
    expect(r.code).toBe(EXIT_CHECKS_FAILED);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.checks.some((c) => c.status === 'fail')).toBe(true);
  });

  it('exits 1 with --text too', () => {
    const r = run(['--text', '--strict', '--tier', 'rubin', seedPath('blackwell-200mw')]);
    expect(r.code).toBe(EXIT_CHECKS_FAILED);
    expect(r.stdout).toContain('FAIL');
  });
});

describe('report command: exit status 2', () => {
  it('a missing file', () => {
    const r = run(['no/such/layout.json']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no/such/layout.json');
    expect(r.stderr).toContain('no such file');
  });

  it('a directory', () => {
    const r = run([join(ROOT, 'seeds')]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain('is a directory');
  });

  it('an invalid field, named by its path', () => {
    const file = editedSeed('blackwell-200mw', (doc) => {
      (doc.halls as { width: number }[])[3]!.width = -5;
    });
    const r = run(['bad.json'], { 'bad.json': file });
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain('halls[3].width: must be a positive number');
  });

  it('several invalid fields, each on its own line', () => {
    const file = editedSeed('blackwell-200mw', (doc) => {
      (doc.halls as { width: number }[])[3]!.width = -5;
      (doc.rackRows as { rackCount: number }[])[2]!.rackCount = 0;
    });
    const r = run(['bad.json'], { 'bad.json': file });
    expect(r.code).toBe(EXIT_BAD_INPUT);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('  halls[3].width: must be a positive number');
    expect(lines.some((l) => l.startsWith('  rackRows[2].rackCount: '))).toBe(true);
  });

  it('counts every problem, not the capped list: "150 problems", "at least 1,000 problems"', () => {
    const badHalls = (n: number) =>
      editedSeed('blackwell-200mw', (doc) => {
        const hall = (doc.halls as Record<string, unknown>[])[0]!;
        doc.halls = Array.from({ length: n }, (_, i) => ({ ...hall, id: `bad-${i}`, width: -1 }));
        doc.rackRows = [];
      });
    const some = run(['bad.json'], { 'bad.json': badHalls(150) });
    expect(some.code).toBe(EXIT_BAD_INPUT);
    expect(some.stderr.split('\n')[0]).toBe(
      'error: bad.json is not a valid layout file: 150 problems',
    );
    expect(some.stderr).toContain('  …and 50 more');
    // Checking stops at 1,000 problems: the count is a lower bound.
    const many = run(['bad.json'], { 'bad.json': badHalls(1500) });
    expect(many.stderr.split('\n')[0]).toBe(
      'error: bad.json is not a valid layout file: at least 1,000 problems',
    );
  });

  it('not JSON, not a layout, or from a newer planner', () => {
    const cases: [string, string][] = [
      ['{"format": "ai-campus-layout", "version": 1, ', 'not a JSON file'],
      ['{"hello": "world"}', 'not a campus layout file'],
      [editedSeed('blackwell-200mw', (doc) => void (doc.version = 99)), 'version 99'],
    ];
    for (const [text, message] of cases) {
      const r = run(['x.json'], { 'x.json': text });
      expect(r.code, message).toBe(EXIT_BAD_INPUT);
      expect(r.stderr, message).toContain(message);
    }
  });

  it('a file over the size limit is refused before it is read', () => {
    let read = false;
    const io: ReportIo = {
      readFile: () => {
        read = true;
        return '';
      },
      fileSize: () => 60 * 1024 * 1024,
      stdout: () => undefined,
      stderr: () => undefined,
    };
    expect(runReport(['huge.json'], io)).toBe(EXIT_BAD_INPUT);
    expect(read).toBe(false);
  });

  it('an unknown tier names the allowed ids', () => {
    const r = run(['--tier', 'hoppper', seedPath('blackwell-200mw')]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown tier "hoppper"');
    for (const id of TIER_IDS) expect(r.stderr).toContain(id);
  });

  it('--tier without a value', () => {
    const r = run([seedPath('blackwell-200mw'), '--tier']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain('--tier needs a tier id');
  });

  it('no file argument prints the usage', () => {
    const r = run([]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no layout file given');
    expect(r.stderr).toContain('usage: npm run -s report -- <layout.json>');
  });

  it('an unknown option', () => {
    expect(run(['--txt', seedPath('blackwell-200mw')]).stderr).toContain('unknown option "--txt"');
    expect(run(['--txt', seedPath('blackwell-200mw')]).code).toBe(EXIT_BAD_INPUT);
  });
});

describe('report command: several files (JSON Lines)', () => {
  const a = seedPath('blackwell-200mw');
  const b = seedPath('traditional-20mw');

  it('one file keeps its pretty output exactly; several give one compact line each, in order', () => {
    const one = run([a]);
    const both = run([a, b, a]);
    expect(both.code).toBe(EXIT_OK);
    expect(both.stderr).toBe('');
    const lines = both.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    const parsed = lines.slice(0, 3).map((l) => JSON.parse(l) as Report & { file: string });
    expect(parsed.map((p) => p.file)).toEqual([a, b, a]);
    expect(parsed.map((p) => p.targetTier)).toEqual(['blackwell', 'traditional', 'blackwell']);
    // Each line is the single-file report with its file first.
    const { file, ...report } = parsed[0]!;
    expect(file).toBe(a);
    expect(report).toEqual(JSON.parse(one.stdout));
    expect(Object.keys(parsed[0]!)[0]).toBe('file');
    expect(lines[0]).toBe(JSON.stringify({ file: a, ...(JSON.parse(one.stdout) as Report) }));
  });

  it('a bad file gives a line {file, error} in its place, the rest are reported, exit 2 at the end', () => {
    const r = run([a, 'missing.json', 'bad.json', b], {
      'bad.json': editedSeed(
        'traditional-20mw',
        (d) => ((d.halls as { width: number }[])[0]!.width = -1),
      ),
    });
    expect(r.code).toBe(EXIT_BAD_INPUT);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([a, 'missing.json', 'bad.json', b]);
    expect(lines[1]).toEqual({ file: 'missing.json', error: 'cannot read: no such file' });
    expect(lines[2]).toEqual({
      file: 'bad.json',
      error: 'not a valid layout file: halls[0].width: must be a positive number',
    });
    expect(lines[3]!.targetTier).toBe('traditional');
    expect(r.stderr).toContain('error: cannot read missing.json: no such file');
    expect(r.stderr).toContain('error: bad.json is not a valid layout file:');
  });

  it('--strict: 1 when a check of any file fails; a bad file (2) wins over it', () => {
    expect(run([a, b, '--tier', 'blackwell', '--strict']).code).toBe(EXIT_CHECKS_FAILED);
    expect(run([a, b, '--strict']).code).toBe(EXIT_OK);
    expect(run([a, b, 'missing.json', '--tier', 'blackwell', '--strict']).code).toBe(
      EXIT_BAD_INPUT,
    );
  });

  it('reads version 1 and version 2 files alike, noting the migration on stderr', () => {
    const v1 = readFileSync(
      join(ROOT, 'src/domain/format/fixtures/v1-traditional-20mw.json'),
      'utf8',
    );
    // A version 1 file cannot hold the plant the seed has since gained: compare with the seed
    // without its feeders, yards and plants.
    const seed = JSON.parse(readFileSync(b, 'utf8')) as Record<string, unknown>;
    const bare = {
      ...seed,
      generatorYards: [],
      batteryYards: [],
      coolingPlants: [],
      powerFeeders: [],
    };
    const r = run(['old.json', 'now.json'], { 'old.json': v1, 'now.json': JSON.stringify(bare) });
    expect(r.code).toBe(EXIT_OK);
    const [old, now] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect({ ...old, file: 'x' }).toEqual({ ...now, file: 'x' });
    expect(r.stderr).toBe('note: old.json is format version 1; read as the current version\n');
  });

  it('--text prints one table per file under its name', () => {
    const r = run([a, b, '--text']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout.startsWith(`== ${a}\n`)).toBe(true);
    expect(r.stdout).toContain(`\n== ${b}\n`);
  });
});

describe('the text table', () => {
  it('lays out 200,000 rows (Math.max over a spread of them would overflow the stack)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`h${i}`, String(i % 7)]);
    const lines = table(['id', 'n'], rows, ['left', 'right']);
    expect(lines).toHaveLength(200_002);
    expect(lines[0]).toBe('id       n');
    expect(lines[1]).toBe('-------  -');
    expect(lines.at(-1)).toBe('h199999  2'); // 199,999 mod 7
  });
});

describe('parseArgs', () => {
  it('reads options in any order, and files after --', () => {
    expect(parseArgs(['--strict', 'x.json', '--text', '--tier', 'rubin'])).toEqual({
      ok: true,
      args: { files: ['x.json'], tier: 'rubin', phase: null, text: true, strict: true },
    });
    expect(parseArgs(['--', '--odd-name.json'])).toEqual({
      ok: true,
      args: { files: ['--odd-name.json'], tier: null, phase: null, text: false, strict: false },
    });
    expect(parseArgs(['a.json', '--text', 'b.json', '--', '-c.json'])).toEqual({
      ok: true,
      args: {
        files: ['a.json', 'b.json', '-c.json'],
        tier: null,
        phase: null,
        text: true,
        strict: false,
      },
    });
  });
});

describe('safeText', () => {
  it('drops bidi and zero-width characters, shows controls as U+FFFD', () => {
    expect(safeText('hall\u200b-1\u202e')).toBe('hall-1');
    expect(safeText('a\u001bb')).toBe('a\uFFFDb');
  });
});
