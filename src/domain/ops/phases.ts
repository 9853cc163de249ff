import { COLLECTIONS, LIMITS, phaseSchema, type Phase } from '../kinds';
import type { Layout } from '../model';

/**
 * Editing the construction phases (settings.phases, rule 13): pure functions from a layout to the
 * next one, or to a message naming what is wrong (and then nothing changes). The app applies each
 * as one undoable document edit. Elements name their phase by `phaseId`; absent means the first.
 */

export type PhaseEdit =
  { readonly ok: true; readonly layout: Layout } | { readonly ok: false; readonly error: string };

const ok = (layout: Layout): PhaseEdit => ({ ok: true, layout });
const bad = (error: string): PhaseEdit => ({ ok: false, error });

const withPhases = (layout: Layout, phases: Phase[]): Layout => ({
  ...layout,
  settings: { ...layout.settings, phases },
});

function find(layout: Layout, id: string): number | PhaseEdit {
  const i = layout.settings.phases.findIndex((p) => p.id === id);
  return i < 0 ? bad(`There is no phase "${id}"`) : i;
}

/** A phase id not used by any phase: "ph-N", N from the count of phases plus one. */
export function freshPhaseId(layout: Layout): string {
  const used = new Set(layout.settings.phases.map((p) => p.id));
  let n = layout.settings.phases.length + 1;
  while (used.has(`ph-${n}`)) n++;
  return `ph-${n}`;
}

/** Add a phase after the last, named "Phase N", with no energize month. */
export function addPhase(layout: Layout): PhaseEdit {
  const phases = layout.settings.phases;
  if (phases.length >= LIMITS.phases) return bad(`A layout has at most ${LIMITS.phases} phases`);
  const id = freshPhaseId(layout);
  return ok(
    withPhases(layout, [...phases, { id, name: `Phase ${phases.length + 1}`, energize: null }]),
  );
}

/** Rename a phase (the name is plain text, checked by the phase schema). */
export function renamePhase(layout: Layout, id: string, name: string): PhaseEdit {
  const i = find(layout, id);
  if (typeof i !== 'number') return i;
  const parsed = phaseSchema.shape.name.safeParse(name.trim());
  if (!parsed.success) return bad(`Phase name ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  const phases = layout.settings.phases.map((p, j) => (j === i ? { ...p, name: parsed.data } : p));
  return ok(withPhases(layout, phases));
}

/**
 * Check a typed energize month: "YYYY-MM", or empty for none. The message is the schema's, e.g.
 * 'must be a month "YYYY-MM" (e.g. "2026-04") or null'.
 */
export function parseEnergize(
  text: string,
):
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const parsed = phaseSchema.shape.energize.safeParse(t);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Energize month ${(parsed.error.issues[0]?.message ?? 'is invalid').replace(' or null', ', or empty for none')}`,
    };
  }
  return { ok: true, value: parsed.data };
}

/** Set a phase's energize month from typed text ("2027-06"; empty: none). */
export function setPhaseEnergize(layout: Layout, id: string, text: string): PhaseEdit {
  const i = find(layout, id);
  if (typeof i !== 'number') return i;
  const month = parseEnergize(text);
  if (!month.ok) return bad(month.error);
  const phases = layout.settings.phases.map((p, j) =>
    j === i ? { ...p, energize: month.value } : p,
  );
  return ok(withPhases(layout, phases));
}

/**
 * Move a phase one place earlier (-1) or later (+1). Elements keep their phase ids; those without
 * one stay in the first phase, whichever that now is.
 */
export function movePhase(layout: Layout, id: string, delta: -1 | 1): PhaseEdit {
  const i = find(layout, id);
  if (typeof i !== 'number') return i;
  const phases = [...layout.settings.phases];
  const j = i + delta;
  if (j < 0 || j >= phases.length) {
    return bad(`"${phases[i]!.name || id}" is already the ${delta < 0 ? 'first' : 'last'} phase`);
  }
  [phases[i], phases[j]] = [phases[j]!, phases[i]!];
  return ok(withPhases(layout, phases));
}

/**
 * Delete a phase; its elements move to the neighbour phase (the one before it, or the one after
 * when it is the first). The last remaining phase cannot be deleted.
 */
export function deletePhase(layout: Layout, id: string): PhaseEdit {
  const i = find(layout, id);
  if (typeof i !== 'number') return i;
  const phases = layout.settings.phases;
  if (phases.length <= 1) return bad('The last phase cannot be deleted: a layout has at least one');
  const target = phases[i === 0 ? 1 : i - 1]!.id;
  // Elements without a phaseId are in the first phase: when the first goes, so do they (to the
  // neighbour, which becomes the first), so they need no change.
  const next: Record<string, unknown> = {
    ...withPhases(
      layout,
      phases.filter((_, j) => j !== i),
    ),
  };
  for (const c of COLLECTIONS) {
    const list = layout[c] as readonly { readonly phaseId?: string | undefined }[];
    if (!list.some((e) => e.phaseId === id)) continue;
    next[c] = list.map((e) => (e.phaseId === id ? { ...e, phaseId: target } : e));
  }
  return ok(next as unknown as Layout);
}

/** Elements (of any kind but rows) whose phase is `id` (absent counts as the first phase's). */
export function countInPhase(layout: Layout, id: string): number {
  const first = layout.settings.phases[0]?.id;
  let n = 0;
  for (const c of COLLECTIONS) {
    for (const e of layout[c] as readonly { readonly phaseId?: string | undefined }[]) {
      if (c !== 'rackRows' && (e.phaseId ?? first) === id) n++;
    }
  }
  return n;
}
