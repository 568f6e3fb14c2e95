import { describe, expect, it } from 'vitest';
import { SVD_DEFAULTS, ALS_DEFAULT_REG, predict, predictBatch, resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';
import { fillNormal, mulberry32 } from '../../../src/model/rng';

function handModel(): SvdModel {
  return {
    params: resolveSvdParams({ nFactors: 2 }), nUsers: 2, nItems: 2, k: 2, globalMean: 3.5,
    userBias: Float32Array.of(0.5, -0.25), itemBias: Float32Array.of(0.25, -1),
    userFactors: Float32Array.of(1, 2, 0, 1), itemFactors: Float32Array.of(0.5, 0.5, -1, 0),
    scale: [1, 5],
  };
}

describe('SvdModel prediction', () => {
  it('is μ + b_u + b_i + p_u·q_i, clipped to the scale', () => {
    const m = handModel();
    // user 1, item 0: 3.5 − 0.25 + 0.25 + (0·0.5 + 1·0.5) = 4.0
    expect(predict(m, 1, 0)).toBeCloseTo(4.0, 6);
    // user 0, item 0: 3.5 + 0.5 + 0.25 + 1.5 = 5.75 → clipped to 5
    expect(predict(m, 0, 0)).toBe(5);
    // user 0, item 1: 3.5 + 0.5 − 1 − 1 = 2.0
    expect(predict(m, 0, 1)).toBeCloseTo(2.0, 6);
  });

  it('uses only the known parts for an unknown user or item, as Surprise', () => {
    const m = handModel();
    expect(predict(m, -1, 1)).toBeCloseTo(2.5, 6); // μ + b_i
    expect(predict(m, 0, 99)).toBeCloseTo(4.0, 6); // μ + b_u
  });

  it('predictBatch equals predict row by row', () => {
    const m = handModel();
    const out = predictBatch(m, Int32Array.of(0, 1, 0, 1), Int32Array.of(0, 0, 1, 1));
    expect(Array.from(out)).toEqual([0, 1, 0, 1].map((u, j) => Math.fround(predict(m, u, [0, 0, 1, 1][j]!))));
  });
});

describe('hyperparameter defaults', () => {
  it('keep Surprise SVD names and defaults', () => {
    expect(SVD_DEFAULTS).toMatchObject({ nFactors: 100, nEpochs: 20, lrAll: 0.005, regAll: 0.02, initMean: 0, initStdDev: 0.1, biased: true });
  });
  it('give ALS its own regularisation unless regAll is set', () => {
    expect(resolveSvdParams().regAll).toBe(ALS_DEFAULT_REG);
    expect(resolveSvdParams({ solver: 'sgd' }).regAll).toBe(0.02);
    expect(resolveSvdParams({ regAll: 0.3 }).regAll).toBe(0.3);
  });
  it('reject impossible values', () => {
    expect(() => resolveSvdParams({ nFactors: 0 })).toThrow(RangeError);
    expect(() => resolveSvdParams({ nEpochs: 1.5 })).toThrow(RangeError);
  });
});

describe('seeded RNG', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = fillNormal(new Float32Array(5), 0, 1, mulberry32(1));
    expect(fillNormal(new Float32Array(5), 0, 1, mulberry32(1))).toEqual(a);
    expect(fillNormal(new Float32Array(5), 0, 1, mulberry32(2))).not.toEqual(a);
  });
  it('draws normals with the requested mean and std', () => {
    const x = fillNormal(new Float32Array(100_000), 2, 0.5, mulberry32(3));
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const std = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length);
    expect(mean).toBeCloseTo(2, 2);
    expect(std).toBeCloseTo(0.5, 2);
  });
});
