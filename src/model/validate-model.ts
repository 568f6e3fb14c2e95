// Checks a model before it is served or cached: sizes consistent with k and the arrays,
// every value finite and of a plausible size, an ordered scale with μ inside it, valid
// hyperparameters. A model read from a cache or a file is untrusted until it passes.
import { resolveSvdParams, type SvdModel } from './svd-model';

/**
 * No factor or bias of a model trained on a rating scale comes near this; a value beyond it
 * (or an infinity) makes p·q overflow float32 or swamps every other term of a prediction.
 */
export const MAX_MODEL_VALUE = 1e6;

/** What is wrong with a model, in words, or undefined when it may be served. */
export function modelProblem(model: SvdModel): string | undefined {
  const { nUsers, nItems, k } = model;
  if (![nUsers, nItems, k].every((n) => Number.isSafeInteger(n) && n >= 0)) return `sizes are not counts (users ${nUsers}, movies ${nItems}, k ${k})`;
  if (nItems === 0) return 'it has no movies';
  const expected: [string, ArrayLike<number>, number][] = [
    ['user biases', model.userBias, nUsers],
    ['movie biases', model.itemBias, nItems],
    ['user factors', model.userFactors, nUsers * k],
    ['movie factors', model.itemFactors, nItems * k],
  ];
  for (const [what, values, length] of expected) {
    if (!(values instanceof Float32Array) || values.length !== length) return `${what}: ${values?.length ?? 0} values, expected ${length}`;
  }
  const [lo, hi] = Array.isArray(model.scale) ? model.scale : [NaN, NaN];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) return `rating scale ${JSON.stringify(model.scale)} is not [min, max] with min < max`;
  const mu = model.globalMean;
  // An unbiased model (plain ALS) predicts with μ = 0, which is outside most scales.
  const muOk = Number.isFinite(mu) && ((mu >= lo && mu <= hi) || (mu === 0 && !model.params?.biased));
  if (!muOk) return `mean rating ${mu} lies outside the scale ${lo}–${hi}`;
  try {
    resolveSvdParams(model.params);
  } catch (e) {
    return `hyperparameters: ${(e as Error).message}`;
  }
  for (const [what, values] of expected) {
    for (let j = 0; j < values.length; j++) {
      const v = values[j]!;
      if (!(v >= -MAX_MODEL_VALUE && v <= MAX_MODEL_VALUE)) return `${what}: value ${v} at index ${j} is not a finite number within ±${MAX_MODEL_VALUE}`;
    }
  }
  return undefined;
}
