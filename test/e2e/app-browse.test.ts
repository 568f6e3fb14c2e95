// Browsing the recommendations in the built app on the demo data, one behaviour per test, each
// from a fresh browser context: a genre filter that the URL carries, a card's reason opening
// the film's page, and the phone layout.
import { describe, expect, inject, it } from 'vitest';
import { chromePerFile } from '../support/chrome-per-file';
import { cardKeys, expectHealthy, genreShare, importRatings, openTrainedDemo, popularOf, search, shot } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

describe('browsing the demo recommendations', () => {
  it('a genre filter keeps only that genre, and its URL opens the same list in a new tab', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/for-you');
    const { page } = session;
    await page.locator('[data-testid=rec-list][aria-busy=false]').waitFor();
    await page.locator('details.filters > summary').click();
    await page.getByTestId('f-genre-Comedy').check({ force: true });
    await expect.poll(() => page.url()).toContain('genres=Comedy');
    await expect.poll(async () => genreShare(page, 'Comedy')).toBe(1);
    // 797 comedies in the demo: more than enough to fill the 24 cards.
    expect(await page.getByTestId('rec-card').count()).toBe(24);
    const keys = await cardKeys(page);

    const tab = await session.context.newPage();
    await tab.goto(page.url());
    await tab.locator('[data-testid=rec-list][aria-busy=false]').waitFor({ timeout: 60_000 });
    await expect.poll(() => cardKeys(tab)).toEqual(keys);
    await tab.close();
    expectHealthy(session);
    await session.context.close();
  });

  it("a card's reason opens that film's page, which gives the same reason and a predicted rating", async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    await importRatings(page, await popularOf(page, 'Horror', 10), 5);
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    const first = page.getByTestId('rec-card').first();
    const key = await first.getAttribute('data-key');
    const reason = (await first.getByTestId('rec-reason').textContent())!.trim();
    expect(reason).not.toBe('');
    await first.getByTestId('rec-reason').click();
    await page.locator(`[data-testid=movie-view][data-key="${key}"]`).waitFor();
    await expect.poll(async () => (await page.getByTestId('movie-reason').textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Why for you: ${reason.replace(/\s+/g, ' ')}`);
    // A prediction on the visitor's star scale: ★ and a number from 0.5 to 5.
    const predicted = Number((await page.getByTestId('movie-predicted').textContent())!.replace('★', '').trim());
    expect(predicted).toBeGreaterThanOrEqual(0.5);
    expect(predicted).toBeLessThanOrEqual(5);
    await shot(session, 'app-movie-1280');
    await page.goBack();
    await page.getByTestId('rec-list').waitFor();
    expect(await cardKeys(page)).toContain(key);
    expectHealthy(session);
    await session.context.close();
  });

  it('lays every view out within a 375 px phone screen, with no sideways scrolling', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/for-you', { width: 375, height: 800 });
    const { page } = session;
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.locator('[data-testid=rec-list][aria-busy=false]').waitFor();
    expect(await overflow(), 'For you').toBe(0);
    await shot(session, 'app-foryou-375');
    const key = (await cardKeys(page))[0]!;
    await page.getByTestId('nav-rate').click();
    await search(page, 'Titanic');
    expect(await overflow(), 'Rate').toBe(0);
    await shot(session, 'app-rate-375');
    await page.getByTestId('nav-data').click();
    await page.getByTestId('chart-genres').locator('canvas').waitFor();
    expect(await overflow(), 'Data').toBe(0);
    await shot(session, 'app-data-375');
    await page.getByTestId('nav-model').click();
    await page.getByTestId('active-model').waitFor();
    expect(await overflow(), 'Model').toBe(0);
    await shot(session, 'app-model-375');
    await page.goto(new URL(`#/movie/${encodeURIComponent(key)}`, baseUrl).href);
    await page.getByTestId('movie-view').waitFor();
    expect(await overflow(), 'Movie').toBe(0);
    await shot(session, 'app-movie-375');
    expectHealthy(session);
    await session.context.close();
  });
});
