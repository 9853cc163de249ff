/**
 * This tab's id, and which tabs are open, with the Web Locks API: each tab holds an exclusive
 * lock named after its id for as long as it lives, so `navigator.locks.query()` lists the ids of
 * the open tabs (of this origin). The id is kept in sessionStorage, so a reload keeps it (and
 * with it the tab's autosave slot); a duplicated tab copies sessionStorage, finds the lock taken
 * and picks a new id.
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

/** Hold the lock of `id` until the page goes away; false when another tab holds it. */
function claim(id: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    locks
      .request(`${LOCK_PREFIX}${id}`, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held for the life of the page.
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(true));
  });
}

let tabId: Promise<string> | null = null;

/** This tab's id (the same promise on every call). */
export function claimTabId(): Promise<string> {
  tabId ??= (async () => {
    let id = sessionGet() ?? newId();
    for (let i = 0; i < 5 && !(await claim(id)); i++) id = newId();
    sessionSet(id);
    return id;
  })();
  return tabId;
}

/** Ids of the tabs open now (empty where the Web Locks API is missing). */
export async function openTabIds(): Promise<Set<string>> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(
      held
        .map((l) => l.name ?? '')
        .filter((n) => n.startsWith(LOCK_PREFIX))
        .map((n) => n.slice(LOCK_PREFIX.length)),
    );
  } catch {
    return new Set();
  }
}
