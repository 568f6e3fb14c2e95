import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../../src/eval/cross-validate';
import { svdPredictor, trainBaselineOnly, trainGlobalMean } from '../../../src/model/baselines';

const n = 400;
const coo = {
  length: n, users: Int32Array.from({ length: n }, (_, j) => j % 20), items: Int32Array.from({ length: n }, (_, j) => (j * 7) % 30),
  ratings: Float32Array.from({ length: n }, (_, j) => Math.min(5, 1 + (j % 20) / 5 + ((j * 7) % 30) / 15)),
};

describe('cross-validation', () => {
  it('crossValidate reports per-fold and mean ± std, and a better model scores better', async () => {
    const gm = await crossValidate((train) => svdPredictor(trainGlobalMean(train, 20, 30, [1, 5])), coo, { nFolds: 4, seed: 1 });
    const bl = await crossValidate((train) => svdPredictor(trainBaselineOnly(train, 20, 30, [1, 5], { regI: 1, regU: 1 })), coo, { nFolds: 4, seed: 1 });
    expect(gm.folds).toHaveLength(4);
    expect(gm.mean.rmse).toBeCloseTo(gm.folds.reduce((s, f) => s + f.rmse, 0) / 4, 10);
    expect(bl.mean.rmse).toBeLessThan(gm.mean.rmse);
    expect(bl.mean.fcp).toBeGreaterThan(0.5);
  });
});
