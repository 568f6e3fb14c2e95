// The CV measurement shared by svd-ml100k and svd-mlsmall: one 5-fold CV of 'svd' and
// 'svd-loop' in the worker while a long-task observer watches the page's main thread, and
// Surprise, the peer, on the same folds in the same run.
import type { Page } from 'playwright-core';
import { dataPath } from '../support/data-dir';
import type { BenchContext } from './harness';
import { openEngine } from './browser-session';
import { evaluateInPage, loadSiteFiles, longestTaskMs, rowOf, trainInPage, watchLongTasks } from './engine-page';
import { loadForPeers, mean, prepareSurprise, runSurprise, writeFolds, type SurpriseSpec } from './peers/surprise';

const N_FOLDS = 5;
const SEED = 0;
/** Surprise's SVD as shipped: timed in every repeat, beside StreamRec's fit. */
const SURPRISE_SVD: SurpriseSpec = { name: 'surprise_svd', algo: 'SVD' };
/** Run once per benchmark: their accuracy is deterministic and SVD++ takes ~10 s per fold. */
const SURPRISE_ONCE: SurpriseSpec[] = [
  { name: 'surprise_svd_tuned', algo: 'SVD', params: { n_factors: 200, n_epochs: 40, lr_all: 0.01, reg_all: 0.1 } },
  { name: 'surprise_svdpp', algo: 'SVDpp' },
];

export interface SurprisePeer {
  foldDir: string;
  scale: readonly [number, number];
  /** Metrics of the once-run specs (rmse and fit seconds per spec). */
  once: Record<string, number>;
}

/**
 * Builds Surprise, writes the engine's folds for these files (site paths under data/, as the page
 * loads them, or absolute paths) and runs the once-only specs; null (with the reason printed)
 * when Surprise cannot run here.
 */
export async function prepareSurprisePeer(name: string, files: string[], once: SurpriseSpec[] = SURPRISE_ONCE): Promise<SurprisePeer | null> {
  const reason = prepareSurprise();
  if (reason) {
    console.warn(`[svd ${name}] Surprise columns skipped: ${reason}`);
    return null;
  }
  const dataset = await loadForPeers(files.map((f) => (f.startsWith('data/') ? dataPath(f.slice('data/'.length)) : f)));
  const foldDir = writeFolds(name, dataset, N_FOLDS, SEED);
  const metrics: Record<string, number> = {};
  for (const [spec, folds] of Object.entries(runSurprise(foldDir, N_FOLDS, dataset.scale, once))) {
    metrics[`${spec}_rmse`] = mean(folds.map((f) => f.rmse));
    metrics[`${spec}_fit_s`] = mean(folds.map((f) => f.fit_s));
  }
  return { foldDir, scale: dataset.scale, once: metrics };
}

/** Surprise SVD on the same folds now, and StreamRec's fit and RMSE against every peer column. */
function surpriseMetrics(peer: SurprisePeer, fitS: number, rmse: number): Record<string, number> {
  const svd = runSurprise(peer.foldDir, N_FOLDS, peer.scale, [SURPRISE_SVD])[SURPRISE_SVD.name]!;
  const m: Record<string, number> = { ...peer.once, surprise_svd_rmse: mean(svd.map((f) => f.rmse)), surprise_svd_fit_s: mean(svd.map((f) => f.fit_s)) };
  const peerRmses = Object.entries(m).filter(([k]) => k.endsWith('_rmse')).map(([, v]) => v);
  m.fit_vs_surprise_svd = fitS / m.surprise_svd_fit_s!;
  // Every peer column of the run, not only Surprise's SVDs (svd-sparse adds BaselineOnly and KNNBaseline).
  m.rmse_minus_best_surprise = rmse - Math.min(...peerRmses);
  return m;
}

export async function cvMetrics(page: Page, peer: SurprisePeer | null): Promise<Record<string, number>> {
  await watchLongTasks(page);
  const cv = await evaluateInPage(page, { kind: 'cv', nFolds: N_FOLDS, seed: SEED, algorithms: ['svd', 'svd-loop'] });
  const mainLongest = await longestTaskMs(page);
  const svd = rowOf(cv, 'svd'), loop = rowOf(cv, 'svd-loop');
  return {
    rmse: svd.rmse!,
    rmse_std: svd.rmseStd!,
    mae: svd.mae!,
    fcp: svd.fcp!,
    fit_s_mean: svd.fitMs / 1000,
    s_per_epoch: svd.msPerEpoch! / 1000,
    // The TS loop is a reference implementation of Surprise's SGD (a correctness oracle),
    // not the peer: the peer is Surprise itself, below.
    loop_rmse: loop.rmse!,
    loop_fit_s_mean: loop.fitMs / 1000,
    main_longest_task_ms: mainLongest,
    ...(peer ? surpriseMetrics(peer, svd.fitMs / 1000, svd.rmse!) : {}),
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
