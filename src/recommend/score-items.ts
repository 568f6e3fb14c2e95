// Scores every catalogue item for one user vector: μ + b_u + b_i + p·q_i.
// A plain loop over the contiguous item-factor matrix: 45,000 × 100 multiply-adds
// take a few milliseconds, less than a round trip through a tensor backend.
import type { SvdModel } from '../model/svd-model';

export function scoreItems(model: SvdModel, userBias: number, userFactors: Float32Array, out: Float32Array = new Float32Array(model.nItems)): Float32Array {
  const k = model.k;
  const q = model.itemFactors;
  const base = model.globalMean + userBias;
  for (let i = 0, off = 0; i < model.nItems; i++, off += k) {
    let dot = 0;
    for (let f = 0; f < k; f++) dot += userFactors[f] * q[off + f];
    out[i] = base + model.itemBias[i] + dot;
  }
  return out;
}

/** Scores for a user of the training data (by inner index). */
export function scoreKnownUser(model: SvdModel, user: number, out?: Float32Array): Float32Array {
  const k = model.k;
  return scoreItems(model, model.userBias[user], model.userFactors.subarray(user * k, (user + 1) * k), out);
}
