import { describe, expect, it } from 'vitest';
import { extendWithContentFactors } from '../../../src/recommend/cold-start';
import { tinyCatalog, tinyModel } from './tiny-catalog';

const catalog = tinyCatalog([
  { title: 'Heat', genres: ['Crime', 'Thriller'], director: 'Michael Mann', cast: ['Al Pacino'] },
  { title: 'Thief', genres: ['Crime', 'Thriller'], director: 'Michael Mann', cast: ['James Caan'] },
  { title: 'Up', genres: ['Animation', 'Family'], director: 'Pete Docter' },
  { title: 'Collateral (new)', genres: ['Crime', 'Thriller'], director: 'Michael Mann' },
  { title: 'Unrelated (new)', genres: ['Documentary'] },
]);
const model = tinyModel(
  [
    [1, 0],
    [0.8, 0.2],
    [0, 1],
  ],
  [0.3, 0.1, -0.2],
  3.5,
);
const counts = Int32Array.from([50, 40, 60, 0, 0]);

describe('content factors for new items', () => {
  it('gives a new film the similarity-weighted mean of its content neighbours', () => {
    const extended = extendWithContentFactors(model, catalog, counts, [3, 4], { neighbours: 2, minRatings: 10 });
    expect(extended.nItems).toBe(5);
    // Heat and Thief share genres and director equally with the new film: equal weights.
    expect(Array.from(extended.itemFactors.subarray(6, 8))).toEqual([expect.closeTo(0.9, 5), expect.closeTo(0.1, 5)]);
    expect(extended.itemBias[3]).toBeCloseTo(0.2, 5);
  });

  it('leaves a film without any content neighbour at the mean item and keeps trained rows', () => {
    const extended = extendWithContentFactors(model, catalog, counts, [3, 4], { neighbours: 2, minRatings: 10 });
    expect(Array.from(extended.itemFactors.subarray(8, 10))).toEqual([0, 0]);
    expect(extended.itemBias[4]).toBe(0);
    expect(extended.itemFactors.subarray(0, 6)).toEqual(model.itemFactors);
  });

  it('ignores neighbours with too few ratings', () => {
    const sparse = Int32Array.from([50, 2, 60, 0, 0]);
    const extended = extendWithContentFactors(model, catalog, sparse, [3], { neighbours: 5, minRatings: 10 });
    expect(Array.from(extended.itemFactors.subarray(6, 8))).toEqual([1, 0]);
  });
});
