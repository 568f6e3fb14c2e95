import { describe, expect, it } from 'vitest';
import {
  HALF_STARS, convertRating, describeScale, likedThreshold, ratingScale, relevanceThreshold, sameScale, scaleSteps, snapToScale,
} from '../../../src/shared/rating-scale';
import { datasetRatingScale, type Dataset } from '../../../src/dataset/dataset';

const TEN = ratingScale(1, 10, 1);
const FIVE = ratingScale(1, 5, 1);
const FOUR = ratingScale(0.5, 4, 0.5);

describe('rating scales', () => {
  it('maps IMDb 1–10 onto half stars exactly, and back', () => {
    for (let v = 1; v <= 10; v++) {
      expect(convertRating(v, TEN, HALF_STARS)).toBe(v / 2);
      expect(convertRating(v / 2, HALF_STARS, TEN)).toBe(v);
    }
  });

  it('keeps the ends and snaps between: half stars on whole stars, 0.5–4 on half stars', () => {
    expect([convertRating(0.5, HALF_STARS, FIVE), convertRating(5, HALF_STARS, FIVE), convertRating(3, HALF_STARS, FIVE)]).toEqual([1, 5, 3]);
    expect([convertRating(4, FOUR, HALF_STARS), convertRating(0.5, FOUR, HALF_STARS), convertRating(5, HALF_STARS, FOUR)]).toEqual([5, 0.5, 4]);
  });

  it('states the 5-star thresholds on any scale', () => {
    expect([relevanceThreshold(HALF_STARS), likedThreshold(HALF_STARS)]).toEqual([4, 3.5]);
    expect(relevanceThreshold(TEN)).toBeCloseTo(8, 10);
    expect(likedThreshold(FOUR)).toBeCloseTo(0.5 + (3 / 4.5) * 3.5, 10);
  });

  it('snaps, counts, names and compares scales; refuses what is not one', () => {
    expect([snapToScale(7.4, TEN), snapToScale(11, TEN), snapToScale(0.74, HALF_STARS)]).toEqual([7, 10, 0.5]);
    expect([scaleSteps(HALF_STARS), scaleSteps(TEN), scaleSteps(FIVE)]).toEqual([10, 10, 5]);
    expect([describeScale(HALF_STARS), describeScale(TEN)]).toEqual(['0.5–5 in half steps', '1–10']);
    expect(sameScale(HALF_STARS, ratingScale(0.5, 5, 0.5))).toBe(true);
    expect(sameScale(HALF_STARS, FOUR)).toBe(false);
    expect(() => ratingScale(1, 5, 0.75)).toThrow(RangeError);
    expect(() => ratingScale(5, 1, 1)).toThrow(RangeError);
  });

  it("reads a dataset's step from its declaration, else from its stored ratings", () => {
    const base = { scale: [1, 5] as const, ratings: { ratings: Uint8Array.from([2, 4, 10]) } } as unknown as Dataset;
    expect(datasetRatingScale(base)).toEqual({ min: 1, max: 5, step: 1 });
    expect(datasetRatingScale({ ...base, ratings: { ...base.ratings, ratings: Uint8Array.from([2, 3]) } } as Dataset).step).toBe(0.5);
    expect(datasetRatingScale({ ...base, scale: [1, 10], scaleStep: 1, ratings: { ...base.ratings, ratings: Float32Array.from([1, 10]) } } as Dataset)).toEqual(TEN);
  });
});
