/**
 * Confidence grades: A vendor or standards document; B reputable press or several
 * agreeing sources; C a single or conflicting source; D arithmetic on graded figures; X not found
 * anywhere (the UI labels it an estimate).
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'X';

/** A catalog value with where it comes from. `range` is the spread the sources give, if any. */
export interface Sourced<T> {
  readonly value: T;
  readonly basis: string;
  readonly grade: Grade;
  readonly range?: readonly [number, number];
  /** True for a value no public source fixes (a planner default or an estimate). */
  readonly estimate?: boolean;
}

export function sourced<T>(
  value: T,
  grade: Grade,
  basis: string,
  extra: { range?: readonly [number, number]; estimate?: boolean } = {},
): Sourced<T> {
  return { value, grade, basis, ...extra, estimate: extra.estimate ?? grade === 'X' };
}
