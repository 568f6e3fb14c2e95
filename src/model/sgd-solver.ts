// Mini-batch SGD in TensorFlow.js with explicit gradients: gather the batch's rows,
// compute the per-rating gradients of ½e² + ½λ‖·‖² in closed form, scatter-add them
// back with tf.scatterND (duplicates sum). tf.grad through tf.gather needs
// UnsortedSegmentSum, which the wasm backend lacks. Gradients are summed, not averaged,
// so lrAll means what it means in Surprise's one-rating-at-a-time SGD.

import * as tf from '@tensorflow/tfjs-core';
import { ratingStep, type RatingsCoo } from '../dataset/dataset';
import { mulberry32, shuffleInPlace } from './rng';
import type { SvdSolver } from './train-svd';
import { termLrs, termRegs, type SvdModel } from './svd-model';

export interface SgdTensors { userFactors: tf.Tensor2D; itemFactors: tf.Tensor2D; userBias: tf.Tensor1D; itemBias: tf.Tensor1D }
export interface SgdBatch { users: tf.Tensor1D; items: tf.Tensor1D; ratings: tf.Tensor1D; /** 1 for real rows, 0 for padding. */ mask: tf.Tensor1D }
export interface Regs { bu: number; bi: number; pu: number; qi: number }

/**
 * Dense gradients of Σ_batch mask·(½e² + ½λ_bu b_u² + ½λ_bi b_i² + ½λ_pu‖p_u‖² + ½λ_qi‖q_i‖²)
 * with e = r − (μ + b_u + b_i + p_u·q_i), and the batch's Σ mask·e². Exported for the gradient test.
 */
export function sgdBatchGradients(t: SgdTensors, batch: SgdBatch, mu: number, reg: Regs, biased: boolean): { userFactors: tf.Tensor2D; itemFactors: tf.Tensor2D; userBias: tf.Tensor1D; itemBias: tf.Tensor1D; sse: tf.Scalar } {
  return tf.tidy(() => {
    const [nUsers, k] = t.userFactors.shape, nItems = t.itemFactors.shape[0];
    const pu = tf.gather(t.userFactors, batch.users), qi = tf.gather(t.itemFactors, batch.items);
    const bu = tf.gather(t.userBias, batch.users), bi = tf.gather(t.itemBias, batch.items);
    let pred = tf.sum(tf.mul(pu, qi), 1);
    if (biased) pred = tf.add(tf.add(tf.add(pred, bu), bi), mu);
    const err = tf.mul(tf.sub(batch.ratings, pred), batch.mask);
    const m2 = tf.expandDims(batch.mask, 1), e2 = tf.expandDims(err, 1);
    const uIdx = tf.expandDims(batch.users, 1), iIdx = tf.expandDims(batch.items, 1);
    const gPu = tf.sub(tf.mul(tf.mul(pu, m2), reg.pu), tf.mul(e2, qi));
    const gQi = tf.sub(tf.mul(tf.mul(qi, m2), reg.qi), tf.mul(e2, pu));
    const gBu = tf.sub(tf.mul(tf.mul(bu, batch.mask), reg.bu), err);
    const gBi = tf.sub(tf.mul(tf.mul(bi, batch.mask), reg.bi), err);
    return {
      userFactors: tf.scatterND(uIdx, gPu, [nUsers, k]) as tf.Tensor2D,
      itemFactors: tf.scatterND(iIdx, gQi, [nItems, k]) as tf.Tensor2D,
      userBias: (biased ? tf.scatterND(uIdx, gBu, [nUsers]) : tf.zeros([nUsers])) as tf.Tensor1D,
      itemBias: (biased ? tf.scatterND(iIdx, gBi, [nItems]) : tf.zeros([nItems])) as tf.Tensor1D,
      sse: tf.sum(tf.square(err)) as tf.Scalar,
    };
  });
}

export function createSgdSolver(train: RatingsCoo, start: SvdModel): SvdSolver {
  const { params, nUsers, nItems, k } = start;
  const biased = params.biased;
  const mu = biased ? start.globalMean : 0;
  const reg = termRegs(params), lr0 = termLrs(params);
  const batchSize = Math.min(params.batchSize, Math.max(1, train.length));
  const nBatches = Math.ceil(train.length / batchSize);
  const order = Int32Array.from({ length: train.length }, (_, j) => j);
  // Batches are decoded into Float32 buffers here, so the tensors see rating values whatever the storage.
  const { users, items, ratings } = train, step = ratingStep(ratings);
  const uniform = mulberry32((params.seed ^ 0x9e3779b9) >>> 0);
  // Fixed-shape batch buffers: the last batch is padded with row 0 and mask 0.
  const bu = new Int32Array(batchSize), bi = new Int32Array(batchSize), br = new Float32Array(batchSize), bm = new Float32Array(batchSize);
  let t: SgdTensors | null = {
    userFactors: tf.tensor2d(start.userFactors, [nUsers, k]),
    itemFactors: tf.tensor2d(start.itemFactors, [nItems, k]),
    userBias: tf.tensor1d(start.userBias),
    itemBias: tf.tensor1d(start.itemBias),
  };
  const dispose = () => { if (t) tf.dispose([t.userFactors, t.itemFactors, t.userBias, t.itemBias]); t = null; };

  return {
    async runEpoch(epoch) {
      if (!t) throw new Error('SGD solver used after dispose');
      if (params.shuffle) shuffleInPlace(order, uniform);
      const decay = Math.pow(params.lrDecay, epoch);
      let sseTotal: tf.Scalar = tf.scalar(0);
      for (let b = 0; b < nBatches; b++) {
        const from = b * batchSize, n = Math.min(batchSize, train.length - from);
        for (let j = 0; j < batchSize; j++) {
          const r = j < n ? order[from + j]! : 0;
          bu[j] = users[r]!; bi[j] = items[r]!; br[j] = ratings[r]! * step; bm[j] = j < n ? 1 : 0;
        }
        const cur: SgdTensors = t;
        const next = tf.tidy(() => {
          const batch: SgdBatch = { users: tf.tensor1d(bu, 'int32'), items: tf.tensor1d(bi, 'int32'), ratings: tf.tensor1d(br), mask: tf.tensor1d(bm) };
          const g = sgdBatchGradients(cur, batch, mu, reg, biased);
          return {
            userFactors: tf.sub(cur.userFactors, tf.mul(g.userFactors, lr0.pu * decay)) as tf.Tensor2D,
            itemFactors: tf.sub(cur.itemFactors, tf.mul(g.itemFactors, lr0.qi * decay)) as tf.Tensor2D,
            userBias: tf.sub(cur.userBias, tf.mul(g.userBias, lr0.bu * decay)) as tf.Tensor1D,
            itemBias: tf.sub(cur.itemBias, tf.mul(g.itemBias, lr0.bi * decay)) as tf.Tensor1D,
            sse: tf.add(sseTotal, g.sse) as tf.Scalar,
          };
        });
        tf.dispose([cur.userFactors, cur.itemFactors, cur.userBias, cur.itemBias, sseTotal]);
        sseTotal = next.sse;
        t = { userFactors: next.userFactors, itemFactors: next.itemFactors, userBias: next.userBias, itemBias: next.itemBias };
      }
      const sse = (await sseTotal.data())[0]!;
      sseTotal.dispose();
      return train.length ? sse / train.length : 0;
    },
    async snapshot() {
      if (!t) throw new Error('SGD solver used after dispose');
      // The cpu backend's data() hands out its own storage: copy, so the model owns its arrays.
      const [userBias, itemBias, userFactors, itemFactors] = (await Promise.all([t.userBias.data(), t.itemBias.data(), t.userFactors.data(), t.itemFactors.data()])).map((a) => (a as Float32Array).slice());
      return {
        params: { ...params }, nUsers, nItems, k, globalMean: mu,
        userBias: userBias!, itemBias: itemBias!, userFactors: userFactors!, itemFactors: itemFactors!,
        scale: [start.scale[0], start.scale[1]],
      };
    },
    dispose,
  };
}
