import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Validation } from './validate';
import { useEditor } from '../../editor/EditorProvider';
import { isRedoKey, isUndoKey } from '../../editor/keys';
import { historyTarget, stepHistory } from '../../editor/tools/active';

export interface DraftInputProps {
  readonly label: string;
  readonly hint?: string;
  /** The stored value as the field shows it when not being edited ("" when mixed or empty). */
  readonly display: string;
  readonly placeholder?: string;
  /** Unit shown inside the field, at its right ("m", "ft", "°"). */
  readonly suffix?: string;
  readonly validate: (text: string) => Validation;
  /** A valid, changed value: commit it (one undo step). */
  readonly onCommit: (value: unknown) => void;
  /**
   * Commit every valid keystroke (for forms whose values are not the document, so that previews
   * follow the typing); the typed text stays until the field is left.
   */
  readonly live?: boolean;
  /** Told whether what is typed is valid, as it changes. */
  readonly onValidity?: (ok: boolean) => void;
  readonly numeric?: boolean;
  readonly wide?: boolean;
  readonly testId?: string;
}

/**
 * A text box that validates as the user types. An invalid value shows its message under the field
 * and keeps the typed text, and nothing is committed; a valid one commits on Enter, on leaving
 * the field, or when the field goes away while being edited (a click on the canvas selects another
 * element and unmounts it: React sends no blur then); Esc puts the stored value back.
 *
 * It never fights the keyboard: Enter commits and leaves the field (focus goes back to the page,
 * where the canvas's keys work, so a tool letter typed next picks the tool); Ctrl/Cmd+Z and redo
 * drop the draft and step the document's history, not the text box's, and the field then shows
 * the document's value (so leaving it with Tab saves nothing stale).
 */
export function DraftInput(props: DraftInputProps) {
  const { display, validate, onCommit, onValidity, live } = props;
  const editor = useEditor();
  const { document: store, toolContext } = editor;
  const id = useId();
  // null: not editing, the field shows the stored value (and follows it when it changes).
  const [draft, setDraftState] = useState<string | null>(null);
  const text = draft ?? display;
  const check = draft === null ? null : validate(draft);
  const error = check && !check.ok ? check.error : null;
  // A value typed in another unit: the conversion shows under the field while typing.
  const note = check?.ok ? (check.note ?? null) : null;

  // What an unmount commits: the draft as typed (kept in step at once, so that a commit and an
  // unmount in the same event do not commit twice), the document it was typed into, and the
  // latest props.
  const pending = useRef<{ text: string; loadGeneration: number } | null>(null);
  const setDraft = (next: string | null) => {
    pending.current =
      next === null ? null : { text: next, loadGeneration: store.getState().loadGeneration };
    setDraftState(next);
  };
  const latest = useRef({ display, validate, onCommit, live });
  useLayoutEffect(() => {
    latest.current = { display, validate, onCommit, live };
  });
  useLayoutEffect(
    () => () => {
      const typed = pending.current;
      pending.current = null;
      if (!typed) return;
      const { display, validate, onCommit, live } = latest.current;
      // Live fields committed every keystroke already; a draft from a document since replaced
      // (a file opened) belongs to no element of this one.
      if (live || typed.text === display) return;
      if (typed.loadGeneration !== store.getState().loadGeneration) return;
      const result = validate(typed.text);
      if (result.ok) onCommit(result.value);
    },
    [store],
  );

  /**
   * Commit the draft, if any. Reads the draft from the ref, not the render's state: Enter commits
   * and then blurs, and the blur must find nothing left to commit. False when it is invalid.
   */
  const commit = (): boolean => {
    const typed = pending.current;
    if (!typed) return true;
    if (typed.text === display) {
      setDraft(null);
      return true;
    }
    const result = validate(typed.text);
    if (!result.ok) return false;
    // …and stays in view a moment after: the field now shows the value in its own unit.
    if (result.note) toolContext.showToast(`${props.label}: ${result.note}`);
    setDraft(null);
    if (!live) onCommit(result.value);
    return true;
  };
  const revert = () => {
    setDraft(null);
    onValidity?.(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const native = e.nativeEvent;
    if (isUndoKey(native) || isRedoKey(native)) {
      // The document's undo, not the text box's: the draft goes, the history steps.
      e.preventDefault();
      e.stopPropagation();
      revert();
      stepHistory(isUndoKey(native) ? 'undo' : 'redo', historyTarget(editor));
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      // Valid: committed, and the keys go back to the canvas. Invalid: stay to fix it.
      if (commit()) e.currentTarget.blur();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      revert();
    }
  };

  return (
    <Field
      id={id}
      label={props.label}
      hint={props.hint}
      wide={props.wide}
      error={error}
      note={note}
    >
      <div
        className={`insp-input${props.suffix ? ' has-suffix' : ''}${error ? ' is-invalid' : ''}`}
      >
        <input
          id={id}
          type="text"
          inputMode={props.numeric ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={props.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={props.testId}
          onChange={(e) => {
            const next = e.target.value;
            setDraft(next);
            const result = validate(next);
            onValidity?.(result.ok);
            if (live && result.ok) onCommit(result.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
        {props.suffix ? <span className="insp-suffix">{props.suffix}</span> : null}
      </div>
    </Field>
  );
}

export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly wide?: boolean | undefined;
  readonly error?: string | null;
  /** A remark under the field that is not an error (a unit conversion). */
  readonly note?: string | null;
  readonly children: ReactNode;
}

/** A labelled cell of the field grid, with the validation message under it. */
export function Field({ id, label, hint, wide, error, note, children }: FieldProps) {
  return (
    <div className={`insp-field${wide ? ' is-wide' : ''}`}>
      <label htmlFor={id} className="insp-label" title={hint}>
        {label}
      </label>
      {children}
      {error ? (
        <div id={`${id}-error`} className="insp-error" role="alert">
          {error}
        </div>
      ) : null}
      {!error && note ? (
        <div className="insp-note" role="status" data-testid="field-note">
          {note}
        </div>
      ) : null}
    </div>
  );
}

export interface SelectInputProps {
  readonly label: string;
  readonly hint?: string;
  /** The value, or null when the selected elements differ ("Mixed"). */
  readonly value: string | null;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onCommit: (value: string) => void;
  readonly wide?: boolean;
  readonly testId?: string;
}

/** A choice among the catalog's ids: a change commits at once (one undo step). */
export function SelectInput(props: SelectInputProps) {
  const id = useId();
  return (
    <Field id={id} label={props.label} hint={props.hint} wide={props.wide}>
      <div className="insp-input is-select">
        <select
          id={id}
          value={props.value ?? ''}
          data-testid={props.testId}
          onChange={(e) => {
            if (e.target.value !== '') props.onCommit(e.target.value);
          }}
        >
          {props.value === null && (
            <option value="" disabled>
              Mixed
            </option>
          )}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}

/** A value shown, not edited. */
export function ReadOnlyValue(props: {
  readonly label: string;
  readonly value: string;
  readonly wide?: boolean | undefined;
}) {
  const id = useId();
  return (
    <Field id={id} label={props.label} wide={props.wide}>
      <output id={id} className="insp-readonly" title={props.value}>
        {props.value}
      </output>
    </Field>
  );
}
