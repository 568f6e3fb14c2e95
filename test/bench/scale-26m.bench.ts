// scale-26m: The Movies Dataset's full ratings.csv size (26,024,289 generated ratings, Kaggle schema,
// 270,000 users × 45,000 items, 713 MB; scripts/generate-ratings.mjs --seed 1) through the worker.
// Every repeat loads it in a fresh browser context (empty IndexedDB: the ETL really runs), measured
// by etl-load.ts's measureLoad (worker heap sampled over CDP). The first repeat also opens one more
// fresh context on wasm, loads again and trains one ALS epoch (k = 32), then times 200 visitor
// fold-ins + top-20; main_longest_task_ms covers that load + train. Training metrics therefore have
// one value (later repeats return NaN, which the harness leaves out).
import type { Page } from 'playwright-core';
import type { EtlReport, LoadResult, TrainResult } from '../../src/engine/api';
import { browser } from './browser-session';
import { MB, measureLoad } from './etl-load';
import { ensureGenerated } from './generated';
import type { BenchContext, Benchmark } from './harness';
import { quantile } from './harness';
import type { PageWindow } from './page-api';

export const KAGGLE_RATINGS = 26_024_289;
const KAGGLE_USERS = 270_000;

/** Generates NAME/ratings.csv with `ratings` rows, users scaled with it (≈96 ratings per user at every size). */
export function ensureRatings(name: string, ratings: number): string {
  const users = Math.round((KAGGLE_USERS * ratings) / KAGGLE_RATINGS);
  return ensureGenerated(name, [['scripts/generate-ratings.mjs', '--out', '{dir}/ratings.csv', '--schema', 'kaggle', '--ratings', String(ratings), '--users', String(users), '--seed', '1']]);
}

/** A fresh context on the built app (wasm backend) whose demo data answers 404, so the worker is idle and empty. */
export async function openIdleEngine(ctx: BenchContext): Promise<{ page: Page; close: () => Promise<void> }> {
  const b = await browser();
  ctx.env.browser = b.version();
  const context = await b.newContext();
  let demoRequests = 0;
  await context.route(/\/demo\//, (route) => {
    demoRequests++;
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'benchmark: no demo data' });
  });
  const page = await context.newPage();
  await page.goto(new URL('?backend=wasm', ctx.baseUrl).href);
  await page.waitForFunction(() => '__streamrecBackend' in window);
  const info = await page.evaluate(() => (window as unknown as PageWindow).__streamrecBackend);
  if (info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(info)}`);
  Object.assign(ctx.env, info);
  for (let waited = 0; demoRequests === 0 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  return { page, close: () => context.close() };
}

export interface LoadTrainResult {
  report: EtlReport;
  fromCache: boolean;
  etlMs: number;
  /** The first (only) epoch's ms, NaN when training failed (the error is in `trainError`). */
  epochMs: number;
  trainError: string | null;
  longestTaskMs: number;
}

/** In the page: load `path` (synthetic site data), then train one epoch; the page's longest task over both. */
export async function loadAndTrain(page: Page, name: string, path: string, nFactors: number): Promise<LoadTrainResult> {
  return page.evaluate(async ({ name, path, nFactors }) => {
    const w = window as unknown as PageWindow;
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const loaded: LoadResult = await w.__streamrec.load({ kind: 'site', name, synthetic: true, files: [{ path }] }, w.__streamrecProxy(() => {}));
    let epochMs = NaN;
    let trainError: string | null = null;
    try {
      const result: TrainResult = await w.__streamrec.train({ params: { nEpochs: 1, nFactors }, holdout: 0 }, w.__streamrecProxy(() => {}));
      epochMs = result.epochs[0]?.ms ?? NaN;
    } catch (e) {
      trainError = String((e as Error)?.message ?? e);
    }
    await new Promise((r) => setTimeout(r, 100)); // long-task entries arrive asynchronously
    observer.disconnect();
    return { report: loaded.report, fromCache: loaded.fromCache, etlMs: loaded.report.durationMs, epochMs, trainError, longestTaskMs: longest };
  }, { name, path, nFactors });
}

/** 200 visitors (after 20 warm-up): setVisitorRatings with 10 ratings + a personalised top-20, timed from the page. */
export async function foldInTimes(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const api = (window as unknown as PageWindow).__streamrec;
    const all = { genres: [], genreMode: 'any' as const, minVotes: 0, includeRated: false };
    const pool = await api.recommend({ user: { kind: 'visitor' }, n: 400, filter: all });
    const ms: number[] = [];
    for (let v = 0; v < 220; v++) {
      const ratings = Array.from({ length: 10 }, (_, j) => {
        const m = pool.items[(v * 37 + j * 101) % pool.items.length]!;
        return { key: m.key, rating: 1 + ((v + j) % 9) / 2, title: m.title, year: m.year, ratedAt: j };
      });
      const start = performance.now();
      await api.setVisitorRatings(ratings);
      const list = await api.recommend({ user: { kind: 'visitor' }, n: 20, filter: all });
      const elapsed = performance.now() - start;
      if (list.items.length !== 20 || !list.personalised) throw new Error('expected 20 personalised recommendations');
      if (v >= 20) ms.push(elapsed);
    }
    return ms;
  });
}

const NAME = 'scale-26m';
const PATH = `generated/${NAME}/ratings.csv`;
let repeat = 0;
/** The training context's backend: the ETL-only contexts use the default backend (the ETL needs none), the env should name wasm. */
let wasmEnv: Record<string, unknown> | undefined;

export const scale26m: Benchmark = {
  name: NAME,
  description: '26,024,289 generated ratings (Kaggle schema) through the worker ETL ×5 fresh contexts; once: 1 ALS epoch k = 32 on wasm + 200 fold-ins',
  repeats: Number(process.env.SCALE_26M_REPEATS ?? 5),
  async setup() {
    ensureRatings(NAME, KAGGLE_RATINGS);
    repeat = 0;
  },
  async run(ctx) {
    const m = await measureLoad(ctx, NAME, [PATH]);
    if (wasmEnv) Object.assign(ctx.env, wasmEnv);
    const d = m.report.dataset;
    if (d.ratings !== KAGGLE_RATINGS) throw new Error(`expected ${KAGGLE_RATINGS} ratings, the ETL kept ${d.ratings}`);
    const metrics: Record<string, number> = {
      etl_s: m.report.durationMs / 1000,
      load_call_s: m.callMs / 1000,
      bytes_per_rating: d.typedArrayBytes / d.ratings,
      peak_heap_mb: m.peakHeapBytes / MB,
      baseline_heap_mb: m.baselineHeapBytes / MB,
      etl_main_longest_task_ms: m.longestTaskMs,
      epoch_s: NaN,
      foldin_ms_p50: NaN,
      foldin_ms_p95: NaN,
      main_longest_task_ms: NaN,
    };
    console.log(`  ${NAME} repeat ${repeat + 1}: etl ${metrics.etl_s!.toFixed(1)} s, ${metrics.bytes_per_rating!.toFixed(2)} B/rating, peak heap ${metrics.peak_heap_mb!.toFixed(0)} MB`);
    if (repeat++ === 0) {
      const session = await openIdleEngine(ctx);
      wasmEnv = { ...ctx.env };
      try {
        const t = await loadAndTrain(session.page, NAME, PATH, 32);
        if (t.fromCache) throw new Error('the training context loaded from the IndexedDB cache');
        metrics.main_longest_task_ms = t.longestTaskMs;
        metrics.epoch_s = t.epochMs / 1000;
        if (t.trainError) console.log(`  ${NAME}: training failed: ${t.trainError}`);
        else {
          console.log(`  ${NAME}: epoch ${metrics.epoch_s.toFixed(1)} s, main thread longest task ${t.longestTaskMs} ms`);
          const times = await foldInTimes(session.page);
          metrics.foldin_ms_p50 = quantile(times, 0.5);
          metrics.foldin_ms_p95 = quantile(times, 0.95);
        }
      } finally {
        await session.close();
      }
    }
    return metrics;
  },
};
