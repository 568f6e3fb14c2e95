// The matrix factorisation's estimate for one user vector over the whole catalogue,
// μ + b_u + b_i + p·q_i, with the model's one dot product (svd-model's dotFactors), so
// a list's scores, a card's prediction and the evaluation's estimates agree exactly.
// `out` lets callers reuse one buffer per session.
import { dotFactors, type SvdModel } from '../model/svd-model';

export function scoreItems(model: SvdModel, userBias: number, userFactors: Float32Array, out: Float32Array = new Float32Array(model.nItems)): Float32Array {
  const k = model.k;
  const q = model.itemFactors;
  const bias = model.itemBias;
  const base = model.globalMean + userBias;
  for (let i = 0, off = 0; i < model.nItems; i++, off += k) out[i] = base + bias[i] + dotFactors(userFactors, 0, q, off, k);
  return out;
}

/** The estimate for one item: the same formula as scoreItems. */
export function scoreItem(model: SvdModel, userBias: number, userFactors: Float32Array, item: number): number {
  return model.globalMean + userBias + model.itemBias[item] + dotFactors(userFactors, 0, model.itemFactors, item * model.k, model.k);
}
