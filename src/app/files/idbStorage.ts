import type { AutosaveRecord, AutosaveStorage } from './autosave';

/**
 * AutosaveStorage on IndexedDB: database "campus-planner", object store "autosave", one record
 * per tab slot (keyPath "key"). The database is opened at whatever version it has (1 when new). A write resolves when its transaction completes and rejects with
 * the transaction's error when it aborts (QuotaExceededError when the disk quota is full).
 */
export const DB_NAME = 'campus-planner';
export const STORE = 'autosave';

export function indexedDbStorage(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): AutosaveStorage {
  let opening: Promise<IDBDatabase> | null = null;

  /** Open at `version` (the current one when undefined), creating the store if it is missing. */
  const openAt = (f: IDBFactory, version?: number): Promise<IDBDatabase> =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = version === undefined ? f.open(DB_NAME) : f.open(DB_NAME, version);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) {
          // Created by someone else without our store: upgrade it to add the store.
          const next = db.version + 1;
          db.close();
          openAt(f, next).then(resolve, reject);
          return;
        }
        // Another tab upgrading the database: let it, and reopen next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });

  const open = (): Promise<IDBDatabase> => {
    if (!factory) return Promise.reject(new Error('this browser has no IndexedDB storage'));
    opening ??= openAt(factory).catch((e: unknown) => {
      opening = null; // try again on the next call
      throw e;
    });
    return opening;
  };

  const run = <T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => IDBRequest<T> | void,
  ): Promise<T | undefined> =>
    open().then(
      (db) =>
        new Promise<T | undefined>((resolve, reject) => {
          const tx = db.transaction(STORE, mode);
          const req = body(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(req ? req.result : undefined);
          tx.onabort = () => reject(tx.error ?? req?.error ?? new Error('the write was aborted'));
        }),
    );

  return {
    readAll: async () => (await run<unknown[]>('readonly', (s) => s.getAll())) ?? [],
    put: async (record: AutosaveRecord) => {
      await run('readwrite', (s) => s.put(record));
    },
    remove: async (key: string) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}
