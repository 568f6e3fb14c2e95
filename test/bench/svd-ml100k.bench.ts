// svd-ml100k: seeded shuffled 5-fold CV on ml-100k u.data in the engine worker on wasm,
// the TF.js ALS trainer (app defaults), the TS Surprise-SGD loop (a reference) and Surprise
// itself on the same folds, in the same run. One repeat = the full 5-fold CV (rmse/mae = mean
// over the folds; seeded, so identical across repeats); timings vary per repeat.
// fit_vs_surprise_svd = StreamRec's mean fit ÷ Surprise SVD's (defaults), same repeat.
// On its first repeat it also times 3 ALS epochs on every other backend that initialises.
import type { Page } from 'playwright-core';
import { BACKENDS } from '../../src/model/backend-names';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { loadSiteFiles } from './engine-page';
import { cvMetrics, otherBackendEpochs, prepareSurprisePeer, type SurprisePeer } from './svd-cv';

const FILES = ['data/ml-100k/u.data', 'data/ml-100k/u.item'];
let session: { page: Page; close: () => Promise<void> } | undefined;
let first = true;
let peer: SurprisePeer | null = null;

export const svdMl100k: Benchmark = {
  name: 'svd-ml100k',
  description: 'ml-100k 5-fold shuffled CV (seed 0) of the TF.js ALS SVD in the worker on wasm, beside Surprise SVD/SVD++ on the same folds; one repeat = one full 5-fold CV',
  repeats: 5,
  async setup(ctx) {
    const opened = await openEngine(ctx, 'wasm');
    if (opened.info.backend !== 'wasm') throw new Error(`wasm did not initialise: ${JSON.stringify(opened.info)}`);
    Object.assign(ctx.env, opened.info);
    session = opened;
    first = true;
    peer = await prepareSurprisePeer('ml-100k', FILES);
  },
  async run(ctx) {
    // Loaded per repeat: the app itself may load its demo data into the same worker after start-up.
    await loadSiteFiles(session!.page, 'ml-100k', FILES);
    const metrics = await cvMetrics(session!.page, peer);
    if (first) {
      first = false;
      Object.assign(metrics, await otherBackendEpochs(ctx, 'ml-100k', FILES, BACKENDS.filter((b) => b !== 'wasm')));
    }
    return metrics;
  },
  async teardown() {
    await session?.close();
  },
};
