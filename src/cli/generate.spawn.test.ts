import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLayoutText } from '../domain/format';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real command in a real process (one spawn; the rest is in generateCommand.test.ts). */
describe('npx tsx src/cli/generate.ts (end to end)', () => {
  it('writes the layout to stdout and exits 0, or exits 2 with the reason', () => {
    const ok = spawnSync(
      'npx',
      ['tsx', 'src/cli/generate.ts', '--parcel', 'seeds/blackwell-200mw.json', '--mw', '100'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(ok.status).toBe(0);
    expect(parseLayoutText(ok.stdout).ok).toBe(true);
    const no = spawnSync(
      'npx',
      ['tsx', 'src/cli/generate.ts', '--parcel', 'seeds/blackwell-200mw.json', '--mw', '90000'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(no.status).toBe(2);
    expect(no.stdout).toBe('');
    expect(no.stderr).toMatch(
      /^error: The parcel holds [\d,]+ MW of Blackwell at a 30 m setback; 90,000 MW asked\.\n$/,
    );
  }, 120_000);
});
