// The built app on real data, ml-latest-small from ../shared/data, one behaviour per test, each
// from a fresh browser context: it loads with its report, and after training, five 5-star
// animation ratings turn the list towards animation.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp, type AppSession } from '../support/app-page';
import { dataPath, HAS_DATA, NO_DATA_REASON } from '../support/data-dir';
import { itIf, skipNow } from '../support/skip';
import { expectHealthy, genreShare, popularOf, rateViaSearch, shot, TRAIN_TIMEOUT, waitForModel } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

/** Opens ml-latest-small from the Data view (after the demo the app starts with); skips when the server lists none. */
async function openMlLatestSmall(page: Page, session: AppSession, ctx: Parameters<typeof skipNow>[0]): Promise<void> {
  await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
  const open = page.getByTestId('open-ml-latest-small');
  if ((await open.count()) === 0) {
    await session.context.close();
    skipNow(ctx, 'the server lists no ml-latest-small folder under /data/');
  }
  await expect.poll(() => open.isEnabled(), { timeout: 60_000 }).toBe(true);
  await open.click();
  // 100,836 ratings: the count in ml-latest-small's README.txt.
  await expect.poll(() => page.getByTestId('count-ratings').textContent(), { timeout: 120_000 }).toBe('100,836');
}

describe('the app on ml-latest-small', () => {
  itIf(HAS_DATA, NO_DATA_REASON)('loads the real files with their ETL report', async (ctx) => {
    const session = await openApp(browser(), baseUrl, '#/data');
    const { page } = session;
    await openMlLatestSmall(page, session, ctx);
    // 610 users and 9,742 movies, as the dataset's README.txt states.
    expect(await page.getByTestId('count-users').textContent()).toBe('610');
    expect(await page.getByTestId('count-movies').textContent()).toBe('9,742');
    await page.getByTestId('etl-report').waitFor();
    for (const file of ['movies.csv', 'links.csv', 'ratings.csv']) await expect.poll(() => page.getByTestId('etl-report').textContent(), { message: file }).toContain(file);
    await shot(session, 'app-data-ml-latest-small-1280');
    expectHealthy(session);
    await session.context.close();
  }, 300_000);

  itIf(HAS_DATA, NO_DATA_REASON)(
    'trains on it, and five 5-star animation ratings turn the list towards animation',
    async (ctx) => {
      const session = await openApp(browser(), baseUrl, '#/data');
      const { page } = session;
      await openMlLatestSmall(page, session, ctx);
      // A loaded dataset without a cached model starts training at once; the demo's model is gone.
      await expect.poll(() => page.getByTestId('model-status').getAttribute('data-state')).not.toBe('ready');
      await waitForModel(page);

      await page.getByTestId('nav-for-you').click();
      await page.locator('[data-testid=rec-list][data-personalised=false][aria-busy=false]').waitFor();
      const before = await genreShare(page, 'Animation');
      // What a list blind to the ratings would hold: animation's share of movies.csv, read here.
      const movies = Papa.parse<Record<string, string>>(readFileSync(dataPath('ml-latest-small/movies.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const catalogue = movies.filter((m) => (m.genres ?? '').split('|').includes('Animation')).length / movies.length;

      await page.getByTestId('nav-rate').click();
      const films = await popularOf(page, 'Animation', 5);
      expect(films).toHaveLength(5);
      for (const [i, film] of films.entries()) await rateViaSearch(page, film, i % 2 ? 'click' : 'keyboard');
      await page.getByTestId('nav-for-you').click();
      await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
      const after = await genreShare(page, 'Animation');
      console.info(`share of Animation in the top 24: ${before} before, ${after} after five 5★ ratings; catalogue ${catalogue.toFixed(3)}`);
      expect(after, `share of Animation: ${before} before, ${after} after`).toBeGreaterThan(before);
      // Three times the catalogue's share (611 of 9,742 films): 5 of 24 cards at least.
      expect(after).toBeGreaterThanOrEqual(3 * catalogue);
      await shot(session, 'app-foryou-ml-latest-small-1280');
      expectHealthy(session);
      await session.context.close();
    },
    TRAIN_TIMEOUT + 300_000,
  );
});
