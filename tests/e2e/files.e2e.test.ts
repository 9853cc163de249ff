/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { parseLayoutValue, serializeLayout } from '../../src/domain/format';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server';

/**
 * Files, autosave and sharing in the built app. Each test gets its own persistent browser
 * profile (IndexedDB lives in the profile), so pages opened later see what earlier pages stored,
 * as after a reload, a crash or in a second tab.
 */

const base = inject('appUrl');
let context: BrowserContext | null = null;
let profile: string | null = null;

async function launch(): Promise<BrowserContext> {
  profile = mkdtempSync(join(tmpdir(), 'campus-files-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  return context;
}

afterEach(async () => {
  await context?.close();
  context = null;
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
});

interface Opened {
  page: Page;
  errors: string[];
}

async function open(ctx: BrowserContext, path = '/'): Promise<Opened> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Leaving a page with unsaved changes asks first: say yes.
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}${path}`);
  await ready(page);
  return { page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=campus-canvas] canvas');
  await page.waitForSelector('[data-testid=loading]', { state: 'detached' });
}

/** The open document as file text (serialized in Node, so key order in memory does not matter). */
async function docText(page: Page): Promise<string> {
  const json = await page.evaluate<string>(
    'JSON.stringify(window.campusPlanner.document.getState().doc)',
  );
  const r = parseLayoutValue(JSON.parse(json));
  if (!r.ok) throw new Error(r.error.message);
  return serializeLayout(r.layout);
}

/** An edit as the app makes them: one undoable step on the document store. */
const edit = (page: Page, name: string) =>
  page.evaluate(`window.campusPlanner.document.getState().apply((d) => {
    d.name = ${JSON.stringify(name)};
    d.halls[0].x += 7;
  }, 'Edit')`);

interface StoredRecord {
  key: string;
  name: string;
  layoutId: string;
  savedAt: number;
}

/** The autosave records in the page's IndexedDB (without creating the database). */
const autosaves = (page: Page) =>
  page.evaluate<StoredRecord[]>(`new Promise((resolve, reject) => {
    const req = indexedDB.open('campus-planner');
    req.onupgradeneeded = () => req.transaction.abort(); // not there yet: do not create it
    req.onerror = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('autosave')) { db.close(); resolve([]); return; }
      const all = db.transaction('autosave').objectStore('autosave').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result.map((r) => ({ key: r.key, name: r.name, layoutId: r.layoutId, savedAt: r.savedAt })));
      };
      all.onerror = () => reject(all.error);
    };
  })`);

const waitForAutosave = (page: Page, name: string) =>
  expect
    .poll(async () => (await autosaves(page)).map((r) => r.name), { timeout: 5000 })
    .toContain(name);

const rawNoticeText = (page: Page, key: string) =>
  page.locator(`[data-testid=file-notice-${key}]`).textContent({ timeout: 5000 });

/** A notice's text as read: names come isolated (U+2068 … U+2069), which is left out here. */
const noticeText = async (page: Page, key: string) =>
  (await rawNoticeText(page, key))?.replace(/[\u2068\u2069]/g, '') ?? null;

describe('autosave and restore', () => {
  it('an edit is autosaved and restored on reload, with a notice', async () => {
    const ctx = await launch();
    const { page, errors } = await open(ctx);
    expect(await autosaves(page)).toEqual([]); // the sample as opened is not worth saving
    await edit(page, 'Reload me');
    const edited = await docText(page);
    await waitForAutosave(page, 'Reload me');
    await page.reload();
    await ready(page);
    expect(await noticeText(page, 'restored')).toMatch(
      /^Restored your unsaved layout “Reload me” from .+\.Discard×$/,
    );
    expect(await docText(page)).toBe(edited);
    expect(await page.locator('[data-testid=layout-name]').textContent()).toBe('Reload me');
    // Still one slot: the reloaded tab kept its own.
    expect(await autosaves(page)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('a tab killed mid-edit (no unload handlers) is restored in a new tab', async () => {
    const ctx = await launch();
    const first = await open(ctx, '/?seed=rubin-300mw');
    await edit(first.page, 'Crashed tab');
    const edited = await docText(first.page);
    await waitForAutosave(first.page, 'Crashed tab');
    await first.page.close({ runBeforeUnload: false });
    const { page, errors } = await open(ctx);
    expect(await noticeText(page, 'restored')).toContain(
      'Restored your unsaved layout “Crashed tab”',
    );
    // The layout's name is isolated from the notice around it (a bidi override cannot reorder it).
    expect(await rawNoticeText(page, 'restored')).toContain('“\u2068Crashed tab\u2069”');
    expect(await docText(page)).toBe(edited);
    // The new tab took the closed tab's slot over.
    const slots = await autosaves(page);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.name).toBe('Crashed tab');
    expect(errors).toEqual([]);
  });

  it('a tab killed during a stream of edits restores all but the last few seconds', async () => {
    const ctx = await launch();
    const first = await open(ctx, '/?seed=rubin-300mw');
    // An edit every 400 ms, for 12 s: the debounce alone would never fire.
    await first.page.evaluate(`new Promise((resolve) => {
      let n = 0;
      const timer = setInterval(() => {
        n += 1;
        window.campusPlanner.document.getState().apply((d) => {
          d.name = 'Stream ' + n;
          d.halls[0].x += 1;
        }, 'Edit');
        if (n === 30) { clearInterval(timer); resolve(n); }
      }, 400);
    })`);
    // The renderer dies at once: no pagehide, no unload, no last flush.
    const cdp = await ctx.newCDPSession(first.page);
    const crashed = first.page.waitForEvent('crash', { timeout: 10_000 });
    void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
    await crashed;
    const { page } = await open(ctx);
    expect(await noticeText(page, 'restored')).toContain('Restored your unsaved layout “Stream');
    const restored = Number(/Stream (\d+)/.exec(await docText(page))?.[1]);
    // Autosave writes at least every 5 s while edits continue: at most the last ~5 s (13 edits of
    // 400 ms) plus one write in flight are lost.
    expect(restored).toBeGreaterThanOrEqual(30 - 15);
    expect(restored).toBeLessThanOrEqual(30);
  });

  it('closing the tab before the debounce ends still saves (flushed on pagehide)', async () => {
    const ctx = await launch();
    const first = await open(ctx);
    await edit(first.page, 'Closed quickly');
    const edited = await docText(first.page);
    await first.page.close({ runBeforeUnload: true });
    const { page } = await open(ctx);
    expect(await noticeText(page, 'restored')).toContain('“Closed quickly”');
    expect(await docText(page)).toBe(edited);
  });

  it('?seed= opens the sample and offers the restored copy', async () => {
    const ctx = await launch();
    const first = await open(ctx);
    await edit(first.page, 'Kept aside');
    const edited = await docText(first.page);
    await waitForAutosave(first.page, 'Kept aside');
    await first.page.close({ runBeforeUnload: false });
    const { page } = await open(ctx, '/?seed=traditional-20mw');
    expect(await page.locator('[data-testid=layout-name]').textContent()).toMatch(/^Traditional/);
    expect(await noticeText(page, 'restore-available')).toContain('“Kept aside”');
    await page.getByRole('button', { name: 'Open the restored copy' }).click();
    await expect.poll(() => docText(page)).toBe(edited);
  });

  it('a reload with ?seed= keeps the offered edit: editing the sample does not overwrite it', async () => {
    const ctx = await launch();
    const { page, errors } = await open(ctx);
    await edit(page, 'Mine');
    const edited = await docText(page);
    await waitForAutosave(page, 'Mine');
    // The same tab (the same sessionStorage, so the same tab id) opens a sample.
    await page.goto(`${base}/?seed=traditional-20mw`);
    await ready(page);
    expect(await noticeText(page, 'restore-available')).toContain('“Mine”');
    await edit(page, 'Sample edit');
    await waitForAutosave(page, 'Sample edit');
    expect((await autosaves(page)).map((r) => r.name).sort()).toEqual(['Mine', 'Sample edit']);
    await page.getByRole('button', { name: 'Open the restored copy' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => docText(page)).toBe(edited);
    // Written to this tab's slot in place of the sample's edit: a reload brings it back.
    await expect.poll(async () => (await autosaves(page)).map((r) => r.name)).toEqual(['Mine']);
    await page.goto(`${base}/`);
    await ready(page);
    expect(await noticeText(page, 'restored')).toContain('“Mine”');
    expect(await docText(page)).toBe(edited);
    expect(errors).toEqual([]);
  });
});

describe('share links', () => {
  it('a share link opens the same layout in a new page, as an editable copy', async () => {
    const ctx = await launch();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const first = await open(ctx, '/?seed=traditional-20mw');
    await edit(first.page, 'Shared campus ✓ <b>');
    const shared = await docText(first.page);
    await first.page.click('[data-testid=file-menu-button]');
    await first.page.getByRole('menuitem', { name: 'Copy share link' }).click();
    expect(await noticeText(first.page, 'share')).toMatch(
      /^Share link copied \([\d,]+ characters\)/,
    );
    const link = await first.page.evaluate<string>('navigator.clipboard.readText()');
    expect(link.startsWith(`${base}/#layout=v1.`)).toBe(true);

    const { page, errors } = await open(ctx, link.slice(base.length));
    expect(await docText(page)).toBe(shared);
    expect(await noticeText(page, 'opened')).toContain('from a share link as an editable copy');
    // The fragment is consumed: a reload restores this tab's edits, not the link again.
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);

    // Pasted into the address bar of a tab already open (only the fragment changes: no reload).
    const third = await open(ctx, '/?seed=rubin-300mw');
    await third.page.evaluate(`location.hash = ${JSON.stringify(new URL(link).hash)}`);
    await expect.poll(() => docText(third.page)).toBe(shared);
    expect(new URL(third.page.url()).hash).toBe('');
  });

  it('a damaged share link lists the problem and opens the default sample', async () => {
    const ctx = await launch();
    const { page } = await open(ctx, '/#layout=v1.AAAA_not-deflate');
    const dialog = page.locator('[data-testid=import-errors]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Could not open this share link');
    expect(await dialog.textContent()).toContain('damaged or incomplete');
    expect(await page.locator('[data-testid=layout-name]').textContent()).toMatch(/Blackwell/);
  });
});

describe('two tabs', () => {
  it('two pages with the same layout warn each other and keep separate autosaves', async () => {
    const ctx = await launch();
    const a = await open(ctx);
    await edit(a.page, 'Open twice');
    await waitForAutosave(a.page, 'Open twice');
    // A second tab restores the newest autosave: the same layout, still open in the first tab.
    const b = await open(ctx);
    expect(await noticeText(b.page, 'restored')).toContain('“Open twice”');
    const warning = /^This layout is also open in another tab; changes there will not be merged/;
    expect(await noticeText(b.page, 'other-tab')).toMatch(warning);
    expect(await noticeText(a.page, 'other-tab')).toMatch(warning);
    // Each tab saves into its own slot: neither overwrites the other.
    await edit(b.page, 'Edited in B');
    await waitForAutosave(b.page, 'Edited in B');
    const slots = await autosaves(a.page);
    expect(slots.map((s) => s.name).sort()).toEqual(['Edited in B', 'Open twice']);
    expect(new Set(slots.map((s) => s.layoutId)).size).toBe(1);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});

describe('the URL follows the open layout', () => {
  it('File ▸ New drops ?seed=, and a reload reopens the new layout, not the sample', async () => {
    const ctx = await launch();
    const { page, errors } = await open(ctx, '/?seed=blackwell-200mw');
    expect(new URL(page.url()).searchParams.get('seed')).toBe('blackwell-200mw');
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: 'Empty parcel' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('seed')).toBe(false);
    await expect.poll(() => page.getByTestId('layout-name').textContent()).toBe('Untitled campus');
    await waitForAutosave(page, 'Untitled campus');
    await page.reload();
    await ready(page);
    expect(await page.getByTestId('layout-name').textContent()).toBe('Untitled campus');
    expect(await page.getByTestId('empty-hint').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('an edit to a sample drops ?seed= too: a reload restores the edit', async () => {
    const ctx = await launch();
    const { page, errors } = await open(ctx, '/?seed=traditional-20mw');
    await edit(page, 'Edited sample');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await waitForAutosave(page, 'Edited sample');
    await page.reload();
    await ready(page);
    expect(await page.getByTestId('layout-name').textContent()).toBe('Edited sample');
    expect(errors).toEqual([]);
  });
});
