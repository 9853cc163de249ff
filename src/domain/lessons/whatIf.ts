import type { TierId } from '../catalog';
import type { Layout } from '../model';
import { computeReport } from '../report';
import { compareReports, statusDirection } from '../report/compare';
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

/**
 * The checks whose status differs between two reports, in `after`'s check order: the checks part
 * of compareReports (the compare dialog's comparison), so the lesson and the dialog agree.
 */
export function diffChecks(before: Report, after: Report): CheckFlip[] {
  return compareReports(before, after, [])
    .changedChecks.filter((c) => c.before !== null && c.after !== null)
    .map((c) => ({
      id: c.id,
      title: c.title,
      before: c.before!,
      after: c.after!,
      message: c.message,
      beforeMessage: c.beforeMessage,
      elementIds: c.elementIds,
    }));
}

/** Whether a flip makes the campus worse (pass → warn → fail) or better under the new tier. */
export function flipDirection(f: Pick<CheckFlip, 'before' | 'after'>): 'worse' | 'better' {
  return statusDirection(f.before, f.after);
}
