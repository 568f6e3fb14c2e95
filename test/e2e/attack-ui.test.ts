// Attack suite, UI paths (issue 16 cases 8, 12, 15) in the built app: a dataset whose titles
// carry a right-to-left override and a 5,000-character unbroken word, and whose genres are
// named __proto__ and constructor, is loaded through the Data view's file input. The movie page
// must show the year where it belongs, the page must not grow wider than the window, and the
// covers must get a colour. The demo data answers 404 so the app's own load cannot interfere.
import { describe, expect, inject, it } from 'vitest';
import { chromePerFile } from '../support/chrome-per-file';
import { recordErrors } from '../support/app-page';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

const LONG_WORD = 'W'.repeat(5000);
const MOVIES = ['movieId,title,genres', '1,Evil\u202e Title (2001),__proto__', `2,${LONG_WORD} (2002),constructor`, '3,Plain (1999),Drama'].join('\n') + '\n';
const RATINGS = ['userId,movieId,rating,timestamp', '1,1,4.0,1', '1,2,3.0,1', '2,3,5.0,1', '2,1,2.5,1'].join('\n') + '\n';

async function openWithDataset() {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/\/demo\//, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'e2e: no demo data' }));
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  recordErrors(page, consoleErrors, pageErrors);
  await page.goto(new URL('#/data', baseUrl).href);
  // Files picked while the app's own demo load runs are refused: wait for that load to fail.
  await page.getByTestId('load-error').waitFor({ timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles([
    { name: 'movies.csv', mimeType: 'text/csv', buffer: Buffer.from(MOVIES) },
    { name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(RATINGS) },
  ]);
  await page.getByTestId('etl-report').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId('etl-report').textContent(), { timeout: 60_000 }).toContain('3 movies, 2 users, 4 ratings');
  return { context, page, pageErrors };
}

describe('attack: UI paths', () => {
  it('shows a title that had a right-to-left override with its year in place, isolated (case 12)', async () => {
    const { context, page, pageErrors } = await openWithDataset();
    await page.goto(new URL('#/movie/ml%3A1', baseUrl).href);
    const heading = page.locator('#movie-title');
    await expect.poll(() => heading.textContent()).toBe('Evil Title (2001)');
    expect(await heading.locator('bdi').textContent()).toBe('Evil Title');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps a 5,000-character title inside the window and gives __proto__/constructor covers a colour (cases 8, 15)', async () => {
    const { context, page, pageErrors } = await openWithDataset();
    await page.goto(new URL('#/movie/ml%3A2', baseUrl).href);
    const heading = page.locator('#movie-title');
    await heading.waitFor();
    // The ETL keeps 500 characters (499 and '…'); the page wraps them instead of widening.
    expect((await heading.locator('bdi').textContent())!.length).toBe(500);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const box = await heading.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(widths.window);
    // The cover of a film whose genre is "constructor", and of one whose genre is "__proto__".
    for (const key of ['ml%3A2', 'ml%3A1']) {
      await page.goto(new URL(`#/movie/${key}`, baseUrl).href);
      const cover = page.locator('.poster .cover');
      await cover.waitFor();
      const image = await cover.evaluate((el) => getComputedStyle(el).backgroundImage);
      expect(image, key).toMatch(/^linear-gradient\(/);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
