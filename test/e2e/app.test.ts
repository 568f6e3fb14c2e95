// The visitor's journey through the built app in real Chromium, on the demo
// data: the data loads and its ETL report shows, a model trains in the worker
// without blocking the page, ten ratings of one genre (via search and the star
// control, the first with the keyboard alone) turn the list towards that genre,
// filters and reasons work, a warm retrain refreshes the list, the model exports
// and imports back (a corrupt file is refused), a reload keeps it all without
// retraining, and appended films show up marked "new". Then the core of the same
// journey on ml-latest-small.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp, RESULTS_DIR, type AppSession } from '../support/app-page';
import { HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../support/data-dir';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');
const TRAIN_TIMEOUT = 300_000;

interface Card {
  key: string;
  title: string;
  year: number;
  genres: string[];
}
interface EngineHandle {
  __streamrec: {
    recommend(q: unknown): Promise<{ items: Card[]; personalised: boolean }>;
  };
}

async function expectHealthy(session: AppSession) {
  expect(session.pageErrors, 'uncaught page or worker errors').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(session.foreignRequests(), 'requests to other origins').toEqual([]);
}

/** Records main-thread long tasks from now on, into window.__longTasks. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

async function longTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
}

async function waitForModel(page: Page) {
  await page.locator('[data-testid=model-status][data-state=ready]').waitFor({ timeout: TRAIN_TIMEOUT });
}

/** Share of the visible recommendation cards that carry the genre. */
async function genreShare(page: Page, genre: string): Promise<number> {
  const genres = await page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.genres ?? ''));
  expect(genres.length).toBeGreaterThan(0);
  return genres.filter((g) => g.split('|').includes(genre)).length / genres.length;
}

/** Popular films of a genre, from the engine (the test needs titles it can search for). */
async function popularOf(page: Page, genre: string, n: number): Promise<Card[]> {
  const list = await page.evaluate(
    ([g, count]) =>
      (window as unknown as EngineHandle).__streamrec.recommend({
        user: { kind: 'visitor' },
        n: count,
        filter: { genres: [g], genreMode: 'any', minVotes: 0, includeRated: false },
      }),
    [genre, n] as const,
  );
  return list.items;
}

/** Types the title into the search box, waits for results, returns ms from the last keystroke to the results on screen. */
async function search(page: Page, text: string): Promise<number> {
  const input = page.getByTestId('search-input');
  await input.fill('');
  return page.evaluate(
    (query) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelector<HTMLInputElement>('[data-testid=search-input]')!;
        el.value = query;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const typed = performance.now();
        const deadline = typed + 5000;
        const check = () => {
          const list = document.querySelector('[data-testid=search-results]');
          if (list && list.getAttribute('data-query') === query) resolve(performance.now() - typed);
          else if (performance.now() > deadline) reject(new Error(`no results for ${query}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    text,
  );
}

/** Rates a film found by search: by keyboard (focus, End = 5 stars, then arrows) or by clicking the last star. */
async function rateViaSearch(page: Page, card: Card, how: 'keyboard' | 'click'): Promise<number> {
  const ms = await search(page, card.title);
  const row = page.locator(`[data-testid=search-result][data-key="${card.key}"]`);
  await row.waitFor();
  const stars = row.getByRole('slider');
  if (how === 'keyboard') {
    await stars.focus();
    await stars.press('End');
    await expect.poll(() => stars.getAttribute('aria-valuetext')).toBe('5 stars');
    await stars.press('ArrowLeft');
    await expect.poll(() => stars.getAttribute('aria-valuetext')).toBe('4.5 stars');
    await stars.press('ArrowRight');
  } else {
    const box = (await stars.boundingBox())!;
    await page.mouse.click(box.x + box.width - 3, box.y + box.height / 2);
  }
  await expect.poll(() => stars.getAttribute('aria-valuenow')).toBe('5');
  return ms;
}

/** A full-page screenshot from the top (scrolled, the sticky header would be drawn mid-page). */
async function shot(session: AppSession, name: string): Promise<void> {
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.screenshot(name);
}

/** The id of the element with focus, by its data-testid (and the row it sits in). */
async function focused(page: Page): Promise<{ testid: string; rowKey: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testid: el?.dataset.testid ?? '',
      rowKey: el?.closest<HTMLElement>('[data-testid=search-result]')?.dataset.key ?? '',
      role: el?.getAttribute('role') ?? '',
    };
  });
}

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
  // It landed: the visitor's list has it.
  await expect.poll(() => page.locator(`[data-testid=my-rating][data-key="${card.key}"]`).count()).toBe(1);
}

/** A movies_metadata.csv in The Movies Dataset's schema (the demo's header) with two new films. */
function newMoviesCsv(): { path: string; keys: string[] } {
  const demo = readFileSync(resolve(REPO_ROOT, 'public/demo/movies_metadata.csv'), 'utf8');
  const header = demo.slice(0, demo.indexOf('\n'));
  const rows = [
    `False,,1000000,"[{'id': 99, 'name': 'Documentary'}]",,990001,tt9990001,en,Lighthouse Keepers of the North,"A documentary about the last lighthouse keepers.",3.5,,"[]","[{'iso_3166_1': 'US', 'name': 'United States of America'}]",2024-03-01,0.0,92.0,"[{'iso_639_1': 'en', 'name': 'English'}]",Released,,Lighthouse Keepers of the North,False,7.4,120.0`,
    `False,,2000000,"[{'id': 99, 'name': 'Documentary'}]",,990002,tt9990002,en,Salt and Glass,"A documentary about glassmakers on a salt marsh.",2.1,,"[]","[{'iso_3166_1': 'US', 'name': 'United States of America'}]",2024-09-15,0.0,88.0,"[{'iso_639_1': 'en', 'name': 'English'}]",Released,,Salt and Glass,False,7.1,80.0`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'streamrec-append-'));
  const path = join(dir, 'movies_metadata.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return { path, keys: ['tmdb:990001', 'tmdb:990002'] };
}

describe('the visitor journey on the demo data', () => {
  it('loads, trains without blocking, personalises towards a rated genre, filters, explains, and survives a reload', async () => {
    const session = await openApp(browser(), baseUrl);
    const { page } = session;
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });

    // The ETL report and the charts, while the model trains in the background.
    await page.getByTestId('nav-data').click();
    await page.getByTestId('etl-report').waitFor();
    await expect.poll(() => page.getByTestId('etl-report').textContent()).toContain('ratings.csv');
    await page.getByTestId('chart-genres').locator('canvas').waitFor({ timeout: 120_000 });
    await shot(session, 'app-data-1280');

    await page.getByTestId('nav-model').click();
    await page.getByTestId('chart-training').locator('canvas').waitFor({ timeout: 60_000 });
    // From here until the model is ready: the live status and the per-epoch chart update while the worker trains.
    await watchLongTasks(page);
    await page.locator('[data-testid=training-live] p').filter({ hasText: 'loss' }).waitFor({ timeout: 120_000 });
    // A viewport-only screenshot: a full-page one resizes the viewport twice, which re-lays out the
    // page and redraws the charts — the test's work, not the app's.
    await page.screenshot({ path: `${RESULTS_DIR}/app-model-training-1280.png` });
    await waitForModel(page);
    await page.waitForTimeout(1000);
    const blocking = (await longTasks(page)).filter((t) => t.duration > 50);
    expect(blocking, 'main-thread tasks over 50 ms while the worker trained').toEqual([]);

    // Before any rating: the non-personalised list.
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=false]').waitFor();
    const genre = 'Horror';
    const before = await genreShare(page, genre);

    // Ten films of one genre, rated 5 stars through search and the star control.
    const films = await popularOf(page, genre, 10);
    expect(films).toHaveLength(10);
    await page.getByTestId('nav-rate').click();
    // The first with the keyboard alone, from the page's top: Tab, type, Tab, arrows.
    await page.getByTestId('search-input').waitFor();
    await rateByKeyboardOnly(page, films[0]!);
    const latencies: number[] = [];
    for (const [i, film] of films.entries()) if (i > 0) latencies.push(await rateViaSearch(page, film, i % 2 ? 'click' : 'keyboard'));
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('10 ratings from you');
    // Debounce (60 ms), then worker search + render within 50 ms. The median, because on a shared
    // 2-core CI box an occasional search waits behind the previous rating's fold-in or another process.
    const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;
    console.info(`search: last keystroke → results on screen ${latencies.map(Math.round).join(', ')} ms (60 ms of it debounce)`);
    expect(median, `search latencies ${latencies.map(Math.round).join(', ')} ms`).toBeLessThan(60 + 50);
    await shot(session, 'app-rate-1280');

    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    const after = await genreShare(page, genre);
    console.info(`share of ${genre} in the top ${await page.getByTestId('rec-card').count()}: ${before} before, ${after} after rating ten of them`);
    expect(after, `share of ${genre}: ${before} before, ${after} after`).toBeGreaterThan(before);
    const personalKeys = await page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.key));
    await shot(session, 'app-foryou-1280');

    // Filter to one genre: every card carries it, and the URL says so.
    await page.locator('details.filters > summary').click();
    await page.getByTestId('f-genre-Comedy').check({ force: true });
    await expect.poll(() => page.url()).toContain('genres=Comedy');
    await expect.poll(async () => genreShare(page, 'Comedy')).toBe(1);

    // Open a reason: the movie view explains itself.
    const firstKey = await page.getByTestId('rec-card').first().getAttribute('data-key');
    await page.getByTestId('rec-reason').first().click();
    await page.getByTestId('movie-view').waitFor();
    expect(await page.getByTestId('movie-view').getAttribute('data-key')).toBe(firstKey);
    await expect.poll(() => page.getByTestId('movie-reason').textContent()).toMatch(/\w/);
    await page.getByTestId('movie-predicted').waitFor();
    await shot(session, 'app-movie-1280');
    await page.goBack();
    await page.getByTestId('rec-list').waitFor();
    expect(page.url()).toContain('genres=Comedy');

    // Retrain warm from the Model view, with the ten ratings as one more user; the list stays
    // personal and is recomputed with the new model.
    const receivedBefore = Number(await page.getByTestId('rec-list').getAttribute('data-received'));
    const filteredUrl = page.url();
    await page.getByTestId('nav-model').click();
    const resultBefore = (await page.getByTestId('train-result').count()) ? await page.getByTestId('train-result').textContent() : '';
    await expect.poll(() => page.getByTestId('train-warm').textContent()).toContain('with your 10 ratings');
    await page.getByTestId('train-warm').click();
    // The demo trains in well under a second, so the "training" state may come and go between polls:
    // the new result (its fit time and rating count) shows the warm run finished.
    await expect.poll(() => page.getByTestId('train-result').textContent(), { timeout: TRAIN_TIMEOUT }).not.toBe(resultBefore);
    await waitForModel(page);
    expect(await page.getByTestId('train-error').count()).toBe(0);
    await page.goto(filteredUrl);
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('rec-list').getAttribute('data-received'))).toBeGreaterThan(receivedBefore);
    expect(await genreShare(page, 'Comedy')).toBe(1);
    const receivedFiltered = Number(await page.getByTestId('rec-list').getAttribute('data-received'));

    // Export the model (a StreamRec model file starts with "SRMF"), import it back, then a corrupt one.
    await page.getByTestId('nav-model').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model').click()]);
    const exported = readFileSync((await download.path())!);
    expect(exported.subarray(0, 4).toString('latin1')).toBe('SRMF');
    expect(download.suggestedFilename()).toMatch(/\.srmf$/);
    await page.getByTestId('import-model').setInputFiles({ name: 'model.srmf', mimeType: 'application/octet-stream', buffer: exported });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/Imported a StreamRec model with \d+ factors/);
    const corrupt = Buffer.concat([exported.subarray(0, 64), Buffer.from('not the rest of a model')]);
    await page.getByTestId('import-model').setInputFiles({ name: 'corrupt.srmf', mimeType: 'application/octet-stream', buffer: corrupt });
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/Import failed, nothing changed: \w/);
    await shot(session, 'app-model-import-error-1280');
    expect(await page.getByTestId('active-model').textContent()).toContain('In use');
    // Recommendations keep working on the imported model.
    await page.goto(new URL('#/for-you', baseUrl).href);
    // The list on screen at first is the last one (filtered); wait for the one asked for now.
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('rec-list').getAttribute('data-received'))).toBeGreaterThan(receivedFiltered);
    await page.locator('[data-testid=rec-list][aria-busy=false]').waitFor();
    const warmKeys = await page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.key));
    expect(warmKeys.length).toBeGreaterThan(0);
    console.info(`after the warm retrain ${warmKeys.filter((k) => !personalKeys.includes(k)).length} of ${warmKeys.length} recommendations changed`);

    // Reload: the ratings come back from IndexedDB, the model from the cache (no training runs).
    await page.reload();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('10 ratings from you');
    // Same ratings, same cached model: the same list.
    await expect.poll(() => page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.key))).toEqual(warmKeys);
    expect(await page.getByTestId('model-status').getAttribute('data-state')).toBe('ready');
    await page.getByTestId('nav-model').click();
    await expect.poll(() => page.getByTestId('active-model').textContent()).toContain('In use');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('model-status').getAttribute('data-state'), 'no training after a reload').toBe('ready');
    expect(await page.getByTestId('training-live').count()).toBe(0);
    await page.getByTestId('nav-rate').click();
    await expect.poll(() => page.getByTestId('my-rating').count()).toBe(10);

    // A bad import names its line and changes nothing.
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('userId,movieId,rating,timestamp\n0,1,4,1\n0,2,7,1\n'),
    });
    await expect.poll(() => page.getByTestId('import-message').textContent()).toContain('line 3');
    await expect.poll(() => page.getByTestId('my-rating').count()).toBe(10);

    // Two new films appended to the demo catalogue: counted, and marked "new".
    const added = newMoviesCsv();
    await page.getByTestId('nav-data').click();
    await page.getByTestId('append-input').setInputFiles(added.path);
    await expect.poll(() => page.getByTestId('append-result').textContent(), { timeout: 60_000 }).toContain('Added 2 new titles');
    await shot(session, 'app-data-appended-1280');
    await page.goto(new URL(`#/movie/${encodeURIComponent(added.keys[0]!)}`, baseUrl).href);
    await page.locator(`[data-testid=movie-view][data-key="${added.keys[0]}"]`).waitFor();
    await expect.poll(() => page.getByTestId('movie-view').locator('.new').textContent()).toBe('new');
    await page.goto(new URL('#/for-you?genres=Documentary', baseUrl).href);
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    const newCards = page.locator('[data-testid=rec-card]').filter({ has: page.locator('.new') });
    // With no ratings yet, a new film is recommended from its content factors (genre, keywords).
    await expect.poll(() => newCards.count()).toBeGreaterThan(0);
    expect(await newCards.first().getAttribute('data-key')).toMatch(/^tmdb:99000[12]$/);
    await shot(session, 'app-foryou-new-1280');

    // The phone layout.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    await shot(session, 'app-foryou-375');
    await page.getByTestId('nav-rate').click();
    await search(page, films[0]!.title);
    await shot(session, 'app-rate-375');
    await page.getByTestId('nav-data').click();
    await page.getByTestId('chart-genres').locator('canvas').waitFor();
    await shot(session, 'app-data-375');
    await page.getByTestId('nav-model').click();
    await shot(session, 'app-model-375');
    await page.goto(new URL(`#/movie/${encodeURIComponent(firstKey!)}`, baseUrl).href);
    await page.getByTestId('movie-view').waitFor();
    await shot(session, 'app-movie-375');

    await expectHealthy(session);
    await session.context.close();
  }, 600_000);
});

describe('the journey on ml-latest-small', () => {
  it.skipIf(!HAS_DATA)('loads the real data with its report, trains, and personalises from a few ratings', async (ctx) => {
    const session = await openApp(browser(), baseUrl, '#/data');
    const { page } = session;
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    const open = page.getByTestId('open-ml-latest-small');
    if ((await open.count()) === 0) {
      await session.context.close();
      ctx.skip('the server lists no ml-latest-small folder');
    }
    await expect.poll(() => open.isEnabled(), { timeout: 60_000 }).toBe(true);
    await open.click();
    await expect.poll(() => page.getByTestId('count-ratings').textContent(), { timeout: 120_000 }).toBe('100,836');
    await page.getByTestId('etl-report').waitFor();
    await expect.poll(() => page.getByTestId('etl-report').textContent()).toContain('links.csv');
    await shot(session, 'app-data-ml-latest-small-1280');
    // The demo's model training (if it was running) is superseded; wait for this dataset's model.
    await page.locator('[data-testid=model-status][data-state=training]').waitFor({ timeout: 30_000 }).catch(() => undefined);
    await waitForModel(page);

    await page.getByTestId('nav-rate').click();
    const films = await popularOf(page, 'Animation', 5);
    for (const [i, film] of films.entries()) await rateViaSearch(page, film, i % 2 ? 'click' : 'keyboard');
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor();
    expect(await genreShare(page, 'Animation')).toBeGreaterThan(0);
    await shot(session, 'app-foryou-ml-latest-small-1280');
    await expectHealthy(session);
    await session.context.close();
  }, 900_000);
  if (!HAS_DATA) it.skip(NO_DATA_REASON, () => undefined);
});
