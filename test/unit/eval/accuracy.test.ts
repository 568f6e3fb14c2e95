import { describe, expect, it } from 'vitest';
import { fcp, mae, rmse } from '../../../src/eval/accuracy';

describe('accuracy metrics (hand-computed)', () => {
  it('RMSE and MAE', () => {
    // errors 1, −2, 0, 1 → RMSE √(6/4), MAE 4/4
    expect(rmse([4, 3, 5, 2], [3, 5, 5, 1])).toBeCloseTo(Math.sqrt(1.5), 10);
    expect(mae([4, 3, 5, 2], [3, 5, 5, 1])).toBeCloseTo(1, 10);
  });
  it('FCP counts concordant pairs per user', () => {
    // user 0: actual 5 > 3 > 1, estimates 4 > 2 < 3 → pairs (5,3) c, (5,1) c, (3,1) d
    // user 1: actual 4, 2, 2 with estimates 3, 3.5, 1 → (4 vs 2@3.5) d, (4 vs 2@1) c; the 2–2 tie is no pair
    // nc = 3, nd = 2
    expect(fcp([0, 0, 0, 1, 1, 1], [5, 3, 1, 4, 2, 2], [4, 2, 3, 3, 3.5, 1])).toBeCloseTo(3 / 5, 10);
  });
  it('FCP treats tied estimates as discordant, as Surprise', () => {
    expect(fcp([0, 0], [5, 1], [3, 3])).toBe(0);
  });
  it('rejects mismatched or empty input', () => {
    expect(() => rmse([1, 2], [1])).toThrow(RangeError);
    expect(() => mae([], [])).toThrow(RangeError);
  });
});
