import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSvdParams } from '../../../src/model/default-svd-params';
import { trainSvd, type EpochReport } from '../../../src/model/train-svd';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import { rmseOf } from '../../../src/model/rmse-of';
import { predict, predictBatch } from '../../../src/model/svd-model';
import { hasData, noDataMessage, readMl100kSplit } from './read-ratings';
import { itIf } from '../../support/skip';
import { svdObjective } from './svd-objective';
import { BACKENDS, useBackend } from './tf-setup';
import { tinyProblem } from './tiny-problem';

const data = tinyProblem();
const scale = [1, 5] as const;
const small = { nFactors: 3, regAll: 0.1 };

for (const backend of BACKENDS) {
  describe(`trainSvd on ${backend}`, () => {
    beforeAll(async () => {
      await useBackend(backend);
      await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 1 }); // burn-in: kernels register their scratch tensors once
    });

    it('ALS reaches the same objective minimum and predictions as the Surprise SGD oracle', async () => {
      // The oracle with a small constant step for many epochs settles at the minimum of the same weighted-λ objective.
      const oracle = trainSvdLoop(data, 12, 10, scale, { ...small, nEpochs: 3000, lrAll: 0.01, seed: 1 });
      const als = await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 200, cgIterations: 4, seed: 1 });
      const fo = svdObjective(oracle, data), fa = svdObjective(als, data);
      expect(Math.abs(fa - fo) / fo).toBeLessThan(0.01);
      for (let j = 0; j < data.length; j++) expect(predict(als, data.users[j]!, data.items[j]!)).toBeCloseTo(predict(oracle, data.users[j]!, data.items[j]!), 1);
    });

    it('mini-batch SGD with batch size 1 and no shuffle follows the oracle update by update', async () => {
      const p = { ...small, solver: 'sgd' as const, nEpochs: 3, batchSize: 1, shuffle: false, seed: 2 };
      const tfSgd = await trainSvd(data, 12, 10, scale, p);
      const oracle = trainSvdLoop(data, 12, 10, scale, p);
      for (let j = 0; j < oracle.userFactors.length; j++) expect(tfSgd.userFactors[j]).toBeCloseTo(oracle.userFactors[j]!, 4);
      for (let j = 0; j < oracle.itemBias.length; j++) expect(tfSgd.itemBias[j]).toBeCloseTo(oracle.itemBias[j]!, 4);
    });

    it('is reproducible for a seed', async () => {
      const a = await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 3, seed: 9 });
      const b = await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 3, seed: 9 });
      expect(b.userFactors).toEqual(a.userFactors);
    });

    for (const solver of ['als', 'sgd'] as const) {
      it(`${solver}: leaves tf.memory().numTensors at its baseline after fit and predict`, async () => {
        const before = tf.memory().numTensors;
        const m = await trainSvd(data, 12, 10, scale, { ...small, solver, nEpochs: 3, batchSize: 16 }, { validation: data });
        predictBatch(m, data.users, data.items);
        expect(tf.memory().numTensors).toBe(before);
      });

      it(`${solver}: cancel rejects with AbortError within one epoch and leaks nothing`, async () => {
        const before = tf.memory().numTensors;
        const controller = new AbortController();
        const epochs: number[] = [];
        const run = trainSvd(data, 12, 10, scale, { ...small, solver, nEpochs: 50 }, {
          signal: controller.signal,
          onEpoch: (e) => { epochs.push(e.epoch); if (e.epoch === 2) controller.abort(); },
        });
        await expect(run).rejects.toMatchObject({ name: 'AbortError' });
        expect(epochs).toEqual([0, 1, 2]);
        expect(tf.memory().numTensors).toBe(before);
      });

      it(`${solver}: an error inside training rejects and leaks nothing`, async () => {
        const before = tf.memory().numTensors;
        const run = trainSvd(data, 12, 10, scale, { ...small, solver, nEpochs: 5 }, { onEpoch: () => { throw new Error('boom'); } });
        await expect(run).rejects.toThrow('boom');
        expect(tf.memory().numTensors).toBe(before);
      });
    }

    it('als with implicitFactors (SVD++): no tensors left after fit, cancel or error', async () => {
      const before = tf.memory().numTensors;
      const svdpp = { ...small, solver: 'als' as const, implicitFactors: true };
      const m = await trainSvd(data, 12, 10, scale, { ...svdpp, nEpochs: 3 }, { validation: data });
      expect(m.userFactors.every(Number.isFinite)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
      const controller = new AbortController();
      await expect(trainSvd(data, 12, 10, scale, { ...svdpp, nEpochs: 50 }, { signal: controller.signal, onEpoch: (e) => { if (e.epoch === 1) controller.abort(); } }))
        .rejects.toMatchObject({ name: 'AbortError' });
      expect(tf.memory().numTensors).toBe(before);
      await expect(trainSvd(data, 12, 10, scale, { ...svdpp, nEpochs: 5 }, { onEpoch: () => { throw new Error('boom'); } })).rejects.toThrow('boom');
      expect(tf.memory().numTensors).toBe(before);
    });

    it('cancel from another task (setTimeout) is seen between epochs', async () => {
      const controller = new AbortController();
      const epochs: number[] = [];
      setTimeout(() => controller.abort(), 0);
      await expect(trainSvd(data, 12, 10, scale, { ...small, nEpochs: 1000 }, { signal: controller.signal, onEpoch: (e) => epochs.push(e.epoch) }))
        .rejects.toMatchObject({ name: 'AbortError' });
      expect(epochs.length).toBeLessThan(1000);
    });

    it('early stopping keeps the best validation epoch and stops after `patience` worse epochs', async () => {
      const reports: EpochReport[] = [];
      // Weak regularisation overfits the tiny problem, so validation RMSE turns up (3 CG steps per
      // sweep: with 1 preconditioned step the path to the overfitted minimum keeps improving validation).
      const train = { ...data, length: 50, users: data.users.slice(0, 50), items: data.items.slice(0, 50), ratings: data.ratings.slice(0, 50) };
      const valid = { ...data, length: data.length - 50, users: data.users.slice(50), items: data.items.slice(50), ratings: data.ratings.slice(50) };
      const m = await trainSvd(train, 12, 10, scale, { nFactors: 6, regAll: 0.001, nEpochs: 100, cgIterations: 3, earlyStoppingPatience: 2 }, { validation: valid, onEpoch: (e) => reports.push(e) });
      expect(reports.length).toBeLessThan(100);
      const best = Math.min(...reports.map((r) => r.validRmse!));
      expect(rmseOf(m, valid)).toBeCloseTo(best, 5);
      expect(reports.at(-1)!.validRmse!).toBeGreaterThan(best);
    });

    it('warm start continues from the given model without modifying it', async () => {
      const first = await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 2 });
      const copy = first.userFactors.slice();
      const reports: EpochReport[] = [];
      await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 1 }, { init: first, onEpoch: (e) => reports.push(e) });
      const cold: EpochReport[] = [];
      await trainSvd(data, 12, 10, scale, { ...small, nEpochs: 1 }, { onEpoch: (e) => cold.push(e) });
      expect(first.userFactors).toEqual(copy);
      expect(reports[0]!.trainLoss).toBeLessThan(cold[0]!.trainLoss);
    });
  });
}

describe('trainSvd on ml-100k u1 (wasm)', () => {
  itIf(hasData, noDataMessage)('reaches test RMSE < 0.95 in 20 epochs with the defaults', async () => {
    await useBackend('wasm');
    const { train, test, nUsers, nItems } = readMl100kSplit(1);
    const before = tf.memory().numTensors;
    const m = await trainSvd(train, nUsers, nItems, [1, 5]);
    // Measured 0.925 (docs/model.md); Surprise's SGD SVD gets ≈ 0.95 on this split.
    expect(rmseOf(m, test)).toBeLessThan(0.95);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
  itIf(hasData, noDataMessage)('the app defaults (defaultSvdParams: SVD++ ALS) beat plain ALS on u1', async () => {
    await useBackend('wasm');
    const { train, test, nUsers, nItems } = readMl100kSplit(1);
    const before = tf.memory().numTensors;
    const m = await trainSvd(train, nUsers, nItems, [1, 5], defaultSvdParams(train.length));
    // Measured 0.9177 (plain ALS with 7 sweeps: 0.9264). The bound is tight on purpose: a wrong
    // kernel result that still trains (e.g. a bias column read as garbage) lands near 0.93.
    expect(rmseOf(m, test)).toBeLessThan(0.92);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
