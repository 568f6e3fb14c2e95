// svd-1m: seconds per ALS epoch (app defaults, k 100) on a generated 1,000,000-rating set shaped
// like MovieLens 1M (6,040 users, 3,706 items, ratings.dat format), trained in the worker on wasm.
// The file comes from scripts/generate-ratings.mjs (seed 1) into .cache/generated/ml1m/, served
// under generated/. One repeat = one 10-epoch fit without hold-out; s_per_epoch = mean over epochs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/data-dir';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { loadSiteFiles, longestTaskMs, trainInPage, watchLongTasks } from './engine-page';

const OUT = resolve(REPO_ROOT, '.cache/generated/ml1m-1000000/ratings.dat');
let session: { page: Page; close: () => Promise<void> } | undefined;

export const svd1m: Benchmark = {
  name: 'svd-1m',
  description: 'ALS s/epoch on a generated ML-1M-shaped set (1,000,000 ratings, 6,040 × 3,706), in the worker on wasm',
  repeats: 5,
  async setup(ctx) {
    if (!existsSync(OUT)) {
      mkdirSync(resolve(OUT, '..'), { recursive: true });
      execFileSync(process.execPath, [resolve(REPO_ROOT, 'scripts/generate-ratings.mjs'), '--out', OUT, '--format', 'ml1m', '--ratings', '1000000', '--users', '6040', '--items', '3706', '--seed', '1'], { stdio: 'inherit' });
    }
    const opened = await openEngine(ctx, 'wasm');
    if (opened.info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(opened.info)}`);
    Object.assign(ctx.env, opened.info);
    session = opened;
    const summary = await loadSiteFiles(opened.page, 'ml1m-synthetic', ['generated/ml1m-1000000/ratings.dat']);
    if (summary.ratings !== 1_000_000) throw new Error(`expected 1,000,000 ratings, loaded ${summary.ratings}`);
  },
  async run() {
    const page = session!.page;
    // Reloaded per repeat: the app itself may load its demo data into the same worker after start-up.
    await loadSiteFiles(page, 'ml1m-synthetic', ['generated/ml1m-1000000/ratings.dat']);
    await watchLongTasks(page);
    const { result, epochs } = await trainInPage(page, { params: { nEpochs: 10 }, holdout: 0 });
    const mainLongest = await longestTaskMs(page);
    const ms = epochs.map((e) => e.ms);
    return {
      s_per_epoch: ms.reduce((a, b) => a + b, 0) / ms.length / 1000,
      s_per_epoch_after_first: ms.slice(1).reduce((a, b) => a + b, 0) / (ms.length - 1) / 1000,
      fit_s: result.fitMs / 1000,
      main_longest_task_ms: mainLongest,
    };
  },
  async teardown() {
    await session?.close();
  },
};
