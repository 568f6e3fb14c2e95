import { describe, expect, it } from 'vitest';
import { foldInUser } from '../../../src/model/fold-in-user';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import { tinyProblem } from './tiny-problem';

describe('foldInUser', () => {
  it('returns the stationary point of the weighted-λ objective (its gradient is zero)', () => {
    const model = trainSvdLoop(tinyProblem(), 12, 10, [1, 5], { nFactors: 3, nEpochs: 10 });
    const items = Int32Array.of(0, 3, 5, 7), ratings = Float32Array.of(5, 2, 4, 3), reg = 0.1, k = 3;
    const { bias, factors } = foldInUser(model, items, ratings, reg);
    const grad = new Float64Array(k + 1);
    for (let j = 0; j < items.length; j++) {
      const i = items[j]!;
      let est = model.globalMean + model.itemBias[i]! + bias;
      for (let f = 0; f < k; f++) est += factors[f]! * model.itemFactors[i * k + f]!;
      const e = ratings[j]! - est;
      grad[0]! -= e;
      for (let f = 0; f < k; f++) grad[1 + f]! -= e * model.itemFactors[i * k + f]!;
    }
    grad[0]! += reg * items.length * bias;
    for (let f = 0; f < k; f++) grad[1 + f]! += reg * items.length * factors[f]!;
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-4);
  });

  it('gives zeros for a visitor with no known items', () => {
    const model = trainSvdLoop(tinyProblem(), 12, 10, [1, 5], { nFactors: 3, nEpochs: 1 });
    expect(foldInUser(model, Int32Array.of(99), Float32Array.of(4), 0.1)).toEqual({ bias: 0, factors: new Float32Array(3) });
  });
});
