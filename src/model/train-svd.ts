// The product trainer: biased MF with the heavy math in TensorFlow.js kernels.
// Drives a solver (ALS by default, mini-batch SGD as the alternative) epoch by epoch,
// yielding between epochs for cancel, reporting progress, and early stopping on validation RMSE.

import type { RatingsCoo } from '../dataset/dataset';
import { throwIfAborted, yieldToEventLoop } from './abort';
import { createAlsSolver } from './als-solver';
import { rmseOf } from './rmse-of';
import { createSgdSolver } from './sgd-solver';
import { cloneModel, initialModel, meanRating, resolveSvdParams, type SvdModel, type SvdParams } from './svd-model';

export interface EpochReport {
  epoch: number;
  /** Mean squared error on the training ratings (ALS: after the sweep; SGD: during the epoch). */
  trainLoss: number;
  validRmse?: number;
  /** Wall time of the epoch's training work, excluding validation. */
  ms: number;
}

export interface TrainSvdOptions {
  signal?: AbortSignal;
  onEpoch?: (e: EpochReport) => void;
  /** Held-out ratings for validRmse and early stopping. */
  validation?: RatingsCoo;
  /** Warm start from this model (same nUsers, nItems, k); it is not modified. */
  init?: SvdModel;
}

/** One solver's tensors and its epoch step; the trainer owns it and disposes it exactly once. */
export interface SvdSolver {
  /** Runs one epoch; resolves to its train MSE. */
  runEpoch(epoch: number): Promise<number>;
  /**
   * The current parameters as plain arrays (a copy), read asynchronously: a synchronous
   * read-back of GPU-resident tensors returns zeros on some WebGPU adapters (SwiftShader).
   */
  snapshot(): Promise<SvdModel>;
  dispose(): void;
}

export async function trainSvd(
  train: RatingsCoo, nUsers: number, nItems: number, scale: readonly [number, number],
  partial: Partial<SvdParams> = {}, options: TrainSvdOptions = {},
): Promise<SvdModel> {
  const { signal, onEpoch, validation, init } = options;
  const params = resolveSvdParams(partial);
  throwIfAborted(signal);
  checkRatings(train, nUsers, nItems);
  let start: SvdModel;
  if (init) {
    if (init.nUsers !== nUsers || init.nItems !== nItems || init.k !== params.nFactors) {
      throw new RangeError(`init model is ${init.nUsers}×${init.nItems}×${init.k}, expected ${nUsers}×${nItems}×${params.nFactors}`);
    }
    start = cloneModel(init);
    start.params = params;
    start.scale = [scale[0], scale[1]];
  } else {
    start = initialModel(nUsers, nItems, scale, params, meanRating(train.ratings));
  }
  const solver = params.solver === 'als' ? createAlsSolver(train, start) : createSgdSolver(train, start);
  try {
    let best: { rmse: number; model: SvdModel } | null = null;
    let sinceBest = 0;
    for (let epoch = 0; epoch < params.nEpochs; epoch++) {
      await yieldToEventLoop();
      throwIfAborted(signal);
      const t0 = performance.now();
      const trainLoss = await solver.runEpoch(epoch);
      const report: EpochReport = { epoch, trainLoss, ms: performance.now() - t0 };
      if (!Number.isFinite(trainLoss)) throw new RangeError(`training diverged at epoch ${epoch} (train loss ${trainLoss}); lower lrAll or raise regAll`);
      if (validation) {
        const current = await solver.snapshot();
        report.validRmse = rmseOf(current, validation);
        if (!best || report.validRmse < best.rmse) { best = { rmse: report.validRmse, model: current }; sinceBest = 0; } else sinceBest++;
      }
      onEpoch?.(report);
      if (params.earlyStoppingPatience > 0 && validation && sinceBest >= params.earlyStoppingPatience) break;
    }
    throwIfAborted(signal);
    return params.earlyStoppingPatience > 0 && best ? best.model : await solver.snapshot();
  } finally {
    solver.dispose();
  }
}

function checkRatings(train: RatingsCoo, nUsers: number, nItems: number): void {
  for (let j = 0; j < train.length; j++) {
    const u = train.users[j]!, i = train.items[j]!;
    if (!(u >= 0 && u < nUsers && i >= 0 && i < nItems)) throw new RangeError(`rating ${j} has user ${u} / item ${i} outside 0..${nUsers - 1} / 0..${nItems - 1}`);
  }
}
