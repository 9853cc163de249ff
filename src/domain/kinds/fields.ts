import * as z from 'zod/mini';

// No eval (README "Dependencies": zod runs without code generation). zod 4 otherwise compiles its object parsers with `new Function`.
z.config({ jitless: true });

/**
 * Field schemas shared by the element kinds, with the messages users see
 * (`halls[3].width: must be a positive number`). Bounds are the bounds of README "The layout file".
 */
export const COORD_LIMIT_M = 100_000;
export const SIZE_LIMIT_M = 100_000;
export const MAX_POINTS = 10_000;
export const MAX_ELEMENTS = 200_000;

/**
 * What one layout file may hold (docs/limits.md): sizes the canvas draws and computeReport handles
 * in a few seconds. Checked on the raw JSON before validation, so a larger file is refused fast.
 */
export const LIMITS = {
  /** Elements of all kinds together. */
  totalElements: MAX_ELEMENTS,
  /** Halls (latency domains compare halls within reach pairwise). */
  halls: 20_000,
  /** Points of all polylines (fiber trenches and power feeders) together. */
  polylinePoints: 200_000,
  /** Points of one parcel, trench or feeder. */
  pointsPerList: MAX_POINTS,
  /** Construction phases (settings.phases). */
  phases: 100,
  /** Cost overrides (settings.costs). */
  costOverrides: 1000,
} as const;

/** An id holds no control, bidi or zero-width character (they make two ids print alike). */
const SAFE_ID =
  // eslint-disable-next-line no-control-regex
  /^[^\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]*$/;
export const MAX_TEXT = 200;

// z.number() in zod 4 already rejects NaN and ±Infinity. Bounds use the z.gte/z.lte checks rather
// than z.refine() so that z.toJSONSchema() can express them (the format's published JSON Schema).
const COORD_BOUND_MESSAGE = `must be within ±${COORD_LIMIT_M.toLocaleString('en-US')} m`;
export const coord = () =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.gte(-COORD_LIMIT_M, { error: COORD_BOUND_MESSAGE }),
      z.lte(COORD_LIMIT_M, { error: COORD_BOUND_MESSAGE }),
    );

export const size = () =>
  z
    .number({ error: 'must be a positive number' })
    .check(
      z.gt(0, { error: 'must be a positive number' }),
      z.lte(SIZE_LIMIT_M, { error: `must be at most ${SIZE_LIMIT_M.toLocaleString('en-US')} m` }),
    );

export const rotation = () =>
  z._default(
    z
      .number({ error: 'must be a number of degrees' })
      .check(
        z.gte(-360, { error: 'must be between -360 and 360 degrees' }),
        z.lte(360, { error: 'must be between -360 and 360 degrees' }),
      ),
    0,
  );

/** A positive number with an upper bound, in the named unit. */
export const positive = (max: number, unit: string) =>
  z
    .number({ error: 'must be a positive number' })
    .check(
      z.gt(0, { error: 'must be a positive number' }),
      z.lte(max, { error: `must be at most ${max.toLocaleString('en-US')} ${unit}` }),
    );

export const ranged = (min: number, max: number, unit: string) => {
  const range = `from ${min} to ${max.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: `must be a number ${range}` })
    .check(z.gte(min, { error: `must be ${range}` }), z.lte(max, { error: `must be ${range}` }));
};

export const integer = (min: number, max: number) => {
  // z.int() refuses non-integers (and unsafe ones such as 1e308) as a type error, which skips the
  // range checks, so a bad value gets one issue rather than two identical ones.
  const message = `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
  return z
    .int({ error: message })
    .check(z.gte(min, { error: message }), z.lte(max, { error: message }));
};

export const id = () =>
  z
    .string({ error: 'must be a text id' })
    .check(
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(100, { error: 'must be at most 100 characters' }),
      z.regex(SAFE_ID, { error: 'must not contain control, bidi or zero-width characters' }),
    );

/** Names are plain text, never HTML: they are only ever rendered as text nodes. */
export const name = () =>
  z._default(
    z
      .string({ error: 'must be text' })
      .check(z.maxLength(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` })),
    '',
  );

export const point = () => z.tuple([coord(), coord()], { error: 'must be a point [x, y]' });

/** A list of points [x, y], from `min` to MAX_POINTS of them (`what`: "points"). */
export const points = (min: number) =>
  z
    .array(point(), { error: 'must be a list of points' })
    .check(
      z.minLength(min, { error: `must have at least ${min} points` }),
      z.maxLength(MAX_POINTS, { error: `must have at most ${MAX_POINTS} points` }),
    );

/** A polyline's vertices (trenches, feeders): 2 to MAX_POINTS points. */
export const polylinePoints = () => points(2);

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: `must be one of the ${what}: ${values.join(', ')}` });
}

/**
 * An element's construction phase (format version 2): the id of one of settings.phases. Optional:
 * absent means the first phase, and it is left out of files when absent.
 */
export const phaseRef = () =>
  z.optional(id()).register(z.globalRegistry, {
    description:
      "The id of the element's construction phase (settings.phases); absent: the first phase.",
  });
