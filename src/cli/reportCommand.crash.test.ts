import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { EXIT_BAD_INPUT, runReport } from './reportCommand';

// The report itself fails (a bug, or a campus too large to print): simulated here.
vi.mock('../domain/report', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../domain/report')>()),
  computeReport: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('report command: the report cannot be produced', () => {
  it('exits 2 (never 1, which means a check failed) with one line on stderr', () => {
    let stdout = '';
    let stderr = '';
    const code = runReport(['--strict', '--text', 'seed.json'], {
      readFile: () => readFileSync(join(ROOT, 'seeds', 'blackwell-200mw.json'), 'utf8'),
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: could not produce the report of seed.json: RangeError: Maximum call stack size exceeded\n',
    );
  });
});
