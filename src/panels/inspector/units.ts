import {
  fromStored,
  inputUnit,
  parseQuantity,
  roundForUnit,
  type ParseResult,
  type Quantity,
  type UnitSystem,
} from '../../domain/units';

import type { FieldUnit } from '../../domain';

/**
 * What an inspector number measures (FieldUnit, named on the kinds' fields) decides the unit it is
 * shown and typed in. Reading, converting and unit symbols are src/domain/units'; this maps the
 * fields' units onto those quantities.
 */
export type { FieldUnit } from '../../domain';

const QUANTITY: Readonly<Record<FieldUnit, Quantity>> = {
  length: 'length',
  pressure: 'pressure',
  mass: 'mass',
  angle: 'angle',
  kw: 'powerKw',
  mw: 'powerMw',
  mwh: 'energy',
  mva: 'apparentPower',
  kv: 'voltage',
  count: 'count',
  ratio: 'ratio',
};

/** The unit symbol shown beside a field ("m", "ft", "kPa", "°", "MW"; "" for counts). */
export function unitSymbol(unit: FieldUnit, system: UnitSystem): string {
  return inputUnit(QUANTITY[unit], system);
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

/**
 * The stored value shown in a field, in the field's display unit, rounded as people write it in
 * that unit (src/domain/units displayDecimals: 0.1 ft, 1 psf, 0.001 m …): 152 m reads "498.7" ft,
 * not "498.6877". Shown text that is not retyped is never written back (DraftInput), so the
 * rounding changes nothing stored.
 */
export function formatField(si: number, unit: FieldUnit, system: UnitSystem): string {
  // An optional field left empty (a hall's white-space share: the tier's default) shows nothing.
  if (!Number.isFinite(si)) return '';
  const q = QUANTITY[unit];
  const u = inputUnit(q, system);
  return editableNumber(roundForUnit(fromStored(si, u, q), u));
}

/**
 * Read what was typed into a field as a stored (SI) value. A bare number is in the field's unit;
 * a typed unit converts ("40 ft" in a metric length field is 12.192 m, "1.5 MW" in a kW field).
 */
export function parseField(text: string, unit: FieldUnit, system: UnitSystem): ParseResult {
  return parseQuantity(text, QUANTITY[unit], system);
}
