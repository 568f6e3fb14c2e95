// The one IndexedDB database, shared by the UI thread (visitor ratings) and the
// engine worker (cached datasets and models). idb wraps the request API in promises.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VisitorRating } from '../engine/api';

export interface CachedBlob {
  key: string;
  bytes: Uint8Array;
  savedAt: number;
}

export interface StreamRecSchema extends DBSchema {
  /** The visitor's ratings by movie key: written before anything else happens. */
  ratings: { key: string; value: VisitorRating };
  /** Processed datasets by source key (file names, sizes, dates). */
  datasets: { key: string; value: CachedBlob; indexes: { savedAt: number } };
  /** Trained models by dataset fingerprint. */
  models: { key: string; value: CachedBlob; indexes: { savedAt: number } };
  /** Small settings (backend choice, last dataset). */
  settings: { key: string; value: unknown };
}

export const DB_NAME = 'streamrec';
const DB_VERSION = 2;

let opened: Promise<IDBPDatabase<StreamRecSchema>> | undefined;

export function database(): Promise<IDBPDatabase<StreamRecSchema>> {
  opened ??= openDB<StreamRecSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('ratings', { keyPath: 'key' });
        db.createObjectStore('datasets', { keyPath: 'key' });
        db.createObjectStore('models', { keyPath: 'key' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        // Pruning walks keys by age without reading the (large) cached values.
        tx.objectStore('datasets').createIndex('savedAt', 'savedAt');
        tx.objectStore('models').createIndex('savedAt', 'savedAt');
      }
    },
    blocking() {
      // Another tab upgrades the schema: let it, and reopen on next use.
      void opened?.then((db) => db.close());
      opened = undefined;
    },
  });
  return opened;
}

/** Closes the connection (tests; reset before deleteDatabase). */
export async function closeDatabase(): Promise<void> {
  const db = await opened;
  db?.close();
  opened = undefined;
}
