/**
 * This tab's id, and which tabs are open, with the Web Locks API: each tab holds an exclusive
 * lock named after its id for as long as it uses that id, so `navigator.locks.query()` lists the
 * ids of the open tabs (of this origin). The id is kept in sessionStorage, so a reload keeps it
 * (and with it the tab's autosave slot); a duplicated tab copies sessionStorage, finds the lock
 * taken and picks a new id.
 *
 * Without the Web Locks API (outside secure contexts, e.g. a preview over http:// on the LAN) a
 * tab cannot tell a reload from a duplicated tab, nor an open tab from a closed one: it takes a
 * new id on every page load (a duplicated tab never shares a slot), and `openTabIds` says it
 * cannot tell (null), so no other slot is ever taken over.
 */
const LOCK_PREFIX = 'campus-planner:tab:';
const SESSION_KEY = 'campus-planner:tab-id';

const newId = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function sessionGet(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function sessionSet(id: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, id);
  } catch {
    // No sessionStorage: the id lasts for this page only.
  }
}

const webLocks = (): LockManager | null =>
  (typeof navigator !== 'undefined' ? navigator.locks : undefined) ?? null;

/** The Web Locks API works on this page (false once a request has failed). */
let locksWork = true;

type Claim = { readonly held: true; readonly release: () => void } | { readonly held: false };

/**
 * Hold the lock of `id` until `release` (or until the page goes away). Not held when another tab
 * holds it; null when the Web Locks API failed.
 */
function claim(locks: LockManager, id: string): Promise<Claim | null> {
  return new Promise<Claim | null>((resolve) => {
    locks
      .request(`${LOCK_PREFIX}${id}`, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve({ held: false });
          return undefined;
        }
        // Held until released, else for the life of the page.
        return new Promise<void>((release) => resolve({ held: true, release: () => release() }));
      })
      .catch(() => resolve(null));
  });
}

interface Claimed {
  readonly id: string;
  readonly release: () => void;
}

const noLock = (): Claimed => ({ id: newId(), release: () => undefined });

/** An id whose lock this page holds: `first` if no other tab holds it, else a new one. */
async function claimAnId(first: string | null): Promise<Claimed> {
  const locks = locksWork ? webLocks() : null;
  if (!locks) {
    locksWork = false;
    return noLock();
  }
  let id = first ?? newId();
  for (let i = 0; i < 5; i++) {
    const c = await claim(locks, id);
    if (c === null) {
      locksWork = false;
      return noLock();
    }
    if (c.held) {
      sessionSet(id);
      return { id, release: c.release };
    }
    id = newId();
  }
  return { id, release: () => undefined }; // five taken UUIDs: cannot happen
}

let claimed: Promise<Claimed> | null = null;
let tabId: Promise<string> | null = null;

/** This tab's id (the same promise on every call, until renewTabId). */
export function claimTabId(): Promise<string> {
  if (!tabId) {
    claimed = claimAnId(sessionGet());
    tabId = claimed.then((c) => c.id);
  }
  return tabId;
}

/**
 * Give this tab a new id (and so a new, empty autosave slot), and let go of the old one: its slot
 * is then like that of a closed tab, to be restored from (and taken over) but never written by
 * this tab again. The next reload keeps the new id.
 */
export function renewTabId(): Promise<string> {
  const previous = claimed ?? claimAnId(sessionGet());
  claimed = (async () => {
    const old = await previous;
    const next = await claimAnId(null);
    old.release();
    return next;
  })();
  tabId = claimed.then((c) => c.id);
  return tabId;
}

/**
 * Ids of the tabs open now (this one included); null when this page cannot tell (no Web Locks
 * API): then any other slot may belong to an open tab.
 */
export async function openTabIds(): Promise<Set<string> | null> {
  const locks = locksWork ? webLocks() : null;
  if (!locks) return null;
  try {
    const { held = [] } = await locks.query();
    return new Set(
      held
        .map((l) => l.name ?? '')
        .filter((n) => n.startsWith(LOCK_PREFIX))
        .map((n) => n.slice(LOCK_PREFIX.length)),
    );
  } catch {
    return null;
  }
}
