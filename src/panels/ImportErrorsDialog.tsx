import type { LoadError } from '../domain/format';
import { ModalDialog } from './ModalDialog';

const KIND_LEAD: Readonly<Record<LoadError['kind'], string>> = {
  'too-large': 'The file is too large.',
  'not-json': 'The file is not valid JSON: it may be truncated or not a layout file at all.',
  'not-a-layout': 'This is not a campus layout file.',
  'too-new': 'The file was saved by a newer version of the planner.',
  'migration-failed': 'The file is an older format version that could not be upgraded.',
  invalid: 'The file has problems in these fields:', // with the count, below
};

/** "this file is …" → "This file is ….". */
const sentence = (s: string) => {
  const t = s.trim();
  if (!t) return t;
  const c = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(c) ? c : `${c}.`;
};

/**
 * What is wrong with a file (or share link) that could not be opened: a lead line for the kind of
 * problem, the parser's message, and each field problem with its path (`halls[3].width`). The
 * open layout is never touched, and the dialog says so.
 */
export function ImportErrorsDialog({
  title,
  error,
  onClose,
}: {
  readonly title: string;
  readonly error: LoadError;
  readonly onClose: () => void;
}) {
  const issues = error.issues;
  const fieldProblems = issues.filter((i) => i.path !== '').length;
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      testId="import-errors"
      tone="error"
      wide={issues.length > 0}
      footer={
        <>
          <span className="file-dialog-note">Your current layout has not been changed.</span>
          <button type="button" className="file-button is-primary" onClick={onClose} autoFocus>
            Close
          </button>
        </>
      }
    >
      <p className="import-lead" data-testid="import-error-kind" data-kind={error.kind}>
        {error.kind !== 'invalid'
          ? KIND_LEAD[error.kind]
          : fieldProblems === 1
            ? 'The file has a problem in this field:'
            : `The file has ${issues.length > fieldProblems ? 'more than ' : ''}${fieldProblems.toLocaleString('en-US')} problems in these fields:`}
      </p>
      {issues.length === 0 ? (
        <p className="import-message" data-testid="import-error-message">
          {sentence(error.message)}
        </p>
      ) : (
        <ul className="import-issues" data-testid="import-issues">
          {issues.map((issue, i) => (
            <li key={i} data-testid="import-issue" data-path={issue.path}>
              {issue.path && <code className="import-path">{issue.path}</code>}
              <span className="import-issue-message">{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
    </ModalDialog>
  );
}
