import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { minimalLayout } from '../../domain/format/testing';
import { useDocumentStore } from '../../state/documentStore';
import { EMPTY_TEMPLATE, newFromTemplate, trackDocument } from './documentFiles';
import { useFilesStore } from '../../state/filesStore';

const doc = () => useDocumentStore.getState().doc;
const edit = (name: string) =>
  useDocumentStore.getState().apply((d) => void (d.name = name), 'Rename');
const confirmDialog = () => {
  const d = useFilesStore.getState().dialog;
  return d?.kind === 'confirm-discard' ? d : null;
};
const answer = (discard: boolean) => {
  const d = confirmDialog();
  if (!d) throw new Error('no confirm dialog');
  useFilesStore.setState({ dialog: null });
  d.resolve(discard);
};

beforeAll(() => void trackDocument());
beforeEach(() => {
  useFilesStore.setState({ dialog: null, notices: [] });
  useDocumentStore.getState().load(minimalLayout());
});

describe('New from template: nothing edited while the sample loads is replaced without asking', () => {
  it('a clean document edited while the sample loads is asked about', async () => {
    const opening = newFromTemplate('traditional-20mw');
    edit('Typed while loading');
    await vi.waitFor(() => expect(confirmDialog()?.name).toBe('Typed while loading'));
    answer(false);
    expect(await opening).toBe(false);
    expect(doc().name).toBe('Typed while loading');
  });

  it('an edited document: the question comes after the sample has loaded, and covers later edits', async () => {
    edit('My edits');
    const opening = newFromTemplate('traditional-20mw');
    if (confirmDialog()) answer(true); // asked before loading: the edit below would be lost
    edit('More edits while loading');
    await vi.waitFor(() => expect(confirmDialog()?.name).toBe('More edits while loading'));
    answer(true);
    expect(await opening).toBe(true);
    expect(doc().name).toMatch(/^Traditional 20 MW/);
  });

  it('the empty parcel and an unknown sample', async () => {
    edit('My edits');
    const empty = newFromTemplate(EMPTY_TEMPLATE);
    await vi.waitFor(() => expect(confirmDialog()).not.toBeNull());
    answer(true);
    expect(await empty).toBe(true);
    expect(doc().halls).toEqual([]);
    // An unknown sample is reported without asking; the document stays.
    edit('Kept');
    expect(await newFromTemplate('no-such-sample')).toBe(false);
    expect(confirmDialog()).toBeNull();
    expect(doc().name).toBe('Kept');
    expect(useFilesStore.getState().notices.find((n) => n.key === 'opened')?.tone).toBe('error');
  });
});
