// What a visitor does in the built app, for the e2e tests that each start from a fresh browser
// context: open the app and wait for its data and model, search, rate with the star control
// (mouse or keyboard), import a ratings file, and read the recommendation cards.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openApp, type AppSession } from './app-page';
import { REPO_ROOT } from './data-dir';

/** Training the demo takes seconds; ml-latest-small on a busy 2-core box, minutes. */
export const TRAIN_TIMEOUT = 300_000;

export interface Card {
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

/** No uncaught error, no console error (page or worker), nothing requested from another origin. */
export function expectHealthy(session: AppSession): void {
  expect(session.pageErrors, 'uncaught page or worker errors').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(session.foreignRequests(), 'requests to other origins').toEqual([]);
}

export async function waitForModel(page: Page): Promise<void> {
  await page.locator('[data-testid=model-status][data-state=ready]').waitFor({ timeout: TRAIN_TIMEOUT });
}

/** A fresh context (empty IndexedDB, so no cached model) on the demo data, its model trained. */
export async function openTrainedDemo(browser: Browser, baseUrl: string, route = '', viewport?: { width: number; height: number }): Promise<AppSession> {
  const session = await openApp(browser, baseUrl, route, viewport);
  await session.page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
  await waitForModel(session.page);
  return session;
}

/** The share of films of a genre in the demo catalogue, read from public/demo/movies_metadata.csv itself. */
export function demoGenreShare(genre: string): number {
  const text = readFileSync(resolve(REPO_ROOT, 'public/demo/movies_metadata.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.filter((r) => (r.genres ?? '').includes(`'name': '${genre}'`)).length / rows.length;
}

/** The keys of the recommendation cards on screen, in order. */
export function cardKeys(page: Page): Promise<string[]> {
  return page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.key ?? ''));
}

/** Share of the visible recommendation cards that carry the genre. */
export async function genreShare(page: Page, genre: string): Promise<number> {
  const genres = await page.getByTestId('rec-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.genres ?? ''));
  expect(genres.length, 'cards on screen').toBeGreaterThan(0);
  return genres.filter((g) => g.split('|').includes(genre)).length / genres.length;
}

/** Popular films of a genre, from the engine (the tests need titles they can search for). */
export async function popularOf(page: Page, genre: string, n: number): Promise<Card[]> {
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
export async function search(page: Page, text: string): Promise<number> {
  const input = page.getByTestId('search-input');
  await input.fill('');
  return page.evaluate(
    (query) =>
      new Promise<number>((done, fail) => {
        const el = document.querySelector<HTMLInputElement>('[data-testid=search-input]')!;
        el.value = query;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const typed = performance.now();
        const deadline = typed + 5000;
        const check = () => {
          const list = document.querySelector('[data-testid=search-results]');
          if (list && list.getAttribute('data-query') === query) done(performance.now() - typed);
          else if (performance.now() > deadline) fail(new Error(`no results for ${query}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    text,
  );
}

/** Rates a film found by search: by keyboard (focus, End = 5 stars, then arrows) or by clicking the last star. */
export async function rateViaSearch(page: Page, card: Card, how: 'keyboard' | 'click'): Promise<number> {
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

/** The element with focus: its data-testid, the search row it sits in, its role. */
export async function focused(page: Page): Promise<{ testid: string; rowKey: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testid: el?.dataset.testid ?? '',
      rowKey: el?.closest<HTMLElement>('[data-testid=search-result]')?.dataset.key ?? '',
      role: el?.getAttribute('role') ?? '',
    };
  });
}

/**
 * Gives the visitor these ratings through the Rate view's "Import CSV" (the app's own ratings
 * file format), and waits until the status line counts them: a fast, UI-level way to set up a
 * visitor for tests whose behaviour is not the rating itself.
 */
export async function importRatings(page: Page, films: readonly Card[], stars: number): Promise<void> {
  const lines = ['userId,movieId,rating,timestamp,title,year,key'];
  films.forEach((f, i) => lines.push(['0', '', String(stars), String(1_700_000_000 + i), `"${f.title.replace(/"/g, '""')}"`, String(f.year), f.key].join(',')));
  const dir = mkdtempSync(join(tmpdir(), 'streamrec-ratings-'));
  const path = join(dir, 'ratings.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  await page.getByTestId('nav-rate').click();
  await page.getByTestId('import-file').setInputFiles(path);
  await expect.poll(() => page.getByTestId('import-message').textContent()).toContain(`Imported ${films.length} ratings`);
  await expect.poll(() => page.getByTestId('model-status').textContent()).toContain(`${films.length} ratings from you`);
}

/** Records main-thread long tasks from now on, into window.__longTasks. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

export async function longTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
}

/** A full-page screenshot from the top (scrolled, the sticky header would be drawn mid-page). */
export async function shot(session: AppSession, name: string): Promise<void> {
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.screenshot(name);
}
