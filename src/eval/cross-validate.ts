// Surprise's cross_validate: fit on each of k seeded folds, measure RMSE, MAE and FCP
// on the held-out fold, report per fold and mean ± std.

import { ratingValues, type RatingsCoo } from '../dataset/dataset';
import type { RatingPredictor } from '../model/baselines';
import { fcp, mae, rmse } from './accuracy';
import { kFold } from './split';

export interface FoldResult { fold: number; rmse: number; mae: number; fcp: number; fitMs: number; testMs: number }
export interface CrossValidation {
  folds: FoldResult[];
  mean: { rmse: number; mae: number; fcp: number; fitMs: number };
  std: { rmse: number; mae: number; fcp: number };
}

/** Fits a predictor on one training fold (may be async, e.g. trainSvd). */
export type FitPredictor = (train: RatingsCoo) => RatingPredictor | Promise<RatingPredictor>;

export interface CrossValidateOptions {
  nFolds?: number;
  seed?: number;
  signal?: AbortSignal;
  /** Skip FCP (quadratic in the per-user test count). */
  skipFcp?: boolean;
}

export function evaluatePredictor(predictor: RatingPredictor, test: RatingsCoo, withFcp = true): { rmse: number; mae: number; fcp: number } {
  const est = predictor.predictBatch(test.users, test.items);
  const actual = ratingValues(test.ratings);
  return { rmse: rmse(actual, est), mae: mae(actual, est), fcp: withFcp ? fcp(test.users, actual, est) : NaN };
}

export async function crossValidate(fit: FitPredictor, data: RatingsCoo, options: CrossValidateOptions = {}): Promise<CrossValidation> {
  const folds: FoldResult[] = [];
  for (const [fold, { train, test }] of kFold(data, options.nFolds ?? 5, options.seed ?? 0).entries()) {
    if (options.signal?.aborted) throw new DOMException('Cross-validation was cancelled', 'AbortError');
    const t0 = performance.now();
    const predictor = await fit(train);
    const t1 = performance.now();
    const m = evaluatePredictor(predictor, test, !options.skipFcp);
    folds.push({ fold, ...m, fitMs: t1 - t0, testMs: performance.now() - t1 });
  }
  const mean = (f: (r: FoldResult) => number) => folds.reduce((s, r) => s + f(r), 0) / folds.length;
  const std = (f: (r: FoldResult) => number) => { const m = mean(f); return Math.sqrt(folds.reduce((s, r) => s + (f(r) - m) ** 2, 0) / folds.length); };
  return {
    folds,
    mean: { rmse: mean((r) => r.rmse), mae: mean((r) => r.mae), fcp: mean((r) => r.fcp), fitMs: mean((r) => r.fitMs) },
    std: { rmse: std((r) => r.rmse), mae: std((r) => r.mae), fcp: std((r) => r.fcp) },
  };
}
