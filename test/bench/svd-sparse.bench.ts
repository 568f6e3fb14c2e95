// svd-sparse: seeded shuffled 5-fold CV on a sparse cut of ml-latest-small (scripts/
// make-sparse-ratings.mjs: 70% of users keep one or two ratings, the rest a third of theirs,
// so about two thirds of users and 70% of movies have ≤ 2 ratings), in the engine worker on
// wasm, beside Surprise SVD, SVD++, BaselineOnly and KNNBaseline on the same folds.
// rmse_minus_best_surprise < 0 means StreamRec's default beats every one of them.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { dataPath } from '../support/data-dir';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { loadSiteFiles } from './engine-page';
import { ensureGenerated, GENERATED_ROOT } from './generated';
import { cvMetrics, prepareSurprisePeer, type SurprisePeer } from './svd-cv';

const NAME = 'sparse-mlsmall';
const FILES = ['ratings.csv', 'movies.csv'];
let session: { page: Page; close: () => Promise<void> } | undefined;
let peer: SurprisePeer | null = null;

export const svdSparse: Benchmark = {
  name: 'svd-sparse',
  description: 'sparse cut of ml-latest-small (≈ 70% of users and movies with ≤ 2 ratings), 5-fold shuffled CV (seed 0) in the worker on wasm, beside Surprise SVD, SVD++, BaselineOnly and KNNBaseline on the same folds',
  repeats: 5,
  async setup(ctx) {
    ensureGenerated(NAME, [['scripts/make-sparse-ratings.mjs', dataPath('ml-latest-small'), '{dir}']]);
    const opened = await openEngine(ctx, 'wasm');
    if (opened.info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(opened.info)}`);
    Object.assign(ctx.env, opened.info);
    session = opened;
    peer = await prepareSurprisePeer(NAME, FILES.map((f) => resolve(GENERATED_ROOT, NAME, f)), [
      { name: 'surprise_svdpp', algo: 'SVDpp' },
      { name: 'surprise_baseline_only', algo: 'BaselineOnly' },
      { name: 'surprise_knn_baseline', algo: 'KNNBaseline' },
    ]);
  },
  async run() {
    await loadSiteFiles(session!.page, NAME, FILES.map((f) => `generated/${NAME}/${f}`));
    return cvMetrics(session!.page, peer);
  },
  async teardown() {
    await session?.close();
  },
};
