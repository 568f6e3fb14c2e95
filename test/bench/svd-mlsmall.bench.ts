// svd-mlsmall: seeded shuffled 5-fold CV on ml-latest-small (ratings.csv + movies.csv) in the
// engine worker on wasm, TF.js ALS beside Surprise on the same folds as in svd-ml100k; plus rmse_ratings_small,
// the same CV of the ALS trainer on the-movies-dataset ratings_small.csv (with links_small.csv).
// One repeat = the full 5-fold CVs (rmse = mean over the folds; seeded, identical across repeats).
import type { Page } from 'playwright-core';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { evaluateInPage, loadSiteFiles, rowOf } from './engine-page';
import { cvMetrics, prepareSurprisePeer, type SurprisePeer } from './svd-cv';

const ML_SMALL = ['data/ml-latest-small/ratings.csv', 'data/ml-latest-small/movies.csv'];
const RATINGS_SMALL = ['data/the-movies-dataset/ratings_small.csv', 'data/the-movies-dataset/links_small.csv'];
let session: { page: Page; close: () => Promise<void> } | undefined;
let peer: SurprisePeer | null = null;

export const svdMlsmall: Benchmark = {
  name: 'svd-mlsmall',
  description: 'ml-latest-small 5-fold shuffled CV (seed 0) of the TF.js ALS SVD beside Surprise on the same folds, plus ratings_small.csv, in the worker on wasm; one repeat = the full 5-fold CVs',
  repeats: 5,
  async setup(ctx) {
    const opened = await openEngine(ctx, 'wasm');
    if (opened.info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(opened.info)}`);
    Object.assign(ctx.env, opened.info);
    session = opened;
    peer = await prepareSurprisePeer('ml-latest-small', ML_SMALL);
  },
  async run() {
    const page = session!.page;
    await loadSiteFiles(page, 'ml-latest-small', ML_SMALL);
    const metrics = await cvMetrics(page, peer);
    await loadSiteFiles(page, 'ratings_small', RATINGS_SMALL);
    const small = await evaluateInPage(page, { kind: 'cv', nFolds: 5, seed: 0, algorithms: ['svd'] });
    metrics.rmse_ratings_small = rowOf(small, 'svd').rmse!;
    return metrics;
  },
  async teardown() {
    await session?.close();
  },
};
