// The MF recommender's ranking score (rank-scores.ts): genre taste, support shrinkage
// and the exact taste shares, against hand-computed values; each option toggles off.
import { describe, expect, it } from 'vitest';
import { bestGenre, DEFAULT_RANK_SCORE, genreTaste, rankScores, shrinkFactor, tasteShares } from '../../../src/recommend/rank-scores';
import { tinyCatalog } from './tiny-catalog';

// Genre names sort to Comedy (bit 0), Drama (bit 1), Horror (bit 2).
const catalog = tinyCatalog([
  { title: 'A', genres: ['Horror'] },
  { title: 'B', genres: ['Horror', 'Drama'] },
  { title: 'C', genres: ['Comedy'] },
  { title: 'D', genres: ['Drama'] },
  { title: 'E' },
]);
const rated = [
  { item: 0, rating: 5 },
  { item: 1, rating: 4 },
  { item: 2, rating: 1 },
];

describe('rank scores', () => {
  it('genre taste: Σ (r − μ) / (count + 2), scaled so the strongest is ±1', () => {
    const t = genreTaste(catalog, rated, 3);
    // Comedy: (1 − 3) / 3 = −0.667; Drama: (4 − 3) / 3 = 0.333; Horror: (2 + 1) / 4 = 0.75.
    expect(t.scale).toBeCloseTo(0.75, 6);
    expect(Array.from(t.taste)).toEqual([-0.667 / 0.75, 0.333 / 0.75, 1].map((v) => expect.closeTo(v, 2)));
    expect(Array.from(t.denominators)).toEqual([3, 3, 4]);
  });

  it('picks the best-liked genre of an item, -1 without genres', () => {
    const { taste } = genreTaste(catalog, rated, 3);
    expect(bestGenre(catalog.genreBits[1], taste)).toBe(2);
    expect(bestGenre(catalog.genreBits[3], taste)).toBe(1);
    expect(bestGenre(0, taste)).toBe(-1);
  });

  it('leaves estimates unchanged with both options off', () => {
    const estimates = Float32Array.of(4, 3.5, 2, 3, 3.2);
    const out = rankScores(estimates.slice(), 3.4, Int32Array.of(1, 2, 3, 4, 5), catalog, genreTaste(catalog, rated, 3), { supportShrink: 0, tasteWeight: 0 });
    expect(Array.from(out)).toEqual(Array.from(estimates));
  });

  it('shrinks an item’s own effect by n / (n + α) towards μ + b', () => {
    expect(shrinkFactor(10, DEFAULT_RANK_SCORE)).toBe(0.5);
    const out = rankScores(Float32Array.of(5, 5, 0, 0, 0), 3, Int32Array.of(1, 90, 0, 0, 0), catalog, undefined, { supportShrink: 10, tasteWeight: 1 });
    // 3 + (1/11)·2 and 3 + (90/100)·2: a film rated once no longer ties a well-known one.
    expect(out[0]).toBeCloseTo(3 + 2 / 11, 5);
    expect(out[1]).toBeCloseTo(3 + 1.8, 5);
    expect(out[2]).toBe(3);
  });

  it('adds tasteWeight × the taste of the item’s best-liked genre, and its shares sum to that term', () => {
    const taste = genreTaste(catalog, rated, 3);
    const options = { supportShrink: 0, tasteWeight: 0.5 };
    const out = rankScores(Float32Array.of(3, 3, 3, 3, 3), 3, new Int32Array(5), catalog, taste, options);
    expect(Array.from(out)).toEqual([3.5, 3.5, 3 - (0.5 * 0.667) / 0.75, 3 + (0.5 * 0.333) / 0.75, 3].map((v) => expect.closeTo(v, 2)));
    for (let item = 0; item < 5; item++) {
      const shares = tasteShares(catalog, rated, taste, item, options);
      expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(out[item] - 3, 5);
    }
    // Horror's term comes from the two horror ratings only.
    expect(Array.from(tasteShares(catalog, rated, taste, 0, options))).toEqual([expect.closeTo((0.5 * 2) / 3, 5), expect.closeTo((0.5 * 1) / 3, 5), 0]);
  });
});
