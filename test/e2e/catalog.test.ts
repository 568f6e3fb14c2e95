// The whole catalogue in the Data view: a virtualised list (only the rows in
// view exist in the DOM) fed a page at a time by the worker, and its CSV export.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp } from '../support/app-page';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

describe('the catalogue', () => {
  it('lists every movie in a virtualised list and exports the cleaned catalogue as CSV', async () => {
    const session = await openApp(browser(), baseUrl, '#/data');
    const { page } = session;
    const total = page.getByTestId('catalog-total');
    await expect.poll(async () => Number((await total.textContent())?.replace(/\D/g, '')), { timeout: 60_000 }).toBeGreaterThan(2000);
    const movies = Number((await total.textContent())!.replace(/\D/g, ''));
    const list = page.getByTestId('catalog-list');
    // Scroll to the very end: the last movie appears while the DOM holds only a window of rows.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.getByTestId('catalog-row').last().textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${movies}\\D`));
    expect(await page.getByTestId('catalog-row').count()).toBeLessThan(60);
    await expect.poll(() => page.locator('[data-testid="catalog-row"] a').count()).toBeGreaterThan(5);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-catalog').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0].startsWith('movie_id,tmdb_id,imdb_id,movielens_id,title,year,genres')).toBe(true);
    expect(lines.length - 1).toBe(movies);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests()).toEqual([]);
    await session.context.close();
  });
});
