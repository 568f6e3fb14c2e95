// The original StreamRec query — a user of the dataset, genres and N — as a link and as the
// form on For you: N cards, each of one of the genres, none a movie the user rated (the rated
// set and the genres read here from the data files themselves), and the form gives the same list.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { openApp, type AppSession } from '../support/app-page';
import { chromePerFile } from '../support/chrome-per-file';
import { dataPath, HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../support/data-dir';
import { itIf } from '../support/skip';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');
// Training the model the list comes from runs in the page: allow for a slow shared machine.
const TRAIN_TIMEOUT = 240_000;
const USER = 7;
const GENRES = ['Drama', 'Comedy'];

interface Truth {
  /** Movie keys ("tmdb:…", "ml:…") of every movie the user rated. */
  rated: Set<string>;
  /** Each movie key's genres, from the data file; undefined when the test reads them from the cards. */
  genresOf?: Map<string, string[]>;
}

/** User 7's ratings in the demo: ratings.csv movieIds, keyed by TMDB id through links.csv as the app keys them. */
function demoTruth(): Truth {
  const dir = resolve(REPO_ROOT, 'public/demo');
  const tmdbOf = new Map<string, string>();
  for (const line of readFileSync(resolve(dir, 'links.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [movieId, , tmdbId] = line.trim().split(',');
    if (movieId && tmdbId) tmdbOf.set(movieId, tmdbId);
  }
  const rated = new Set<string>();
  for (const line of readFileSync(resolve(dir, 'ratings.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [userId, movieId] = line.split(',');
    if (Number(userId) === USER) rated.add(tmdbOf.has(movieId!) ? `tmdb:${tmdbOf.get(movieId!)}` : `ml:${movieId}`);
  }
  return { rated };
}

/** User 7's ratings in MovieLens 100K (u.data) and every movie's genres (u.item's 19 flags, named by u.genre). */
function ml100kTruth(): Truth {
  const rated = new Set<string>();
  for (const line of readFileSync(dataPath('ml-100k/u.data'), 'utf8').trim().split('\n')) {
    const [userId, itemId] = line.split('\t');
    if (Number(userId) === USER) rated.add(`ml:${itemId}`);
  }
  const names = readFileSync(dataPath('ml-100k/u.genre'), 'latin1')
    .trim()
    .split('\n')
    .map((l) => l.split('|')[0]!);
  const genresOf = new Map<string, string[]>();
  for (const line of readFileSync(dataPath('ml-100k/u.item'), 'latin1').trim().split('\n')) {
    const fields = line.split('|');
    const flags = fields.slice(-19);
    genresOf.set(`ml:${fields[0]}`, names.filter((_, i) => flags[i] === '1'));
  }
  return { rated, genresOf };
}

const DATASETS = [
  { id: 'demo', label: 'the demo', available: true, reason: '', truth: demoTruth },
  { id: 'ml-100k', label: 'MovieLens 100K', available: HAS_DATA, reason: NO_DATA_REASON, truth: ml100kTruth },
];

/** Waits for user 7's list from the trained model, settled, and returns its cards' keys and genres. */
async function userList(page: Page): Promise<{ key: string; genres: string[] }[]> {
  await page.locator(`[data-testid=rec-list][data-for="user:${USER}"][data-personalised=true][aria-busy=false]`).waitFor({ timeout: TRAIN_TIMEOUT });
  return page.getByTestId('rec-card').evaluateAll((cards) =>
    cards.map((c) => ({ key: (c as HTMLElement).dataset.key ?? '', genres: ((c as HTMLElement).dataset.genres ?? '').split('|') })),
  );
}

function expectNoErrors(session: AppSession): void {
  expect(session.pageErrors).toEqual([]);
  expect(session.consoleErrors.filter((e) => /could not be cloned|DataCloneError/.test(e))).toEqual([]);
}

describe('the original query: a user of the dataset, genres and N', () => {
  for (const d of DATASETS) {

    itIf(d.available, d.reason)(`on ${d.label}, the link ?dataset=${d.id}&user=${USER}&genres=Drama,Comedy&n=10 lists 10 Drama or Comedy films user ${USER} did not rate`, async () => {
      const truth = d.truth();
      expect(truth.rated.size, `user ${USER} has ratings in ${d.label}`).toBeGreaterThan(0);
      const session = await openApp(browser(), baseUrl, `#/for-you?dataset=${d.id}&user=${USER}&genres=${GENRES.join(',')}&n=10`);
      const { page } = session;
      const list = await userList(page);
      expect(await page.locator('h1').textContent()).toContain(`For user ${USER} of`);
      expect(list).toHaveLength(10);
      for (const card of list) {
        const genres = truth.genresOf ? truth.genresOf.get(card.key) : card.genres;
        expect(genres, `${card.key} is a movie of ${d.label}`).toBeDefined();
        expect(genres!.some((g) => GENRES.includes(g)), `${card.key} (${genres!.join(', ')}) is Drama or Comedy`).toBe(true);
        expect(truth.rated.has(card.key), `${card.key} was not rated by user ${USER}`).toBe(false);
      }
      expect(await page.getByTestId('rec-error').count()).toBe(0);
      expectNoErrors(session);
      await session.screenshot(`dataset-user-link-${d.id}-1280`);
      await session.context.close();
    });

    itIf(d.available, d.reason)(`on ${d.label}, typing user ${USER} in the form and clicking Recommend gives the same list as the link`, async () => {
      const session = await openApp(browser(), baseUrl, '#/for-you');
      const { page } = session;
      if (d.id !== 'demo') {
        // Switch once the start-up dataset is in use and its model ready: this test is about the
        // form; a switch during start-up stalled once in CI for 120 s (see the session note).
        await expect.poll(() => page.getByTestId('model-status').getAttribute('data-state'), { timeout: TRAIN_TIMEOUT }).toBe('ready');
        await page.getByTestId('nav-data').click();
        await page.getByTestId(`open-${d.id}`).click();
        await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 120_000 }).toContain(d.label);
        await page.getByTestId('nav-for-you').click();
      }
      await expect.poll(() => page.getByTestId('model-status').getAttribute('data-state'), { timeout: TRAIN_TIMEOUT }).toBe('ready');
      // The query as a visitor builds it: the genres and N in Filters, the id in the form.
      await page.locator('details.filters summary').click();
      for (const g of GENRES) await page.getByTestId(`f-genre-${g}`).check({ force: true });
      await page.locator('#f-n').selectOption('12');
      await page.locator('details.dataset-user summary').click();
      await page.getByTestId('user-id').fill(String(USER));
      await page.getByTestId('user-recommend').click();
      const fromForm = await userList(page);
      expect(fromForm).toHaveLength(12);
      const link = new URL(page.url()).hash;
      expect(link).toContain(`dataset=${d.id}`);
      expect(link).toContain(`user=${USER}`);
      expect(link).toContain('n=12');
      await session.screenshot(`dataset-user-form-${d.id}-1280`);

      // The link opened afresh (same browser profile, so the same cached model) gives the same list.
      const again = await session.context.newPage();
      await again.goto(new URL(`#/for-you?dataset=${d.id}&user=${USER}&genres=${GENRES.join(',')}&n=12`, baseUrl).href);
      expect((await userList(again)).map((c) => c.key)).toEqual(fromForm.map((c) => c.key));
      expectNoErrors(session);
      await session.context.close();
    });
  }
});
