// Alternating least squares in TensorFlow.js. Each half-sweep fixes one side and
// solves every row's regularised least-squares problem
//   (G_uᵀG_u + n_u·Λ) x_u = G_uᵀ y_u,   x_u = [b_u, p_u], G_u rows = [1, q_i], y = r − μ − b_i
// (weighted-λ regularisation, Zhou et al. 2008: the same objective Surprise's SGD descends).
// Rows are grouped into buckets of similar rating counts and padded to a fixed length,
// so every bucket is one batched gather plus batched matMuls with shapes fixed for the whole
// fit (no WebGL recompiles). The systems are solved by a few conjugate-gradient iterations
// warm-started from the previous sweep; A·v is applied as G_uᵀ(G_u v) + n_uΛv, never forming
// the (k+1)² Gram matrices, which costs 2·nnz·(k+1) MACs per iteration instead of nnz·(k+1)².

import * as tf from '@tensorflow/tfjs-core';
import { ratingStep, type ItemIndexArray, type RatingArray, type RatingsCoo } from '../dataset/dataset';
import type { SvdSolver } from './train-svd';
import { termRegs, type SvdModel } from './svd-model';

export interface Bucket {
  start: number;
  rows: number;
  len: number;
  /** [rows, len, 1] int32 positions into the other side's parameter matrix; padding = nOther (a zero row). */
  idx: tf.Tensor3D;
  /** [rows, 1, len] r − μ, 0 for padding. */
  target: tf.Tensor3D;
  /** [rows, 1, d] n_row·Λ diagonal. */
  regDiag: tf.Tensor3D;
  /** [rows, 1, 1] rating count n_row (0 for padding-only rows: none exist). */
  count: tf.Tensor3D;
  /** [rows, 1, 1] int32 the bucket's positions start … start + rows − 1: rows are taken by gatherND (wasm's Slice copies ~25× slower). */
  rowIdx: tf.Tensor3D;
  /** [rows, len, 1] int32 positions of the same ratings in the other side's flat residual (padding = its zero slot). */
  carry?: tf.Tensor3D;
}

export interface Side {
  n: number;
  /** permuted position → row index. */
  order: Int32Array;
  /** row index → permuted position. */
  pos: Int32Array;
  /** Rows with ratings occupy positions [0, solved); the rest keep their values. */
  solved: number;
  buckets: Bucket[];
  /** Rating j's slot in this side's flat padded layout (buckets concatenated, rows × len each). */
  slotOf: Int32Array;
  /** Slots in the flat layout (Σ rows·len). */
  totalSlots: number;
  /** [n − solved, 1] int32 positions of the rows without ratings, null when there are none. */
  restIdx: tf.Tensor2D | null;
}

export function disposeSide(side: Side): void {
  for (const b of side.buckets) tf.dispose([b.idx, b.target, b.regDiag, b.count, b.rowIdx, ...(b.carry ? [b.carry] : [])]);
  side.restIdx?.dispose();
}

/** The positions from … from + count − 1. */
function positions(from: number, count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, j) => from + j);
}

/**
 * What one more bucket costs, in padded slots: its ~25 kernel launches per half-sweep against
 * ~0.25 µs per slot of d = 101 floats (two batched mat-vecs at ~0.8 GMAC/s on wasm). Measured on
 * ml-100k: 1,000 was faster per sweep than 150, 400 or 2,500 (padding 1.30 → 1.13 × the ratings).
 */
const BUCKET_COST_SLOTS = 1000;
/** A bucket never spans counts more than this ratio apart: bounds the planner's search. */
const MAX_BUCKET_SPAN = 4;
/** Floats in one bucket's gathered G (64 MB): larger buckets are split by rows, so a sweep's working set stays small at 26M ratings. */
const MAX_BUCKET_FLOATS = 1 << 24;

/** Rows by rating count, ascending, rows without ratings last: the permuted order both sides share. */
function rowsByCount(counts: Int32Array): { order: Int32Array; solved: number } {
  const n = counts.length;
  const order = Int32Array.from({ length: n }, (_, j) => j);
  order.sort((a, b) => (counts[a]! === 0 ? 1 : 0) - (counts[b]! === 0 ? 1 : 0) || counts[a]! - counts[b]! || a - b);
  let solved = 0;
  while (solved < n && counts[order[solved]!]! > 0) solved++;
  return { order, solved };
}

/**
 * Exposed for tests: bucketing is pure and decides the padded shapes. Rows sorted by rating count
 * are cut into buckets minimising Σ rows·len + BUCKET_COST_SLOTS per bucket (dynamic programming
 * over the distinct counts): padding is the largest cost of the sweep, kernel launches the next.
 */
export function planBuckets(counts: Int32Array, bucketCost = BUCKET_COST_SLOTS, maxSlots = Infinity): { order: Int32Array; bounds: { start: number; rows: number; len: number }[]; solved: number } {
  const { order, solved } = rowsByCount(counts);
  // Distinct counts v[0] < v[1] < … and the number of rows up to each, ends[t].
  const v: number[] = [], ends: number[] = [];
  for (let p = 0; p < solved; p++) {
    const c = counts[order[p]!]!;
    if (v.length && v[v.length - 1] === c) ends[ends.length - 1]!++;
    else { v.push(c); ends.push(p + 1); }
  }
  // best[t] = cheapest plan for the rows with counts ≤ v[t-1]; cut[t] = where its last bucket starts.
  const m = v.length;
  const best = new Float64Array(m + 1), cut = new Int32Array(m + 1);
  for (let t = 1; t <= m; t++) {
    best[t] = Infinity;
    const len = v[t - 1]!;
    for (let s = t - 1; s >= 0 && (s === t - 1 || v[s]! * MAX_BUCKET_SPAN >= len); s--) {
      const cost = best[s]! + (ends[t - 1]! - (s ? ends[s - 1]! : 0)) * len + bucketCost;
      if (cost < best[t]!) { best[t] = cost; cut[t] = s; }
    }
  }
  const bounds: { start: number; rows: number; len: number }[] = [];
  for (let t = m; t > 0; t = cut[t]!) {
    const start = cut[t]! ? ends[cut[t]! - 1]! : 0, end = ends[t - 1]!, len = v[t - 1]!;
    const chunk = Math.max(1, Math.floor(maxSlots / len));
    for (let to = end; to > start; to -= chunk) {
      const from = Math.max(start, to - chunk);
      bounds.push({ start: from, rows: to - from, len });
    }
  }
  return { order, bounds: bounds.reverse(), solved };
}

export function buildSide(
  rowsOf: Int32Array | ItemIndexArray, colsOf: Int32Array | ItemIndexArray, ratings: RatingArray, nRows: number,
  otherPos: Int32Array, nOther: number, mu: number, regBias: number, regFactor: number, d: number, biased: boolean,
  regCountExponent = 1,
  floor: { bias: number; factor: number } = { bias: 0, factor: 0 },
): Side {
  const counts = new Int32Array(nRows);
  for (let j = 0; j < rowsOf.length; j++) counts[rowsOf[j]!]!++;
  const { order, bounds, solved } = planBuckets(counts, BUCKET_COST_SLOTS, Math.floor(MAX_BUCKET_FLOATS / d));
  const pos = new Int32Array(nRows);
  for (let p = 0; p < nRows; p++) pos[order[p]!] = p;
  // CSR over permuted positions.
  const offsets = new Int32Array(nRows + 1);
  for (let p = 0; p < nRows; p++) offsets[p + 1] = offsets[p]! + counts[order[p]!]!;
  const fill = offsets.slice(0, nRows);
  const cols = new Int32Array(rowsOf.length), vals = new Float32Array(rowsOf.length);
  const rowSlot = new Int32Array(nRows);
  let totalSlots = 0;
  for (const { start, rows, len } of bounds) for (let r = 0; r < rows; r++, totalSlots += len) rowSlot[start + r] = totalSlots;
  const slotOf = new Int32Array(rowsOf.length);
  // Stored ratings × step (0.5 for half-star codes): the same doubles a Float32 column holds.
  const step = ratingStep(ratings);
  for (let j = 0; j < rowsOf.length; j++) {
    const p = pos[rowsOf[j]!]!;
    const at = fill[p]!++;
    cols[at] = otherPos[colsOf[j]!]!;
    vals[at] = ratings[j]! * step - mu;
    slotOf[j] = rowSlot[p]! + at - offsets[p]!;
  }
  const buckets = bounds.map(({ start, rows, len }) => {
    const idx = new Int32Array(rows * len).fill(nOther);
    const target = new Float32Array(rows * len);
    const reg = new Float32Array(rows * d);
    const count = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const p = start + r, from = offsets[p]!, cnt = offsets[p + 1]! - from;
      idx.set(cols.subarray(from, from + cnt), r * len);
      target.set(vals.subarray(from, from + cnt), r * len);
      count[r] = cnt;
      const weight = regCountExponent === 1 ? cnt : Math.pow(cnt, regCountExponent);
      for (let f = 0; f < d; f++) reg[r * d + f] = biased && f === 0 ? Math.max(weight * regBias, floor.bias) : Math.max(weight * regFactor, floor.factor);
    }
    return {
      start, rows, len,
      idx: tf.tensor3d(idx, [rows, len, 1], 'int32'),
      target: tf.tensor3d(target, [rows, 1, len]),
      regDiag: tf.tensor3d(reg, [rows, 1, d]),
      count: tf.tensor3d(count, [rows, 1, 1]),
      rowIdx: tf.tensor3d(positions(start, rows), [rows, 1, 1], 'int32'),
    };
  });
  const restIdx = solved < nRows ? tf.tensor2d(positions(solved, nRows - solved), [nRows - solved, 1], 'int32') : null;
  return { n: nRows, order, pos, solved, buckets, slotOf, totalSlots, restIdx };
}

/**
 * Gives each bucket of `self` the positions of its ratings in `other`'s flat residual, so a
 * half-sweep can start from the residual the other side's half-sweep ended with (the same
 * ratings' r − r̂ under the same parameters) instead of recomputing y − Gx: one pass over
 * the gathered tensor fewer, plus the bias gather.
 */
export function linkSides(self: Side, other: Side): void {
  const map = new Int32Array(self.totalSlots).fill(other.totalSlots);
  for (let j = 0; j < self.slotOf.length; j++) map[self.slotOf[j]!] = other.slotOf[j]!;
  let at = 0;
  for (const b of self.buckets) {
    b.carry = tf.tensor3d(map.subarray(at, at + b.rows * b.len), [b.rows, b.len, 1], 'int32');
    at += b.rows * b.len;
  }
}

/** Packs biases and factors as [n, d] rows in permuted order (d = k + 1 when biased, bias first). */
function packParams(bias: Float32Array, factors: Float32Array, order: Int32Array, k: number, biased: boolean): Float32Array {
  const d = biased ? k + 1 : k, off = biased ? 1 : 0;
  const out = new Float32Array(order.length * d);
  for (let p = 0; p < order.length; p++) {
    const row = order[p]!;
    if (biased) out[p * d] = bias[row]!;
    out.set(factors.subarray(row * k, row * k + k), p * d + off);
  }
  return out;
}

function unpackParams(packed: Float32Array, order: Int32Array, k: number, biased: boolean, bias: Float32Array, factors: Float32Array): void {
  const d = biased ? k + 1 : k, off = biased ? 1 : 0;
  for (let p = 0; p < order.length; p++) {
    const row = order[p]!;
    if (biased) bias[row] = packed[p * d]!;
    factors.set(packed.subarray(p * d + off, p * d + off + k), row * k);
  }
}

/**
 * One half-sweep: solve every row of `self` given the other side's parameters `other`.
 * Returns the new [n, d] parameters, and the train SSE of the solution when asked.
 */
export function alsHalfSweep(
  self: Side, selfParams: tf.Tensor2D, other: tf.Tensor2D, biased: boolean, cgIterations: number, withLoss: boolean,
  implicit?: { weight: number; mu: number },
  carried?: { residual: tf.Tensor2D | null; keep: boolean },
  extras: {
    /** [nOther, 1] rating counts of the other side (permuted order): turns on the Jacobi preconditioner. */
    otherCounts?: tf.Tensor2D;
    /** [n, d] prior mean of every row (permuted order): the regulariser becomes (x − prior)ᵀD(x − prior) (SVD++'s implicit sum). */
    prior?: tf.Tensor2D;
  } = {},
): { params: tf.Tensor2D; sse: tf.Scalar; residual?: tf.Tensor2D } {
  return tf.tidy(() => {
    const [nOther, d] = other.shape;
    // Features of the other side, [1, factors] when biased, plus a zero padding row.
    // Column 0 (the bias) replaced by 1 with a mask and an add, not slice + concat (wasm's Slice is slow).
    const e0 = tf.tensor2d(Float32Array.from({ length: d }, (_, f) => (f === 0 ? 1 : 0)), [1, d]);
    const features = biased ? tf.add(tf.mul(other, tf.sub(1, e0)), e0) as tf.Tensor2D : other;
    const paddedFeatures = tf.concat([features, tf.zeros([1, d])], 0);
    const otherBiasRows = biased ? tf.matMul(other, e0, false, true) : null; // [nOther, 1]
    const otherBias = otherBiasRows ? tf.concat([otherBiasRows, tf.zeros([1, 1])], 0) : null;
    // Implicit term w₀·Σ_j (x·f_j + c_j)², c_j = μ + b_j (the all-pairs target is 0): it adds
    // w₀·FᵀF to every row's system and w₀·Fᵀc to its right-hand side, both shared by all rows.
    let gram: tf.Tensor2D | null = null, shift: tf.Tensor2D | null = null;
    if (implicit && implicit.weight > 0) {
      gram = tf.mul(tf.matMul(features, features, true, false), implicit.weight) as tf.Tensor2D; // [d, d]
      const c = otherBiasRows ? tf.add(otherBiasRows, implicit.mu) : tf.fill([nOther, 1], implicit.mu);
      shift = tf.reshape(tf.mul(tf.matMul(features, c, true, false), implicit.weight), [1, d]) as tf.Tensor2D; // [1, d]
    }
    /** w₀(vᵀFᵀF + cᵀF) for a [rows, 1, d] batch. */
    const implicitTerm = (v: tf.Tensor3D, rows: number, withShift: boolean): tf.Tensor3D => {
      const gv = tf.matMul(tf.reshape(v, [rows, d]), gram!);
      return tf.reshape(withShift ? tf.add(gv, shift!) : gv, [rows, 1, d]) as tf.Tensor3D;
    };
    // Jacobi preconditioner without a pass over G: diag(GᵀG)_f = Σ_{j∈row} F_jf² ≈ n_row·c_f with
    // c_f = Σ_j n_j F_jf² / Σ_j n_j (the rating-weighted mean over the other side), so
    // M = n_row·c + n_row·Λ. The bias column (F_j0 = 1) is exact; it dominates the
    // spectrum otherwise, which makes plain CG spend its first steps on the bias alone.
    let meanSq: tf.Tensor3D | null = null;
    const { otherCounts, prior } = extras;
    if (otherCounts) {
      const weighted = tf.matMul(otherCounts, tf.square(features), true, false); // [1, d]
      meanSq = tf.reshape(tf.div(weighted, tf.maximum(tf.sum(otherCounts), 1)), [1, 1, d]) as tf.Tensor3D;
    }
    const solvedParts: tf.Tensor2D[] = [];
    const residualParts: tf.Tensor2D[] = [];
    const incoming = carried?.residual ?? null;
    const keepResidual = Boolean(carried?.keep) || withLoss;
    for (const b of self.buckets) {
      // One tidy per bucket: its gathered [rows, len, d] tensor, the largest of the sweep,
      // is freed before the next bucket (at 26M ratings all of them together exceed wasm's 4 GB).
      const out = tf.tidy(() => {
        // gatherND, not gather: the wasm GatherV2 kernel copies element by element (~300 ms
        // for 8M floats against ~3 ms for gatherND's row copies, measured in docs/model.md).
        const g = tf.gatherND(paddedFeatures, b.idx) as tf.Tensor3D; // [rows, len, d]
        // Vectors are rows ([rows, 1, d] and [rows, 1, len]): vᵀGᵀ and eᵀG run ~18% faster on
        // wasm than the column forms Gv and Gᵀe (same memory layout, so reshapes are free).
        let x = tf.gatherND(selfParams, b.rowIdx) as tf.Tensor3D; // [rows, 1, d]
        // e = y − Gx is tracked through the iterations (Gp is needed anyway for pᵀAp =
        // ‖Gp‖² + pᵀDp), so neither the train loss nor Aᵀ products cost an extra pass over G,
        // the expensive tensor: m iterations cost 2m + 1 passes (steepest descent with an
        // exact line search when m = 1).
        let e: tf.Tensor3D;
        if (incoming && b.carry) {
          e = tf.reshape(tf.gatherND(incoming, b.carry), [b.rows, 1, b.len]) as tf.Tensor3D;
        } else {
          const y = otherBias ? tf.sub(b.target, tf.reshape(tf.gatherND(otherBias, b.idx), [b.rows, 1, b.len])) : b.target;
          e = tf.sub(y, tf.matMul(x, g, false, true));
        }
        const priorRows = prior ? tf.gatherND(prior, b.rowIdx) as tf.Tensor3D : null;
        const residual = () => {
          const r0 = tf.sub(tf.matMul(e, g), tf.mul(b.regDiag, priorRows ? tf.sub(x, priorRows) : x)) as tf.Tensor3D;
          return gram ? tf.sub(r0, implicitTerm(x, b.rows, true)) as tf.Tensor3D : r0;
        };
        const minv = meanSq ? tf.div(1, tf.add(tf.mul(b.count, meanSq), b.regDiag)) as tf.Tensor3D : null; // [rows, 1, d]
        const precondition = (v: tf.Tensor3D): tf.Tensor3D => minv ? tf.mul(minv, v) as tf.Tensor3D : v;
        let r = residual();
        let z = precondition(r);
        let p = z;
        // Per-row dot products as batched [1, d]×[d, 1] matMuls: one kernel instead of mul + sum.
        const dot = (u: tf.Tensor3D, v: tf.Tensor3D): tf.Tensor3D => tf.matMul(u, v, false, true);
        let rs = dot(r, z); // [rows, 1, 1]
        for (let it = 0; it < cgIterations; it++) {
          const gp: tf.Tensor3D = tf.matMul(p, g, false, true); // [rows, 1, len]
          let pAp: tf.Tensor3D = tf.add(dot(gp, gp), dot(tf.mul(b.regDiag, p) as tf.Tensor3D, p));
          if (gram) pAp = tf.add(pAp, dot(p, implicitTerm(p, b.rows, false)));
          // The floors keep converged rows (rs = 0) at alpha = beta = 0 instead of NaN.
          const alpha = tf.div(rs, tf.maximum(pAp, 1e-30));
          x = tf.add(x, tf.mul(alpha, p));
          e = tf.sub(e, tf.mul(alpha, gp)) as tf.Tensor3D;
          if (it + 1 === cgIterations) break;
          r = residual();
          z = precondition(r);
          const rsNew = dot(r, z);
          p = tf.add(z, tf.mul(tf.div(rsNew, tf.maximum(rs, 1e-30)), p));
          rs = rsNew;
        }
        const out: { x: tf.Tensor2D; e?: tf.Tensor2D } = { x: tf.reshape(x, [b.rows, d]) };
        if (keepResidual) out.e = tf.reshape(e, [b.rows * b.len, 1]);
        return out;
      });
      solvedParts.push(out.x);
      if (out.e) residualParts.push(out.e);
    }
    if (self.restIdx) solvedParts.push(tf.gatherND(selfParams, self.restIdx) as tf.Tensor2D);
    const params = solvedParts.length === 1 ? solvedParts[0]! : tf.concat(solvedParts, 0);
    // The flat residual of every rating after this half-sweep, plus a zero slot for padding
    // (padding slots hold 0, so the train SSE is one reduction over it).
    const flat = keepResidual ? (tf.concat([...residualParts, tf.zeros([1, 1])], 0) as tf.Tensor2D) : null;
    const sse: tf.Scalar = flat && withLoss ? tf.sum(tf.square(flat)) : tf.scalar(0);
    return { params: params as tf.Tensor2D, sse, residual: carried?.keep && flat ? flat : undefined };
  });
}

/** Constant tensors of the SVD++ implicit-factor step (permuted orders). */
interface ImplicitFactorContext {
  /** [nUsers, d] the user side's regularisation diagonal D_u (n_u·Λ), zero for rows without ratings. */
  userReg: tf.Tensor2D;
  /** [nUsers, 1] |N(u)|^-½ (0 for users without ratings). */
  userScale: tf.Tensor2D;
  /** [nItems, 1] n_j. */
  itemCount: tf.Tensor2D;
  /** [1, d] 0 on the bias column, 1 on the factors: y has no bias part. */
  mask: tf.Tensor2D;
}

/** Σ_{j∈row} v_j for every row of `side` ([n, d]); v is the other side's [nOther, d], in permuted orders. */
function sumOverRatings(side: Side, v: tf.Tensor2D): tf.Tensor2D {
  const d = v.shape[1];
  const padded = tf.concat([v, tf.zeros([1, d])], 0);
  // One tidy per bucket, as in alsHalfSweep: only one gathered [rows, len, d] tensor at a time.
  const parts = side.buckets.map((b) => tf.tidy(() => tf.reshape(tf.matMul(tf.ones([b.rows, 1, b.len]), tf.gatherND(padded, b.idx) as tf.Tensor3D), [b.rows, d])));
  if (side.solved < side.n) parts.push(tf.zeros([side.n - side.solved, d]));
  return (parts.length === 1 ? parts[0]! : tf.concat(parts, 0)) as tf.Tensor2D;
}

/**
 * SVD++ implicit factors in ALS form. The user vector is z_u = p_u + m_u with
 * m_u = |N(u)|^-½ Σ_{j∈N(u)} y_j (N(u) = the user's rated items). Solving for z (not p) makes the
 * data term independent of y, so with z fixed the y-block of the objective is the ridge problem
 *   min_y Σ_u (z_u − m_u)ᵀ D_u (z_u − m_u) + λ_y Σ_j n_j‖y_j‖²,
 * solved here by `iterations` preconditioned CG steps warm-started from the last sweep (M = n_j(λ + λ_y)).
 * `sum` = m for the current y is carried along (updated as m += α·S p) and is the prior of the next
 * user half-sweep. Exact block-coordinate descent on the SVD++ objective; z is what the model serves.
 */
export function implicitFactorStep(
  users: Side, items: Side, z: tf.Tensor2D, y: tf.Tensor2D, sum: tf.Tensor2D, ctx: ImplicitFactorContext,
  regY: number, regFactor: number, iterations: number,
): { y: tf.Tensor2D; sum: tf.Tensor2D } {
  return tf.tidy(() => {
    const { userReg, userScale, itemCount, mask } = ctx;
    const s = (v: tf.Tensor2D) => tf.mul(userScale, sumOverRatings(users, v)) as tf.Tensor2D;
    const sT = (w: tf.Tensor2D) => tf.mul(sumOverRatings(items, tf.mul(userScale, w) as tf.Tensor2D), mask) as tf.Tensor2D;
    const ridge = tf.mul(itemCount, regY);
    const minv = tf.div(1, tf.maximum(tf.mul(itemCount, regFactor + regY), 1e-12));
    let r = tf.sub(sT(tf.mul(userReg, tf.sub(z, sum)) as tf.Tensor2D), tf.mul(ridge, y)) as tf.Tensor2D;
    let zr = tf.mul(minv, r) as tf.Tensor2D;
    let p = zr;
    let rz = tf.sum(tf.mul(r, zr));
    let yNew = y, sumNew = sum;
    for (let it = 0; it < iterations; it++) {
      const q = s(p);
      const dq = tf.mul(userReg, q) as tf.Tensor2D;
      // pᵀAp = (Sp)ᵀD(Sp) + λ_y‖p‖²_n: the last step needs no A·p (one gather-reduce pass fewer).
      const ap = it + 1 < iterations ? tf.add(sT(dq), tf.mul(ridge, p)) as tf.Tensor2D : null;
      const pAp = ap ? tf.sum(tf.mul(p, ap)) : tf.add(tf.sum(tf.mul(q, dq)), tf.sum(tf.mul(ridge, tf.square(p))));
      const alpha = tf.div(rz, tf.maximum(pAp, 1e-30));
      yNew = tf.add(yNew, tf.mul(alpha, p)) as tf.Tensor2D;
      sumNew = tf.add(sumNew, tf.mul(alpha, q)) as tf.Tensor2D;
      if (!ap) break;
      r = tf.sub(r, tf.mul(alpha, ap)) as tf.Tensor2D;
      zr = tf.mul(minv, r) as tf.Tensor2D;
      const rzNew = tf.sum(tf.mul(r, zr));
      p = tf.add(zr, tf.mul(tf.div(rzNew, tf.maximum(rz, 1e-30)), p)) as tf.Tensor2D;
      rz = rzNew;
    }
    return { y: yNew, sum: sumNew };
  });
}

export function createAlsSolver(train: RatingsCoo, start: SvdModel): SvdSolver {
  const { params, nUsers, nItems, k } = start;
  const biased = params.biased;
  const d = biased ? k + 1 : k;
  const mu = biased ? start.globalMean : 0;
  const reg = termRegs(params);
  // Positions are needed before either side's buckets can reference them.
  const userCounts = new Int32Array(nUsers), itemCounts = new Int32Array(nItems);
  for (let j = 0; j < train.length; j++) { userCounts[train.users[j]!]!++; itemCounts[train.items[j]!]!++; }
  // Only the order is needed here (the bucket plan is made once, in buildSide).
  const userPlan = rowsByCount(userCounts), itemPlan = rowsByCount(itemCounts);
  const userPos = new Int32Array(nUsers), itemPos = new Int32Array(nItems);
  userPlan.order.forEach((row, p) => { userPos[row] = p; });
  itemPlan.order.forEach((row, p) => { itemPos[row] = p; });
  // Rows with no training ratings have no data term; ALS zeroes their factors (prediction μ + b_i or μ + b_u).
  const startUserFactors = start.userFactors.slice(), startItemFactors = start.itemFactors.slice();
  for (let u = 0; u < nUsers; u++) if (userCounts[u] === 0) startUserFactors.fill(0, u * k, u * k + k);
  for (let i = 0; i < nItems; i++) if (itemCounts[i] === 0) startItemFactors.fill(0, i * k, i * k + k);

  let users: Side | null = null, items: Side | null = null;
  let userParams: tf.Tensor2D | null = null, itemParams: tf.Tensor2D | null = null;
  // r − r̂ of every rating in the item side's flat layout, after the last item half-sweep.
  let itemResidual: tf.Tensor2D | null = null;
  // Rating counts in permuted order, [n, 1]: the preconditioner's weights (see alsHalfSweep).
  let userCountsT: tf.Tensor2D | null = null, itemCountsT: tf.Tensor2D | null = null;
  // SVD++ (params.implicitFactors): y_j [nItems, d] (bias column 0), the implicit sums m_u, and constants.
  let implicitY: tf.Tensor2D | null = null, implicitSum: tf.Tensor2D | null = null, implicitCtx: ImplicitFactorContext | null = null;
  const dispose = () => {
    userCountsT?.dispose(); itemCountsT?.dispose(); userCountsT = itemCountsT = null;
    implicitY?.dispose(); implicitSum?.dispose(); implicitY = implicitSum = null;
    if (implicitCtx) tf.dispose([implicitCtx.userReg, implicitCtx.userScale, implicitCtx.mask]);
    implicitCtx = null;
    for (const side of [users, items]) if (side) disposeSide(side);
    userParams?.dispose(); itemParams?.dispose(); itemResidual?.dispose();
    users = items = null; userParams = itemParams = itemResidual = null;
  };
  const floors = { bias: params.regBiasFloor, factor: params.regFactorFloor };
  try {
    users = buildSide(train.users, train.items, train.ratings, nUsers, itemPos, nItems, mu, reg.bu, reg.pu, d, biased, params.regCountExponent, floors);
    items = buildSide(train.items, train.users, train.ratings, nItems, userPos, nUsers, mu, reg.bi, reg.qi, d, biased, params.regCountExponent, floors);
    linkSides(users, items);
    linkSides(items, users);
    userCountsT = tf.tensor2d(Float32Array.from(userPlan.order, (row) => userCounts[row]!), [nUsers, 1]);
    itemCountsT = tf.tensor2d(Float32Array.from(itemPlan.order, (row) => itemCounts[row]!), [nItems, 1]);
    if (params.implicitFactors) {
      const u = users;
      implicitCtx = tf.tidy(() => {
        const pad = u.solved < u.n ? [tf.zeros([u.n - u.solved, d])] : [];
        const scale = u.solved < u.n ? [tf.zeros([u.n - u.solved, 1])] : [];
        return {
          userReg: tf.concat([...u.buckets.map((b) => tf.reshape(b.regDiag, [b.rows, d])), ...pad], 0) as tf.Tensor2D,
          userScale: tf.concat([...u.buckets.map((b) => tf.reshape(tf.rsqrt(b.count), [b.rows, 1])), ...scale], 0) as tf.Tensor2D,
          itemCount: itemCountsT!,
          mask: tf.tensor2d(Float32Array.from({ length: d }, (_, f) => (biased && f === 0 ? 0 : 1)), [1, d]),
        };
      });
      implicitY = tf.zeros([nItems, d]);
      implicitSum = tf.zeros([nUsers, d]);
    }
    userParams = tf.tensor2d(packParams(start.userBias, startUserFactors, users.order, k, biased), [nUsers, d]);
    itemParams = tf.tensor2d(packParams(start.itemBias, startItemFactors, items.order, k, biased), [nItems, d]);
  } catch (e) {
    dispose();
    throw e;
  }

  return {
    async runEpoch(epoch) {
      if (!users || !items || !userParams || !itemParams) throw new Error('ALS solver used after dispose');
      const implicit = params.implicitWeight > 0 ? { weight: params.implicitWeight, mu } : undefined;
      // Each half-sweep starts from the residual the previous one ended with (the first computes it).
      const u = alsHalfSweep(users, userParams, itemParams, biased, params.cgIterations, false, implicit, { residual: itemResidual, keep: true }, { otherCounts: itemCountsT ?? undefined, prior: implicitSum ?? undefined });
      userParams.dispose();
      userParams = u.params;
      itemResidual?.dispose();
      itemResidual = null;
      if (implicitCtx && implicitY && implicitSum && (epoch + 1) % params.implicitInterval === 0) {
        const next = implicitFactorStep(users, items, userParams, implicitY, implicitSum, implicitCtx, params.regYj ?? params.regAll, reg.pu, params.cgIterations);
        implicitY.dispose(); implicitSum.dispose();
        implicitY = next.y; implicitSum = next.sum;
      }
      const i = alsHalfSweep(items, itemParams, userParams, biased, params.cgIterations, true, implicit, { residual: u.residual ?? null, keep: true }, { otherCounts: userCountsT ?? undefined });
      itemParams.dispose();
      itemParams = i.params;
      u.residual?.dispose();
      itemResidual = i.residual ?? null;
      u.sse.dispose();
      const sse = (await i.sse.data())[0]!;
      i.sse.dispose();
      return train.length ? sse / train.length : 0;
    },
    async snapshot() {
      if (!users || !items || !userParams || !itemParams) throw new Error('ALS solver used after dispose');
      const [userData, itemData] = await Promise.all([userParams.data(), itemParams.data()]);
      const model: SvdModel = {
        params: { ...params }, nUsers, nItems, k, globalMean: mu,
        userBias: new Float32Array(nUsers), itemBias: new Float32Array(nItems),
        userFactors: new Float32Array(nUsers * k), itemFactors: new Float32Array(nItems * k),
        scale: [start.scale[0], start.scale[1]],
      };
      unpackParams(userData as Float32Array, users.order, k, biased, model.userBias, model.userFactors);
      unpackParams(itemData as Float32Array, items.order, k, biased, model.itemBias, model.itemFactors);
      return model;
    },
    dispose,
  };
}
