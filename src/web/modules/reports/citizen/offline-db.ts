// A small typed wrapper over IndexedDB: one database for what the web app keeps while offline, one object store
// per kind of record, each call its own transaction that resolves only once the transaction has committed.

const databaseName = 'caucus-offline';
const version = 1;
/** Every object store of the database and its key path; a new store needs a new version. */
const stores = { report_queue: 'client_id' } as const;
export type StoreName = keyof typeof stores;

let opening: Promise<IDBDatabase> | null = null;

export function offlineStorageAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [name, keyPath] of Object.entries(stores)) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('The offline storage could not be opened'));
    };
    request.onblocked = () => reject(new Error('Close the other Caucus tabs to update the offline storage'));
  });
  return opening;
}

/** Runs `work` in one transaction on `store`; resolves with its result after the commit. */
async function inTransaction<R>(
  store: StoreName,
  mode: IDBTransactionMode,
  work: (objects: IDBObjectStore) => IDBRequest<R> | undefined,
): Promise<R | undefined> {
  const db = await openDatabase();
  return new Promise<R | undefined>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error ?? request?.error ?? new Error('The offline storage failed'));
    tx.onabort = () => reject(tx.error ?? new Error('The offline storage write was aborted'));
  });
}

/** The records of one store, typed: all, one by key, put (insert or replace), delete. */
export interface OfflineStore<T> {
  all(): Promise<T[]>;
  get(key: string): Promise<T | undefined>;
  put(record: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function offlineStore<T>(name: StoreName): OfflineStore<T> {
  return {
    all: async () => ((await inTransaction<T[]>(name, 'readonly', (s) => s.getAll() as IDBRequest<T[]>)) ?? []) as T[],
    get: (key) => inTransaction<T>(name, 'readonly', (s) => s.get(key) as IDBRequest<T>),
    put: async (record) => {
      await inTransaction(name, 'readwrite', (s) => s.put(record));
    },
    delete: async (key) => {
      await inTransaction(name, 'readwrite', (s) => s.delete(key));
    },
  };
}
