// The ETL through the real worker in Chromium: real files load with the exact counts the unit
// tests pin (test/unit/etl/real-data.test.ts, computed independently with python3's csv), a
// cancelled load rejects with AbortError and keeps the previous dataset, and a binary file
// fails with an error that names it.
//
// The app's UI opens the demo data at start and trains on it; the demo files answer 404 here so
// the UI's own load cannot land between (or replace) the datasets these tests load.
import { mkdirSync, existsSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EtlReport, LoadResult, MovieCard, RecommendationList } from '../../src/engine/api';
import { launchChrome } from '../support/browser';
import { HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../support/data-dir';
import { describeIf } from '../support/skip';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** A 3,000,000-row ratings.csv (~80 MB): big enough that a cancel lands mid-stream. */
const BIG_DIR = resolve(REPO_ROOT, '.cache/generated/e2e');
const BIG_FILE = resolve(BIG_DIR, 'ratings.csv');
const BIG_ROWS = 3_000_000;

function writeBigRatings(): void {
  if (existsSync(BIG_FILE) && statSync(BIG_FILE).size > 50_000_000) return;
  mkdirSync(BIG_DIR, { recursive: true });
  const fd = openSync(BIG_FILE, 'w');
  writeSync(fd, 'userId,movieId,rating,timestamp\n');
  const lines: string[] = [];
  for (let i = 0; i < BIG_ROWS; i++) {
    lines.push(`${1 + (i >> 7)},${1 + ((i * 7919) % 9000)},${1 + (i % 9) / 2},${1_100_000_000 + i}\n`);
    if (lines.length === 100_000) {
      writeSync(fd, lines.join(''));
      lines.length = 0;
    }
  }
  writeSync(fd, lines.join(''));
  closeSync(fd);
}

type LoadOutcome = { ok: true; result: LoadResult } | { ok: false; name: string; message: string };

async function load(request: { name: string; paths: string[] } | { files: { name: string; bytes: number[] }[] }, cancelOnFirstProgress = false): Promise<LoadOutcome> {
  return page.evaluate(
    async ({ request, cancelOnFirstProgress }) => {
      const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
      const api = w.__streamrec;
      const jobId = `e2e-${Math.random()}`;
      const body =
        'paths' in request
          ? { kind: 'site', name: request.name, synthetic: false, files: request.paths.map((path) => ({ path })) }
          : { kind: 'files', files: request.files.map((f) => new File([new Uint8Array(f.bytes)], f.name)) };
      let cancelled = false;
      try {
        const result = await api.load(
          body,
          w.__streamrecProxy(() => {
            // The first progress call means the ETL is streaming: cancel now, mid-file.
            if (cancelOnFirstProgress && !cancelled) {
              cancelled = true;
              void api.cancel(jobId);
            }
          }),
          { jobId },
        );
        return { ok: true as const, result };
      } catch (error) {
        const e = error as { name?: string; message?: string };
        return { ok: false as const, name: String(e.name), message: String(e.message) };
      }
    },
    { request, cancelOnFirstProgress },
  );
}

function loaded(outcome: LoadOutcome): LoadResult {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.name}: ${outcome.message}`);
  return outcome.result;
}

function file(report: EtlReport, suffix: string) {
  const f = report.files.find((x) => x.file.endsWith(suffix));
  if (!f) throw new Error(`no report for ${suffix}: ${report.files.map((x) => x.file).join(', ')}`);
  return f;
}

function counts(reasons: Record<string, { count: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, v.count]));
}

beforeAll(async () => {
  writeBigRatings();
  browser = await launchChrome();
  context = await browser.newContext();
  await context.route(/\/demo\//, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'e2e: no demo data' }));
  page = await context.newPage();
  await page.goto(baseUrl);
  await page.waitForFunction(() => '__streamrecBackend' in window);
  await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<unknown> }).__streamrecBackend);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('a binary file', () => {
  it('fails the load with an error that names the file and says why', async () => {
    const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)];
    const outcome = await load({ files: [{ name: 'poster.png', bytes }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.name).toBe('EtlError');
    expect(outcome.message).toContain('poster.png');
    expect(outcome.message).toContain('binary');
  });
});

describeIf(HAS_DATA, NO_DATA_REASON)('real files through the worker', () => {
  it('ml-latest-small: 610 users, 9,742 movies, 100,836 ratings; links 9,734 / 9,742; 34 without genres, 12 without a year', async () => {
    const dir = 'data/ml-latest-small/';
    const { report, summary, fromCache } = loaded(await load({ name: 'ml-latest-small', paths: ['movies.csv', 'links.csv', 'ratings.csv', 'tags.csv', 'README.txt'].map((f) => dir + f) }));
    expect(fromCache).toBe(false);
    expect([summary.users, summary.movies, summary.ratings]).toEqual([610, 9742, 100836]);
    expect(report.dataset).toMatchObject({ users: 610, movies: 9742, ratings: 100836, scale: [0.5, 5] });
    expect(report.joins.find((j) => j.name.startsWith('ratings items → catalogue'))).toMatchObject({ total: 9724, matched: 9724 });
    expect(report.joins.find((j) => j.name.startsWith('movies → links'))).toMatchObject({ total: 9742, matched: 9734 });
    expect(counts(file(report, 'movies.csv').repairs)).toEqual({ 'no genres listed': 34, 'no year in title (year 0)': 12 });
    expect(file(report, 'tags.csv')).toMatchObject({ format: 'ml-tags-csv', used: true, rowsRead: 3683, kept: 3683 });
    expect(file(report, 'README.txt')).toMatchObject({ format: 'documentation', used: false });
  });

  it('the spreadsheet sample of The Movies Dataset: 1,651 of 45,466 rows kept; credits 35/35 and keywords 57/57 join', async () => {
    const dir = 'data/the-movies-dataset/excel-resaved-sample/';
    const { report, summary } = loaded(await load({ name: 'tmdb-sample', paths: ['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => dir + f) }));
    expect(summary.movies).toBe(1651);
    const meta = file(report, 'movies_metadata.csv');
    expect([meta.rowsRead, meta.kept, meta.dropped]).toEqual([45466, 1651, 43815]);
    expect(counts(meta.dropReasons)).toEqual({ 'empty row': 43814, 'duplicate id': 1 });
    expect(counts(meta.repairs)).toEqual({ 'whitespace trimmed/collapsed in title': 2, 'missing release date (year 0)': 2 });
    const credits = file(report, 'credits.csv');
    expect([credits.rowsRead, credits.kept, credits.dropped]).toEqual([35, 35, 0]);
    expect(report.joins.find((j) => j.name.startsWith('credits → movies'))).toMatchObject({ total: 35, matched: 35, rate: 1 });
    const keywords = file(report, 'keywords.csv');
    expect([keywords.rowsRead, keywords.kept, keywords.dropped]).toEqual([57, 57, 0]);
    expect(report.joins.find((j) => j.name.startsWith('keywords → movies'))).toMatchObject({ total: 57, matched: 57 });
  });

  it('a load cancelled mid-stream rejects with AbortError and the previous dataset keeps answering', async () => {
    loaded(await load({ name: 'ml-latest-small', paths: ['data/ml-latest-small/movies.csv', 'data/ml-latest-small/ratings.csv'] }));
    const outcome = await load({ name: 'big', paths: ['generated/e2e/ratings.csv'] }, true);
    expect(outcome.ok, 'the cancelled load resolved').toBe(false);
    if (outcome.ok) return;
    expect(outcome.name).toBe('AbortError');
    const found = await page.evaluate(() => (window as unknown as { __streamrec: { search: (t: string, n: number) => Promise<MovieCard[]> } }).__streamrec.search('Toy Story', 3));
    expect(found.map((c) => `${c.title} (${c.year})`)).toContain('Toy Story (1995)');
    const list = await page.evaluate(() =>
      (window as unknown as { __streamrec: { recommend: (q: unknown) => Promise<RecommendationList> } }).__streamrec.recommend({
        user: { kind: 'dataset', userId: 1 },
        n: 5,
        filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false },
      }),
    );
    // Titles prove which dataset answers: the cancelled file would have made "Movie <id>" entries.
    expect(list.userFound).toBe(true);
    expect(list.items).toHaveLength(5);
  });
});
