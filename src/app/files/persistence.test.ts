import { isolate } from '../../domain/text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Layout } from '../../domain';
import { minimalLayout } from '../../domain/format/testing';
import { encodeShareFragment } from '../../domain/share';
import type { AutosaveRecord, AutosaveStorage } from './autosave';
import type { Notice } from '../../state/notifications';

/**
 * The page's persistence (openAtStartup, startPersistence) in pages of a browser in miniature:
 * one autosave storage and one set of Web Locks for the whole browser, a sessionStorage per tab
 * (kept over a reload, copied by "Duplicate tab"), and fresh modules for every page load.
 */

class FakeStorage implements AutosaveStorage {
  readonly slots = new Map<string, AutosaveRecord>();
  /** The next readAll never answers (a blocked database). */
  hangNextRead = false;
  readAll(): Promise<unknown[]> {
    if (this.hangNextRead) {
      this.hangNextRead = false;
      return new Promise<unknown[]>(() => undefined);
    }
    return Promise.resolve([...this.slots.values()].map((r) => structuredClone(r)));
  }
  put(record: AutosaveRecord): Promise<void> {
    this.slots.set(record.key, structuredClone(record));
    return Promise.resolve();
  }
  remove(key: string): Promise<void> {
    this.slots.delete(key);
    return Promise.resolve();
  }
  /** [slot, layout name], sorted. */
  contents(): [string, string][] {
    return [...this.slots.values()].map((r): [string, string] => [r.key, r.name]).sort();
  }
  names(): string[] {
    return [...this.slots.values()].map((r) => r.name).sort();
  }
}

/** Exclusive Web Locks shared by the pages of one browser; a page's locks go when it closes. */
class FakeLocks {
  private readonly held = new Map<string, number>();
  private pages = 0;

  forPage(): { readonly locks: LockManager; readonly close: () => void } {
    const page = ++this.pages;
    const held = this.held;
    const locks = {
      request: (
        name: string,
        _options: LockOptions,
        callback: (lock: Lock | null) => unknown,
      ): Promise<unknown> => {
        if (held.has(name)) return Promise.resolve(callback(null));
        held.set(name, page);
        return Promise.resolve(callback({ name, mode: 'exclusive' })).then((v) => {
          if (held.get(name) === page) held.delete(name);
          return v;
        });
      },
      query: () =>
        Promise.resolve({
          held: [...held.keys()].map((name) => ({ name, mode: 'exclusive', clientId: '' })),
          pending: [],
        }),
    };
    return {
      locks: locks as unknown as LockManager,
      close: () => {
        for (const [name, p] of [...held]) if (p === page) held.delete(name);
      },
    };
  }
}

/** A tab's sessionStorage. */
class Session {
  constructor(readonly items = new Map<string, string>()) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  /** "Duplicate tab" copies it. */
  copy(): Session {
    return new Session(new Map(this.items));
  }
}

const noop = () => undefined;
const sample = (): Layout => ({ ...minimalLayout(), name: 'Sample' });

class Browser {
  readonly storage = new FakeStorage();
  private readonly locks = new FakeLocks();
  constructor(readonly webLocks = true) {}

  /** Load a page in a tab (its sessionStorage), as App and FilesLayer do. */
  async open(path: string, session: Session) {
    const url = new URL(path, 'http://localhost');
    const location = {
      origin: url.origin,
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
    };
    const pageLocks = this.webLocks ? this.locks.forPage() : null;
    vi.stubGlobal('window', { location, addEventListener: noop, removeEventListener: noop });
    vi.stubGlobal('document', {
      visibilityState: 'visible',
      addEventListener: noop,
      removeEventListener: noop,
    });
    vi.stubGlobal('history', { state: null, replaceState: () => void (location.hash = '') });
    vi.stubGlobal('navigator', { locks: pageLocks?.locks });
    vi.stubGlobal('sessionStorage', session);
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.resetModules();
    const persistence = await import('./persistence');
    const { createEditor } = await import('../../editor/editor');
    const { claimTabId } = await import('./tabs');

    persistence.setAutosaveStorage(this.storage);
    const editor = createEditor();
    const useDocumentStore = editor.document;
    const useFilesStore = editor.files;
    const opened = await persistence.openAtStartup(editor, {
      explicitSeed: url.searchParams.has('seed'),
      isCancelled: () => false,
    });
    if (!opened) editor.load(sample());
    const stop = persistence.startPersistence(editor);
    const tabId = await claimTabId();
    await new Promise((resolve) => setTimeout(resolve, 0)); // startPersistence is under way

    const notice = (key: string): Notice | undefined =>
      editor.notifications.getState().notices.find((n) => n.key === key);
    return {
      tabId,
      doc: () => useDocumentStore.getState().doc,
      notice,
      edit: (name: string) =>
        useDocumentStore.getState().apply((d) => void (d.name = name), 'Rename'),
      flush: () => persistence.flushAutosave(),
      scenarios: () => editor.files.getState().scenarios,
      saveScenario: async (name: string) =>
        (await import('./scenarios')).saveScenario(editor, name),
      /** Click a notice's button. */
      click: (key: string, label: string) => {
        const action = notice(key)?.actions?.find((a) => a.label === label);
        if (!action) throw new Error(`no “${label}” on the ${key} notice`);
        action.run();
      },
      /** The "Discard unsaved changes?" dialog, when open. */
      confirm: () => {
        const d = useFilesStore.getState().dialog;
        return d?.kind === 'confirm-discard' ? d : null;
      },
      answer: (discard: boolean) => {
        const d = useFilesStore.getState().dialog;
        if (d?.kind !== 'confirm-discard') throw new Error('no confirm dialog');
        useFilesStore.setState({ dialog: null });
        d.resolve(discard);
      },
      /** Close the page (after the pagehide flush). */
      close: async () => {
        await persistence.flushAutosave();
        stop();
        pageLocks?.close();
      },
    };
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a reload that opens something else keeps the autosave it offers', () => {
  it.each([
    ['with ?seed=', () => Promise.resolve('/?seed=rubin-300mw')],
    [
      'with a share link',
      async () => `/${await encodeShareFragment({ ...sample(), name: 'Shared' })}`,
    ],
  ])(
    '%s: an edit does not overwrite it, and "Open the restored copy" survives the next reload',
    async (_, link) => {
      const browser = new Browser();
      const tab = new Session();
      const first = await browser.open('/', tab);
      first.edit('My work');
      await first.flush();
      await first.close();
      expect(browser.storage.names()).toEqual(['My work']);

      // Reload the same tab with another URL: the link opens, the work is offered.
      const second = await browser.open(await link(), tab);
      expect(second.doc().name).not.toBe('My work');
      expect(second.notice('restore-available')?.text).toContain(`“${isolate('My work')}”`);
      second.edit('Link edits');
      await second.flush();
      // The edit went to a slot of its own: what the notice says is kept is still kept.
      expect(browser.storage.names()).toEqual(['Link edits', 'My work']);

      second.click('restore-available', 'Open the restored copy');
      await vi.waitFor(() => expect(second.confirm()).not.toBeNull());
      second.answer(true);
      await vi.waitFor(() => expect(second.notice('restored')).toBeDefined());
      expect(second.doc().name).toBe('My work');
      // Written to this tab's slot (the old slot taken over), in place of the link's edits.
      expect(browser.storage.contents()).toEqual([[second.tabId, 'My work']]);
      await second.close();

      // A plain reload brings back what the tab showed: the restored work.
      const third = await browser.open('/', tab);
      expect(third.tabId).toBe(second.tabId);
      expect(third.doc().name).toBe('My work');
      expect(third.notice('restored')?.text).toContain(`“${isolate('My work')}”`);
    },
  );

  it('storage too slow to answer at startup: autosave writes a new slot, not over the unread one', async () => {
    const browser = new Browser();
    const tab = new Session();
    const first = await browser.open('/', tab);
    first.edit('My work');
    await first.close();
    browser.storage.hangNextRead = true;
    const second = await browser.open('/', tab); // gives up on the storage after 3 s
    expect(second.notice('autosave-error')?.text).toMatch(/did not answer/);
    expect(second.doc().name).toBe('Sample');
    second.edit('After the timeout');
    await second.flush();
    expect(browser.storage.names()).toEqual(['After the timeout', 'My work']);
  }, 10_000);

  it('"Discard" on the restored notice loads the sample before asking', async () => {
    const browser = new Browser();
    const tab = new Session();
    const first = await browser.open('/', tab);
    first.edit('My work');
    await first.close();
    const second = await browser.open('/', tab);
    expect(second.doc().name).toBe('My work');
    second.click('restored', 'Discard');
    if (second.confirm()) second.answer(true); // asked before the sample had loaded
    second.edit('Typed while the sample loads');
    // Whatever is edited before the sample opens is asked about.
    await vi.waitFor(() => expect(second.confirm()?.name).toBe('Typed while the sample loads'));
    second.answer(true);
    await vi.waitFor(() => expect(second.doc().name).toMatch(/Blackwell/));
  });
});

describe('two tabs with the Web Locks API', () => {
  it('a new tab copies the autosave of a tab still open; the slot of a closed tab is taken over', async () => {
    const browser = new Browser();
    const a = await browser.open('/', new Session());
    a.edit('Work in A');
    await a.flush();
    const b = await browser.open('/', new Session());
    expect(b.tabId).not.toBe(a.tabId);
    expect(b.doc().name).toBe('Work in A');
    await vi.waitFor(() =>
      expect(browser.storage.contents()).toEqual(
        [
          [a.tabId, 'Work in A'],
          [b.tabId, 'Work in A'],
        ].sort(),
      ),
    );
    await a.close();
    await b.close();
    const c = await browser.open('/', new Session());
    expect(c.doc().name).toBe('Work in A');
    // The newest slot of a closed tab is taken over; the other is a closed tab's, kept.
    expect(browser.storage.slots.has(c.tabId)).toBe(true);
    expect(browser.storage.slots.size).toBe(2);
  });

  it('a duplicated tab (the same sessionStorage) takes a new id', async () => {
    const browser = new Browser();
    const tab = new Session();
    const a = await browser.open('/', tab);
    const b = await browser.open('/', tab.copy());
    expect(b.tabId).not.toBe(a.tabId);
  });
});

describe('without the Web Locks API (an http:// page on the LAN)', () => {
  it('every page load takes a new id: a duplicated tab never writes the slot of the tab it copied', async () => {
    const browser = new Browser(false);
    const tab = new Session();
    const a = await browser.open('/', tab);
    a.edit('Work in A');
    await a.flush();
    const b = await browser.open('/', tab.copy());
    expect(b.tabId).not.toBe(a.tabId);
    expect(b.doc().name).toBe('Work in A');
    b.edit('Work in B');
    await b.flush();
    expect(browser.storage.slots.get(a.tabId)?.name).toBe('Work in A');
    expect(browser.storage.slots.get(b.tabId)?.name).toBe('Work in B');
  });

  it('a new tab restores by copying: it never takes over (deletes) a slot that may be open', async () => {
    const browser = new Browser(false);
    const a = await browser.open('/', new Session());
    a.edit('Work in A');
    await a.flush();
    const c = await browser.open('/', new Session());
    expect(c.doc().name).toBe('Work in A');
    await vi.waitFor(() =>
      expect(browser.storage.contents()).toEqual(
        [
          [a.tabId, 'Work in A'],
          [c.tabId, 'Work in A'],
        ].sort(),
      ),
    );
    c.edit('Work in C');
    await c.flush();
    expect(browser.storage.slots.get(a.tabId)?.name).toBe('Work in A');
  });

  it('a reload restores the work of the page before it, under a new id', async () => {
    const browser = new Browser(false);
    const tab = new Session();
    const first = await browser.open('/', tab);
    first.edit('My work');
    await first.close();
    const second = await browser.open('/', tab);
    expect(second.tabId).not.toBe(first.tabId);
    expect(second.doc().name).toBe('My work');
    expect(second.notice('restored')?.text).toContain(`“${isolate('My work')}”`);
  });
});

describe('scenarios in the autosave', () => {
  it('come back with the layout after a reload', async () => {
    const browser = new Browser();
    const tab = new Session();
    const first = await browser.open('/', tab);
    first.edit('My work');
    await first.saveScenario('Plan A');
    await first.flush();
    await first.close();
    const again = await browser.open('/', tab);
    expect(again.doc().name).toBe('My work');
    expect(again.scenarios().map((s) => s.name)).toEqual(['Plan A']);
    // Not in the layout's own text.
    const stored = [...browser.storage.slots.values()][0]!;
    expect(stored.text).not.toContain('Plan A');
    expect(stored.scenarios).toContain('Plan A');
  });

  it('damaged ones: the layout is restored, the problem is named, the stored text is kept', async () => {
    const browser = new Browser();
    const tab = new Session();
    const first = await browser.open('/', tab);
    first.edit('My work');
    await first.flush();
    await first.close();
    const slot = [...browser.storage.slots.values()][0]!;
    const damaged = '{"format":"ai-campus-scenarios","version":1,"scenarios":[{"name":"X"}]}';
    browser.storage.slots.set(slot.key, { ...slot, scenarios: damaged });

    const again = await browser.open('/', tab);
    expect(again.doc().name).toBe('My work');
    expect(again.scenarios()).toEqual([]);
    expect(again.notice('scenarios-corrupt')?.text).toMatch(
      /saved scenarios could not be read.*scenario 1 \(“X”\) has no valid "savedAt" time/,
    );
    // An edit autosaves the layout and writes the damaged scenarios back as they were.
    again.edit('Edited');
    await again.flush();
    const after = [...browser.storage.slots.values()].find((r) => r.name === 'Edited')!;
    expect(after.scenarios).toBe(damaged);
    await again.close();
  });
});
