// The CV measurement shared by svd-ml100k and svd-mlsmall: one 5-fold CV of 'svd' and
// 'svd-loop' in the worker while a long-task observer watches the page's main thread.
import type { Page } from 'playwright-core';
import type { BenchContext } from './harness';
import { openEngine } from './browser-session';
import { evaluateInPage, loadSiteFiles, longestTaskMs, rowOf, trainInPage, watchLongTasks } from './engine-page';

export async function cvMetrics(page: Page): Promise<Record<string, number>> {
  await watchLongTasks(page);
  const cv = await evaluateInPage(page, { kind: 'cv', nFolds: 5, seed: 0, algorithms: ['svd', 'svd-loop'] });
  const mainLongest = await longestTaskMs(page);
  const svd = rowOf(cv, 'svd'), loop = rowOf(cv, 'svd-loop');
  return {
    rmse: svd.rmse!,
    rmse_std: svd.rmseStd!,
    mae: svd.mae!,
    fcp: svd.fcp!,
    fit_s_mean: svd.fitMs / 1000,
    s_per_epoch: svd.msPerEpoch! / 1000,
    loop_s_per_epoch: loop.msPerEpoch! / 1000,
    loop_rmse: loop.rmse!,
    tf_vs_loop_ratio: svd.msPerEpoch! / loop.msPerEpoch!,
    // Surprise cannot be installed here; its SGD in TypeScript (20 epochs, same run) stands in
    // for its fit time: the goal is fit_vs_loop_fit ≤ 0.2.
    loop_fit_s_mean: loop.fitMs / 1000,
    fit_vs_loop_fit: svd.fitMs / loop.fitMs,
    main_longest_task_ms: mainLongest,
  };
}

/** s/epoch of 3 ALS epochs (app defaults) on each other backend that initialises; skipped after 120 s. */
export async function otherBackendEpochs(ctx: BenchContext, name: string, files: string[], backends: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const backend of backends) {
    const { page, info, close } = await openEngine({ ...ctx, env: {} }, backend);
    try {
      if (info.backend !== backend) continue;
      await loadSiteFiles(page, name, files);
      const timed = await Promise.race([
        trainInPage(page, { params: { nEpochs: 3 }, holdout: 0 }),
        new Promise<null>((r) => setTimeout(() => r(null), 120_000)),
      ]);
      if (timed) out[`s_per_epoch_${backend}`] = timed.epochs.reduce((s, e) => s + e.ms, 0) / timed.epochs.length / 1000;
    } catch (error) {
      console.warn(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await close();
    }
  }
  return out;
}
