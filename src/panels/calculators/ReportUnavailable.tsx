/**
 * Said in place of the figures when the report of the open document cannot be computed: the
 * reason, and no figure (not the previous document's either).
 */
export function ReportUnavailable({
  error,
  pending = false,
  testId = 'report-unavailable',
}: {
  error: string;
  /** Not an error: the report of a layout just opened is being computed. */
  pending?: boolean;
  testId?: string;
}) {
  if (pending) {
    return (
      <div className="report-pending" role="status" data-testid="report-pending">
        Computing the figures of this layout…
      </div>
    );
  }
  return (
    <div className="report-unavailable" role="alert" data-testid={testId}>
      <strong>Report unavailable</strong>
      <p>
        The figures and checks of this layout could not be computed: <bdi>{error}</bdi>. Your layout
        is kept; undo the last change or edit it, and the report will be tried again.
      </p>
    </div>
  );
}
