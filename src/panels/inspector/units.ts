import {
  fromSi,
  inputUnit,
  parseQuantity,
  type ParseResult,
  type Quantity,
  type UnitSystem,
} from '../../domain/units';

/**
 * What an inspector number measures, which decides the unit it is shown and typed in. Lengths,
 * pressures and masses follow the session's unit system (src/domain/units); the others have one
 * unit everywhere. Stored values are always the file's SI units.
 */
export type FieldUnit =
  'length' | 'pressure' | 'mass' | 'angle' | 'kw' | 'mw' | 'mva' | 'kv' | 'count' | 'ratio';

const SYSTEM_QUANTITY: Partial<Record<FieldUnit, Quantity>> = {
  length: 'length',
  pressure: 'pressure',
  mass: 'mass',
};

/**
 * The one unit of the other fields, and the other spellings a value may be typed with (as a
 * factor to the stored unit): "1.5 MW" in a kW field is 1,500 kW.
 */
const FIXED: Record<
  Exclude<FieldUnit, 'length' | 'pressure' | 'mass'>,
  { readonly symbol: string; readonly typed: Readonly<Record<string, number>> }
> = {
  angle: { symbol: '°', typed: { '°': 1, deg: 1, degree: 1, degrees: 1 } },
  kw: { symbol: 'kW', typed: { w: 0.001, kw: 1, mw: 1000 } },
  mw: { symbol: 'MW', typed: { kw: 0.001, mw: 1, gw: 1000 } },
  mva: { symbol: 'MVA', typed: { kva: 0.001, mva: 1, gva: 1000 } },
  kv: { symbol: 'kV', typed: { v: 0.001, kv: 1 } },
  count: { symbol: '', typed: {} },
  ratio: { symbol: '', typed: {} },
};

/** The unit symbol shown beside a field ("m", "ft", "kPa", "°", "MW"; "" for counts). */
export function unitSymbol(unit: FieldUnit, system: UnitSystem): string {
  const q = SYSTEM_QUANTITY[unit];
  return q ? inputUnit(q, system) : FIXED[unit as keyof typeof FIXED].symbol;
}

/** A stored (SI) value in the field's display unit. */
export function toFieldUnit(si: number, unit: FieldUnit, system: UnitSystem): number {
  const q = SYSTEM_QUANTITY[unit];
  return q ? fromSi(si, inputUnit(q, system)) : si;
}

/**
 * A number as an editable field shows it: plain digits (no grouping), at most 4 decimals, so
 * that what is shown can be typed back. 160 m in feet: "524.9344".
 */
export function editableNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(4));
  return String(rounded === 0 ? 0 : rounded);
}

/** The stored value shown in a field. */
export function formatField(si: number, unit: FieldUnit, system: UnitSystem): string {
  return editableNumber(toFieldUnit(si, unit, system));
}

// Optional sign, digits with optional en-US thousands groups, optional decimals and exponent.
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;

/**
 * Read what was typed into a field as a stored (SI) value. A bare number is in the field's unit;
 * a typed unit converts ("40 ft" in a metric length field is 12.192 m, "1.5 MW" in a kW field).
 */
export function parseField(text: string, unit: FieldUnit, system: UnitSystem): ParseResult {
  const q = SYSTEM_QUANTITY[unit];
  if (q) return parseQuantity(text, q, system);
  const s = text
    .replace(/\u2212/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim();
  if (s === '') return { ok: false, error: 'Enter a number' };
  const match = NUMBER.exec(s);
  const rest = match ? s.slice(match[0].length).trim() : s;
  if (!match || /^[\d.,]/.test(rest)) return { ok: false, error: `"${s}" is not a number` };
  const value = Number(match[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, error: `"${s}" is too large` };
  let factor = 1;
  if (rest !== '') {
    const fixed = FIXED[unit as keyof typeof FIXED];
    const f = fixed.typed[rest.toLowerCase()];
    if (f === undefined) {
      return {
        ok: false,
        error: fixed.symbol
          ? `Unknown unit "${rest}": use ${fixed.symbol}`
          : 'Enter a plain number',
      };
    }
    factor = f;
  }
  const si = value * factor;
  return { ok: true, value: si === 0 ? 0 : si };
}
