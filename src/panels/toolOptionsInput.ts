/**
 * Reading the tool options strip's fields: a number as typed, or a message saying what is allowed
 * (bounds are the file format's, README "The layout file"). Pure, tested in Node.
 */
export type FieldResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** A plain decimal ("1,000", "12.5"); NaN when the text is not one. */
function readNumber(text: string): number {
  const t = text.trim();
  if (t === '' || t === '.' || !NUMBER.test(t)) return NaN;
  return Number(t.replace(/,/g, ''));
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function wholeNumber(min: number, max: number, what: string) {
  const message = `${what}: a whole number from ${fmt(min)} to ${fmt(max)}`;
  return (text: string): FieldResult<number> => {
    const v = readNumber(text);
    return Number.isInteger(v) && v >= min && v <= max
      ? { ok: true, value: v }
      : { ok: false, message };
  };
}

export function numberIn(
  min: number,
  max: number,
  what: string,
  unit: string,
  exclusiveMin = false,
) {
  const message = exclusiveMin
    ? `${what}: more than ${fmt(min)}, at most ${fmt(max)} ${unit}`
    : `${what}: from ${fmt(min)} to ${fmt(max)} ${unit}`;
  return (text: string): FieldResult<number> => {
    const v = readNumber(text);
    const above = exclusiveMin ? v > min : v >= min;
    return Number.isFinite(v) && above && v <= max
      ? { ok: true, value: v }
      : { ok: false, message };
  };
}

/** An empty field means "null" (the profile's default). */
export function optional<T>(read: (text: string) => FieldResult<T>) {
  return (text: string): FieldResult<T | null> =>
    text.trim() === '' ? { ok: true, value: null } : read(text);
}

export const readRackCount = wholeNumber(1, 1000, 'Rack count');
export const readKwPerRack = optional(numberIn(0.1, 2000, 'kW per rack', 'kW'));
export const readZoneCapacityMw = numberIn(0, 10_000, 'Zone capacity', 'MW', true);
export const readFiberCount = wholeNumber(1, 100_000, 'Fiber count');
export const readFeederMva = numberIn(0, 100_000, 'Feeder capacity', 'MVA', true);

/** Common trench cable sizes, fibers (the options strip suggests them). */
export const COMMON_FIBER_COUNTS = [432, 864, 1728, 3456, 6912] as const;
