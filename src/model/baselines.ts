// Baselines behind one predictor interface (Surprise's NormalPredictor, BaselineOnly,
// plus global mean and most-popular for ranking). GlobalMean and BaselineOnly are
// SvdModels with k = 0, so they serialise and predict exactly like the real model.

import { ratingStep, type ItemIndexArray, type RatingsCoo } from '../dataset/dataset';
import { mulberry32, fillNormal } from './rng';
import { clip, estimateRaw, meanRating, predictBatch, resolveSvdParams, type SvdModel } from './svd-model';

/** Anything that scores (user, item) pairs; metrics and ranking take this. */
export interface RatingPredictor {
  readonly name: string;
  /** Estimates on the rating scale (clipped). */
  predictBatch(users: Int32Array, items: ItemIndexArray): Float32Array;
  /** Unclipped scores for ranking, when clipping would tie the top items; defaults to predictBatch. */
  scoreBatch?(users: Int32Array, items: ItemIndexArray): Float32Array;
}

export function svdPredictor(model: SvdModel, name = `svd(k=${model.k})`): RatingPredictor {
  return {
    name,
    predictBatch: (users, items) => predictBatch(model, users, items),
    scoreBatch: (users, items) => Float32Array.from(users, (u, j) => estimateRaw(model, u, items[j]!)),
  };
}

function biasOnlyModel(nUsers: number, nItems: number, scale: readonly [number, number], mu: number, bu: Float32Array, bi: Float32Array): SvdModel {
  return {
    params: resolveSvdParams({ nFactors: 1, nEpochs: 0 }), nUsers, nItems, k: 0, globalMean: mu,
    userBias: bu, itemBias: bi, userFactors: new Float32Array(0), itemFactors: new Float32Array(0), scale: [scale[0], scale[1]],
  };
}

/** Predicts μ for everyone. */
export function trainGlobalMean(train: RatingsCoo, nUsers: number, nItems: number, scale: readonly [number, number]): SvdModel {
  return biasOnlyModel(nUsers, nItems, scale, meanRating(train.ratings), new Float32Array(nUsers), new Float32Array(nItems));
}

export interface BaselineOnlyParams { regI: number; regU: number; nEpochs: number }
export const BASELINE_ONLY_DEFAULTS: Readonly<BaselineOnlyParams> = Object.freeze({ regI: 10, regU: 15, nEpochs: 10 });

/**
 * Surprise's BaselineOnly with bsl_options method 'als': alternately
 * b_i = Σ_u (r − μ − b_u) / (reg_i + |U_i|), then b_u = Σ_i (r − μ − b_i) / (reg_u + |I_u|).
 */
export function trainBaselineOnly(train: RatingsCoo, nUsers: number, nItems: number, scale: readonly [number, number], partial: Partial<BaselineOnlyParams> = {}): SvdModel {
  const p = { ...BASELINE_ONLY_DEFAULTS, ...partial };
  const mu = meanRating(train.ratings);
  const { users, items, ratings } = train, step = ratingStep(ratings);
  const bu = new Float32Array(nUsers), bi = new Float32Array(nItems);
  const sumI = new Float64Array(nItems), cntI = new Int32Array(nItems), sumU = new Float64Array(nUsers), cntU = new Int32Array(nUsers);
  for (let j = 0; j < train.length; j++) { cntI[items[j]!]!++; cntU[users[j]!]!++; }
  for (let epoch = 0; epoch < p.nEpochs; epoch++) {
    sumI.fill(0);
    for (let j = 0; j < train.length; j++) sumI[items[j]!]! += ratings[j]! * step - mu - bu[users[j]!]!;
    for (let i = 0; i < nItems; i++) bi[i] = sumI[i]! / (p.regI + cntI[i]!);
    sumU.fill(0);
    for (let j = 0; j < train.length; j++) sumU[users[j]!]! += ratings[j]! * step - mu - bi[items[j]!]!;
    for (let u = 0; u < nUsers; u++) bu[u] = sumU[u]! / (p.regU + cntU[u]!);
  }
  return biasOnlyModel(nUsers, nItems, scale, mu, bu, bi);
}

/** Surprise's NormalPredictor: N(μ, σ²) with the train mean and (population) std, clipped; seeded. */
export function normalPredictor(train: RatingsCoo, scale: readonly [number, number], seed = 0): RatingPredictor {
  const mu = meanRating(train.ratings);
  let ss = 0;
  const step = ratingStep(train.ratings);
  for (let j = 0; j < train.length; j++) ss += (train.ratings[j]! * step - mu) ** 2;
  const sigma = train.length ? Math.sqrt(ss / train.length) : 0;
  const uniform = mulberry32(seed);
  return {
    name: 'normal-random',
    predictBatch(users) {
      const out = fillNormal(new Float32Array(users.length), mu, sigma, uniform);
      for (let j = 0; j < out.length; j++) out[j] = clip(out[j]!, scale);
      return out;
    },
  };
}

/** Scores every item by its number of training ratings (for ranking; not a rating estimate). */
export function mostPopular(train: RatingsCoo, nItems: number): RatingPredictor {
  const counts = new Float32Array(nItems);
  for (let j = 0; j < train.length; j++) counts[train.items[j]!]!++;
  return {
    name: 'most-popular',
    predictBatch(_users, items) {
      const out = new Float32Array(items.length);
      for (let j = 0; j < items.length; j++) out[j] = counts[items[j]!] ?? 0;
      return out;
    },
  };
}
