import type { TierId } from '../catalog';
import type { Layout } from '../model';
import { computeReport } from '../report';
import type { CheckId, CheckStatus, Report } from '../report/types';
import type { Text } from '../units';

export interface CheckFlip {
  readonly id: CheckId;
  readonly title: string;
  readonly before: CheckStatus;
  readonly after: CheckStatus;
  /** The check's message under the new tier (with its figures; SI text, or a Message). */
  readonly message: Text;
  /** The check's message under the old tier. */
  readonly beforeMessage: Text;
  /** Elements at fault under the new tier. */
  readonly elementIds: readonly string[];
}

/**
 * Reports already at hand, so that a caller does not check the layout again: the live report
 * (before) and a memoised one for the other tier (after). Each is used only when it was checked
 * against the tier it stands for (its targetTier); it must be of the same layout.
 */
export interface RetargetReports {
  /** The layout's report under `fromTier`. */
  readonly before?: Report;
  /** The layout's report under `toTier`. */
  readonly after?: Report;
}

/**
 * "What if this campus had to host the next tier?": the checks whose status changes when the same
 * layout is checked against `toTier` instead of `fromTier`, in the report's check order. Checks
 * that keep their status (even with new figures) are left out. A same-tier question costs nothing.
 */
export function retargetDiff(
  layout: Layout,
  fromTier: TierId,
  toTier: TierId,
  reports: RetargetReports = {},
): CheckFlip[] {
  if (fromTier === toTier) return [];
  const before =
    reports.before?.targetTier === fromTier
      ? reports.before
      : computeReport(layout, { tier: fromTier });
  const after =
    reports.after?.targetTier === toTier ? reports.after : computeReport(layout, { tier: toTier });
  return diffChecks(before, after);
}

/** The checks whose status differs between two reports, in `after`'s check order. */
export function diffChecks(before: Report, after: Report): CheckFlip[] {
  const beforeById = new Map(before.checks.map((c) => [c.id, c] as const));
  const flips: CheckFlip[] = [];
  for (const a of after.checks) {
    const b = beforeById.get(a.id);
    if (!b || b.status === a.status) continue;
    flips.push({
      id: a.id,
      title: a.title,
      before: b.status,
      after: a.status,
      message: a.messageParts ?? a.message,
      beforeMessage: b.messageParts ?? b.message,
      elementIds: a.elementIds,
    });
  }
  return flips;
}

/** Whether a flip makes the campus worse (pass → warn → fail) or better under the new tier. */
export function flipDirection(f: Pick<CheckFlip, 'before' | 'after'>): 'worse' | 'better' {
  const rank: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };
  return rank[f.after] > rank[f.before] ? 'worse' : 'better';
}
