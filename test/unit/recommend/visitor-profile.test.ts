import { describe, expect, it } from 'vitest';
import { solveVisitor } from '../../../src/recommend/visitor-profile';
import { scoreItems } from '../../../src/recommend/score-items';
import { tinyModel } from './tiny-catalog';

// Two factors, four items; hand-solvable normal equations.
const model = tinyModel(
  [
    [1, 0],
    [0, 1],
    [1, 1],
    [-1, 0.5],
  ],
  [0.2, -0.1, 0, 0.3],
  3.5,
);

describe('solveVisitor (fold-in)', () => {
  it('equals the closed-form regularised least-squares solution on a small case', () => {
    const ratings = [
      { item: 0, rating: 5 },
      { item: 1, rating: 2 },
      { item: 2, rating: 4.5 },
    ];
    const reg = 0.1;
    const profile = solveVisitor(model, ratings, reg);
    // Closed form by hand: z = [1, q_i], y = r − μ − b_i, A = Σ z zᵀ + λ n I, x = A⁻¹ Σ z y.
    // z0 = [1,1,0], y0 = 1.3; z1 = [1,0,1], y1 = −1.4; z2 = [1,1,1], y2 = 1.0; λn = 0.3.
    // A = [[3.3,2,2],[2,2.3,1],[2,1,2.3]], b = [0.9, 2.3, −0.4]; solved by plain Gaussian elimination.
    const expected = solve3([[3.3, 2, 2], [2, 2.3, 1], [2, 1, 2.3]], [0.9, 2.3, -0.4]);
    expect(profile.bias).toBeCloseTo(expected[0], 6);
    expect(profile.factors[0]).toBeCloseTo(expected[1], 6);
    expect(profile.factors[1]).toBeCloseTo(expected[2], 6);
  });

  it('ignores unknown items and returns a neutral profile with no ratings', () => {
    const profile = solveVisitor(model, [{ item: 99, rating: 5 }], 0.1);
    expect(profile.ratings).toEqual([]);
    expect(profile.bias).toBe(0);
    expect(Array.from(profile.factors)).toEqual([0, 0]);
  });

  it('scores every item as μ + b + b_i + p·q_i', () => {
    const scores = scoreItems(model, 0.5, Float32Array.from([1, -1]));
    expect(Array.from(scores)).toEqual([3.5 + 0.5 + 0.2 + 1, 3.5 + 0.5 - 0.1 - 1, 3.5 + 0.5 + 0, 3.5 + 0.5 + 0.3 - 1.5].map((v) => expect.closeTo(v, 5)));
  });
});

/** Gaussian elimination for the 3×3 reference solution. */
function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    for (let r = c + 1; r < 3; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k < 4; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = m[r][3];
    for (let k = r + 1; k < 3; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}
