// The app's SVD settings per dataset size, chosen by seeded 5-fold CV (rating prediction)
// and a seeded 80/20 full-ranking split (top-N); the measured tables are in docs/model.md.
// Anything the caller passes overrides these.

import type { SvdParams } from './svd-model';

/**
 * Rating prediction (RMSE): the settings the app trains with. SVD++ in ALS form (implicit factors
 * y_j, folded into the served user factors, a y step every 2nd sweep), k 100, 7 preconditioned
 * sweeps, λ 0.12 with lighter biases (b_u 0.03, b_i 0.06), λ_y 2, and penalty floors (bias 2,
 * factors 5) that hold rows with one or two ratings. Measured 5-fold on ml-100k, ml-latest-small,
 * ratings_small and a sparse cut of ml-latest-small; the floors were chosen on validation inside
 * the training part (docs/model.md). Larger sets have more ratings per row, so the same per-rating
 * λ holds.
 */
export function defaultSvdParams(nRatings: number): Partial<SvdParams> {
  void nRatings;
  return { solver: 'als', nFactors: 100, nEpochs: 7, regAll: 0.12, regBu: 0.03, regBi: 0.06, implicitFactors: true, regYj: 2, implicitInterval: 2, regBiasFloor: 2, regFactorFloor: 5 };
}

/**
 * Full-ranking top-N: plain ALS (no implicit factors) with the all-pairs implicit-feedback term on,
 * so the unclipped score ranks movies a user is likely to watch and like above obscure well-rated
 * ones. 20 sweeps: 8 sweeps ranked worse (NDCG@10 0.260 vs 0.276 on ml-latest-small).
 */
export function rankingSvdParams(nRatings: number): Partial<SvdParams> {
  void nRatings;
  return { solver: 'als', nFactors: 100, nEpochs: 20, regAll: 0.1, implicitWeight: 0.02 };
}
