// reload: a returning visitor with ratings and a cached model of ml-latest-small
// reloads the page; time from navigation start to personalised recommendation
// cards on screen (ms), in one browser context whose IndexedDB holds the caches.
import type { BrowserContext, Page } from 'playwright-core';
import { HAS_DATA, NO_DATA_REASON } from '../support/data-dir';
import type { Benchmark } from './harness';
import { browser } from './browser-session';

let context: BrowserContext | undefined;
let page: Page | undefined;

const PERSONALISED = '[data-testid="rec-list"][data-personalised="true"] [data-testid="rec-card"]';

export const reload: Benchmark = {
  name: 'reload',
  description: 'page load → personalised recommendations for a returning visitor (cached dataset and model of ml-latest-small)',
  repeats: 7,
  async setup(ctx) {
    if (!HAS_DATA) throw new Error(`reload needs ml-latest-small: ${NO_DATA_REASON}`);
    const b = await browser();
    ctx.env.browser = b.version();
    context = await b.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // First visit: open ml-latest-small (remembered as the last dataset), let the
    // background training finish, and give ten ratings through the Rate view's store.
    await page.goto(new URL('#/data', ctx.baseUrl).href);
    await page.getByTestId('open-ml-latest-small').click();
    await page.locator('[data-testid="model-status"][data-state="ready"]').waitFor({ timeout: 300_000 });
    const info = await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<{ backend: string; simd: boolean; threads: boolean }> }).__streamrecBackend);
    Object.assign(ctx.env, info);
    await page.goto(new URL('#/for-you', ctx.baseUrl).href);
    const keys = await page.locator('[data-testid="rec-card"]').evaluateAll((cards) => cards.slice(0, 10).map((c) => c.getAttribute('data-key')!));
    await page.evaluate(async (ratingKeys) => {
      // The same IndexedDB record the app writes for a rating (src/store/visitor-store.ts).
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('streamrec');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('ratings', 'readwrite');
      ratingKeys.forEach((key, j) => tx.objectStore('ratings').put({ key, rating: j % 2 ? 2 : 5, title: key, year: 0, ratedAt: j }));
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, keys);
    // One reload so the model cache write (after training) is certainly done.
    await page.reload();
    await page.locator(PERSONALISED).first().waitFor({ timeout: 120_000 });
  },
  async run() {
    await page!.reload();
    await page!.locator(PERSONALISED).first().waitFor({ timeout: 60_000 });
    const ms = await page!.evaluate(() => performance.now());
    const training = await page!.getByTestId('model-status').getAttribute('data-state');
    if (training === 'training') throw new Error('the reload retrained instead of using the cached model');
    return { ms };
  },
  async teardown() {
    await context?.close();
  },
};
