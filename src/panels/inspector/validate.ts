import type * as z from 'zod/mini';
import type { UnitSystem } from '../../domain/units';
import { parseField, type FieldUnit } from './units';

export type Validation =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Shown under the field: a conversion from the unit typed ("10 ft = 3.05 m"). */
      readonly note?: string;
    }
  | { readonly ok: false; readonly error: string };

/** The schema's verdict on a value, with its first message ("must be a positive number"). */
export function checkSchema(schema: z.ZodMiniType, value: unknown): Validation {
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: r.error.issues[0]?.message ?? 'is not valid' };
}

/**
 * Read a number field: what was typed, in the field's unit (or a unit typed with it), converted to
 * the stored unit and checked by the property's schema. An empty field is null when the property
 * may be null (its default), else an error.
 */
export function validateNumber(
  text: string,
  unit: FieldUnit,
  system: UnitSystem,
  schema: z.ZodMiniType,
  nullable = false,
): Validation {
  if (text.trim() === '') {
    return nullable ? checkSchema(schema, null) : { ok: false, error: 'Enter a number' };
  }
  const parsed = parseField(text, unit, system);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(schema, parsed.value);
  return checked.ok && parsed.note ? { ...checked, note: parsed.note } : checked;
}
