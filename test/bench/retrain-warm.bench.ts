// retrain-warm: on ml-latest-small in the worker (wasm), a full training, then
// 20 new visitor ratings, then a warm-started retrain (WARM_EPOCHS from the
// current factors) against a full retrain from scratch with the same data.
// Metrics: seconds (warm), full_seconds, time_ratio, rmse_delta_vs_full.
import type { Page } from 'playwright-core';
import { HAS_DATA, NO_DATA_REASON } from '../support/data-dir';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import type { PageWindow } from './page-api';

let session: { page: Page; close: () => Promise<void> } | undefined;

export const retrainWarm: Benchmark = {
  name: 'retrain-warm',
  description: 'warm-started retrain after 20 new ratings vs a full retrain, ml-latest-small, wasm',
  repeats: 5,
  async setup(ctx) {
    if (!HAS_DATA) throw new Error(`retrain-warm needs ml-latest-small: ${NO_DATA_REASON}`);
    const opened = await openEngine(ctx, 'wasm');
    Object.assign(ctx.env, opened.info);
    session = opened;
    await opened.page.evaluate(async () => {
      const w = window as unknown as PageWindow;
      const files = ['movies.csv', 'links.csv', 'ratings.csv'].map((f) => ({ path: `data/ml-latest-small/${f}` }));
      await w.__streamrec.load({ kind: 'site', name: 'ml-latest-small', synthetic: false, files }, w.__streamrecProxy(() => {}));
    });
  },
  async run() {
    const result = await session!.page.evaluate(async () => {
      const w = window as unknown as PageWindow;
      const api = w.__streamrec;
      const noop = w.__streamrecProxy(() => {});
      await api.setVisitorRatings([]);
      await api.train({ holdout: 0.1 }, noop);
      // 20 new ratings: popular films, alternately loved and disliked.
      const popular = await api.recommend({ user: { kind: 'visitor' }, n: 20, filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false } });
      await api.setVisitorRatings(popular.items.map((m, j) => ({ key: m.key, rating: j % 2 ? 1.5 : 5, title: m.title, year: m.year, ratedAt: j })));
      const warm = await api.train({ holdout: 0.1, warm: true }, noop);
      const full = await api.train({ holdout: 0.1 }, noop);
      return { warm, full };
    });
    return {
      seconds: result.warm.fitMs / 1000,
      full_seconds: result.full.fitMs / 1000,
      time_ratio: result.warm.fitMs / result.full.fitMs,
      rmse_delta_vs_full: Math.abs(result.warm.validRmse! - result.full.validRmse!),
      warm_rmse: result.warm.validRmse!,
      full_rmse: result.full.validRmse!,
    };
  },
  async teardown() {
    await session?.close();
  },
};
