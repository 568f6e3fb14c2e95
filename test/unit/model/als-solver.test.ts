import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alsHalfSweep, buildSide, disposeSide, planBuckets } from '../../../src/model/als-solver';
import { cholesky, solveWithCholesky } from '../../../src/recommend/visitor-profile';
import { fillNormal, mulberry32 } from '../../../src/model/rng';
import { BACKENDS, useBackend } from './tf-setup';
import { tinyProblem } from './tiny-problem';

describe('planBuckets', () => {
  it('groups rows by rating count, puts rows without ratings last, and pads each bucket to its longest row', () => {
    const counts = Int32Array.from({ length: 200 }, (_, j) => (j === 5 ? 0 : 1 + (j % 50)));
    const { order, bounds, solved } = planBuckets(counts);
    expect(solved).toBe(199);
    expect(order[199]).toBe(5);
    let covered = 0;
    for (const b of bounds) {
      expect(b.start).toBe(covered);
      for (let p = b.start; p < b.start + b.rows; p++) expect(counts[order[p]!]).toBeLessThanOrEqual(b.len);
      expect(counts[order[b.start + b.rows - 1]!]).toBe(b.len);
      covered += b.rows;
    }
    expect(covered).toBe(199);
  });

  const slots = (bounds: { rows: number; len: number }[], cost: number) => bounds.reduce((s, b) => s + b.rows * b.len + cost, 0);

  it('pays for a bucket only when it saves more padding than it costs', () => {
    const counts = Int32Array.from({ length: 200 }, (_, j) => (j < 100 ? 30 : 100));
    // One bucket: 200·100 + c; two: 100·30 + 100·100 + 2c: two when c = 1,000, one when c = 50,000.
    expect(planBuckets(counts, 1000).bounds).toEqual([{ start: 0, rows: 100, len: 30 }, { start: 100, rows: 100, len: 100 }]);
    expect(planBuckets(counts, 50_000).bounds).toEqual([{ start: 0, rows: 200, len: 100 }]);
  });

  it('finds the cheapest cut (checked against every cut of small random inputs)', () => {
    const uniform = mulberry32(3);
    for (let trial = 0; trial < 200; trial++) {
      const counts = Int32Array.from({ length: 2 + Math.floor(uniform() * 30) }, () => 1 + Math.floor(uniform() * 12));
      const cost = Math.floor(uniform() * 40);
      const sorted = [...counts].sort((a, b) => a - b);
      const values = [...new Set(sorted)];
      let best = Infinity;
      // Every subset of the distinct values (the largest always closes a bucket) is a cut.
      for (let mask = 0; mask < 1 << (values.length - 1); mask++) {
        let total = 0, from = 0;
        for (let t = 0; t < values.length; t++) {
          if (t < values.length - 1 && !(mask & (1 << t))) continue;
          const to = sorted.lastIndexOf(values[t]!) + 1;
          total += (to - from) * values[t]! + cost;
          from = to;
        }
        best = Math.min(best, total);
      }
      // Within MAX_BUCKET_SPAN (4) the planner is exact; counts here span up to 12×, so it may only be worse.
      const planned = slots(planBuckets(counts, cost).bounds, cost);
      expect(planned).toBeGreaterThanOrEqual(best);
      if (sorted[sorted.length - 1]! <= 4 * sorted[0]!) expect(planned).toBe(best);
    }
  });

  it('splits a bucket by rows when it would hold more than maxSlots', () => {
    const counts = Int32Array.from({ length: 100 }, () => 30);
    const { bounds } = planBuckets(counts, 1000, 700);
    expect(bounds.every((b) => b.len === 30 && b.rows * b.len <= 700)).toBe(true);
    expect(bounds.reduce((n, b) => n + b.rows, 0)).toBe(100);
    expect(bounds.map((b) => b.start)).toEqual([...bounds.keys()].map((i) => (i === 0 ? 0 : bounds[i - 1]!.start + bounds[i - 1]!.rows)));
  });
});

for (const backend of BACKENDS) {
  describe(`ALS half-sweep on ${backend}`, () => {
    beforeAll(() => useBackend(backend));
    afterAll(() => tf.disposeVariables());

    it('with d CG iterations equals the closed-form weighted-λ least-squares solution per user', () => {
      const data = tinyProblem();
      const nUsers = 12, nItems = 10, k = 3, d = k + 1, mu = 3, regB = 0.05, regF = 0.2;
      const uniform = mulberry32(11);
      const itemParams = fillNormal(new Float32Array(nItems * d), 0, 0.3, uniform); // rows [b_i, q_i]
      const identity = Int32Array.from({ length: nItems }, (_, j) => j);
      const before = tf.memory().numTensors;
      const side = buildSide(data.users, data.items, data.ratings, nUsers, identity, nItems, mu, regB, regF, d, true);
      const userStart = fillNormal(new Float32Array(nUsers * d), 0, 0.3, uniform);
      const other = tf.tensor2d(itemParams, [nItems, d]);
      const self = tf.tensor2d(userStart, [nUsers, d]);
      const { params, sse } = alsHalfSweep(side, self, other, true, 2 * d, true);
      const solved = params.dataSync();
      const solvedSse = sse.dataSync()[0]!;
      tf.dispose([other, self, params, sse]);
      disposeSide(side);

      let expectSse = 0;
      for (let u = 0; u < nUsers; u++) {
        const a = new Float64Array(d * d), rhs = new Float64Array(d);
        let n = 0;
        for (let j = 0; j < data.length; j++) {
          if (data.users[j] !== u) continue;
          n++;
          const i = data.items[j]!, z = [1, ...itemParams.subarray(i * d + 1, i * d + d)];
          const y = data.ratings[j]! - mu - itemParams[i * d]!;
          for (let r = 0; r < d; r++) { rhs[r]! += z[r]! * y; for (let c = 0; c < d; c++) a[r * d + c]! += z[r]! * z[c]!; }
        }
        for (let r = 0; r < d; r++) a[r * d + r]! += n * (r === 0 ? regB : regF);
        const x = solveWithCholesky(cholesky(a, d), rhs, d);
        const p = side.pos[u]!;
        for (let f = 0; f < d; f++) expect(solved[p * d + f]).toBeCloseTo(x[f]!, 3);
        for (let j = 0; j < data.length; j++) {
          if (data.users[j] !== u) continue;
          const i = data.items[j]!;
          let est = mu + itemParams[i * d]! + x[0]!;
          for (let f = 1; f < d; f++) est += x[f]! * itemParams[i * d + f]!;
          expectSse += (data.ratings[j]! - est) ** 2;
        }
      }
      expect(solvedSse).toBeCloseTo(expectSse, 2);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
