import { memo, useState } from 'react';
import { enumOptions, type Layout } from '../../domain';
import type { UnitSystem } from '../../domain/units';
import type { AnchorField, FieldDef, PointsField } from './fields';
import { DraftInput, ReadOnlyValue, SelectInput } from './FieldInputs';
import { formatField, unitSymbol } from './units';
import { checkSchema, validateNumber } from './validate';

/** The value the selected elements share, or MIXED when they differ. */
export const MIXED: unique symbol = Symbol('mixed');
export type Shared = unknown;

export function sharedValue(values: readonly unknown[]): Shared {
  if (values.length === 0) return MIXED;
  const [first, ...rest] = values;
  return rest.every((v) => v === first) ? first : MIXED;
}

export interface FieldViewProps<E> {
  readonly def: FieldDef<E>;
  /** The property's value on each selected element. */
  readonly values: readonly unknown[];
  /** The first selected element (a nullable field's placeholder names its default). */
  readonly sample: E;
  readonly system: UnitSystem;
  readonly doc: Layout;
  readonly onCommit: (value: unknown) => void;
  /** For a points field: set one coordinate of one vertex. */
  readonly onVertex?: (vertex: number, axis: 0 | 1, value: number) => void;
}

/**
 * Whether a field shows the same for both props: the same field, units and values, and, for
 * fields that show more than their values, the same document (an enum's options, a read-only
 * display) or element (a nullable number's placeholder). The handlers are not compared: the
 * inspector keys its fields by the selection and the units, so within one they do the same.
 */
function sameField<E>(a: FieldViewProps<E>, b: FieldViewProps<E>): boolean {
  if (a.def !== b.def || a.system !== b.system || a.values.length !== b.values.length) return false;
  if (a.values.some((v, i) => !Object.is(v, b.values[i]))) return false;
  const def = a.def;
  if (def.type === 'enum' || (def.type === 'readonly' && def.display)) return a.doc === b.doc;
  if (def.type === 'number' && def.nullable) return a.sample === b.sample;
  return true;
}

/**
 * One registry field as an input, showing "Mixed" where the selected elements differ. Memoised
 * (sameField): while a hall is dragged, its x and y render again, not its other fields.
 */
export const FieldView = memo(FieldViewOf, sameField) as typeof FieldViewOf;

function FieldViewOf<E>({
  def,
  values,
  sample,
  system,
  doc,
  onCommit,
  onVertex,
}: FieldViewProps<E>) {
  // An absent value is what it stands for: an enum's option (no phase and the first phase
  // agree), a number's value (a row without in-row CDUs and one with 0 of them agree).
  const enumAbsent = def.type === 'enum' ? def.absent : undefined;
  const numberAbsent = def.type === 'number' ? def.absent : undefined;
  const shared = sharedValue(
    enumAbsent
      ? values.map((v) => v ?? enumAbsent(doc))
      : numberAbsent !== undefined
        ? values.map((v) => (v === undefined ? numberAbsent : v))
        : values,
  );
  const mixed = shared === MIXED;
  const testId = `field-${def.id}`;
  switch (def.type) {
    case 'readonly': {
      const text = mixed ? 'Mixed' : def.display ? def.display(shared, doc) : String(shared);
      return <ReadOnlyValue label={def.label} value={text} wide={def.wide} />;
    }
    case 'enum': {
      const value = mixed || typeof shared !== 'string' ? null : shared;
      return (
        <SelectInput
          label={def.label}
          hint={def.hint}
          value={value}
          options={enumOptions(def, doc)}
          onCommit={onCommit}
          wide={def.wide}
          testId={testId}
        />
      );
    }
    case 'text':
      return (
        <DraftInput
          label={def.label}
          hint={def.hint}
          display={mixed ? '' : String(shared)}
          placeholder={mixed ? 'Mixed' : undefined}
          validate={(text) => checkSchema(def.schema, text)}
          onCommit={onCommit}
          wide={def.wide}
          testId={testId}
        />
      );
    case 'number': {
      // Absent (an optional field not in the file) reads like null, the default applies; a field
      // that names its absent value has it in `shared` already.
      const isNull = !mixed && (shared === null || shared === undefined);
      const display = mixed || isNull ? '' : formatField(shared as number, def.unit, system);
      const placeholder = mixed
        ? 'Mixed'
        : isNull
          ? def.nullable?.placeholder(sample, (si) => formatField(si, def.unit, system))
          : undefined;
      return (
        <DraftInput
          label={def.label}
          hint={def.hint}
          display={display}
          placeholder={placeholder}
          suffix={unitSymbol(def.unit, system)}
          validate={(text) =>
            validateNumber(text, def.unit, system, def.schema, def.nullable !== undefined)
          }
          onCommit={onCommit}
          numeric
          wide={def.wide}
          testId={testId}
        />
      );
    }
    case 'points':
      return values.length === 1 && onVertex ? (
        <PointsView def={def} points={values[0]} system={system} onVertex={onVertex} />
      ) : null;
    case 'anchor':
      return values.length === 1 ? (
        <AnchorView def={def} value={values[0]} system={system} onCommit={onCommit} />
      ) : null;
  }
}

type AnchorValue = Readonly<Record<string, number>>;

/**
 * An optional object such as the site anchor. While it is null, typed parts wait here until every
 * part without a fallback has a value, then the object is committed whole (one undo step).
 */
function AnchorView<E>({
  def,
  value,
  system,
  onCommit,
}: {
  readonly def: AnchorField<E>;
  readonly value: unknown;
  readonly system: UnitSystem;
  readonly onCommit: (value: unknown) => void;
}) {
  const current = value && typeof value === 'object' ? (value as AnchorValue) : null;
  const [pending, setPending] = useState<AnchorValue>({});
  const commitPart = (key: string, v: number | null) => {
    if (current) {
      const part = def.parts.find((p) => p.key === key);
      if (v === null && part?.fallback === undefined) onCommit(null);
      else onCommit({ ...current, [key]: v ?? part?.fallback });
      return;
    }
    const next: Record<string, number> = { ...pending };
    if (v === null) delete next[key];
    else next[key] = v;
    if (def.parts.every((p) => p.fallback !== undefined || next[p.key] !== undefined)) {
      const whole: Record<string, number> = {};
      for (const p of def.parts) whole[p.key] = next[p.key] ?? p.fallback!;
      onCommit(whole);
      setPending({});
    } else {
      setPending(next);
    }
  };
  return (
    <fieldset className="insp-anchor is-wide">
      <legend className="insp-label" title={def.hint}>
        {def.label}{' '}
        <span className="insp-muted">{current ? '' : '(not placed: type a position)'}</span>
      </legend>
      <div className="insp-anchor-grid">
        {def.parts.map((p) => {
          const v = current ? current[p.key] : pending[p.key];
          return (
            <DraftInput
              key={p.key}
              label={p.label}
              hint={p.hint}
              display={v === undefined ? '' : formatField(v, 'angle', system)}
              placeholder={
                current ? undefined : p.fallback !== undefined ? String(p.fallback) : '—'
              }
              suffix="°"
              validate={(text) =>
                text.trim() === ''
                  ? { ok: true, value: null }
                  : validateNumber(text, 'angle', system, p.schema)
              }
              onCommit={(x) => commitPart(p.key, x as number | null)}
              numeric
              testId={`field-${def.id}-${p.key}`}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

/** Vertices shown at most; a trench may have up to 10,000. */
const MAX_VERTICES_SHOWN = 50;

function PointsView<E>({
  def,
  points,
  system,
  onVertex,
}: {
  readonly def: PointsField<E>;
  readonly points: unknown;
  readonly system: UnitSystem;
  readonly onVertex: (vertex: number, axis: 0 | 1, value: number) => void;
}) {
  const list = Array.isArray(points) ? (points as readonly (readonly [number, number])[]) : [];
  const shown = list.slice(0, MAX_VERTICES_SHOWN);
  const unit = unitSymbol('length', system);
  return (
    <fieldset className="insp-points is-wide">
      <legend className="insp-label">
        {def.label} <span className="insp-muted">({list.length})</span>
      </legend>
      <div className="insp-points-grid">
        <div className="insp-vertex is-head" aria-hidden="true">
          <span />
          <span>X</span>
          <span>Y</span>
        </div>
        {shown.map((p, i) => (
          <div className="insp-vertex" key={i}>
            <span className="insp-vertex-n">{i + 1}</span>
            {([0, 1] as const).map((axis) => (
              <DraftInput
                key={axis}
                label={`Vertex ${i + 1} ${axis === 0 ? 'X' : 'Y'}`}
                display={formatField(p[axis], 'length', system)}
                suffix={unit}
                validate={(text) => validateNumber(text, 'length', system, def.coordSchema)}
                onCommit={(v) => onVertex(i, axis, v as number)}
                numeric
                testId={`field-${def.id}-${i}-${axis === 0 ? 'x' : 'y'}`}
              />
            ))}
          </div>
        ))}
      </div>
      {list.length > shown.length && (
        <p className="insp-muted">
          … and {list.length - shown.length} more vertices (edit them on the canvas)
        </p>
      )}
    </fieldset>
  );
}
