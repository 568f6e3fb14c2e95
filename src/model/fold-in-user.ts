// Fold-in for a visitor who was not in the training data: with the items fixed, the
// visitor's bias and factors are one regularised least-squares problem of size k + 1,
// solved in closed form by Cholesky in plain TypeScript (no tensors for one small system).

import type { SvdModel } from './svd-model';

/**
 * Minimises Σ (r − μ − b_i − b − q_i·p)² + reg·n·(b² + ‖p‖²) over (b, p), the same
 * weighted-λ objective the ALS trainer uses for known users. Unknown item indices are skipped.
 */
export function foldInUser(model: SvdModel, items: Int32Array, ratings: Float32Array, reg: number): { bias: number; factors: Float32Array } {
  const k = model.k, biased = model.params.biased, d = biased ? k + 1 : k, off = biased ? 1 : 0;
  const a = new Float64Array(d * d), rhs = new Float64Array(d), z = new Float64Array(d);
  let n = 0;
  for (let j = 0; j < items.length; j++) {
    const i = items[j]!;
    if (!(i >= 0 && i < model.nItems)) continue;
    n++;
    if (biased) z[0] = 1;
    for (let f = 0; f < k; f++) z[off + f] = model.itemFactors[i * k + f]!;
    const y = ratings[j]! - model.globalMean - (biased ? model.itemBias[i]! : 0);
    for (let r = 0; r < d; r++) {
      rhs[r]! += z[r]! * y;
      for (let c = 0; c <= r; c++) a[r * d + c]! += z[r]! * z[c]!;
    }
  }
  if (n === 0) return { bias: 0, factors: new Float32Array(k) };
  // A tiny ridge keeps reg = 0 solvable when fewer ratings than factors.
  for (let r = 0; r < d; r++) a[r * d + r]! += reg * n + 1e-9;
  const x = choleskySolve(a, rhs, d);
  return { bias: biased ? x[0]! : 0, factors: Float32Array.from(x.subarray(off)) };
}

/** Solves A x = b for symmetric positive definite A (lower triangle used, row-major d×d). */
export function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c <= r; c++) {
      let s = a[r * d + c]!;
      for (let m = 0; m < c; m++) s -= l[r * d + m]! * l[c * d + m]!;
      if (r === c) {
        if (!(s > 0)) throw new RangeError('matrix is not positive definite');
        l[r * d + r] = Math.sqrt(s);
      } else l[r * d + c] = s / l[c * d + c]!;
    }
  }
  const y = new Float64Array(d);
  for (let r = 0; r < d; r++) { let s = b[r]!; for (let m = 0; m < r; m++) s -= l[r * d + m]! * y[m]!; y[r] = s / l[r * d + r]!; }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) { let s = y[r]!; for (let m = r + 1; m < d; m++) s -= l[m * d + r]! * x[m]!; x[r] = s / l[r * d + r]!; }
  return x;
}
