import { beforeAll, describe, expect, it } from 'vitest';
import { trainSvd } from '../../../src/model/train-svd';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import type { SvdModel, SvdParams } from '../../../src/model/svd-model';
import { useBackend } from './tf-setup';
import { tinyProblem } from './tiny-problem';

// One test per hyperparameter: changing it (and nothing else) changes the trained model.
const data = tinyProblem();
const base: Partial<SvdParams> = { nFactors: 3, nEpochs: 4, seed: 1 };
const fingerprint = (m: SvdModel) => [...m.userBias, ...m.itemBias, ...m.userFactors, ...m.itemFactors].join(',');
const differs = (a: SvdModel, b: SvdModel) => expect(fingerprint(a)).not.toBe(fingerprint(b));

describe('each hyperparameter changes the result', () => {
  beforeAll(() => useBackend('wasm'));
  const alsCases: [string, Partial<SvdParams>][] = [
    ['nFactors', { nFactors: 4 }], ['nEpochs', { nEpochs: 5 }], ['regAll', { regAll: 0.5 }], ['initMean', { initMean: 0.2 }],
    ['initStdDev', { initStdDev: 0.3 }], ['biased', { biased: false }], ['regBu', { regBu: 1 }], ['regBi', { regBi: 1 }],
    ['regPu', { regPu: 1 }], ['regQi', { regQi: 1 }], ['cgIterations', { cgIterations: 3 }], ['seed', { seed: 2 }],
    ['regCountExponent', { regCountExponent: 0.5 }], ['implicitWeight', { implicitWeight: 0.1 }],
    ['implicitFactors', { implicitFactors: true }], ['regBiasFloor', { regBiasFloor: 5 }], ['regFactorFloor', { regFactorFloor: 5 }],
  ];
  for (const [name, change] of alsCases) {
    it(`als: ${name}`, async () => {
      const a = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als' });
      const b = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als', ...change });
      differs(a, b);
    });
  }
  it('als: regYj (with implicitFactors)', async () => {
    const a = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als', implicitFactors: true, regYj: 0.1 });
    const b = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als', implicitFactors: true, regYj: 3 });
    differs(a, b);
  });
  it('als: implicitInterval (with implicitFactors)', async () => {
    const a = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als', implicitFactors: true });
    const b = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'als', implicitFactors: true, implicitInterval: 2 });
    differs(a, b);
  });
  const sgdCases: [string, Partial<SvdParams>][] = [
    ['lrAll', { lrAll: 0.02 }], ['lrBu', { lrBu: 0.05 }], ['lrBi', { lrBi: 0.05 }], ['lrPu', { lrPu: 0.05 }], ['lrQi', { lrQi: 0.05 }],
    ['batchSize', { batchSize: 7 }], ['lrDecay', { lrDecay: 0.5 }], ['shuffle', { shuffle: false }], ['solver', { solver: 'als' }],
  ];
  for (const [name, change] of sgdCases) {
    it(`sgd: ${name}`, async () => {
      const a = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'sgd', batchSize: 16 });
      const b = await trainSvd(data, 12, 10, [1, 5], { ...base, solver: 'sgd', batchSize: 16, ...change });
      differs(a, b);
    });
  }
  it('earlyStoppingPatience (with validation)', async () => {
    const p = { nFactors: 6, regAll: 0.001, nEpochs: 40 };
    const a = await trainSvd(data, 12, 10, [1, 5], p, { validation: data });
    const b = await trainSvd(data, 12, 10, [1, 5], { ...p, earlyStoppingPatience: 1 }, { validation: { ...data, ratings: data.ratings.map((r) => 6 - r) } });
    differs(a, b);
  });
  it('loop oracle: lrAll, regAll, shuffle, lrDecay', () => {
    const a = trainSvdLoop(data, 12, 10, [1, 5], base);
    for (const change of [{ lrAll: 0.02 }, { regAll: 0.5 }, { shuffle: false }, { lrDecay: 0.5 }]) differs(a, trainSvdLoop(data, 12, 10, [1, 5], { ...base, ...change }));
  });
  it('als: a penalty floor shrinks the bias of an item rated once', async () => {
    // Item 10 gets one 5-star rating; every other item keeps the tiny problem's ratings.
    const users = Int32Array.from([...data.users, 0]);
    const items = Int32Array.from([...data.items, 10]);
    const ratings = Float32Array.from([...data.ratings, 5]);
    const once = { users, items, ratings, length: ratings.length };
    const p = { ...base, solver: 'als' as const, nFactors: 2, regAll: 0.05 };
    const plain = await trainSvd(once, 12, 11, [1, 5], p);
    const floored = await trainSvd(once, 12, 11, [1, 5], { ...p, regBiasFloor: 3, regFactorFloor: 3 });
    expect(Math.abs(floored.itemBias[10]!)).toBeLessThan(0.6 * Math.abs(plain.itemBias[10]!));
  });
});
