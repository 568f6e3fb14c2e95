import { describe, expect, it } from 'vitest';
import { contentSimilarity, normalizedFactors, similarItems } from '../../../src/recommend/similar-items';
import { tinyCatalog, tinyModel } from './tiny-catalog';

const catalog = tinyCatalog([
  { title: 'Heat', genres: ['Crime', 'Thriller'], director: 'Michael Mann', cast: ['Al Pacino'], keywords: ['heist'] },
  { title: 'Collateral', genres: ['Crime', 'Thriller'], director: 'Michael Mann', cast: ['Tom Cruise'], keywords: ['hitman'] },
  { title: 'Toy Story', genres: ['Animation', 'Family'], director: 'John Lasseter', cast: ['Tom Hanks'] },
  { title: 'The Insider', genres: ['Drama'], director: 'Michael Mann', cast: ['Al Pacino'] },
  { title: 'Up', genres: ['Animation', 'Family'], director: 'Pete Docter' },
]);
const model = tinyModel(
  [
    [1, 0.1],
    [0.9, 0.2],
    [0, 1],
    [0.2, 0.1],
    [0.1, 0.9],
  ],
  [0, 0, 0, 0, 0],
  3.5,
);

describe('similar movies', () => {
  it('finds nearest neighbours by cosine in factor space for well-rated movies', () => {
    const counts = Int32Array.from([50, 40, 60, 30, 45]);
    const result = similarItems(catalog, model, normalizedFactors(model), counts, 2, { n: 2, minRatings: 5 });
    expect(result.method).toBe('factors');
    expect(result.items.map((r) => catalog.titles[r.item])).toEqual(['Up', 'The Insider']);
  });

  it('uses content (genres, director, cast, keywords) for movies with too few ratings', () => {
    const counts = Int32Array.from([2, 40, 60, 30, 45]);
    const result = similarItems(catalog, model, normalizedFactors(model), counts, 0, { n: 2, minRatings: 5 });
    expect(result.method).toBe('content');
    expect(result.items.map((r) => catalog.titles[r.item])).toEqual(['Collateral', 'The Insider']);
  });

  it('scores identical content 1 and disjoint content 0', () => {
    const same = tinyCatalog([
      { title: 'A', genres: ['Drama'], director: 'X', cast: ['P', 'Q', 'R'], keywords: ['k'] },
      { title: 'B', genres: ['Drama'], director: 'X', cast: ['P', 'Q', 'R'], keywords: ['k'] },
      { title: 'C', genres: ['Comedy'], director: 'Y', cast: ['S'], keywords: ['j'] },
    ]);
    const s = contentSimilarity(same, 0);
    expect(s[1]).toBeCloseTo(1, 6);
    expect(s[2]).toBe(0);
  });
});
