import type * as z from 'zod/mini';
import type { Layout } from '../model';
import { phaseRef } from './fields';

/**
 * What the inspector shows of a kind, as data on the kind (react-planner's habit: the catalog
 * says what each kind's properties are and the inspector builds itself from it). Each field names
 * the property, its label and what it measures, and the zod schema of that property from the
 * kind's own schema, which both validates what is typed and supplies the message shown under the
 * field. The field machinery (inputs, units, validation) is src/panels/inspector's; a unit test
 * checks that every property of every kind's schema has a field.
 */

/**
 * What an inspector number measures, which decides the unit it is shown and typed in (lengths,
 * pressures and masses follow the session's unit system; the others have one unit everywhere).
 */
export type FieldUnit =
  'length' | 'pressure' | 'mass' | 'angle' | 'kw' | 'mw' | 'mwh' | 'mva' | 'kv' | 'count' | 'ratio';

/** The property names of E; of each member when E is a union (a field of any of the kinds). */
export type FieldKey<E> = E extends unknown ? keyof E & string : never;

/** `E`: the object the field edits (an element, the settings); its key is one of E's. */
interface FieldCommon<E> {
  /**
   * Fields with the same id mean the same thing on every kind that has them, so a mixed selection
   * can edit them together ("rotation"; a row's x is in its hall's frame, so it is "row.x").
   */
  readonly id: string;
  /** The property of the element (or of the settings, or the layout). */
  readonly key: FieldKey<E>;
  readonly label: string;
  /** Explains the field (tooltip). */
  readonly hint?: string;
  /** Takes the whole width of the field grid. */
  readonly wide?: boolean;
}

export interface NumberField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'number';
  readonly unit: FieldUnit;
  readonly schema: z.ZodMiniType;
  /** An empty field stores null (the default); the placeholder says what the default is. */
  readonly nullable?: {
    /** `format` shows a stored value in the field's unit ("1.36" t, "3000" lb). */
    placeholder(element: E, format: (si: number) => string): string;
  };
  /** The value an optional property not in the file stands for, shown as its value. */
  readonly absent?: number;
}

export interface TextField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'text';
  readonly schema: z.ZodMiniType;
}

/** The choices of an enum field. */
export type EnumOptions = readonly { readonly value: string; readonly label: string }[];

export interface EnumField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'enum';
  readonly schema: z.ZodMiniType;
  /**
   * The choices: fixed (catalog ids), or a function of the layout when they come from the
   * document (an element's phase is one of settings.phases).
   */
  readonly options: EnumOptions | ((doc: Layout) => EnumOptions);
  /** The option an absent value stands for (an element without a phase is in the first). */
  readonly absent?: (doc: Layout) => string | undefined;
}

/** An enum field's choices in this layout. */
export const enumOptions = (def: EnumField<never>, doc: Layout): EnumOptions =>
  typeof def.options === 'function' ? def.options(doc) : def.options;

/** Shown, not edited (ids; a row's hall). */
export interface ReadOnlyField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'readonly';
  /** How the stored value reads (a row's hall id as the hall's name). */
  display?(value: unknown, doc: Layout): string;
  /** Shown in the inspector's header rather than as a field (the id). */
  readonly inHeader?: boolean;
}

/** A polyline's vertices, each coordinate an exact length field validated by `coordSchema`. */
export interface PointsField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'points';
  readonly coordSchema: z.ZodMiniType;
}

/**
 * An optional object of angle fields (the layout's site on the Earth): null until its required
 * parts are all typed; emptying a required part clears it.
 */
export interface AnchorField<E = Record<string, unknown>> extends FieldCommon<E> {
  readonly type: 'anchor';
  readonly parts: readonly {
    readonly key: string;
    readonly label: string;
    readonly hint?: string;
    readonly schema: z.ZodMiniType;
    /** Filled in when the object is created without it. */
    readonly fallback?: number;
  }[];
}

export type FieldDef<E = Record<string, unknown>> =
  NumberField<E> | TextField<E> | EnumField<E> | ReadOnlyField<E> | PointsField<E> | AnchorField<E>;

/** Enum options from catalog ids and their labels. */
export const fieldOptions = <T extends string>(ids: readonly T[], label: (id: T) => string) =>
  ids.map((value) => ({ value, label: label(value) }));

/** The id, shown in the inspector's header. */
export const idField: FieldDef<{ readonly id: string }> = {
  id: 'id',
  key: 'id',
  label: 'Id',
  type: 'readonly',
  inHeader: true,
};

/** The layout's phase with `id` (absent: the first), as its name reads ("Phase 1"). */
export function phaseName(doc: Layout, id: unknown): string {
  const phases = doc.settings.phases;
  const phase = typeof id === 'string' ? phases.find((p) => p.id === id) : phases[0];
  if (!phase) return typeof id === 'string' ? id : '';
  return phase.name || phase.id;
}

/**
 * An element's construction phase (format version 2): one of the layout's phases, chosen by name.
 * An element without one is in the first phase. Rows have none: they take their hall's.
 */
export const phaseField: FieldDef<{ readonly phaseId?: string | undefined }> = {
  id: 'phaseId',
  key: 'phaseId',
  label: 'Phase',
  type: 'enum',
  schema: phaseRef(),
  hint: 'The construction phase the element is built in (absent: the first phase)',
  options: (doc) => doc.settings.phases.map((p) => ({ value: p.id, label: phaseName(doc, p.id) })),
  absent: (doc) => doc.settings.phases[0]?.id,
};

type RectLike = {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly depth: number;
  readonly rotation: number;
};
type RectShape = { readonly [K in keyof RectLike]: z.ZodMiniType };

/** The fields every placed rectangle (hall, cooling zone, substation) has, from its schema. */
export function rectFields(shape: RectShape, what: string): FieldDef<RectLike>[] {
  return [
    { id: 'name', key: 'name', label: 'Name', type: 'text', schema: shape.name, wide: true },
    {
      id: 'x',
      key: 'x',
      label: 'Centre X',
      type: 'number',
      unit: 'length',
      schema: shape.x,
      hint: `Centre of the ${what}, campus frame (x to the right)`,
    },
    {
      id: 'y',
      key: 'y',
      label: 'Centre Y',
      type: 'number',
      unit: 'length',
      schema: shape.y,
      hint: `Centre of the ${what}, campus frame (y downward)`,
    },
    {
      id: 'width',
      key: 'width',
      label: 'Width',
      type: 'number',
      unit: 'length',
      schema: shape.width,
      hint: `Along the ${what}'s own x axis`,
    },
    {
      id: 'depth',
      key: 'depth',
      label: 'Depth',
      type: 'number',
      unit: 'length',
      schema: shape.depth,
      hint: `Along the ${what}'s own y axis`,
    },
    {
      id: 'rotation',
      key: 'rotation',
      label: 'Rotation',
      type: 'number',
      unit: 'angle',
      schema: shape.rotation,
      hint: 'Degrees clockwise about the centre',
    },
  ];
}

/** Set one property of an object (an element or the settings, in a draft): the value is typed. */
export function setField<E extends object, K extends keyof E>(
  target: E,
  key: K,
  value: E[K],
): void {
  target[key] = value;
}

/**
 * Set field `def` of `target` to a value read from an input, if the field's own schema accepts it
 * (the input checked it as it was typed; checking it again here makes it the property's type).
 * Returns whether it was set. Anchor values are checked part by part as typed.
 */
export function writeField<E extends object>(target: E, def: FieldDef<E>, value: unknown): boolean {
  if (def.type === 'readonly' || def.type === 'points') return false;
  if (def.type !== 'anchor' && !def.schema.safeParse(value).success) return false;
  const key = def.key as keyof E;
  // The schema of the property accepted the value: it is the property's type.
  setField(target, key, value as E[typeof key]);
  return true;
}
