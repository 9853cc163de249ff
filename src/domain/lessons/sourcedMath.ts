import { sourced, type Grade, type Sourced } from '../catalog';

/**
 * A figure computed from graded inputs: grade D ("arithmetic on graded figures"),
 * or X when any input is X; an estimate when any input is one. `basis` says how it was computed.
 */
export function derived(
  value: number,
  basis: string,
  inputs: readonly Sourced<unknown>[],
): Sourced<number> {
  const grade: Grade = inputs.some((s) => s.grade === 'X') ? 'X' : 'D';
  return sourced(value, grade, basis, { estimate: inputs.some((s) => s.estimate === true) });
}

/**
 * ⌈n⌉ that ignores floating-point noise: 0.3 MW × 1000 / 100 kW is 3.0000000000000004, which
 * must be 3 racks, not 4.
 */
export function ceilClean(n: number): number {
  const r = Math.round(n);
  return Math.abs(n - r) <= 1e-9 * Math.max(1, Math.abs(n)) ? r : Math.ceil(n);
}
