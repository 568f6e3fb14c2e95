// Evaluation as the engine runs it: seeded shuffled k-fold RMSE/MAE/FCP (Surprise's
// cross_validate) or one seeded split with full-ranking top-k metrics of the served
// pipeline (rank() over the algorithm's Recommender), for the TF.js SVD against the TS
// SGD oracle and the baselines, reporting progress per fold and algorithm.
import type { RatingsCoo } from '../dataset/dataset';
import { itemRatingStats } from '../eda/weighted-score';
import { evaluatePredictor, crossValidate } from '../eval/cross-validate';
import { rankingMetrics } from '../eval/ranking';
import { servedRankingMetrics } from '../eval/served-ranking';
import { trainTestSplit } from '../eval/split';
import { throwIfAborted, yieldToEventLoop } from '../model/abort';
import { mostPopular, normalPredictor, svdPredictor, trainBaselineOnly, trainGlobalMean, type RatingPredictor } from '../model/baselines';
import { defaultSvdParams, rankingSvdParams } from '../model/default-svd-params';
import { trainSvd } from '../model/train-svd';
import type { SvdModel } from '../model/svd-model';
import { trainSvdLoop } from '../model/train-svd-loop';
import type { Recommender, RecommenderContext } from '../recommend/recommender';
import { createRecommender } from '../recommend/recommenders';
import type { AlgorithmName, BackendName, EvaluateProgress, EvaluateRequest, EvaluationResult, EvaluationRow, SvdParams } from './api';
import type { Session } from './session';

/** Algorithms that predict ratings (everything but most-popular, which only ranks). */
const RATING_ALGORITHMS: readonly AlgorithmName[] = ['svd', 'svd-loop', 'baseline-only', 'global-mean', 'random'];

export const DEFAULT_CV_ALGORITHMS: readonly AlgorithmName[] = ['svd', 'baseline-only', 'global-mean', 'random'];
export const DEFAULT_RANKING_ALGORITHMS: readonly AlgorithmName[] = ['svd', 'baseline-only', 'most-popular', 'random'];

interface FitContext {
  nUsers: number;
  nItems: number;
  scale: readonly [number, number];
  svdParams: Partial<SvdParams>;
  seed: number;
  signal: AbortSignal;
  /** Epoch times of the iterative trainers, appended per fit. */
  epochMs: number[];
}

/** A fitted algorithm: its rating predictor, and the served recommender when it is a model the app can serve. */
interface Fitted {
  predictor: RatingPredictor;
  recommender?: (context: RecommenderContext) => Recommender;
}

const served = (model: SvdModel, name: string): Fitted => ({
  predictor: svdPredictor(model, name),
  recommender: (context) => createRecommender('mf', model, context),
});

/** The fit function of one algorithm. */
function fitterFor(algorithm: AlgorithmName, ctx: FitContext): (train: RatingsCoo) => Promise<Fitted> | Fitted {
  const { nUsers, nItems, scale } = ctx;
  switch (algorithm) {
    case 'svd':
      return async (train) => served(await trainSvd(train, nUsers, nItems, scale, ctx.svdParams, { signal: ctx.signal, onEpoch: (e) => ctx.epochMs.push(e.ms) }), 'svd');
    case 'svd-loop':
      // Surprise's SVD with its own defaults (k 100, 20 epochs, lr 0.005, reg 0.02): the
      // benchmark baseline the TF.js trainer is compared against. Synchronous: cancel is
      // honoured before and after it, not inside.
      return (train) => {
        throwIfAborted(ctx.signal);
        return served(trainSvdLoop(train, nUsers, nItems, scale, { solver: 'sgd', seed: ctx.seed }, { onEpoch: (e) => ctx.epochMs.push(e.ms) }), 'svd-loop');
      };
    case 'baseline-only':
      return (train) => served(trainBaselineOnly(train, nUsers, nItems, scale), 'baseline-only');
    case 'global-mean':
      return (train) => served(trainGlobalMean(train, nUsers, nItems, scale), 'global-mean');
    case 'random':
      return (train) => ({ predictor: normalPredictor(train, scale, ctx.seed) });
    case 'most-popular':
      return (train) => {
        const counts = Float32Array.from(itemRatingStats(nItems, train).counts);
        return { predictor: mostPopular(train, nItems), recommender: (context) => createRecommender('popularity', { scores: counts }, context) };
      };
  }
}

function mean(values: number[]): number | undefined {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

export async function evaluateSession(
  session: Session,
  backend: BackendName,
  request: EvaluateRequest,
  onProgress: (p: EvaluateProgress) => void,
  signal: AbortSignal,
): Promise<Omit<EvaluationResult, 'notice'>> {
  const { dataset } = session;
  const data: RatingsCoo = dataset.ratings;
  const seed = request.seed ?? 0;
  const kind = request.kind;
  const requested = request.algorithms ?? (kind === 'cv' ? DEFAULT_CV_ALGORITHMS : DEFAULT_RANKING_ALGORITHMS);
  // Deduplicated, in the caller's order; most-popular has no rating estimate, so no RMSE.
  const algorithms = [...new Set(requested)].filter((a) => kind === 'ranking' || RATING_ALGORITHMS.includes(a));
  const base = kind === 'cv' ? defaultSvdParams(data.length) : rankingSvdParams(data.length);
  const svdParams: Partial<SvdParams> = { ...base, ...request.params };
  const fitBase = { nUsers: dataset.userRawIds.length, nItems: dataset.catalog.size, scale: dataset.scale, svdParams, seed, signal };
  const rows: EvaluationRow[] = [];
  throwIfAborted(signal);

  if (kind === 'cv') {
    const nFolds = request.nFolds ?? 5;
    const total = nFolds * algorithms.length;
    for (const [a, algorithm] of algorithms.entries()) {
      const ctx: FitContext = { ...fitBase, epochMs: [] };
      const fit = fitterFor(algorithm, ctx);
      let fold = 0;
      onProgress({ step: `${algorithm}: fold 1 of ${nFolds}`, done: a * nFolds, total });
      const cv = await crossValidate(
        async (train) => {
          const { predictor } = await fit(train);
          fold++;
          // Reported after the fit; the test predictions that follow are fast.
          onProgress({ step: fold < nFolds ? `${algorithm}: fold ${fold + 1} of ${nFolds}` : `${algorithm}: done`, done: a * nFolds + fold, total });
          await yieldToEventLoop();
          throwIfAborted(signal);
          return predictor;
        },
        data,
        { nFolds, seed, signal },
      );
      rows.push({
        algorithm,
        rmse: cv.mean.rmse,
        rmseStd: cv.std.rmse,
        mae: cv.mean.mae,
        fcp: cv.mean.fcp,
        fitMs: cv.mean.fitMs,
        msPerEpoch: mean(ctx.epochMs),
      });
    }
  } else {
    const { train, test } = trainTestSplit(data, request.testSize ?? 0.2, seed);
    const k = request.k ?? 10;
    const total = algorithms.length;
    for (const [a, algorithm] of algorithms.entries()) {
      onProgress({ step: `${algorithm}: fit and rank`, done: a, total });
      const ctx: FitContext = { ...fitBase, epochMs: [] };
      const t0 = performance.now();
      const { predictor, recommender } = await fitterFor(algorithm, ctx)(train);
      const fitMs = performance.now() - t0;
      await yieldToEventLoop();
      throwIfAborted(signal);
      // A servable model is measured through the served pipeline; random has no recommender.
      const context: RecommenderContext = { catalog: dataset.catalog, ratingCounts: itemRatingStats(fitBase.nItems, train).counts, newItems: new Set() };
      const catalogue = { catalog: dataset.catalog, votes: session.votes, newItems: context.newItems };
      const options = { k, threshold: 4.0 };
      const ranking = recommender ? servedRankingMetrics(recommender(context), train, test, catalogue, options) : rankingMetrics(predictor, train, test, fitBase.nItems, options);
      const row: EvaluationRow = {
        algorithm,
        precision: ranking.precision,
        recall: ranking.recall,
        ndcg: ranking.ndcg,
        map: ranking.map,
        coverage: ranking.coverage,
        fitMs,
        msPerEpoch: mean(ctx.epochMs),
      };
      if (algorithm !== 'most-popular' && test.length) {
        const accuracy = evaluatePredictor(predictor, test, false);
        row.rmse = accuracy.rmse;
        row.mae = accuracy.mae;
      }
      rows.push(row);
      await yieldToEventLoop();
      throwIfAborted(signal);
    }
    onProgress({ step: 'done', done: total, total });
  }
  return { kind, rows, ratings: data.length, backend };
}
