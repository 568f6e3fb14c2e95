// The one ranking pipeline over the contract: the popularity recommender's order, the
// shared filter (genres by name, new arrivals, rated films), the registry, and the
// served evaluation built on it.
import { describe, expect, it } from 'vitest';
import { rank } from '../../../src/recommend/rank';
import { createRecommender, RECOMMENDERS } from '../../../src/recommend/recommenders';
import { OPEN_FILTER } from '../../../src/shared/recommend-filter';
import { servedRankingMetrics } from '../../../src/eval/served-ranking';
import { tinyCatalog, tinyModel } from './tiny-catalog';

const catalog = tinyCatalog([
  { title: 'A', genres: ['Horror'] },
  { title: 'B', genres: ['Drama'] },
  { title: 'C', genres: ['Horror', 'Drama'] },
  { title: 'D', genres: ['Comedy'] },
  { title: 'E', genres: ['Comedy'] },
]);
const context = { catalog, ratingCounts: Int32Array.of(10, 20, 30, 40, 50), newItems: new Set([3]) };
const catalogue = { catalog, votes: context.ratingCounts, newItems: context.newItems };
const popularity = createRecommender('popularity', { scores: Float32Array.of(5, 4, 3, 2, 1) }, context);

describe('rank()', () => {
  it('orders by the recommender’s score and carries it', () => {
    expect(rank(popularity, popularity.foldIn([]), catalogue, OPEN_FILTER, 3)).toEqual([{ item: 0, score: 5 }, { item: 1, score: 4 }, { item: 2, score: 3 }]);
  });

  it('leaves rated films out unless the filter includes them', () => {
    const profile = popularity.foldIn([{ item: 0, rating: 4 }]);
    expect(rank(popularity, profile, catalogue, OPEN_FILTER, 2).map((r) => r.item)).toEqual([1, 2]);
    expect(rank(popularity, profile, catalogue, { ...OPEN_FILTER, includeRated: true }, 2).map((r) => r.item)).toEqual([0, 1]);
  });

  it('filters genres by name (any / all) and new arrivals; unknown genre names match nothing', () => {
    const p = popularity.foldIn([]);
    expect(rank(popularity, p, catalogue, { ...OPEN_FILTER, genres: ['Horror', 'Drama'] }, 5).map((r) => r.item)).toEqual([0, 1, 2]);
    expect(rank(popularity, p, catalogue, { ...OPEN_FILTER, genres: ['Horror', 'Drama'], genreMode: 'all' }, 5).map((r) => r.item)).toEqual([2]);
    expect(rank(popularity, p, catalogue, { ...OPEN_FILTER, onlyNew: true }, 5).map((r) => r.item)).toEqual([3]);
    expect(rank(popularity, p, catalogue, { ...OPEN_FILTER, genres: ['Western'] }, 5).map((r) => r.item)).toEqual([0, 1, 2, 3, 4]);
  });

  it('popularity neither predicts nor explains, and lists every kind in the registry', () => {
    const p = popularity.foldIn([{ item: 1, rating: 5 }]);
    expect(popularity.personalised).toBe(false);
    expect(popularity.predict(p, 0)).toBeNull();
    expect(popularity.explain(p, 0)).toEqual([]);
    expect(Object.keys(RECOMMENDERS)).toEqual(['ease', 'mf', 'popularity']);
  });

  it('serves the MF estimate: a card’s predicted rating is the clipped score with re-ranking off', () => {
    const model = tinyModel([[1, 0], [0, 1], [1, 1], [-1, 0], [0, -1]], [0.1, 0, -0.1, 0.2, 0], 3.5);
    const mf = createRecommender('mf', model, context, { supportShrink: 0, tasteWeight: 0 });
    const profile = mf.foldIn([{ item: 0, rating: 5 }, { item: 3, rating: 1 }]);
    const scores = mf.score(profile, new Float32Array(catalog.size));
    for (let i = 0; i < catalog.size; i++) expect(mf.predict(profile, i)).toBeCloseTo(Math.min(5, Math.max(0.5, scores[i])), 5);
    expect(rank(mf, profile, catalogue, OPEN_FILTER, 1)[0].item).toBe(2);
  });

  it('measures the served list: a user whose held-out film is ranked first scores NDCG 1', () => {
    // One user rated A (train); C is relevant in test. Popularity lists B, C, D…: C at rank 2.
    const train = { length: 1, users: Int32Array.of(0), items: Int32Array.of(0), ratings: Float32Array.of(5) };
    const test = { length: 1, users: Int32Array.of(0), items: Int32Array.of(1), ratings: Float32Array.of(4.5) };
    const m = servedRankingMetrics(popularity, train, test, catalogue, { k: 2 });
    expect(m.users).toBe(1);
    expect(m.ndcg).toBe(1);
    expect(m.precision).toBe(0.5);
    expect(m.coverage).toBeCloseTo(2 / 5, 10);
  });
});
