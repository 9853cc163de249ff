import type { Layout } from '../../domain';
import {
  addPhase,
  countInPhase,
  deletePhase,
  movePhase,
  parseEnergize,
  renamePhase,
  setPhaseEnergize,
  type PhaseEdit,
} from '../../domain/ops/phases';
import { phaseSchema } from '../../domain';
import { useEditor } from '../../editor/EditorProvider';
import { DraftInput } from './FieldInputs';
import { plural } from './sections';

/**
 * The phases editor of the Layout section (rule 13): each phase's name and energize month, its
 * order, and delete (its elements move to the neighbour phase); "Add phase" appends one. Every
 * change is one undoable document edit made by the domain's phase edits (src/domain/ops/phases.ts);
 * one that is refused changes nothing and says why.
 */
export function PhasesSection({ doc }: { readonly doc: Layout }) {
  const { document: store, toolContext } = useEditor();
  const run = (edit: (layout: Layout) => PhaseEdit, label: string) => {
    const result = edit(store.getState().doc);
    if (!result.ok) {
      toolContext.showToast(result.error, 'warning');
      return;
    }
    // The edit computed the next layout whole: the recipe returns it (one undo step).
    store.getState().apply(() => result.layout, label);
  };
  const phases = doc.settings.phases;
  const last = phases.length - 1;
  return (
    <section
      className="insp-phases"
      aria-labelledby="insp-phases-title"
      data-testid="phases-editor"
    >
      <h3 id="insp-phases-title" className="insp-subtitle">
        Phases{' '}
        <span className="insp-muted" title="Elements without a phase are in the first">
          (in build order)
        </span>
      </h3>
      <ol className="insp-phase-list">
        {phases.map((p, i) => {
          const n = countInPhase(doc, p.id);
          const neighbour = phases[i === 0 ? 1 : i - 1];
          const label = p.name || p.id;
          return (
            <li className="insp-phase" key={p.id} data-testid={`phase-${i + 1}`}>
              <span
                className="insp-vertex-n"
                title={`${plural(n, 'element')} (rows follow their hall)`}
              >
                {i + 1}
              </span>
              <DraftInput
                label={`Phase ${i + 1} name`}
                display={p.name}
                placeholder={p.id}
                validate={(text) => {
                  const r = phaseSchema.shape.name.safeParse(text.trim());
                  return r.success
                    ? { ok: true, value: r.data }
                    : { ok: false, error: `Name ${r.error.issues[0]?.message ?? 'is invalid'}` };
                }}
                onCommit={(v) => run((l) => renamePhase(l, p.id, String(v)), 'Rename phase')}
                testId={`phase-${i + 1}-name`}
              />
              <DraftInput
                label={`Phase ${i + 1} energize month`}
                hint="The month the phase comes online, YYYY-MM; empty: not planned"
                display={p.energize ?? ''}
                placeholder="YYYY-MM"
                validate={(text) => parseEnergize(text)}
                onCommit={(v) =>
                  run(
                    (l) => setPhaseEnergize(l, p.id, typeof v === 'string' ? v : ''),
                    'Set energize month',
                  )
                }
                testId={`phase-${i + 1}-energize`}
              />
              <span className="insp-phase-actions">
                <button
                  type="button"
                  className="insp-icon-button"
                  aria-label={`Move ${label} earlier`}
                  title="Earlier"
                  disabled={i === 0}
                  onClick={() => run((l) => movePhase(l, p.id, -1), 'Move phase earlier')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="insp-icon-button"
                  aria-label={`Move ${label} later`}
                  title="Later"
                  disabled={i === last}
                  onClick={() => run((l) => movePhase(l, p.id, 1), 'Move phase later')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="insp-icon-button"
                  aria-label={`Delete ${label}`}
                  title={
                    neighbour
                      ? `Delete; its ${plural(n, 'element')} move to ${neighbour.name || neighbour.id}`
                      : 'The last phase cannot be deleted'
                  }
                  disabled={!neighbour}
                  onClick={() => run((l) => deletePhase(l, p.id), `Delete phase ${label}`)}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="insp-button is-secondary"
        data-testid="phase-add"
        onClick={() => run(addPhase, 'Add phase')}
      >
        Add phase
      </button>
    </section>
  );
}
