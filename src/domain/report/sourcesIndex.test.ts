import { describe, expect, it } from 'vitest';
import { HALL_LAYOUT, RACK_PROFILES, TIERS } from '../catalog';
import { PHYSICS } from '../units';
import { explainCheck } from './explain';
import { filterSources, sourceAnchor, sourceEntries } from './sourcesIndex';
import { computeReport } from './computeReport';
import { minimalLayout } from '../format/testing';

describe('the sources index (Sources page)', () => {
  it('lists every default once, each with a unique anchor', () => {
    const all = sourceEntries();
    // 8 profiles × 5 + 4 cooling types × 2 + 13 hall-layout values + 5 tiers × 12 + the lesson,
    // facility, reference and physics tables.
    expect(all.length).toBeGreaterThan(8 * 5 + 4 * 2 + 13 + 5 * 12);
    expect(new Set(all.map((e) => e.anchor)).size).toBe(all.length);
    for (const e of all) expect(e.anchor).toMatch(/^src-[a-z-]+-[A-Za-z0-9-]+$/);
  });

  it('finds a catalog value by the object itself, and nothing for a figure worked out on the fly', () => {
    expect(sourceAnchor(TIERS.blackwell.minFloorKpa)).toBe('src-tier-blackwell-minFloorKpa');
    expect(sourceAnchor(RACK_PROFILES['gb200-nvl72'].kwPerRack)).toBe(
      'src-profile-gb200-nvl72-kwPerRack',
    );
    expect(sourceAnchor(HALL_LAYOUT.cduKw)).toBe('src-hall-cduKw');
    expect(sourceAnchor(PHYSICS.gravity)).toBe('src-physics-gravity');
    expect(sourceAnchor({ ...HALL_LAYOUT.cduKw })).toBeUndefined();
  });

  it('every source of every check explanation links to an entry', () => {
    const report = computeReport(minimalLayout());
    for (const c of report.checks) {
      for (const s of explainCheck(c.id, 'blackwell', report).sources) {
        expect(s.ref && sourceAnchor(s.ref), `${c.id}: ${s.label}`).toBeTruthy();
      }
    }
  });

  it('filters by every word, in any field (item, basis, grade, value)', () => {
    const cdu = filterSources('cdu kW');
    expect(cdu.map((e) => e.anchor)).toContain('src-hall-cduKw');
    expect(filterSources('TIA-569 blackwell').map((e) => e.anchor)).toEqual([
      'src-tier-blackwell-pointLoadRatingKn',
    ]);
    expect(filterSources('no such words at all')).toEqual([]);
    expect(filterSources('  ')).toHaveLength(sourceEntries().length);
  });
});
