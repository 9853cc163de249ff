import { beforeEach, describe, expect, it, vi } from 'vitest';
import { minimalLayout } from '../../domain/format/testing';
import { createEditor, type Editor } from '../../editor/editor';
import { EMPTY_TEMPLATE, newFromTemplate } from './documentFiles';

let editor: Editor;
const doc = () => editor.document.getState().doc;
const edit = (name: string) =>
  editor.document.getState().apply((d) => void (d.name = name), 'Rename');
const confirmDialog = () => {
  const d = editor.files.getState().dialog;
  return d?.kind === 'confirm-discard' ? d : null;
};
const answer = (discard: boolean) => {
  const d = confirmDialog();
  if (!d) throw new Error('no confirm dialog');
  editor.files.setState({ dialog: null });
  d.resolve(discard);
};

beforeEach(() => {
  editor = createEditor();
  editor.load(minimalLayout());
});

describe('New from template: nothing edited while the sample loads is replaced without asking', () => {
  it('a clean document edited while the sample loads is asked about', async () => {
    const opening = newFromTemplate(editor, 'traditional-20mw');
    edit('Typed while loading');
    await vi.waitFor(() => expect(confirmDialog()?.name).toBe('Typed while loading'));
    answer(false);
    expect(await opening).toBe(false);
    expect(doc().name).toBe('Typed while loading');
  });

  it('an edited document: the question comes after the sample has loaded, and covers later edits', async () => {
    edit('My edits');
    const opening = newFromTemplate(editor, 'traditional-20mw');
    if (confirmDialog()) answer(true); // asked before loading: the edit below would be lost
    edit('More edits while loading');
    await vi.waitFor(() => expect(confirmDialog()?.name).toBe('More edits while loading'));
    answer(true);
    expect(await opening).toBe(true);
    expect(doc().name).toMatch(/^Traditional 20 MW/);
  });

  it('the empty parcel and an unknown sample', async () => {
    edit('My edits');
    const empty = newFromTemplate(editor, EMPTY_TEMPLATE);
    await vi.waitFor(() => expect(confirmDialog()).not.toBeNull());
    answer(true);
    expect(await empty).toBe(true);
    expect(doc().halls).toEqual([]);
    // An unknown sample is reported without asking; the document stays.
    edit('Kept');
    expect(await newFromTemplate(editor, 'no-such-sample')).toBe(false);
    expect(confirmDialog()).toBeNull();
    expect(doc().name).toBe('Kept');
    expect(editor.notifications.getState().notices.find((n) => n.key === 'opened')?.tone).toBe(
      'error',
    );
  });
});
