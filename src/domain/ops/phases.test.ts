import { describe, expect, it } from 'vitest';
import { createHall, createSubstation, LIMITS, type Layout } from '../index';
import { crossFieldIssues } from '../format/parse';
import { layoutOf } from '../report/testing';
import {
  addPhase,
  countInPhase,
  deletePhase,
  movePhase,
  parseEnergize,
  renamePhase,
  setPhaseEnergize,
  type PhaseEdit,
} from './phases';

/** Three phases; hall-a has no phaseId (the first), hall-b is in ph-2, sub-1 in ph-3. */
function threePhases(): Layout {
  const l = layoutOf({
    halls: [
      createHall('hall-a', { x: 0, y: 0 }),
      createHall('hall-b', { x: 200, y: 0 }, { phaseId: 'ph-2' }),
    ],
    substations: [createSubstation('sub-1', { x: 0, y: 200 }, { phaseId: 'ph-3' })],
  });
  return {
    ...l,
    settings: {
      ...l.settings,
      phases: [
        { id: 'ph-1', name: 'H1', energize: '2026-04' },
        { id: 'ph-2', name: 'H2', energize: '2027-01' },
        { id: 'ph-3', name: 'H3', energize: null },
      ],
    },
  };
}

const done = (e: PhaseEdit): Layout => {
  if (!e.ok) throw new Error(e.error);
  return e.layout;
};
const names = (l: Layout) => l.settings.phases.map((p) => p.name);
const phaseOf = (l: Layout, id: string) =>
  [...l.halls, ...l.substations].find((e) => e.id === id)?.phaseId;

describe('editing phases', () => {
  it('adds a phase after the last with a fresh id', () => {
    const l = done(addPhase(threePhases()));
    expect(l.settings.phases[3]).toEqual({ id: 'ph-4', name: 'Phase 4', energize: null });
    // An id taken out of order is skipped.
    const gap = threePhases();
    const odd = {
      ...gap,
      settings: {
        ...gap.settings,
        phases: [...gap.settings.phases, { ...gap.settings.phases[0]!, id: 'ph-4' }],
      },
    };
    expect(done(addPhase(odd)).settings.phases[4]!.id).toBe('ph-5');
  });

  it('refuses a phase beyond the limit', () => {
    const l = threePhases();
    const full = {
      ...l,
      settings: {
        ...l.settings,
        phases: Array.from({ length: LIMITS.phases }, (_, i) => ({
          id: `p${i}`,
          name: '',
          energize: null,
        })),
      },
    };
    expect(addPhase(full)).toEqual({
      ok: false,
      error: `A layout has at most ${LIMITS.phases} phases`,
    });
  });

  it('renames, trimming the name, and refuses a name too long', () => {
    const l = done(renamePhase(threePhases(), 'ph-2', '  Horizon 2 '));
    expect(names(l)).toEqual(['H1', 'Horizon 2', 'H3']);
    const long = renamePhase(threePhases(), 'ph-2', 'x'.repeat(10_000));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error).toMatch(/^Phase name must be at most \d+ characters$/);
    expect(renamePhase(threePhases(), 'nope', 'A')).toEqual({
      ok: false,
      error: 'There is no phase "nope"',
    });
  });

  it('sets the energize month, empty for none, and refuses what is not a month', () => {
    expect(
      done(setPhaseEnergize(threePhases(), 'ph-3', ' 2028-06 ')).settings.phases[2]!.energize,
    ).toBe('2028-06');
    expect(
      done(setPhaseEnergize(threePhases(), 'ph-1', '')).settings.phases[0]!.energize,
    ).toBeNull();
    for (const text of ['2028-13', '2028-6', 'June 2028', '1899-12', '2028-06-01']) {
      const r = setPhaseEnergize(threePhases(), 'ph-3', text);
      expect(r, text).toEqual({
        ok: false,
        error: 'Energize month must be a month "YYYY-MM" (e.g. "2026-04"), or empty for none',
      });
    }
    expect(parseEnergize('2999-12')).toEqual({ ok: true, value: '2999-12' });
  });

  it('moves a phase up and down, and refuses to move past either end', () => {
    expect(names(done(movePhase(threePhases(), 'ph-3', -1)))).toEqual(['H1', 'H3', 'H2']);
    expect(names(done(movePhase(threePhases(), 'ph-1', 1)))).toEqual(['H2', 'H1', 'H3']);
    expect(movePhase(threePhases(), 'ph-1', -1)).toEqual({
      ok: false,
      error: '"H1" is already the first phase',
    });
    expect(movePhase(threePhases(), 'ph-3', 1)).toEqual({
      ok: false,
      error: '"H3" is already the last phase',
    });
  });

  it('deletes a phase, moving its elements to the phase before it', () => {
    const l = done(deletePhase(threePhases(), 'ph-3'));
    expect(names(l)).toEqual(['H1', 'H2']);
    expect(phaseOf(l, 'sub-1')).toBe('ph-2');
    expect(phaseOf(l, 'hall-b')).toBe('ph-2');
    expect(crossFieldIssues(l)).toEqual([]);
  });

  it('deletes the first phase, moving its elements (with and without a phaseId) to the next', () => {
    const before = threePhases();
    const withExplicit = {
      ...before,
      substations: before.substations.map((s) => ({ ...s, phaseId: 'ph-1' })),
    };
    const l = done(deletePhase(withExplicit, 'ph-1'));
    expect(names(l)).toEqual(['H2', 'H3']);
    expect(phaseOf(l, 'sub-1')).toBe('ph-2');
    // hall-a had no phaseId: it is in the first phase, now H2.
    expect(phaseOf(l, 'hall-a')).toBeUndefined();
    expect(countInPhase(l, 'ph-2')).toBe(3);
    expect(crossFieldIssues(l)).toEqual([]);
  });

  it('keeps the last phase', () => {
    let l = threePhases();
    l = done(deletePhase(l, 'ph-2'));
    l = done(deletePhase(l, 'ph-3'));
    expect(deletePhase(l, 'ph-1')).toEqual({
      ok: false,
      error: 'The last phase cannot be deleted: a layout has at least one',
    });
    expect(countInPhase(l, 'ph-1')).toBe(3);
  });

  it('leaves collections without elements of the deleted phase as they were', () => {
    const before = threePhases();
    const l = done(deletePhase(before, 'ph-3'));
    expect(l.halls).toBe(before.halls);
    expect(l.substations).not.toBe(before.substations);
  });
});
