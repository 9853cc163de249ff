import { COLLECTIONS, type Collection, type Layout } from '../domain';
import type { DocumentStore } from './documentStore';

/**
 * Subscriptions to single elements, and to the few document parts every element node reads (the
 * rows of one hall, the settings). A store subscriber is called on every change of the document
 * and then runs its selector; with one per drawn element (a gigawatt campus has over a thousand),
 * every frame of a drag ran them all. Here one subscriber compares the lists that changed, entry
 * by entry (an unchanged element is the same object), and calls only the listeners of what did.
 */
export interface ElementChannel {
  /** Listen to one element of a collection: called when it changes, appears or goes. */
  readonly element: (collection: Collection, id: string, listener: () => void) => () => void;
  /** Listen to the rows of one hall (called when any rack row changes; the hall's may not have). */
  readonly rowsOf: (hallId: string, listener: () => void) => () => void;
  /** Listen to the layout's settings. */
  readonly settings: (listener: () => void) => () => void;
}

type Listeners = Map<string, Set<() => void>>;

function add(map: Listeners, key: string, listener: () => void): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && map.get(key) === set) map.delete(key);
  };
}

function call(map: Listeners, key: string): void {
  const set = map.get(key);
  if (set) for (const l of [...set]) l();
}

function callAll(map: Listeners): void {
  for (const set of [...map.values()]) for (const l of [...set]) l();
}

export function createElementChannel(store: DocumentStore): ElementChannel {
  const byCollection = new Map<Collection, Listeners>(COLLECTIONS.map((c) => [c, new Map()]));
  const rows: Listeners = new Map();
  const settings: Listeners = new Map();

  const changed = (c: Collection, prev: Layout, next: Layout) => {
    const listeners = byCollection.get(c)!;
    if (listeners.size === 0) return;
    const a = prev[c] as readonly { readonly id: string }[];
    const b = next[c] as readonly { readonly id: string }[];
    if (a.length !== b.length) {
      // An element added or deleted: whatever moved in the list is told (each one's selector
      // finds its element again, and renders only if it is another object).
      callAll(listeners);
      return;
    }
    for (let i = 0; i < b.length; i++) {
      if (a[i] === b[i]) continue;
      call(listeners, b[i]!.id);
      if (a[i]!.id !== b[i]!.id) call(listeners, a[i]!.id);
    }
  };

  store.subscribe((s, p) => {
    const next = s.doc;
    const prev = p.doc;
    if (next === prev) return;
    for (const c of COLLECTIONS) if (next[c] !== prev[c]) changed(c, prev, next);
    if (next.rackRows !== prev.rackRows) callAll(rows);
    if (next.settings !== prev.settings) callAll(settings);
  });

  return {
    element: (c, id, listener) => add(byCollection.get(c)!, id, listener),
    rowsOf: (hallId, listener) => add(rows, hallId, listener),
    settings: (listener) => add(settings, '', listener),
  };
}
