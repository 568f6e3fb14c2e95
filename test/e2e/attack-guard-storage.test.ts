// Attack suite, UI paths (issue 16 case 11 and "no path but an explicit choice deletes the
// ratings"): the built app started with localStorage, sessionStorage and IndexedDB throwing
// still runs and says where the ratings live; Settings → Reset keeps the visitor's ratings in
// IndexedDB unless "also delete my ratings" is ticked.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { storedRatings } from '../support/stored-ratings';
import { expectHealthy, openTrainedDemo, popularOf, rateViaSearch, waitForModel } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

const MEMORY_ONLY = /^This browser does not let StreamRec store data here \(.*storage blocked by the e2e test.*\): your ratings are kept for this visit only\. Export them on the Rate page to keep them\.$/;

/** Rates the two most popular dramas of the demo with five stars through search; returns their keys. */
async function rateTwo(page: Page): Promise<string[]> {
  const films = await popularOf(page, 'Drama', 2);
  expect(films).toHaveLength(2);
  await page.getByTestId('nav-rate').click();
  await page.getByTestId('search-input').waitFor();
  for (const film of films) await rateViaSearch(page, film, 'click');
  return films.map((f) => f.key).sort();
}

async function resetFromSettings(page: Page, deleteRatings: boolean): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('reset').click();
  if (deleteRatings) await page.getByTestId('reset-delete-ratings').check();
  const confirm = page.getByTestId('reset-confirm');
  expect(await confirm.textContent()).toBe(deleteRatings ? 'Reset and delete my ratings' : 'Reset, keep my ratings');
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), confirm.click()]);
  await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
}

describe('attack: storage blocked and reset', () => {
  it('starts with localStorage, sessionStorage and IndexedDB throwing: says ratings are kept for this visit, and rating still updates the list', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const blocked = () => {
        throw new DOMException('storage blocked by the e2e test', 'SecurityError');
      };
      for (const name of ['localStorage', 'sessionStorage'] as const) Object.defineProperty(window, name, { configurable: true, get: blocked });
      Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: blocked });
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(baseUrl);
    // Not a blank page: the demo opens and its model trains (the worker's storage is not blocked here).
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    await waitForModel(page);
    const films = await popularOf(page, 'Drama', 1);
    await page.getByTestId('nav-rate').click();
    const alert = page.locator('.error[role=alert]').filter({ hasText: 'kept for this visit only' });
    await expect.poll(() => alert.textContent()).toMatch(MEMORY_ONLY);
    await page.getByTestId('search-input').waitFor();
    // By keyboard: the alert pushes the result row below the fold, where a mouse click would miss.
    await rateViaSearch(page, films[0]!, 'keyboard');
    await expect.poll(() => page.locator('[data-testid=my-rating]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key))).toEqual([films[0]!.key]);
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('1 rating from you');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps the visitor\'s ratings in IndexedDB across Settings → Reset without the delete choice, and a reload', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    const keys = await rateTwo(page);
    const before = await storedRatings(page);
    expect(before).toEqual(keys.map((key) => ({ key, rating: 5 })));
    await resetFromSettings(page, false);
    await page.reload();
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    expect(await storedRatings(page)).toEqual(before);
    await page.getByTestId('nav-rate').click();
    await expect.poll(() => page.locator('[data-testid=my-rating]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key).sort())).toEqual(keys);
    expectHealthy(session);
    await session.context.close();
  });

  it('deletes the visitor\'s ratings only when Reset is confirmed with "also delete my ratings" ticked', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    const keys = await rateTwo(page);
    expect((await storedRatings(page)).map((r) => r.key)).toEqual(keys);
    await resetFromSettings(page, true);
    await expect.poll(() => storedRatings(page)).toEqual([]);
    await page.getByTestId('nav-rate').click();
    await page.getByTestId('search-input').waitFor();
    expect(await page.locator('[data-testid=my-rating]').count()).toBe(0);
    expectHealthy(session);
    await session.context.close();
  });
});
