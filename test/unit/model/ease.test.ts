// EASE^R: the Cholesky inverse, the closed form's optimality conditions, item selection by
// support, and the served recommender's scores as the sum of its exact contributions.
import { describe, expect, it } from 'vitest';
import type { Catalog, RatingsCoo } from '../../../src/dataset/dataset';
import { easeScores, invertSpd, trainEase } from '../../../src/model/ease';
import { EaseRecommender } from '../../../src/recommend/ease-recommender';

/** 6 users × 5 items; item 4 is rated once. Float32 ratings (step 1). */
function tiny(): RatingsCoo {
  const rows: [number, number, number][] = [
    [0, 0, 5], [0, 1, 4], [0, 2, 1], [1, 0, 4], [1, 1, 5], [1, 3, 2], [2, 1, 3], [2, 2, 5], [2, 3, 4],
    [3, 0, 2], [3, 2, 4], [3, 3, 5], [4, 0, 5], [4, 1, 5], [4, 4, 3], [5, 2, 3], [5, 3, 3], [5, 1, 1],
  ];
  return { length: rows.length, users: Int32Array.from(rows, (r) => r[0]), items: Int32Array.from(rows, (r) => r[1]), ratings: Float32Array.from(rows, (r) => r[2]) };
}

function gramOf(coo: RatingsCoo, items: number[], lambda: number): number[][] {
  const n = items.length;
  const x = Array.from({ length: 6 }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < coo.length; j++) { const s = items.indexOf(coo.items[j]!); if (s >= 0) x[coo.users[j]!]![s] = coo.ratings[j]!; }
  return Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => x.reduce((t, row) => t + row[a]! * row[b]!, 0) + (a === b ? lambda : 0)));
}

describe('invertSpd', () => {
  it('returns the inverse: A·P = I to 1e-12', () => {
    const n = 7;
    const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 10 + i : Math.cos(i + 2 * j) + Math.cos(j + 2 * i))));
    const p = invertSpd(Float64Array.from(a.flat()), n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i]![k]! * p[k * n + j]!;
      expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(RangeError);
  });
});

describe('trainEase', () => {
  it('keeps only items with minSupport ratings, most-rated first', () => {
    const model = trainEase(tiny(), 5, { minSupport: 2, lambda: 1, userWeightExponent: 0 });
    expect([...model.items]).toEqual([1, 0, 2, 3]);
    expect(model.slot[4]).toBe(-1);
    expect(trainEase(tiny(), 5, { minSupport: 2, maxItems: 2, lambda: 1, userWeightExponent: 0 }).items).toEqual(Int32Array.from([1, 0]));
  });

  it('solves the constrained ridge problem: zero diagonal and ((G+λI)B − G)_ji = 0 off the diagonal', () => {
    const lambda = 3;
    const model = trainEase(tiny(), 5, { minSupport: 1, lambda, userWeightExponent: 0 });
    const items = [...model.items], n = items.length, b = model.weights;
    const g = gramOf(tiny(), items, 0);
    for (let i = 0; i < n; i++) {
      expect(b[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let s = -g[j]![i]!;
        for (let k = 0; k < n; k++) s += (g[j]![k]! + (j === k ? lambda : 0)) * b[k * n + i]!;
        expect(Math.abs(s)).toBeLessThan(1e-4);
      }
    }
  });

  it('weights each user by n_u^−α: a different α gives a different B', () => {
    const a = trainEase(tiny(), 5, { minSupport: 1, lambda: 3, userWeightExponent: 0 });
    const b = trainEase(tiny(), 5, { minSupport: 1, lambda: 3, userWeightExponent: 0.5 });
    expect(Math.max(...a.weights.map((w, k) => Math.abs(w - b.weights[k]!)))).toBeGreaterThan(1e-3);
  });
});

describe('EaseRecommender', () => {
  const model = trainEase(tiny(), 5, { minSupport: 2, lambda: 2, userWeightExponent: 0.25 });
  const recommender = new EaseRecommender(model);
  const profile = recommender.foldIn([{ item: 0, rating: 5 }, { item: 4, rating: 4 }, { item: 2, rating: 2 }]);

  it('drops ratings of items outside the model from the profile', () => {
    expect(profile.ratings.map((r) => r.item)).toEqual([0, 2]);
  });

  it('scores items outside the model NaN and each scored item as the sum of its contributions', () => {
    const scores = recommender.score(profile, new Float32Array(5));
    expect(scores[4]).toBeNaN();
    for (const item of [1, 3]) {
      const sum = recommender.explain(profile, item).reduce((t, c) => t + c.contribution, 0);
      expect(scores[item]).toBeCloseTo(sum, 5);
      expect(scores[item]).not.toBe(0);
    }
    expect(easeScores(model, profile.ratings)[1]).toBe(scores[1]);
  });

  it('leaves films appended after training unlisted (NaN) until a retrain', () => {
    const grown = recommender.extendForNewItems({ catalog: { size: 7 } as Catalog, ratingCounts: new Int32Array(7), newItems: new Set([5, 6]) }, [5, 6]);
    const scores = grown.score(grown.foldIn([{ item: 0, rating: 5 }, { item: 6, rating: 5 }]), new Float32Array(7));
    expect(scores[5]).toBeNaN();
    expect(scores[6]).toBeNaN();
    expect(Number.isFinite(scores[1])).toBe(true);
  });
});
