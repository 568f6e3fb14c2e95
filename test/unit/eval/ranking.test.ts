import { describe, expect, it } from 'vitest';
import { rankedListMetrics, rankingMetrics, topK } from '../../../src/eval/ranking';
import type { RatingPredictor } from '../../../src/model/baselines';

describe('ranking metrics (hand-computed)', () => {
  it('precision, recall, NDCG and AP of one list', () => {
    // ranked [3, 1, 4, 2], relevant {1, 2, 9}, k = 3: hit at rank 2 only
    const m = rankedListMetrics([3, 1, 4, 2], new Set([1, 2, 9]), 3);
    expect(m.precision).toBeCloseTo(1 / 3, 10);
    expect(m.recall).toBeCloseTo(1 / 3, 10);
    // DCG = 1/log2(3); IDCG = 1 + 1/log2(3) + 1/log2(4)
    expect(m.ndcg).toBeCloseTo((1 / Math.log2(3)) / (1 + 1 / Math.log2(3) + 0.5), 10);
    // AP@3 = (1/2) / min(3, 3)
    expect(m.ap).toBeCloseTo(1 / 6, 10);
  });
  it('topK breaks ties by item index', () => {
    expect(Array.from(topK(Float32Array.of(1, 3, 3, 2), Int32Array.of(9, 4, 2, 7), 3))).toEqual([2, 4, 7]);
  });
  it('ranks all items the user has not rated in training, relevance = rating ≥ 4', () => {
    // 2 users, 5 items; the score is the item index (higher is better).
    const byIndex: RatingPredictor = { name: 'idx', predictBatch: (_u, items) => Float32Array.from(items) };
    const train = { length: 2, users: Int32Array.of(0, 1), items: Int32Array.of(4, 0), ratings: Float32Array.of(5, 5) };
    // user 0: relevant {3} (2 is rated 3 → not relevant); user 1: relevant {1}; user 2 has no relevant items → excluded
    const test = { length: 4, users: Int32Array.of(0, 0, 1, 2), items: Int32Array.of(3, 2, 1, 4), ratings: Float32Array.of(4, 3, 4.5, 2) };
    const m = rankingMetrics(byIndex, train, test, 5, { k: 2 });
    // user 0 candidates 0..3 → top2 [3, 2]: hit at 1; user 1 candidates 1..4 → top2 [4, 3]: no hit
    expect(m.users).toBe(2);
    expect(m.precision).toBeCloseTo((1 / 2 + 0) / 2, 10);
    expect(m.recall).toBeCloseTo((1 + 0) / 2, 10);
    expect(m.ndcg).toBeCloseTo((1 + 0) / 2, 10);
    expect(m.map).toBeCloseTo((1 + 0) / 2, 10);
    expect(m.coverage).toBeCloseTo(3 / 5, 10); // {3, 2, 4}
  });
});
