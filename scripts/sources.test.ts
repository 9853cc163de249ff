import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RACK_PROFILE_IDS, TIER_IDS } from '../src/domain/catalog';
import { SOURCES_PATH, sourcesMarkdown } from './build-sources';

describe('docs/sources.md', () => {
  const text = sourcesMarkdown();

  it('is current: the committed page is what the catalog gives (else run npm run sources)', () => {
    expect(readFileSync(SOURCES_PATH, 'utf8')).toBe(text);
  });

  it('lists every rack profile and tier, each value with a grade', () => {
    for (const id of [...RACK_PROFILE_IDS, ...TIER_IDS]) expect(text).toContain(`### \`${id}\``);
    const rows = text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| item') && !l.startsWith('| ---'));
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows) expect(row).toMatch(/\| [ABCDX]( \(estimate\))? \|/);
  });

  it('points to nothing outside the repository', () => {
    expect(text).not.toMatch(/\.\.\/shared|REFERENCE\.md|DESIGN\.md/);
  });
});
