import { z } from 'zod';

/**
 * Field schemas shared by the element kinds, with the messages users see
 * (`halls[3].width: must be a positive number`). Bounds are DESIGN.md's "sane bounds".
 */
export const COORD_LIMIT_M = 100_000;
export const SIZE_LIMIT_M = 100_000;
export const MAX_POINTS = 10_000;
export const MAX_ELEMENTS = 200_000;
export const MAX_TEXT = 200;

const finite = (what = 'a number') =>
  z.number({ error: `must be ${what}` }).refine(Number.isFinite, { error: `must be ${what}` });

export const coord = () =>
  finite().refine((v) => Math.abs(v) <= COORD_LIMIT_M, {
    error: `must be within ±${COORD_LIMIT_M.toLocaleString('en-US')} m`,
  });

export const size = () =>
  z
    .number({ error: 'must be a positive number' })
    .gt(0, { error: 'must be a positive number' })
    .lte(SIZE_LIMIT_M, { error: `must be at most ${SIZE_LIMIT_M.toLocaleString('en-US')} m` });

export const rotation = () =>
  z
    .number({ error: 'must be a number of degrees' })
    .gte(-360, { error: 'must be between -360 and 360 degrees' })
    .lte(360, { error: 'must be between -360 and 360 degrees' })
    .default(0);

/** A positive number with an upper bound, in the named unit. */
export const positive = (max: number, unit: string) =>
  z
    .number({ error: 'must be a positive number' })
    .gt(0, { error: 'must be a positive number' })
    .lte(max, { error: `must be at most ${max.toLocaleString('en-US')} ${unit}` });

export const ranged = (min: number, max: number, unit: string) =>
  z
    .number({ error: `must be a number from ${min} to ${max.toLocaleString('en-US')} ${unit}` })
    .gte(min, { error: `must be from ${min} to ${max.toLocaleString('en-US')} ${unit}` })
    .lte(max, { error: `must be from ${min} to ${max.toLocaleString('en-US')} ${unit}` });

export const integer = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}` })
    .int({ error: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}` })
    .gte(min, { error: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}` })
    .lte(max, { error: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}` });

export const id = () =>
  z
    .string({ error: 'must be a text id' })
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' });

/** Names are plain text, never HTML: they are only ever rendered as text nodes. */
export const name = () =>
  z
    .string({ error: 'must be text' })
    .max(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` })
    .default('');

export const point = () => z.tuple([coord(), coord()], { error: 'must be a point [x, y]' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: `must be one of the ${what}: ${values.join(', ')}` });
}
