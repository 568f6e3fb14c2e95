// Surprise's SVD SGD as a plain TypeScript loop: one fused update per rating,
// the exact update equations of surprise.prediction_algorithms.matrix_factorization
// SVD.sgd. It is the test oracle and the benchmark baseline for the TF.js trainer.

import { ratingStep, type RatingsCoo } from '../dataset/dataset';
import { mulberry32, shuffleInPlace } from './rng';
import { cloneModel, initialModel, meanRating, resolveSvdParams, termLrs, termRegs, type SvdModel, type SvdParams } from './svd-model';
import { rmseOf } from './rmse-of';

export interface LoopEpochReport { epoch: number; trainLoss: number; validRmse?: number; ms: number }

export interface TrainSvdLoopOptions {
  onEpoch?: (e: LoopEpochReport) => void;
  validation?: RatingsCoo;
  init?: SvdModel;
}

/**
 * Surprise's SGD. Differences from Surprise, both deliberate: the order is reshuffled
 * each epoch when params.shuffle (Surprise keeps the trainset order), and the learning
 * rate can decay per epoch (params.lrDecay, 1 = Surprise). trainLoss is the mean
 * squared error accumulated during the epoch (the errors seen by the updates).
 */
export function trainSvdLoop(
  train: RatingsCoo, nUsers: number, nItems: number, scale: readonly [number, number],
  partial: Partial<SvdParams> = {}, options: TrainSvdLoopOptions = {},
): SvdModel {
  const params = resolveSvdParams({ solver: 'sgd', ...partial });
  const model = options.init ? cloneModel(options.init) : initialModel(nUsers, nItems, scale, params, meanRating(train.ratings));
  model.params = params;
  const { k, userBias: bu, itemBias: bi, userFactors: pu, itemFactors: qi } = model;
  const mu = params.biased ? model.globalMean : 0;
  const reg = termRegs(params), lr0 = termLrs(params);
  const order = new Int32Array(train.length);
  for (let j = 0; j < order.length; j++) order[j] = j;
  // Shuffles use their own stream so the factor init matches the TF.js trainers' for one seed.
  const uniform = mulberry32((params.seed ^ 0x9e3779b9) >>> 0);
  const { users, items, ratings } = train, step = ratingStep(ratings);
  for (let epoch = 0; epoch < params.nEpochs; epoch++) {
    const t0 = performance.now();
    if (params.shuffle) shuffleInPlace(order, uniform);
    const decay = Math.pow(params.lrDecay, epoch);
    const lrBu = lr0.bu * decay, lrBi = lr0.bi * decay, lrPu = lr0.pu * decay, lrQi = lr0.qi * decay;
    let sse = 0;
    for (let j = 0; j < order.length; j++) {
      const r = order[j]!;
      const u = users[r]!, i = items[r]!;
      const po = u * k, qo = i * k;
      let dot = 0;
      for (let f = 0; f < k; f++) dot += qi[qo + f]! * pu[po + f]!;
      const err = ratings[r]! * step - (mu + bu[u]! + bi[i]! + dot);
      sse += err * err;
      if (params.biased) {
        bu[u] = bu[u]! + lrBu * (err - reg.bu * bu[u]!);
        bi[i] = bi[i]! + lrBi * (err - reg.bi * bi[i]!);
      }
      for (let f = 0; f < k; f++) {
        const puf = pu[po + f]!, qif = qi[qo + f]!;
        pu[po + f] = puf + lrPu * (err * qif - reg.pu * puf);
        qi[qo + f] = qif + lrQi * (err * puf - reg.qi * qif);
      }
    }
    const report: LoopEpochReport = { epoch, trainLoss: train.length ? sse / train.length : 0, ms: performance.now() - t0 };
    if (options.validation) report.validRmse = rmseOf(model, options.validation);
    options.onEpoch?.(report);
  }
  return model;
}
