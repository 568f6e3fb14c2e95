// rank-mlsmall: top-10 full ranking on ml-latest-small, one seeded 80/20 split (seed 0):
// every item the user did not rate in training is a candidate, test ratings ≥ 4.0 are
// relevant. The SVD is the app's ranking setting (ALS with the implicit-feedback term,
// rankingSvdParams); pop_ndcg10 is most-popular on the same split. Goal: ndcg10 ≥ 1.25 × pop_ndcg10.
import type { Page } from 'playwright-core';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { evaluateInPage, loadSiteFiles, rowOf } from './engine-page';

let session: { page: Page; close: () => Promise<void> } | undefined;

export const rankMlsmall: Benchmark = {
  name: 'rank-mlsmall',
  description: 'ml-latest-small top-10 full ranking, seeded 80/20 split, ranking-aware ALS SVD vs most-popular, in the worker on wasm',
  repeats: 5,
  async setup(ctx) {
    const opened = await openEngine(ctx, 'wasm');
    if (opened.info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(opened.info)}`);
    Object.assign(ctx.env, opened.info);
    session = opened;
  },
  async run() {
    // Loaded per repeat: the app itself may load its demo data into the same worker after start-up.
    await loadSiteFiles(session!.page, 'ml-latest-small', ['data/ml-latest-small/ratings.csv', 'data/ml-latest-small/movies.csv']);
    const result = await evaluateInPage(session!.page, { kind: 'ranking', testSize: 0.2, k: 10, seed: 0, algorithms: ['svd', 'most-popular'] });
    const svd = rowOf(result, 'svd'), pop = rowOf(result, 'most-popular');
    return {
      ndcg10: svd.ndcg!,
      precision10: svd.precision!,
      recall10: svd.recall!,
      map10: svd.map!,
      coverage10: svd.coverage!,
      pop_ndcg10: pop.ndcg!,
      pop_precision10: pop.precision!,
      ndcg_vs_pop: svd.ndcg! / pop.ndcg!,
      fit_s: svd.fitMs / 1000,
    };
  },
  async teardown() {
    await session?.close();
  },
};
