// evaluateSession on a small synthetic dataset (a rank-2 taste model, hand-seeded) and,
// when ../shared/data is there, on ml-100k: the rows it returns, its progress, cancel,
// and that it leaves no tensors behind.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluateProgress, EvaluationRow } from '../../../src/engine/api';
import { evaluateSession } from '../../../src/engine/evaluation';
import { Session } from '../../../src/engine/session';
import { mulberry32 } from '../../../src/model/rng';
import { hasRealData, loadDataset, realFile, sourceFromText } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

const FAST = { nFactors: 4, nEpochs: 6 };
const live = () => new AbortController().signal;

/** 60 users × 40 movies, each user rating ~60% of them: r = 3 + taste·appeal, rounded to whole stars. */
async function syntheticSession(): Promise<Session> {
  const uniform = mulberry32(7);
  const nUsers = 60, nItems = 40;
  const movies = ['movieId,title,genres'];
  for (let i = 1; i <= nItems; i++) movies.push(`${i},Movie ${i} (${1980 + i}),${i % 2 ? 'Drama' : 'Comedy'}`);
  const ratings = ['userId,movieId,rating,timestamp'];
  const taste = Array.from({ length: nUsers }, () => [uniform() * 2 - 1, uniform() * 2 - 1]);
  const appeal = Array.from({ length: nItems }, () => [uniform() * 2 - 1, uniform() * 2 - 1]);
  for (let u = 0; u < nUsers; u++) {
    for (let i = 0; i < nItems; i++) {
      // Popular movies (low ids) are rated more often, as in real data.
      if (uniform() > 0.9 - (0.5 * (nItems - i)) / nItems) continue;
      const r = 3 + 1.6 * (taste[u]![0]! * appeal[i]![0]! + taste[u]![1]! * appeal[i]![1]!) + (uniform() - 0.5) * 0.6;
      ratings.push(`${u + 1},${i + 1},${Math.min(5, Math.max(1, Math.round(r)))}.0,${900000000 + u * 100 + i}`);
    }
  }
  const { dataset } = await loadDataset([sourceFromText('movies.csv', movies.join('\n') + '\n'), sourceFromText('ratings.csv', ratings.join('\n') + '\n')]);
  return new Session(dataset, true);
}

const row = (rows: EvaluationRow[], name: string) => rows.find((r) => r.algorithm === name)!;

describe('evaluateSession on a small synthetic dataset (wasm)', () => {
  let session: Session;
  beforeAll(async () => {
    await useBackend('wasm');
    session = await syntheticSession();
    // Burn-in: kernels register their scratch tensors once.
    await evaluateSession(session, 'wasm', { kind: 'ranking', params: FAST, algorithms: ['svd'] }, () => {}, live());
  });

  it('cross-validates svd and the rating baselines, skipping most-popular, and the svd beats the global mean', async () => {
    const result = await evaluateSession(session, 'wasm', { kind: 'cv', params: FAST, algorithms: ['svd', 'svd-loop', 'global-mean', 'baseline-only', 'random', 'most-popular'] }, () => {}, live());
    expect(result.kind).toBe('cv');
    expect(result.backend).toBe('wasm');
    expect(result.ratings).toBe(session.dataset.ratings.length);
    expect(result.rows.map((r) => r.algorithm)).toEqual(['svd', 'svd-loop', 'global-mean', 'baseline-only', 'random']);
    for (const r of result.rows) {
      expect(r.rmse).toBeGreaterThan(0);
      expect(r.rmseStd).toBeGreaterThanOrEqual(0);
      expect(r.mae).toBeGreaterThan(0);
      // The global mean ties every pair, and FCP counts ties as discordant (Surprise): 0.
      if (r.algorithm === 'global-mean') expect(r.fcp).toBe(0);
      else if (r.algorithm === 'random') expect(Math.abs(r.fcp! - 0.5)).toBeLessThan(0.1);
      else expect(r.fcp).toBeGreaterThan(0.55);
      expect(r.fitMs).toBeGreaterThanOrEqual(0);
    }
    expect(row(result.rows, 'svd').rmse!).toBeLessThan(row(result.rows, 'global-mean').rmse!);
    expect(row(result.rows, 'global-mean').rmse!).toBeLessThan(row(result.rows, 'random').rmse!);
    // Only the iterative trainers report epoch times.
    expect(row(result.rows, 'svd').msPerEpoch).toBeGreaterThan(0);
    expect(row(result.rows, 'svd-loop').msPerEpoch).toBeGreaterThan(0);
    expect(row(result.rows, 'global-mean').msPerEpoch).toBeUndefined();
  });

  it('defaults to svd and the baselines that apply to each kind', async () => {
    const cv = await evaluateSession(session, 'wasm', { kind: 'cv', params: FAST, nFolds: 3 }, () => {}, live());
    expect(cv.rows.map((r) => r.algorithm)).toEqual(['svd', 'baseline-only', 'global-mean', 'random']);
    const ranking = await evaluateSession(session, 'wasm', { kind: 'ranking', params: FAST }, () => {}, live());
    expect(ranking.rows.map((r) => r.algorithm)).toEqual(['svd', 'baseline-only', 'most-popular', 'random']);
  });

  it('reports progress once per fold and algorithm, ending at the total', async () => {
    const progress: EvaluateProgress[] = [];
    await evaluateSession(session, 'wasm', { kind: 'cv', params: FAST, nFolds: 3, algorithms: ['svd', 'global-mean'] }, (p) => progress.push(p), live());
    expect(progress.every((p) => p.total === 6)).toBe(true);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(progress.at(-1)!.step).toBe('global-mean: done');
  });

  it('ranks with most-popular and gives metrics in [0, 1] on one seeded split', async () => {
    const a = await evaluateSession(session, 'wasm', { kind: 'ranking', params: FAST, k: 5, testSize: 0.25, seed: 3, algorithms: ['svd', 'most-popular'] }, () => {}, live());
    const b = await evaluateSession(session, 'wasm', { kind: 'ranking', params: FAST, k: 5, testSize: 0.25, seed: 3, algorithms: ['svd', 'most-popular'] }, () => {}, live());
    expect(a.rows).toHaveLength(2);
    for (const r of a.rows) for (const m of [r.precision, r.recall, r.ndcg, r.map, r.coverage]) expect(m).toBeGreaterThanOrEqual(0), expect(m).toBeLessThanOrEqual(1);
    expect(row(a.rows, 'most-popular').rmse).toBeUndefined();
    expect(row(a.rows, 'svd').rmse).toBeGreaterThan(0);
    // Seeded: the same split and the same metrics.
    expect(row(b.rows, 'svd').ndcg).toBe(row(a.rows, 'svd').ndcg);
    expect(row(b.rows, 'most-popular').precision).toBe(row(a.rows, 'most-popular').precision);
  });

  it('leaves tf.memory().numTensors at its baseline', async () => {
    const before = tf.memory().numTensors;
    await evaluateSession(session, 'wasm', { kind: 'cv', params: FAST, nFolds: 2, algorithms: ['svd'] }, () => {}, live());
    await evaluateSession(session, 'wasm', { kind: 'ranking', params: FAST, algorithms: ['svd'] }, () => {}, live());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects with an AbortError when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(evaluateSession(session, 'wasm', { kind: 'cv', params: FAST }, () => {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops with an AbortError when cancelled mid-run, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let calls = 0;
    const run = evaluateSession(
      session, 'wasm', { kind: 'cv', params: { ...FAST, nEpochs: 50 }, algorithms: ['svd', 'global-mean'] },
      () => { if (++calls === 2) controller.abort(new DOMException('Cancelled', 'AbortError')); },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describeIf(hasRealData, NO_DATA_REASON)('evaluateSession on ml-100k', () => {
  let session: Session;
  beforeAll(async () => {
    await useBackend('wasm');
    const { dataset } = await loadDataset([realFile('ml-100k/u.data'), realFile('ml-100k/u.item')]);
    session = new Session(dataset, false);
  });

  it('ranks better than most-popular with the ranking-aware svd (full ranking, 80/20 split)', async () => {
    const result = await evaluateSession(session, 'wasm', { kind: 'ranking', params: { nFactors: 32, nEpochs: 10 }, algorithms: ['svd', 'most-popular'] }, () => {}, new AbortController().signal);
    expect(result.ratings).toBe(100_000);
    expect(row(result.rows, 'svd').ndcg!).toBeGreaterThan(row(result.rows, 'most-popular').ndcg!);
  });

  it('cross-validates the baseline below the global mean (Surprise: BaselineOnly 0.944, global mean ≈ 1.126 on ml-100k)', async () => {
    const result = await evaluateSession(session, 'wasm', { kind: 'cv', algorithms: ['baseline-only', 'global-mean'] }, () => {}, new AbortController().signal);
    expect(row(result.rows, 'baseline-only').rmse!).toBeGreaterThan(0.93);
    expect(row(result.rows, 'baseline-only').rmse!).toBeLessThan(0.955);
    expect(row(result.rows, 'global-mean').rmse!).toBeGreaterThan(1.11);
    expect(row(result.rows, 'global-mean').rmse!).toBeLessThan(1.14);
  });
});
