// The app's SVD settings per dataset size, chosen by grid search over seeded 5-fold CV
// (rating prediction) and a seeded 80/20 full-ranking split (top-N); the measured
// tables are in docs/model.md. Anything the caller passes overrides these.

import type { SvdParams } from './svd-model';

/** Rating prediction (RMSE): the settings the app trains with. */
export function defaultSvdParams(nRatings: number): Partial<SvdParams> {
  // Measured on ml-100k (100k ratings) and ml-latest-small (101k); larger sets have more
  // ratings per row, so the same per-rating λ holds and k is kept for speed (docs/model.md).
  void nRatings;
  return { solver: 'als', nFactors: 100, nEpochs: 20, regAll: 0.1 };
}

/**
 * Full-ranking top-N: the same trainer with the implicit-feedback term on, so the unclipped
 * score ranks movies a user is likely to watch and like above obscure well-rated ones.
 */
export function rankingSvdParams(nRatings: number): Partial<SvdParams> {
  return { ...defaultSvdParams(nRatings), implicitWeight: 0.02 };
}
