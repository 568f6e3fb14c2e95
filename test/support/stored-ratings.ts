// Reads the visitor's ratings and the cached entries straight from the page's IndexedDB, so the
// attack tests can compare what is stored before and after a fault without going through the app.
import type { Page } from 'playwright-core';

export interface StoredRating {
  key: string;
  rating: number;
}

/**
 * Every value (or, with keysOnly, every key) of one store of the app's database; [] when the
 * store or the database is absent. Runs in the page, so it takes plain arguments only.
 */
function readStore(page: Page, name: string, keysOnly: boolean): Promise<unknown[]> {
  return page.evaluate(
    ({ name, keysOnly }) =>
      new Promise<unknown[]>((done, fail) => {
        const open = indexedDB.open('streamrec');
        // No database yet: abort the creation (an empty version 1 would stop the app's own upgrade).
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? done([]) : fail(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done([]);
            return;
          }
          const store = db.transaction(name).objectStore(name);
          const read = keysOnly ? store.getAllKeys() : store.getAll();
          read.onerror = () => fail(read.error);
          read.onsuccess = () => {
            db.close();
            done(read.result as unknown[]);
          };
        };
      }),
    { name, keysOnly },
  );
}

/** The `ratings` store of the app's database, sorted by key ([] when the store or database is absent). */
export async function storedRatings(page: Page): Promise<StoredRating[]> {
  const rows = (await readStore(page, 'ratings', false)) as StoredRating[];
  return rows.map((r) => ({ key: r.key, rating: r.rating })).sort((a, b) => a.key.localeCompare(b.key));
}

/** The keys of one cache store ('datasets' or 'models'). */
export async function cachedKeys(page: Page, store: 'datasets' | 'models'): Promise<string[]> {
  return (await readStore(page, store, true)).map(String);
}
