import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sgdBatchGradients, type Regs, type SgdTensors } from '../../../src/model/sgd-solver';
import { fillNormal, mulberry32 } from '../../../src/model/rng';
import { BACKENDS, useBackend } from './tf-setup';

// Float64 objective of the batch: Σ mask·(½e² + ½λ_bu b_u² + ½λ_bi b_i² + ½λ_pu‖p_u‖² + ½λ_qi‖q_i‖²).
function objective(p: Float64Array, q: Float64Array, bu: Float64Array, bi: Float64Array, k: number, mu: number, reg: Regs, u: number[], i: number[], r: number[], mask: number[]): number {
  let total = 0;
  for (let j = 0; j < u.length; j++) {
    let dot = 0, pp = 0, qq = 0;
    for (let f = 0; f < k; f++) { dot += p[u[j]! * k + f]! * q[i[j]! * k + f]!; pp += p[u[j]! * k + f]! ** 2; qq += q[i[j]! * k + f]! ** 2; }
    const e = r[j]! - (mu + bu[u[j]!]! + bi[i[j]!]! + dot);
    total += mask[j]! * (0.5 * e * e + 0.5 * (reg.bu * bu[u[j]!]! ** 2 + reg.bi * bi[i[j]!]! ** 2 + reg.pu * pp + reg.qi * qq));
  }
  return total;
}

for (const backend of BACKENDS) {
  describe(`SGD explicit gradients on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('equal central-difference numerical gradients, with repeated users/items and a padded row', () => {
      const nUsers = 3, nItems = 4, k = 2, mu = 3.2, reg: Regs = { bu: 0.1, bi: 0.2, pu: 0.3, qi: 0.05 };
      const uniform = mulberry32(5);
      const p = Float64Array.from(fillNormal(new Float32Array(nUsers * k), 0, 0.5, uniform));
      const q = Float64Array.from(fillNormal(new Float32Array(nItems * k), 0, 0.5, uniform));
      const bu = Float64Array.of(0.1, -0.2, 0.3), bi = Float64Array.of(-0.1, 0.2, 0, 0.4);
      const u = [0, 1, 0, 2, 1, 2], i = [1, 1, 3, 0, 2, 3], r = [4, 3, 5, 2, 1, 4], mask = [1, 1, 1, 1, 1, 0];
      const before = tf.memory().numTensors;
      const t: SgdTensors = { userFactors: tf.tensor2d(Float32Array.from(p), [nUsers, k]), itemFactors: tf.tensor2d(Float32Array.from(q), [nItems, k]), userBias: tf.tensor1d(Float32Array.from(bu)), itemBias: tf.tensor1d(Float32Array.from(bi)) };
      const batch = { users: tf.tensor1d(u, 'int32'), items: tf.tensor1d(i, 'int32'), ratings: tf.tensor1d(r), mask: tf.tensor1d(mask) };
      const g = sgdBatchGradients(t, batch, mu, reg, true);
      const got = { p: g.userFactors.dataSync(), q: g.itemFactors.dataSync(), bu: g.userBias.dataSync(), bi: g.itemBias.dataSync() };
      tf.dispose([t.userFactors, t.itemFactors, t.userBias, t.itemBias, batch.users, batch.items, batch.ratings, batch.mask, g.userFactors, g.itemFactors, g.userBias, g.itemBias, g.sse]);
      expect(tf.memory().numTensors).toBe(before);

      const f = () => objective(p, q, bu, bi, k, mu, reg, u, i, r, mask);
      const h = 1e-6;
      const numeric = (arr: Float64Array, j: number) => { const o = arr[j]!; arr[j] = o + h; const a = f(); arr[j] = o - h; const b = f(); arr[j] = o; return (a - b) / (2 * h); };
      for (const [name, arr] of [['p', p], ['q', q], ['bu', bu], ['bi', bi]] as const) {
        for (let j = 0; j < arr.length; j++) expect(got[name][j], `${name}[${j}]`).toBeCloseTo(numeric(arr, j), 4);
      }
    });
  });
}
