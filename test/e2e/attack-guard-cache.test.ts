// Attack suite, UI path (issue 16 case 2): damaged entries are put into IndexedDB in place of
// the demo's cached model (NaN factors, valid layout) or dataset (an item index 65535, valid
// layout). The next start must open the demo anyway, say on the Data page what was damaged and
// removed, show a list on For you, enable Train, train again, and leave the visitor's ratings
// as they were.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { cachedKeys, storedRatings } from '../support/stored-ratings';
import { expectHealthy, importRatings, openTrainedDemo, popularOf, waitForModel } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

/**
 * Overwrites every factor (users and movies) of the one cached model with NaN, keeping its
 * preamble, header, biases and size: the file still parses, only its values are poison.
 * Returns how many values were overwritten.
 */
function poisonCachedModel(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('streamrec');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('models', 'readwrite');
          const store = tx.objectStore('models');
          const all = store.getAll();
          let poisoned = 0;
          all.onsuccess = () => {
            const entries = all.result as { key: string; bytes: Uint8Array; savedAt: number }[];
            if (entries.length !== 1) {
              fail(new Error(`expected one cached model, found ${entries.length}`));
              return;
            }
            const entry = entries[0]!;
            const bytes = new Uint8Array(entry.bytes);
            const view = new DataView(bytes.buffer);
            const jsonLength = view.getUint32(8, true);
            const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as { nUsers: number; nItems: number; k: number };
            const headerEnd = (12 + jsonLength + 3) & ~3;
            // The payload: user biases, movie biases, then user factors and movie factors.
            const factorsAt = headerEnd + 4 * (header.nUsers + header.nItems);
            const factorCount = (header.nUsers + header.nItems) * header.k;
            for (let j = 0; j < factorCount; j++) view.setFloat32(factorsAt + 4 * j, NaN, true);
            poisoned = factorCount;
            store.put({ ...entry, bytes });
          };
          tx.oncomplete = () => {
            db.close();
            done(poisoned);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/**
 * Sets the movie index of rating 5 in the one cached dataset to 65535, in place: the demo's
 * 2,987 films are stored with Uint16 indices, so the binary stays well formed. Returns the
 * element type the items column had.
 */
function poisonCachedDataset(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open('streamrec');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('datasets', 'readwrite');
          const store = tx.objectStore('datasets');
          const all = store.getAll();
          let kind = '';
          all.onsuccess = () => {
            // A dataset is stored in parts; the first holds the header and, for the demo, everything.
            const parts = (all.result as { key: string; bytes: Uint8Array; savedAt: number }[]).filter((e) => e.key.endsWith('#part0'));
            if (parts.length !== 1) {
              fail(new Error(`expected one cached dataset, found ${parts.length}`));
              return;
            }
            const entry = parts[0]!;
            const bytes = new Uint8Array(entry.bytes);
            const view = new DataView(bytes.buffer);
            const jsonLength = view.getUint32(8, true);
            const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as { arrays: { name: string; kind: string; offset: number; length: number }[] };
            const items = header.arrays.find((a) => a.name === 'ratings.items')!;
            const dataStart = (12 + jsonLength + 7) & ~7;
            kind = items.kind;
            if (kind === 'u16') view.setUint16(dataStart + items.offset + 2 * 5, 65535, true);
            else view.setInt32(dataStart + items.offset + 4 * 5, 65535, true);
            store.put({ ...entry, bytes });
          };
          tx.oncomplete = () => {
            db.close();
            done(kind);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

describe('attack: damaged caches', () => {
  it('starts on the demo with a notice, a For you list and Train enabled when the cached model has NaN factors; ratings unchanged', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    await importRatings(page, await popularOf(page, 'Comedy', 3), 4.5);
    // The model trained at the start is cached once the training ends.
    await expect.poll(() => cachedKeys(page, 'models'), { timeout: 60_000 }).toHaveLength(1);
    const before = await storedRatings(page);
    expect(before).toHaveLength(3);
    expect(await poisonCachedModel(page)).toBeGreaterThan(0);

    await page.goto(new URL('#/data', baseUrl).href);
    await page.reload();
    await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 60_000 }).toContain('demo data, synthetic ratings');
    await expect
      .poll(() => page.getByTestId('cache-notice').allTextContents(), { timeout: 60_000 })
      .toEqual([
        'The model saved in this browser for this dataset was damaged (user factors: value NaN at index 0 is not a finite number within ±1000000); it was removed and a new one is trained.',
      ]);
    expect(await page.getByTestId('load-error').count()).toBe(0);

    await page.getByTestId('nav-for-you').click();
    await expect.poll(() => page.getByTestId('rec-card').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('nav-model').click();
    await waitForModel(page);
    expect(await page.getByTestId('train').isEnabled()).toBe(true);
    // The retrained model replaced the poisoned entry, and the ratings are what they were.
    await expect.poll(() => cachedKeys(page, 'models'), { timeout: 60_000 }).toHaveLength(1);
    expect(await storedRatings(page)).toEqual(before);
    expectHealthy(session);
    await session.context.close();
  });

  it('starts on the demo with a notice, the files read again and training working when the cached dataset has an item index 65535; ratings unchanged', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    await importRatings(page, await popularOf(page, 'Comedy', 2), 4);
    await expect.poll(async () => (await cachedKeys(page, 'datasets')).filter((k) => k.endsWith('#part0')), { timeout: 60_000 }).toHaveLength(1);
    const before = await storedRatings(page);
    expect(before).toHaveLength(2);
    expect(await poisonCachedDataset(page)).toBe('u16');

    await page.goto(new URL('#/data', baseUrl).href);
    await page.reload();
    await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 60_000 }).toContain('demo data, synthetic ratings');
    await expect
      .poll(() => page.getByTestId('cache-notice').allTextContents(), { timeout: 60_000 })
      .toEqual(['The copy of this dataset saved in this browser was damaged (rating 5 has movie 65535 outside 0..2986); it was removed and the files were read again.']);
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(await page.getByTestId('count-movies').first().textContent()).toBe('2,987');

    await page.getByTestId('nav-for-you').click();
    await expect.poll(() => page.getByTestId('rec-card').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // Training works on the dataset read again (the damaged one made every training fail).
    await page.getByTestId('nav-model').click();
    await waitForModel(page);
    await page.getByTestId('train').click();
    await page.locator('[data-testid=model-status][data-state=training]').waitFor({ timeout: 30_000 });
    await waitForModel(page);
    await page.getByTestId('train-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('train-error').count()).toBe(0);
    expect(await storedRatings(page)).toEqual(before);
    expectHealthy(session);
    await session.context.close();
  });
});
