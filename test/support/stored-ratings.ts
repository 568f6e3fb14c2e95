// Reads the visitor's ratings and the cached entries straight from the page's IndexedDB, so the
// attack tests can compare what is stored before and after a fault without going through the app.
import type { Page } from 'playwright-core';

export interface StoredRating {
  key: string;
  rating: number;
}

/** The `ratings` store of the app's database, sorted by key ([] when the store or database is absent). */
export function storedRatings(page: Page): Promise<StoredRating[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRating[]>((done, fail) => {
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
          if (!db.objectStoreNames.contains('ratings')) {
            db.close();
            done([]);
            return;
          }
          const all = db.transaction('ratings').objectStore('ratings').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            db.close();
            const rows = (all.result as StoredRating[]).map((r) => ({ key: r.key, rating: r.rating }));
            done(rows.sort((a, b) => a.key.localeCompare(b.key)));
          };
        };
      }),
  );
}

/** The keys of one cache store ('datasets' or 'models'). */
export function cachedKeys(page: Page, store: 'datasets' | 'models'): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((done, fail) => {
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
          const keys = db.transaction(name).objectStore(name).getAllKeys();
          keys.onerror = () => fail(keys.error);
          keys.onsuccess = () => {
            db.close();
            done((keys.result as IDBValidKey[]).map(String));
          };
        };
      }),
    store,
  );
}
