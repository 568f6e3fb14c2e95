// A visitor's taste as the model sees it: their bias and factor vector solved by
// fold-in against the fixed item factors, keeping the Cholesky factor of the
// normal equations so each recommendation can be decomposed into per-rating
// contributions (see explain.ts) without solving again from scratch.
import type { SvdModel } from '../model/svd-model';

export interface VisitorRating {
  /** Inner item index. */
  item: number;
  rating: number;
}

export interface VisitorProfile {
  bias: number;
  factors: Float32Array;
  /** The ratings the profile was solved from, unknown items dropped. */
  ratings: VisitorRating[];
  /** Lower Cholesky factor of A = Σ z zᵀ + λ n I, with z = [1, q_i] (biased) or q_i; empty with no ratings. */
  cholesky: Float64Array;
  /** Dimension of z: k + 1 when biased, else k. */
  dim: number;
}

/**
 * Solves min Σ (r − μ − b_i − b − q_i·p)² + reg·n·(biasRegScale·b² + ‖p‖²), the
 * weighted-λ objective of the ALS trainer for one visitor (biasRegScale 1: exactly the
 * trainer's row solve, which the warm retrain starts from). A larger biasRegScale keeps a visitor who rated a
 * few films 5 stars from being read as someone who rates everything 5: what their
 * ratings share must then be explained by their factors, i.e. by taste.
 */
export function solveVisitor(model: SvdModel, ratings: readonly VisitorRating[], reg: number, biasRegScale = 1): VisitorProfile {
  const k = model.k;
  const biased = model.params.biased;
  const dim = biased ? k + 1 : k;
  const known = ratings.filter((r) => r.item >= 0 && r.item < model.nItems && Number.isFinite(r.rating));
  if (known.length === 0) {
    return { bias: 0, factors: new Float32Array(k), ratings: [], cholesky: new Float64Array(0), dim };
  }
  const a = new Float64Array(dim * dim);
  const rhs = new Float64Array(dim);
  const z = new Float64Array(dim);
  for (const { item, rating } of known) {
    itemVector(model, item, z);
    const y = rating - model.globalMean - (biased ? model.itemBias[item] : 0);
    for (let r = 0; r < dim; r++) {
      rhs[r] += z[r] * y;
      const zr = z[r];
      if (zr === 0) continue;
      for (let c = 0; c <= r; c++) a[r * dim + c] += zr * z[c];
    }
  }
  // A tiny ridge keeps reg = 0 solvable with fewer ratings than factors.
  const ridge = reg * known.length + 1e-9;
  for (let r = 0; r < dim; r++) a[r * dim + r] += ridge;
  if (biased) a[0] += ridge * (biasRegScale - 1);
  const l = cholesky(a, dim);
  const x = solveWithCholesky(l, rhs, dim);
  const off = biased ? 1 : 0;
  return { bias: biased ? x[0] : 0, factors: Float32Array.from(x.subarray(off)), ratings: known, cholesky: l, dim };
}

/** z for item i: [1, q_i] when biased (the bias is a factor with a constant 1), else q_i. */
export function itemVector(model: SvdModel, item: number, out: Float64Array): Float64Array {
  const k = model.k;
  const off = model.params.biased ? 1 : 0;
  if (off) out[0] = 1;
  const base = item * k;
  for (let f = 0; f < k; f++) out[off + f] = model.itemFactors[base + f];
  return out;
}

/** Lower-triangular L with L Lᵀ = A (A symmetric positive definite, lower triangle read). */
export function cholesky(a: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c <= r; c++) {
      let s = a[r * d + c];
      for (let m = 0; m < c; m++) s -= l[r * d + m] * l[c * d + m];
      if (r === c) {
        if (!(s > 0)) throw new RangeError('fold-in normal equations are not positive definite');
        l[r * d + r] = Math.sqrt(s);
      } else {
        l[r * d + c] = s / l[c * d + c];
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function solveWithCholesky(l: Float64Array, b: Float64Array, d: number): Float64Array {
  const y = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let s = b[r];
    for (let m = 0; m < r; m++) s -= l[r * d + m] * y[m];
    y[r] = s / l[r * d + r];
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let s = y[r];
    for (let m = r + 1; m < d; m++) s -= l[m * d + r] * x[m];
    x[r] = s / l[r * d + r];
  }
  return x;
}
