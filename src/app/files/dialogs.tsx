import { lazy, Suspense, useId, useRef, useState } from 'react';
import { uniqueScenarioName, MAX_SCENARIO_NAME } from '../../domain/format';
import { isolate } from '../../domain/text';
import { siteAnchorSchema, type SiteAnchor } from '../../domain/geo';
import { ImportErrorsDialog } from '../../panels/ImportErrorsDialog';
import { ModalDialog } from '../../panels/ModalDialog';
import type { FileDialog } from '../../state/filesStore';
import { useEditor, useFiles } from '../../editor/EditorProvider';
import { saveLayoutJson } from './documentFiles';
import { saveScenario } from './scenarios';

/** The compare dialog, a chunk of its own loaded the first time it opens. */
const CompareDialog = lazy(() => import('../compare/CompareDialog'));

/** Save as scenario…: a name for the snapshot (a free one is offered). */
function SaveScenarioDialog({ close }: { close: () => void }) {
  const editor = useEditor();
  const id = useId();
  const scenarios = useFiles((s) => s.scenarios);
  const [name, setName] = useState(() => uniqueScenarioName('', scenarios));
  return (
    <ModalDialog
      title="Save as scenario"
      testId="save-scenario"
      onClose={close}
      footer={
        <>
          <button type="button" className="file-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="file-button is-primary">
            Save scenario
          </button>
        </>
      }
    >
      <p>
        A snapshot of the layout as it is now, to compare with later (Compare…, Shift+C). It is kept
        with the layout in this browser, not in the layout file; File → Export scenarios writes them
        to a file of their own.
      </p>
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          saveScenario(editor, name);
          close();
        }}
      >
        <label className="site-field">
          <span className="site-label">Name</span>
          <input
            value={name}
            autoFocus
            maxLength={MAX_SCENARIO_NAME - 5}
            data-testid="scenario-name"
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
      </form>
    </ModalDialog>
  );
}

/** The generator's dialog, loaded on first use (its own chunk, with the generator). */
const GenerateDialog = lazy(() => import('./GenerateDialog'));

/**
 * The file dialogs: discard changes?, import errors, the share link, the site location, generate
 * campus.
 */

function ConfirmDiscardDialog({
  dialog,
  close,
}: {
  dialog: Extract<FileDialog, { kind: 'confirm-discard' }>;
  close: () => void;
}) {
  const editor = useEditor();
  return (
    <ModalDialog
      title={`Discard unsaved changes to “${isolate(dialog.name)}”?`}
      testId="confirm-discard"
      tone="warning"
      onClose={close}
      footer={
        <>
          <button type="button" className="file-button" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="file-button is-danger"
            onClick={() => {
              dialog.resolve(true);
              close();
            }}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="file-button is-primary"
            data-testid="save-first"
            onClick={() => {
              // Download the layout's file (it then counts as saved), then go on.
              saveLayoutJson(editor);
              dialog.resolve(true);
              close();
            }}
          >
            Save first
          </button>
        </>
      }
    >
      <p>
        The layout has changes that are not saved to a file. Save first to download it and then{' '}
        {dialog.doing}; discard to {dialog.doing} without it.
      </p>
    </ModalDialog>
  );
}

function ShareLinkDialog({
  dialog,
  close,
}: {
  dialog: Extract<FileDialog, { kind: 'share-link' }>;
  close: () => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = dialog.url.length.toLocaleString('en-US');
  return (
    <ModalDialog
      title={dialog.copied ? 'Share link copied' : 'Copy the share link'}
      testId="share-link"
      tone={dialog.tooLong ? 'warning' : undefined}
      wide
      onClose={close}
      footer={
        <button type="button" className="file-button is-primary" onClick={close}>
          Done
        </button>
      }
    >
      {dialog.tooLong && (
        <p className="file-dialog-warning" data-testid="share-too-long">
          This link is {length} characters long: too long for some browsers to open. Send the layout
          as a file (File → Save) instead.
        </p>
      )}
      <p>
        {dialog.copied
          ? `The link (${length} characters) is on your clipboard.`
          : `Copy this link (${length} characters) with Ctrl+C.`}{' '}
        It holds the whole layout; whoever opens it gets an editable copy, and nothing is uploaded.
      </p>
      <textarea
        ref={ref}
        className="share-url"
        readOnly
        value={dialog.url}
        rows={4}
        aria-label="Share link"
        data-testid="share-url"
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
      />
    </ModalDialog>
  );
}

type Fields = Record<'latitude' | 'longitude' | 'bearingDeg', string>;
const FIELD_LABELS: readonly [keyof Fields, string, string][] = [
  ['latitude', 'Latitude', '°N (−90 to 90)'],
  ['longitude', 'Longitude', '°E (−180 to 180)'],
  ['bearingDeg', 'Bearing of “up”', '° clockwise from north'],
];

/** A typed number, or the text itself so that the schema reports it ("1,5" is not a number). */
const numberOrText = (s: string): unknown => {
  const t = s.trim();
  if (t === '') return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : t;
};

function SiteAnchorDialog({
  dialog,
  close,
}: {
  dialog: Extract<FileDialog, { kind: 'site-anchor' }>;
  close: () => void;
}) {
  const id = useId();
  const init = dialog.initial;
  const [fields, setFields] = useState<Fields>({
    latitude: init ? String(init.latitude) : '',
    longitude: init ? String(init.longitude) : '',
    bearingDeg: init ? String(init.bearingDeg) : '0',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});

  const submit = () => {
    const r = siteAnchorSchema.safeParse({
      latitude: numberOrText(fields.latitude),
      longitude: numberOrText(fields.longitude),
      bearingDeg: numberOrText(fields.bearingDeg),
    });
    if (!r.success) {
      const next: Partial<Record<keyof Fields, string>> = {};
      for (const issue of r.error.issues) {
        const field = issue.path[0] as keyof Fields | undefined;
        if (field && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    const anchor: SiteAnchor = r.data;
    dialog.resolve(anchor);
    close();
  };

  return (
    <ModalDialog
      title="Site location"
      testId="site-anchor"
      onClose={close}
      footer={
        <>
          <button type="button" className="file-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="file-button is-primary">
            Save location
          </button>
        </>
      }
    >
      <p>
        Where the campus origin (0, 0) is on the Earth, and which way the top of the screen points.
        GeoJSON needs it to place the layout on a map. It is saved in the layout file.
      </p>
      <form
        id={`${id}-form`}
        className="site-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {FIELD_LABELS.map(([field, label, unit], i) => (
          <label key={field} className="site-field">
            <span className="site-label">{label}</span>
            <input
              name={field}
              inputMode="decimal"
              autoComplete="off"
              value={fields[field]}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
              autoFocus={i === 0}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setFields((f) => ({ ...f, [field]: value }));
                setErrors((er) => ({ ...er, [field]: undefined }));
              }}
            />
            <span className="site-unit">{unit}</span>
            {errors[field] && (
              <span className="site-error" id={`${id}-${field}-error`} role="alert">
                {errors[field]}
              </span>
            )}
          </label>
        ))}
      </form>
    </ModalDialog>
  );
}

/** The open file dialog, if any. */
export function FileDialogs() {
  const dialog = useFiles((s) => s.dialog);
  const close = useFiles((s) => s.closeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'confirm-discard':
      return <ConfirmDiscardDialog key="confirm" dialog={dialog} close={close} />;
    case 'import-errors':
      return (
        <ImportErrorsDialog
          key="import"
          title={dialog.title}
          error={dialog.error}
          onClose={close}
        />
      );
    case 'share-link':
      return <ShareLinkDialog key="share" dialog={dialog} close={close} />;
    case 'site-anchor':
      return <SiteAnchorDialog key="site" dialog={dialog} close={close} />;
    case 'generate':
      return (
        <Suspense fallback={null}>
          <GenerateDialog key={dialog.into ? 'into' : 'new'} into={dialog.into} close={close} />
        </Suspense>
      );
    case 'save-scenario':
      return <SaveScenarioDialog key="save-scenario" close={close} />;
    case 'compare':
      return (
        <Suspense fallback={null}>
          <CompareDialog key="compare" close={close} />
        </Suspense>
      );
  }
}
