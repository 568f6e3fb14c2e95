// The trained biased matrix factorisation model as plain typed arrays (so it
// crosses the worker boundary without tensors), its hyperparameters with their
// defaults, and prediction: r̂ = μ + b_u + b_i + p_u·q_i, clipped to the scale.

import { ratingStep, type ItemIndexArray, type RatingArray } from '../dataset/dataset';
import { fillNormal, mulberry32 } from './rng';

export type SvdSolver = 'als' | 'sgd';

/** Every hyperparameter with its default. The Surprise names keep Surprise's defaults (SVD). */
export interface SvdParams {
  /** Latent factors k. Surprise default 100. */
  nFactors: number;
  /** Passes over the data (SGD epochs or ALS sweeps). Surprise default 20. */
  nEpochs: number;
  /** SGD learning rate for all terms. Surprise default 0.005. */
  lrAll: number;
  /** Regularisation for all terms. Surprise default 0.02 (SGD); see `resolveSvdParams` for ALS. */
  regAll: number;
  /** Mean of the normal factor initialisation. Surprise default 0. */
  initMean: number;
  /** Std of the normal factor initialisation. Surprise default 0.1. */
  initStdDev: number;
  /** Use μ, b_u, b_i. Surprise default true. */
  biased: boolean;
  /** Per-term overrides (null = lrAll / regAll), as Surprise's lr_bu … reg_qi. */
  lrBu: number | null;
  lrBi: number | null;
  lrPu: number | null;
  lrQi: number | null;
  regBu: number | null;
  regBi: number | null;
  regPu: number | null;
  regQi: number | null;
  /** 'als' (product default: TF.js alternating least squares) or 'sgd' (TF.js mini-batch SGD). */
  solver: SvdSolver;
  /** SGD mini-batch size (TF.js SGD only; the TS loop is one rating at a time). */
  batchSize: number;
  /** Learning rate multiplier per epoch: lr_e = lr · lrDecay^e (1 = constant, Surprise's behaviour). */
  lrDecay: number;
  /** CG iterations per ALS half-sweep, warm-started from the previous factors (1 = exact line-search steepest descent; measured best speed/accuracy). */
  cgIterations: number;
  /** Seed of the factor initialisation and the per-epoch shuffles. */
  seed: number;
  /** Shuffle the rating order each SGD epoch (Surprise iterates in a fixed order). */
  shuffle: boolean;
  /** Stop after this many epochs without a better validation RMSE, keeping the best model (0 = off). */
  earlyStoppingPatience: number;
  /**
   * ALS only. Exponent α of the count weighting of the regularisation: row u is regularised by
   * λ·n_u^α (1 = weighted-λ, Surprise's objective; 0 = plain λ). Default 1.
   */
  regCountExponent: number;
  /**
   * ALS only. Floors under each row's count-scaled penalty, max(λ·n_u^α, floor), for the bias and
   * for the factors. Weighted-λ alone barely regularises a user or item with one or two ratings
   * (λ·1), so on sparse data its bias and factors absorb that one rating's noise; a floor holds
   * such rows (Surprise's BaselineOnly uses a constant penalty, reg_i 10 / reg_u 15) and leaves
   * rows with enough ratings exactly as before. Default 0 (weighted-λ alone).
   */
  regBiasFloor: number;
  regFactorFloor: number;
  /**
   * ALS only. Weight w₀ of the implicit-feedback term w₀·Σ_{all u,i} (r̂_ui − 0)²: every pair, rated or
   * not, is pulled weakly towards a rating of 0 ("not watched"), as in iALS / PureSVD. It makes the
   * unclipped scores rank watched-and-liked items first (full-ranking top-N); it costs RMSE, so it is
   * 0 (off) for rating prediction. Cheap: the all-pairs term is one shared (k+1)² Gram matrix per half-sweep.
   */
  implicitWeight: number;
  /**
   * ALS only. SVD++'s implicit factors: the user vector is p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j, so which
   * movies a user rated (not only how) shapes the user's taste; the served model folds the sum into
   * userFactors. Default false.
   */
  implicitFactors: boolean;
  /** Regularisation λ_y of the implicit factors y_j (weighted by the item's count, as the other terms); null = regAll (Surprise's reg_yj). */
  regYj: number | null;
  /**
   * ALS with implicitFactors: the y_j step runs on every n-th sweep (on sweeps n−1, 2n−1, …), 1 = every sweep.
   * It costs as much as a half-sweep; between steps the implicit sums stay fixed. Default 1.
   */
  implicitInterval: number;
}

/** Surprise's SVD defaults plus ours, for solver 'sgd'. */
export const SVD_DEFAULTS: Readonly<SvdParams> = Object.freeze({
  nFactors: 100,
  nEpochs: 20,
  lrAll: 0.005,
  regAll: 0.02,
  initMean: 0,
  initStdDev: 0.1,
  biased: true,
  lrBu: null,
  lrBi: null,
  lrPu: null,
  lrQi: null,
  regBu: null,
  regBi: null,
  regPu: null,
  regQi: null,
  solver: 'als',
  batchSize: 4096,
  lrDecay: 1,
  cgIterations: 1,
  seed: 0,
  shuffle: true,
  earlyStoppingPatience: 0,
  regCountExponent: 1,
  regBiasFloor: 0,
  regFactorFloor: 0,
  implicitWeight: 0,
  implicitFactors: false,
  regYj: null,
  implicitInterval: 1,
});

/**
 * ALS reaches the exact minimum of the weighted-λ objective, which Surprise's SGD
 * (20 epochs, lr 0.005, small init) never does: its early stop is a strong implicit
 * regulariser. At the minimum, reg 0.02 with k = 100 overfits (ml-100k u1 test RMSE
 * ≈ 1.0), so ALS gets its own default when regAll is not given; measured in docs/model.md.
 */
export const ALS_DEFAULT_REG = 0.1;

/** Fills unspecified params with defaults; regAll defaults by solver when not given. */
export function resolveSvdParams(partial: Partial<SvdParams> = {}): SvdParams {
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(SVD_DEFAULTS, key)) throw new RangeError(`unknown hyperparameter ${JSON.stringify(key)}`);
  }
  const solver = partial.solver ?? SVD_DEFAULTS.solver;
  const regAll = partial.regAll ?? (solver === 'als' ? ALS_DEFAULT_REG : SVD_DEFAULTS.regAll);
  const params: SvdParams = { ...SVD_DEFAULTS, ...stripUndefined(partial), solver, regAll };
  if (!(Number.isInteger(params.nFactors) && params.nFactors >= 1)) throw new RangeError(`nFactors must be a positive integer, got ${params.nFactors}`);
  if (!(Number.isInteger(params.nEpochs) && params.nEpochs >= 0)) throw new RangeError(`nEpochs must be a non-negative integer, got ${params.nEpochs}`);
  if (!(Number.isInteger(params.batchSize) && params.batchSize >= 1)) throw new RangeError(`batchSize must be a positive integer, got ${params.batchSize}`);
  if (!(params.implicitWeight >= 0)) throw new RangeError(`implicitWeight must be ≥ 0, got ${params.implicitWeight}`);
  if (!(params.regYj === null || params.regYj >= 0)) throw new RangeError(`regYj must be ≥ 0 or null, got ${params.regYj}`);
  if (!(Number.isInteger(params.implicitInterval) && params.implicitInterval >= 1)) throw new RangeError(`implicitInterval must be a positive integer, got ${params.implicitInterval}`);
  if (!Number.isFinite(params.regCountExponent)) throw new RangeError(`regCountExponent must be finite, got ${params.regCountExponent}`);
  for (const name of ['regBiasFloor', 'regFactorFloor'] as const) {
    if (!(Number.isFinite(params[name]) && params[name] >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${params[name]}`);
  }
  checkRanges(params);
  return params;
}

const FLAGS = ['biased', 'shuffle', 'implicitFactors'] as const satisfies readonly (keyof SvdParams)[];
const RATES = ['lrAll', 'regAll', 'initStdDev', 'implicitWeight'] as const satisfies readonly (keyof SvdParams)[];
const TERMS = ['lrBu', 'lrBi', 'lrPu', 'lrQi', 'regBu', 'regBi', 'regPu', 'regQi', 'regYj'] as const satisfies readonly (keyof SvdParams)[];

/**
 * The rest of every parameter's domain, so a model file or a request cannot carry a
 * negative regularisation, an unknown solver or a string where a number belongs.
 */
function checkRanges(p: SvdParams): void {
  const fail = (name: string, want: string, got: unknown): never => {
    throw new RangeError(`${name} must be ${want}, got ${JSON.stringify(got)}`);
  };
  if (p.solver !== 'als' && p.solver !== 'sgd') fail('solver', '"als" or "sgd"', p.solver);
  for (const name of FLAGS) if (typeof p[name] !== 'boolean') fail(name, 'true or false', p[name]);
  for (const name of RATES) if (!(typeof p[name] === 'number' && Number.isFinite(p[name]) && p[name] >= 0)) fail(name, 'a finite number ≥ 0', p[name]);
  for (const name of TERMS) {
    const v = p[name];
    if (!(v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0))) fail(name, 'null or a finite number ≥ 0', v);
  }
  if (!(typeof p.initMean === 'number' && Number.isFinite(p.initMean))) fail('initMean', 'a finite number', p.initMean);
  if (!(typeof p.lrDecay === 'number' && Number.isFinite(p.lrDecay) && p.lrDecay > 0)) fail('lrDecay', 'a finite number > 0', p.lrDecay);
  if (!(Number.isInteger(p.cgIterations) && p.cgIterations >= 1)) fail('cgIterations', 'a positive integer', p.cgIterations);
  if (!Number.isSafeInteger(p.seed)) fail('seed', 'an integer', p.seed);
  if (!(Number.isInteger(p.earlyStoppingPatience) && p.earlyStoppingPatience >= 0)) fail('earlyStoppingPatience', 'a non-negative integer', p.earlyStoppingPatience);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The four per-term regularisation constants after applying regAll. */
export function termRegs(p: SvdParams): { bu: number; bi: number; pu: number; qi: number } {
  return { bu: p.regBu ?? p.regAll, bi: p.regBi ?? p.regAll, pu: p.regPu ?? p.regAll, qi: p.regQi ?? p.regAll };
}

/** The four per-term learning rates after applying lrAll. */
export function termLrs(p: SvdParams): { bu: number; bi: number; pu: number; qi: number } {
  return { bu: p.lrBu ?? p.lrAll, bi: p.lrBi ?? p.lrAll, pu: p.lrPu ?? p.lrAll, qi: p.lrQi ?? p.lrAll };
}

export interface SvdModel {
  params: SvdParams;
  nUsers: number;
  nItems: number;
  k: number;
  /** μ (0 when not biased). */
  globalMean: number;
  userBias: Float32Array;
  itemBias: Float32Array;
  /** nUsers × k, row-major. */
  userFactors: Float32Array;
  /** nItems × k, row-major. */
  itemFactors: Float32Array;
  scale: [number, number];
}

/** Mean of the ratings (0 for none), as stored (Float32 values or half-star codes). */
export function meanRating(ratings: RatingArray): number {
  const step = ratingStep(ratings);
  let sum = 0;
  for (let j = 0; j < ratings.length; j++) sum += ratings[j]! * step;
  return ratings.length ? sum / ratings.length : 0;
}

/** A model with Surprise's initialisation: zero biases, N(initMean, initStdDev²) factors (users drawn first). */
export function initialModel(nUsers: number, nItems: number, scale: readonly [number, number], params: SvdParams, globalMean: number): SvdModel {
  const k = params.nFactors;
  const uniform = mulberry32(params.seed);
  const userFactors = fillNormal(new Float32Array(nUsers * k), params.initMean, params.initStdDev, uniform);
  const itemFactors = fillNormal(new Float32Array(nItems * k), params.initMean, params.initStdDev, uniform);
  return {
    params, nUsers, nItems, k,
    globalMean: params.biased ? globalMean : 0,
    userBias: new Float32Array(nUsers),
    itemBias: new Float32Array(nItems),
    userFactors, itemFactors,
    scale: [scale[0], scale[1]],
  };
}

/** Deep copy, so a warm start never mutates the caller's model. */
export function cloneModel(m: SvdModel): SvdModel {
  return {
    ...m, params: { ...m.params }, scale: [m.scale[0], m.scale[1]],
    userBias: m.userBias.slice(), itemBias: m.itemBias.slice(),
    userFactors: m.userFactors.slice(), itemFactors: m.itemFactors.slice(),
  };
}

/** Unclipped estimate; an unknown user or item (out of range) contributes only the parts that are known, as Surprise. */
export function estimateRaw(m: SvdModel, u: number, i: number): number {
  const knownU = u >= 0 && u < m.nUsers;
  const knownI = i >= 0 && i < m.nItems;
  let est = m.globalMean;
  if (knownU) est += m.userBias[u]!;
  if (knownI) est += m.itemBias[i]!;
  if (knownU && knownI) est += dotFactors(m.userFactors, u * m.k, m.itemFactors, i * m.k, m.k);
  return est;
}

/**
 * p·q over k floats at the given offsets: the one dot product of every prediction
 * (training metrics, evaluation, serving). Four partial sums, so scoring a 45,000-item
 * catalogue with k = 100 takes a few milliseconds; the same summation order everywhere
 * keeps a list's score and a card's prediction bit-identical.
 */
export function dotFactors(p: Float32Array, pOff: number, q: Float32Array, qOff: number, k: number): number {
  const k4 = k - (k % 4);
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let f = 0;
  for (; f < k4; f += 4) {
    d0 += p[pOff + f]! * q[qOff + f]!;
    d1 += p[pOff + f + 1]! * q[qOff + f + 1]!;
    d2 += p[pOff + f + 2]! * q[qOff + f + 2]!;
    d3 += p[pOff + f + 3]! * q[qOff + f + 3]!;
  }
  for (; f < k; f++) d0 += p[pOff + f]! * q[qOff + f]!;
  return d0 + d1 + (d2 + d3);
}

export function clip(x: number, scale: readonly [number, number]): number {
  return x < scale[0] ? scale[0] : x > scale[1] ? scale[1] : x;
}

/** Predicted rating of user u for item i, clipped to the rating scale. */
export function predict(m: SvdModel, u: number, i: number): number {
  return clip(estimateRaw(m, u, i), m.scale);
}

/** Predictions for parallel (user, item) arrays, clipped; `out` is reused when given. */
export function predictBatch(m: SvdModel, users: Int32Array, items: ItemIndexArray, out = new Float32Array(users.length)): Float32Array {
  for (let j = 0; j < users.length; j++) out[j] = clip(estimateRaw(m, users[j]!, items[j]!), m.scale);
  return out;
}
