import { isolate } from '../domain/text';
import { memo, useMemo } from 'react';
import {
  KINDS,
  writeField,
  type AnyElement,
  type Collection,
  type FieldKey,
  type Layout,
} from '../domain';
import { formatExact, type UnitSystem } from '../domain/units';
import { editLabel, locateAll, setProperty, setVertex, type Located } from './inspector/edit';
import {
  commonFields,
  LAYOUT_NAME_FIELD,
  SETTINGS_FIELDS,
  type FieldDef,
} from './inspector/fields';
import { FieldView } from './inspector/FieldView';
import { ParcelSection } from './inspector/ParcelSection';
import { PhasesSection } from './inspector/PhasesSection';
import { plural, sectionsOf } from './inspector/sections';
import './inspector.css';
import { useDocument, useEditor, useReportState, useSession } from '../editor/EditorProvider';
import { carryGlued } from '../editor/glue';
import type { DocumentState, DocumentStore } from '../state/documentStore';

/** Commit a field to the elements selected now (found again in the current document). */
function commitField(
  store: DocumentStore,
  ids: readonly string[],
  def: FieldDef<AnyElement>,
  value: unknown,
): void {
  const apply: DocumentState['apply'] = (recipe, label) => store.getState().apply(recipe, label);
  const targets = locateAll(store.getState().doc, ids).map((l) => ({
    collection: l.collection,
    index: l.index,
    id: l.element.id,
  }));
  if (targets.length === 0) return;
  const before = store.getState().doc;
  const set = setProperty(targets, def.key, value);
  // A hall placed anew (x, y, rotation, width, depth) takes what is glued to it along.
  apply(
    (d) => {
      set(d);
      carryGlued(d, before, ids);
    },
    editLabel(def.label, targets),
  );
}

function commitVertex(
  store: DocumentStore,
  id: string,
  vertex: number,
  axis: 0 | 1,
  value: number,
) {
  const apply: DocumentState['apply'] = (recipe, label) => store.getState().apply(recipe, label);
  const [l] = locateAll(store.getState().doc, [id]);
  if (!l) return;
  apply(
    setVertex({ collection: l.collection, index: l.index, id }, vertex, axis, value),
    `Move vertex ${vertex + 1}`,
  );
}

/** A field's value on an element (undefined when the element's kind has no such property). */
const valueOf = (e: AnyElement, key: FieldKey<AnyElement>): unknown =>
  (e as Partial<Record<FieldKey<AnyElement>, unknown>>)[key];

function SelectionSection({
  located,
  doc,
  system,
}: {
  located: readonly Located[];
  doc: Layout;
  system: UnitSystem;
}) {
  const { document: store } = useEditor();
  const ids = located.map((l) => l.element.id);
  const collections = [...new Set(located.map((l) => l.collection))] as Collection[];
  const many = located.length > 1;
  const fields = commonFields(collections).filter(
    (f) => !many || (f.type !== 'readonly' && f.type !== 'points'),
  );
  const first = located[0]!;
  const sample = first.element;

  const idField = fields.find((f) => f.type === 'readonly' && f.inHeader);
  const shown = fields.filter((f) => f !== idField);
  let kind: string;
  let title: string;
  if (!many) {
    kind = KINDS[first.collection].label;
    title = 'name' in first.element && first.element.name ? first.element.name : first.element.id;
  } else {
    kind = `${located.length} selected`;
    title = collections
      .map((c) =>
        plural(located.filter((l) => l.collection === c).length, KINDS[c].label.toLowerCase()),
      )
      .join(', ');
  }
  const { Summary, After } = many ? {} : sectionsOf(first.collection);

  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">
          {kind}
          {idField && title !== first.element.id && (
            <span className="insp-id" title={`${idField.label}: ${isolate(first.element.id)}`}>
              <bdi>{first.element.id}</bdi>
            </span>
          )}
        </span>
        <h2 className="insp-title" title={isolate(title)} data-testid="inspector-title">
          <bdi>{title}</bdi>
        </h2>
      </header>
      {Summary && <Summary element={first.element} doc={doc} system={system} />}
      {many && (
        <p className="insp-summary">
          {shown.length === 0
            ? 'These elements share no editable fields.'
            : 'Fields they share; a value typed here is set on all of them.'}
        </p>
      )}
      <div className="insp-grid" key={`fields:${ids.join('|')}:${system}`}>
        {shown.map((def) => (
          <FieldView
            key={def.id}
            def={def}
            values={located.map((l) => valueOf(l.element, def.key))}
            sample={sample}
            system={system}
            doc={doc}
            onCommit={(v) => commitField(store, ids, def, v)}
            onVertex={(i, axis, v) => commitVertex(store, first.element.id, i, axis, v)}
          />
        ))}
      </div>
      {After && (
        <After
          key={`after:${first.element.id}`}
          element={first.element}
          doc={doc}
          system={system}
        />
      )}
    </>
  );
}

function LayoutSection({ doc, system }: { doc: Layout; system: UnitSystem }) {
  const { document } = useEditor();
  const apply: DocumentState['apply'] = (recipe, label) => document.getState().apply(recipe, label);
  const reported = useReportState();
  const report = reported.ok ? reported.report : null;
  const settings = doc.settings;
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">Layout</span>
        <h2 className="insp-title" title={isolate(doc.name)} data-testid="inspector-title">
          <bdi>{doc.name || 'Untitled campus'}</bdi>
        </h2>
      </header>
      <p className="insp-summary">
        Nothing selected. Click an element to edit it; Shift-click or drag a box to select several;
        double-click a hall to select its rows; click the parcel’s edge to type its vertices.
      </p>
      <div className="insp-grid" key={system}>
        <FieldView
          def={LAYOUT_NAME_FIELD}
          values={[doc.name]}
          sample={doc}
          system={system}
          doc={doc}
          onCommit={(v) =>
            apply((d) => {
              writeField(d, LAYOUT_NAME_FIELD, v);
            }, 'Rename layout')
          }
        />
        {SETTINGS_FIELDS.map((def) =>
          def.key === 'phases' ? null : ( // The phases have their own editor, under the settings.
            <FieldView
              key={def.id}
              def={
                // The PUE override's placeholder shows the PUE derived now.
                def.type === 'number' && def.key === 'pue'
                  ? {
                      ...def,
                      nullable: {
                        placeholder: () =>
                          report
                            ? `Derived (${formatExact(report.totals.pue, 2)})`
                            : !reported.ok && reported.pending
                              ? 'Derived (computing…)'
                              : 'Derived (report unavailable)',
                      },
                    }
                  : def
              }
              values={[settings[def.key]]}
              sample={settings}
              system={system}
              doc={doc}
              onCommit={(v) =>
                apply(
                  (d) => {
                    writeField(d.settings, def, v);
                  },
                  editLabel(def.label, []),
                )
              }
            />
          ),
        )}
      </div>
      <PhasesSection doc={doc} />
    </>
  );
}

/**
 * The inspector: exact fields for every property of the selection, built from the kinds' fields
 * (KINDS[c].fields) plus a kind's own sections (src/panels/inspector/sections.tsx), validated as
 * typed by the kinds' own schemas; with nothing selected, the layout's name and settings.
 */
export const Inspector = memo(function Inspector() {
  const doc = useDocument((s) => s.doc);
  const selection = useSession((s) => s.selection);
  const system = useSession((s) => s.units);
  const parcelSelected = useSession((s) => s.parcelSelected);
  const located = useMemo(() => locateAll(doc, selection), [doc, selection]);
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      {parcelSelected ? (
        <ParcelSection doc={doc} system={system} />
      ) : located.length === 0 ? (
        <LayoutSection doc={doc} system={system} />
      ) : (
        <SelectionSection located={located} doc={doc} system={system} />
      )}
    </section>
  );
});
