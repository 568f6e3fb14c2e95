// The served pair: the ranker orders the films it covers; the rating model places the rest.
import { describe, expect, it } from 'vitest';
import { RankedWithStars } from '../../../src/recommend/ranked-with-stars';
import type { Profile, Recommender } from '../../../src/recommend/recommender';

/** A recommender with fixed scores (NaN = not covered) and fixed predictions. */
function fixed(kind: string, scores: number[], predicted: number | null = null): Recommender {
  return {
    kind,
    personalised: true,
    foldIn: (ratings) => ({ ratings }),
    userProfile: (_u, ratings) => ({ ratings }),
    score: (_p: Profile, out: Float32Array) => {
      out.set(scores);
      return out;
    },
    predict: () => predicted,
    explain: () => [],
    similar: () => ({ method: 'factors', items: [] }),
    extendForNewItems() {
      return this;
    },
  };
}

describe('RankedWithStars', () => {
  // Films 0–2 are the ranker's; 3 is new, 4 is old but rarely rated (outside the ranker).
  const ranker = fixed('ease', [3, 1, 2, NaN, NaN]);
  const stars = fixed('mf', [4.1, 3.2, 3.9, 4.0, 4.5], 4.2);

  it('orders the films the ranker covers by the ranker alone', () => {
    const served = new RankedWithStars(ranker, stars, new Set([3]));
    const s = served.score(served.foldIn([]), new Float32Array(5));
    expect([s[0], s[1], s[2]]).toEqual([3, 1, 2]);
  });

  it('gives a new film the ranker score at its rating-model quantile among covered films', () => {
    const served = new RankedWithStars(ranker, stars, new Set([3]));
    const s = served.score(served.foldIn([]), new Float32Array(5));
    // 4.0 is above 3.2 and 3.9 (2 of the 3 covered rating-model scores): the ranker's third-lowest, 3.
    expect(s[3]).toBe(3);
  });

  it('places an old film outside the ranker below every covered film, whatever its rating-model score', () => {
    const served = new RankedWithStars(ranker, stars, new Set([3]));
    const s = served.score(served.foldIn([]), new Float32Array(5));
    expect(s[4]).toBeLessThan(1);
  });

  it('takes stars from the rating model and kind from the ranker', () => {
    const served = new RankedWithStars(ranker, stars);
    expect(served.kind).toBe('ease');
    expect(served.predict(served.foldIn([]), 0)).toBe(4.2);
  });
});
