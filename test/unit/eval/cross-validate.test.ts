import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../../src/eval/cross-validate';
import { gridCandidates, randomCandidates, searchParams } from '../../../src/eval/search';
import { svdPredictor, trainBaselineOnly, trainGlobalMean } from '../../../src/model/baselines';

const n = 400;
const coo = {
  length: n, users: Int32Array.from({ length: n }, (_, j) => j % 20), items: Int32Array.from({ length: n }, (_, j) => (j * 7) % 30),
  ratings: Float32Array.from({ length: n }, (_, j) => Math.min(5, 1 + (j % 20) / 5 + ((j * 7) % 30) / 15)),
};

describe('cross-validation and search', () => {
  it('crossValidate reports per-fold and mean ± std, and a better model scores better', async () => {
    const gm = await crossValidate((train) => svdPredictor(trainGlobalMean(train, 20, 30, [1, 5])), coo, { nFolds: 4, seed: 1 });
    const bl = await crossValidate((train) => svdPredictor(trainBaselineOnly(train, 20, 30, [1, 5], { regI: 1, regU: 1 })), coo, { nFolds: 4, seed: 1 });
    expect(gm.folds).toHaveLength(4);
    expect(gm.mean.rmse).toBeCloseTo(gm.folds.reduce((s, f) => s + f.rmse, 0) / 4, 10);
    expect(bl.mean.rmse).toBeLessThan(gm.mean.rmse);
    expect(bl.mean.fcp).toBeGreaterThan(0.5);
  });
  it('gridCandidates enumerates every combination; randomCandidates is seeded and distinct', () => {
    expect(gridCandidates<{ a: number; b: string }>({ a: [1, 2], b: ['x', 'y'] })).toEqual([{ a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'x' }, { a: 2, b: 'y' }]);
    const r = randomCandidates<{ a: number; b: number }>({ a: [1, 2, 3], b: [4, 5] }, 4, 3);
    expect(r).toHaveLength(4);
    expect(new Set(r.map((c) => JSON.stringify(c))).size).toBe(4);
    expect(randomCandidates<{ a: number; b: number }>({ a: [1, 2, 3], b: [4, 5] }, 4, 3)).toEqual(r);
  });
  it('searchParams returns a table sorted by RMSE', async () => {
    const rows = await searchParams<{ regI: number }>(gridCandidates({ regI: [1000, 1] }),
      (p) => (train) => svdPredictor(trainBaselineOnly(train, 20, 30, [1, 5], p)), coo, { nFolds: 3 });
    expect(rows.map((r) => r.params.regI)).toEqual([1, 1000]);
    expect(rows[0]!.rmse).toBeLessThanOrEqual(rows[1]!.rmse);
  });
});
