// After a change of dataset the page says how many of the visitor's ratings the new dataset
// has, in the header and on For you — never "16 ratings from you" beside a list that is not
// theirs. The visitor's ratings are imported as a CSV whose films are known from the data files.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../support/app-page';
import { chromePerFile } from '../support/chrome-per-file';
import { dataPath, HAS_DATA, NO_DATA_REASON } from '../support/data-dir';
import { itIf } from '../support/skip';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

/** Films that exist in no dataset: ids far beyond any TMDB id of the era, titles made up. */
const NOWHERE = [
  { key: 'tmdb:990000001', title: 'No Such Film One', year: 1901 },
  { key: 'tmdb:990000002', title: 'No Such Film Two', year: 1902 },
];

function ratingsCsv(films: { key: string; title: string; year: number }[]): string {
  const rows = films.map((f, i) => `0,,4,${1_700_000_000 + i},"${f.title}",${f.year},${f.key}`);
  return ['userId,movieId,rating,timestamp,title,year,key', ...rows].join('\n') + '\n';
}

async function importRatings(page: Page, csv: string, count: number): Promise<void> {
  await page.getByTestId('nav-rate').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'my-ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect.poll(() => page.getByTestId('my-rating').count(), { timeout: 60_000 }).toBe(count);
}

describe('the visitor’s ratings after a change of dataset', () => {
  it('says none of the ratings are in the dataset when none are, and does not call the list theirs', async () => {
    const session = await openApp(browser(), baseUrl, '#/rate');
    const { page } = session;
    await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 120_000 }).toContain('demo data');
    await importRatings(page, ratingsCsv(NOWHERE), 2);
    await page.getByTestId('nav-for-you').click();
    await expect.poll(() => page.getByTestId('foryou-lead').textContent(), { timeout: 60_000 }).toContain('None of your 2 ratings are in this dataset.');
    expect(await page.getByTestId('foryou-lead').textContent()).toContain('Rate a few of its movies');
    expect(await page.getByTestId('status-ratings').textContent()).toContain('0 of your 2 ratings in this dataset');
    expect(await page.locator('h1').textContent()).toBe('Popular and well rated');
    await session.screenshot('dataset-switch-none-1280');
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  itIf(HAS_DATA, NO_DATA_REASON)('switching to MovieLens 100K says how many of the ratings it has: 3 of 5', async () => {
    // Three films of MovieLens 100K, by its own ids, titles and years (u.item), and two that exist nowhere.
    const items = new Map(
      readFileSync(dataPath('ml-100k/u.item'), 'latin1')
        .trim()
        .split('\n')
        .map((line) => line.split('|'))
        .map((f) => [f[0]!, f[1]!] as const),
    );
    const known = [
      { id: '1', title: 'Toy Story', year: 1995 },
      { id: '50', title: 'Star Wars', year: 1977 },
      { id: '100', title: 'Fargo', year: 1996 },
    ];
    for (const k of known) expect(items.get(k.id)).toBe(`${k.title} (${k.year})`);
    const films = [...known.map((k) => ({ key: `ml:${k.id}`, title: k.title, year: k.year })), ...NOWHERE];

    const session = await openApp(browser(), baseUrl, '#/rate');
    const { page } = session;
    await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 120_000 }).toContain('demo data');
    await importRatings(page, ratingsCsv(films), 5);
    await page.getByTestId('nav-data').click();
    await page.getByTestId('open-ml-100k').click();
    await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 120_000 }).toContain('MovieLens 100K');
    await page.getByTestId('nav-for-you').click();
    await expect.poll(() => page.getByTestId('foryou-lead').textContent(), { timeout: 60_000 }).toContain('3 of your 5 ratings are in MovieLens 100K.');
    expect(await page.getByTestId('status-ratings').textContent()).toContain('3 of your 5 ratings in this dataset');
    expect(await page.getByTestId('foryou-lead').textContent()).not.toContain('Rate a few');
    await session.screenshot('dataset-switch-ml-100k-1280');
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });
});
