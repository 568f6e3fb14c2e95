import { describe, expect, it } from 'vitest';
import { mostPopular, normalPredictor, svdPredictor, trainBaselineOnly, trainGlobalMean } from '../../../src/model/baselines';
import { predict } from '../../../src/model/svd-model';
import { rmseOf } from '../../../src/model/rmse-of';
import { hasData, noDataMessage, readMl100kSplit } from './read-ratings';
import { itIf } from '../../support/skip';

const coo = { length: 4, users: Int32Array.of(0, 0, 1, 1), items: Int32Array.of(0, 1, 0, 2), ratings: Float32Array.of(5, 3, 4, 1) };

describe('baselines', () => {
  it('global mean predicts μ everywhere', () => {
    const m = trainGlobalMean(coo, 2, 3, [1, 5]);
    expect(predict(m, 0, 2)).toBeCloseTo(3.25, 6);
    expect(predict(m, 1, 1)).toBeCloseTo(3.25, 6);
  });

  it('BaselineOnly with one ALS epoch matches a hand computation', () => {
    const m = trainBaselineOnly(coo, 2, 3, [1, 5], { nEpochs: 1, regI: 1, regU: 1 });
    // μ = 3.25; b_i = Σ(r − μ)/(1 + n_i): item0 (1.75 + 0.75)/3, item1 −0.25/2, item2 −2.25/2
    expect(m.itemBias[0]).toBeCloseTo(2.5 / 3, 5);
    expect(m.itemBias[2]).toBeCloseTo(-1.125, 5);
    // b_u = Σ(r − μ − b_i)/(1 + n_u): user0 (1.75 − 0.8333 − 0.25 + 0.125)/3
    expect(m.userBias[0]).toBeCloseTo((1.75 - 2.5 / 3 - 0.25 + 0.125) / 3, 5);
  });

  itIf(hasData, noDataMessage)('BaselineOnly beats the global mean on ml-100k u1 (Surprise: ≈ 0.94 vs 1.15)', () => {
    const { train, test, nUsers, nItems } = readMl100kSplit(1);
    const bl = rmseOf(trainBaselineOnly(train, nUsers, nItems, [1, 5]), test);
    expect(bl).toBeLessThan(0.97);
    expect(bl).toBeLessThan(rmseOf(trainGlobalMean(train, nUsers, nItems, [1, 5]), test) - 0.1);
  });

  it('normal predictor draws around the train mean with the train std, seeded and clipped', () => {
    const p = normalPredictor(coo, [1, 5], 3);
    const est = p.predictBatch(new Int32Array(20000), new Int32Array(20000));
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    expect(mean).toBeGreaterThan(3.0);
    expect(mean).toBeLessThan(3.4);
    expect(Math.min(...est)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...est)).toBeLessThanOrEqual(5);
    expect(normalPredictor(coo, [1, 5], 3).predictBatch(new Int32Array(5), new Int32Array(5))).toEqual(est.subarray(0, 5));
  });

  it('most popular scores items by rating count', () => {
    expect(Array.from(mostPopular(coo, 3).predictBatch(new Int32Array(3), Int32Array.of(0, 1, 2)))).toEqual([2, 1, 1]);
  });

  it('svdPredictor ranks with unclipped scores', () => {
    const m = trainGlobalMean(coo, 2, 3, [1, 5]);
    m.itemBias[0] = 3; m.itemBias[1] = 2;
    const p = svdPredictor(m);
    expect(Array.from(p.predictBatch(Int32Array.of(0, 0), Int32Array.of(0, 1)))).toEqual([5, 5]);
    expect(p.scoreBatch!(Int32Array.of(0, 0), Int32Array.of(0, 1))[0]).toBeGreaterThan(p.scoreBatch!(Int32Array.of(0, 0), Int32Array.of(0, 1))[1]!);
  });
});
