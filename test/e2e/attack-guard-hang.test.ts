// Attack suite, UI path (issue 16 case 1): files loaded while a training runs, in Chromium,
// through the real engine worker with real File objects (the demo's five CSVs). Every load must
// end — loaded, or rejected with a reason — within a bound, a cancel must end a load at once,
// the training must end too (done, or superseded by the load), and afterwards the Data page's
// buttons must be enabled again, with no "Loading…" left on screen.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp } from '../support/app-page';
import { REPO_ROOT } from '../support/data-dir';
import { storedRatings } from '../support/stored-ratings';
import { expectHealthy, importRatings, popularOf, waitForModel } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

const DEMO_FILES = ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv', 'ratings.csv'];
/** What a load of the demo's files gives (public/demo/demo.json). */
const DEMO = { movies: 2987, users: 600, ratings: 59198 };
/** No load of the 12 MB demo may take longer, even beside a training on a busy 2-core machine. */
const LOAD_BOUND_MS = 60_000;
/** A cancel ends the load within this (a message through comlink to the worker and back). */
const CANCEL_BOUND_MS = 1_000;
const RACES = 10;

interface RaceOutcome {
  race: number;
  delayMs: number;
  cancelled: boolean;
  /** 'loaded', the error's name, or 'hung' when the load outlived the bound. */
  load: string;
  loadMs: number;
  cancelMs: number;
  users: number;
  movies: number;
  /** 'trained', the error's name, or 'hung'. */
  train: string;
}

/** Runs the races in the page through the engine API: one training per race, a load of fresh Files at a spread point of it. */
function raceInPage(page: Page): Promise<{ trainingMs: number; outcomes: RaceOutcome[] }> {
  return page.evaluate(
    async ({ names, races, bound }) => {
      type Api = {
        load(r: unknown, p: unknown, o?: unknown): Promise<{ summary: { users: number; movies: number } }>;
        train(r: unknown, p: unknown, o?: unknown): Promise<unknown>;
        cancel(jobId: string): void;
      };
      const w = window as unknown as { __streamrec: Api; __streamrecProxy: (f: unknown) => unknown; __streamrecBackend: Promise<unknown> };
      await w.__streamrecBackend;
      const api = w.__streamrec;
      const quiet = () => w.__streamrecProxy(() => {});
      const blobs = await Promise.all(names.map(async (n) => (await fetch(`demo/${n}`)).blob()));
      // A new lastModified per race: the dataset cache (keyed by name, size, date) cannot answer, the files are read.
      const filesFor = (race: number) => blobs.map((b, i) => new File([b], names[i]!, { type: 'text/csv', lastModified: 1_700_000_000_000 + race }));
      const bounded = <T,>(p: Promise<T>) =>
        Promise.race([
          p.then(
            (value) => ({ value, error: undefined as Error | undefined, hung: false }),
            (error: Error) => ({ value: undefined, error, hung: false }),
          ),
          new Promise<{ value: undefined; error: undefined; hung: true }>((done) => setTimeout(() => done({ value: undefined, error: undefined, hung: true }), bound)),
        ]);
      const train = { params: { nFactors: 8, nEpochs: 12 }, holdout: 0 };
      await api.load({ kind: 'files', files: filesFor(-1) }, quiet());
      const probeStart = performance.now();
      await api.train(train, quiet());
      const trainingMs = performance.now() - probeStart;
      const outcomes: RaceOutcome[] = [];
      for (let race = 0; race < races; race++) {
        const training = bounded(api.train(train, quiet(), { jobId: `train-${race}` }));
        const delayMs = Math.round((trainingMs * race) / races);
        await new Promise((r) => setTimeout(r, delayMs));
        const cancelled = race % 4 === 3;
        const started = performance.now();
        const loading = bounded(api.load({ kind: 'files', files: filesFor(race) }, quiet(), { jobId: `load-${race}` }));
        let cancelledAt = 0;
        if (cancelled) {
          // Mid-read: 12 MB take longer than this to read and parse.
          await new Promise((r) => setTimeout(r, 150));
          cancelledAt = performance.now();
          api.cancel(`load-${race}`);
        }
        const load = await loading;
        const ended = performance.now();
        const trained = await training;
        outcomes.push({
          race,
          delayMs,
          cancelled,
          load: load.hung ? 'hung' : load.error ? load.error.name : 'loaded',
          loadMs: Math.round(ended - started),
          cancelMs: cancelled ? Math.round(ended - cancelledAt) : 0,
          users: load.value?.summary.users ?? 0,
          movies: load.value?.summary.movies ?? 0,
          train: trained.hung ? 'hung' : trained.error ? trained.error.name : 'trained',
        });
      }
      return { trainingMs, outcomes };
    },
    { names: DEMO_FILES, races: RACES, bound: LOAD_BOUND_MS },
  );
}

/** The demo's five files as a file input gets them: real Files in the page, new each time. */
function demoFilePayloads() {
  return DEMO_FILES.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(resolve(REPO_ROOT, 'public/demo', name)) }));
}

/** Nothing is loading and every load button of the Data page is enabled. */
async function expectDataPageIdle(page: Page): Promise<void> {
  // The progress panel and the status bar's "Loading …" line are gone, with their Cancel buttons.
  await expect.poll(() => page.locator('[data-testid=cancel-load], [data-testid=status-cancel-load]').count(), { timeout: CANCEL_BOUND_MS * 5 }).toBe(0);
  expect(await page.evaluate(() => document.body.innerText.includes('Loading 5 files'))).toBe(false);
  for (const name of ['Choose files…', 'Choose a folder…']) expect(await page.getByRole('button', { name }).isEnabled(), name).toBe(true);
  expect(await page.getByTestId('open-demo').isEnabled(), 'the demo button').toBe(true);
}

describe('attack: a load during a training never hangs', () => {
  it(`ends every one of ${RACES} loads of dropped Files started at spread points of a training, through the engine worker; a cancel ends a load at once`, async () => {
    const session = await openApp(browser(), baseUrl, '?engine-only');
    const { trainingMs, outcomes } = await raceInPage(session.page);
    console.info(`load-during-training races in Chromium (training ${Math.round(trainingMs)} ms): ${JSON.stringify(outcomes)}`);
    expect(outcomes).toHaveLength(RACES);
    for (const o of outcomes) {
      const label = `race ${o.race} at ${o.delayMs} ms`;
      expect(o.train, label).toMatch(/^(trained|SupersededError)$/);
      if (o.cancelled) {
        expect(o.load, label).toBe('AbortError');
        expect(o.cancelMs, label).toBeLessThan(CANCEL_BOUND_MS);
      } else {
        expect(o.load, label).toBe('loaded');
        expect({ users: o.users, movies: o.movies }, label).toEqual({ users: DEMO.users, movies: DEMO.movies });
      }
    }
    expectHealthy(session);
    await session.context.close();
  });

  it('ends a load of dropped Files started on the Data page during a training, and a cancelled one at once; buttons enabled after, ratings unchanged', async () => {
    const session = await openApp(browser(), baseUrl, '#/data');
    const { page } = session;
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    await waitForModel(page);
    await importRatings(page, await popularOf(page, 'Drama', 2), 4);
    const before = await storedRatings(page);
    expect(before).toHaveLength(2);
    // Two loads that run to the end and one cancelled, each at another point of a fresh training.
    for (const [i, step] of (['load', 'cancel', 'load'] as const).entries()) {
      await page.getByTestId('nav-model').click();
      await page.getByTestId('train').click();
      await page.locator('[data-testid=model-status][data-state=training]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(400 * i);
      await page.getByTestId('nav-data').click();
      await page.getByTestId('file-input').setInputFiles(demoFilePayloads());
      await page.getByText('Loading 5 files…').first().waitFor({ timeout: 10_000 });
      if (step === 'cancel') {
        await page.waitForTimeout(150);
        const clicked = Date.now();
        await page.getByTestId('cancel-load').click();
        await expect.poll(() => page.getByTestId('load-error').textContent(), { timeout: CANCEL_BOUND_MS * 5 }).toBe('Loading was cancelled; the previous dataset is kept.');
        expect(Date.now() - clicked, 'cancel to message').toBeLessThan(CANCEL_BOUND_MS * 5);
      } else {
        await expect.poll(() => page.getByTestId('cancel-load').count(), { timeout: LOAD_BOUND_MS }).toBe(0);
        expect(await page.getByTestId('load-error').count(), `race ${i}`).toBe(0);
        expect(await page.getByTestId('count-movies').first().textContent()).toBe('2,987');
        expect(await page.getByTestId('count-ratings').first().textContent()).toBe('59,198');
      }
      await expectDataPageIdle(page);
      // The training ends as well (done or superseded): Train comes back.
      await page.getByTestId('nav-model').click();
      await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: LOAD_BOUND_MS }).toBe(true);
    }
    expect(await storedRatings(page)).toEqual(before);
    expectHealthy(session);
    await session.context.close();
  });
});
