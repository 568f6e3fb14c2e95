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
import type { RatingsCoo } from '../dataset/dataset';
import type { SvdSolver } from './train-svd';
import { termRegs, type SvdModel } from './svd-model';

/** Bucket lengths grow geometrically by this ratio; padding waste is below 1 − 1/GROWTH. */
const BUCKET_GROWTH = 1.6;
/** Buckets with fewer rows are merged into the next longer one: each bucket costs ~15 kernel launches per CG step. */
const MIN_BUCKET_ROWS = 48;

export interface Bucket {
  start: number;
  rows: number;
  len: number;
  /** [rows, len, 1] int32 positions into the other side's parameter matrix; padding = nOther (a zero row). */
  idx: tf.Tensor3D;
  /** [rows, len, 1] r − μ, 0 for padding. */
  target: tf.Tensor3D;
  /** [rows, d, 1] n_row·Λ diagonal. */
  regDiag: tf.Tensor3D;
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
}

/** Exposed for tests: bucketing is pure and decides the padded shapes. */
export function planBuckets(counts: Int32Array): { order: Int32Array; bounds: { start: number; rows: number; len: number }[]; solved: number } {
  const n = counts.length;
  const order = Int32Array.from({ length: n }, (_, j) => j);
  order.sort((a, b) => (counts[a]! === 0 ? 1 : 0) - (counts[b]! === 0 ? 1 : 0) || counts[a]! - counts[b]! || a - b);
  let solved = 0;
  while (solved < n && counts[order[solved]!]! > 0) solved++;
  const bounds: { start: number; rows: number; len: number }[] = [];
  let j = 0;
  let len = Math.max(1, counts[order[0]!] ?? 1);
  while (j < solved) {
    let end = j;
    while (end < solved && counts[order[end]!]! <= len) end++;
    if (end - j >= MIN_BUCKET_ROWS || end === solved) {
      if (end > j) bounds.push({ start: j, rows: end - j, len: counts[order[end - 1]!]! });
      j = end;
    }
    len = Math.ceil(len * BUCKET_GROWTH);
  }
  return { order, bounds, solved };
}

export function buildSide(
  rowsOf: Int32Array, colsOf: Int32Array, ratings: Float32Array, nRows: number,
  otherPos: Int32Array, nOther: number, mu: number, regBias: number, regFactor: number, d: number, biased: boolean,
  regCountExponent = 1,
): Side {
  const counts = new Int32Array(nRows);
  for (let j = 0; j < rowsOf.length; j++) counts[rowsOf[j]!]!++;
  const { order, bounds, solved } = planBuckets(counts);
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
  for (let j = 0; j < rowsOf.length; j++) {
    const p = pos[rowsOf[j]!]!;
    const at = fill[p]!++;
    cols[at] = otherPos[colsOf[j]!]!;
    vals[at] = ratings[j]! - mu;
    slotOf[j] = rowSlot[p]! + at - offsets[p]!;
  }
  const buckets = bounds.map(({ start, rows, len }) => {
    const idx = new Int32Array(rows * len).fill(nOther);
    const target = new Float32Array(rows * len);
    const reg = new Float32Array(rows * d);
    for (let r = 0; r < rows; r++) {
      const p = start + r, from = offsets[p]!, cnt = offsets[p + 1]! - from;
      idx.set(cols.subarray(from, from + cnt), r * len);
      target.set(vals.subarray(from, from + cnt), r * len);
      const weight = regCountExponent === 1 ? cnt : Math.pow(cnt, regCountExponent);
      for (let f = 0; f < d; f++) reg[r * d + f] = weight * (biased && f === 0 ? regBias : regFactor);
    }
    return {
      start, rows, len,
      idx: tf.tensor3d(idx, [rows, len, 1], 'int32'),
      target: tf.tensor3d(target, [rows, len, 1]),
      regDiag: tf.tensor3d(reg, [rows, d, 1]),
    };
  });
  return { n: nRows, order, pos, solved, buckets, slotOf, totalSlots };
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
): { params: tf.Tensor2D; sse: tf.Scalar; residual?: tf.Tensor2D } {
  return tf.tidy(() => {
    const [nOther, d] = other.shape;
    // Features of the other side, [1, factors] when biased, plus a zero padding row.
    const features = biased ? tf.concat([tf.ones([nOther, 1]), tf.slice(other, [0, 1], [nOther, d - 1])], 1) : other;
    const paddedFeatures = tf.concat([features, tf.zeros([1, d])], 0);
    const otherBiasRows = biased ? tf.slice(other, [0, 0], [nOther, 1]) : null;
    const otherBias = otherBiasRows ? tf.concat([otherBiasRows, tf.zeros([1, 1])], 0) : null;
    // Implicit term w₀·Σ_j (x·f_j + c_j)², c_j = μ + b_j (the all-pairs target is 0): it adds
    // w₀·FᵀF to every row's system and w₀·Fᵀc to its right-hand side, both shared by all rows.
    let gram: tf.Tensor2D | null = null, shift: tf.Tensor2D | null = null;
    if (implicit && implicit.weight > 0) {
      gram = tf.mul(tf.matMul(features, features, true, false), implicit.weight) as tf.Tensor2D; // [d, d]
      const c = otherBiasRows ? tf.add(otherBiasRows, implicit.mu) : tf.fill([nOther, 1], implicit.mu);
      shift = tf.reshape(tf.mul(tf.matMul(features, c, true, false), implicit.weight), [1, d]) as tf.Tensor2D; // [1, d]
    }
    /** w₀(FᵀF v + Fᵀc) for a [rows, d, 1] batch (the Gram matrix is symmetric: v·FᵀF = (FᵀF v)ᵀ). */
    const implicitTerm = (v: tf.Tensor3D, rows: number, withShift: boolean): tf.Tensor3D => {
      const gv = tf.matMul(tf.reshape(v, [rows, d]), gram!);
      return tf.reshape(withShift ? tf.add(gv, shift!) : gv, [rows, d, 1]) as tf.Tensor3D;
    };
    const solvedParts: tf.Tensor2D[] = [];
    const residualParts: tf.Tensor2D[] = [];
    const incoming = carried?.residual ?? null;
    let sse: tf.Scalar = tf.scalar(0);
    for (const b of self.buckets) {
      // gatherND, not gather: the wasm GatherV2 kernel copies element by element (~300 ms
      // for 8M floats against ~3 ms for gatherND's row copies, measured in docs/model.md).
      const g = tf.gatherND(paddedFeatures, b.idx) as tf.Tensor3D; // [rows, len, d]
      let x = tf.reshape(tf.slice(selfParams, [b.start, 0], [b.rows, d]), [b.rows, d, 1]) as tf.Tensor3D;
      // e = y − Gx is tracked through the iterations (Gp is needed anyway for pᵀAp =
      // ‖Gp‖² + pᵀDp), so neither the train loss nor Aᵀ products cost an extra pass over G,
      // the expensive tensor: m iterations cost 2m + 1 passes (steepest descent with an
      // exact line search when m = 1).
      let e: tf.Tensor3D;
      if (incoming && b.carry) {
        e = tf.gatherND(incoming, b.carry) as tf.Tensor3D;
      } else {
        const y = otherBias ? tf.sub(b.target, tf.gatherND(otherBias, b.idx)) : b.target; // [rows, len, 1]
        e = tf.sub(y, tf.matMul(g, x));
      }
      const residual = () => {
        const r0 = tf.sub(tf.matMul(g, e, true, false), tf.mul(b.regDiag, x)) as tf.Tensor3D;
        return gram ? tf.sub(r0, implicitTerm(x, b.rows, true)) as tf.Tensor3D : r0;
      };
      let r = residual();
      let p = r;
      let rs = tf.sum(tf.square(r), 1, true); // [rows, 1, 1]
      for (let it = 0; it < cgIterations; it++) {
        const gp = tf.matMul(g, p);
        let pAp = tf.add(tf.sum(tf.square(gp), 1, true), tf.sum(tf.mul(b.regDiag, tf.square(p)), 1, true));
        if (gram) pAp = tf.add(pAp, tf.sum(tf.mul(p, implicitTerm(p, b.rows, false)), 1, true));
        // The floors keep converged rows (rs = 0) at alpha = beta = 0 instead of NaN.
        const alpha = tf.div(rs, tf.maximum(pAp, 1e-30));
        x = tf.add(x, tf.mul(alpha, p));
        e = tf.sub(e, tf.mul(alpha, gp)) as tf.Tensor3D;
        if (it + 1 === cgIterations) break;
        r = residual();
        const rsNew = tf.sum(tf.square(r), 1, true);
        p = tf.add(r, tf.mul(tf.div(rsNew, tf.maximum(rs, 1e-30)), p));
        rs = rsNew;
      }
      if (withLoss) sse = tf.add(sse, tf.sum(tf.square(e)));
      solvedParts.push(tf.reshape(x, [b.rows, d]));
      if (carried?.keep) residualParts.push(tf.reshape(e, [b.rows * b.len, 1]));
    }
    if (self.solved < self.n) solvedParts.push(tf.slice(selfParams, [self.solved, 0], [self.n - self.solved, d]));
    const params = solvedParts.length === 1 ? solvedParts[0]! : tf.concat(solvedParts, 0);
    // The flat residual of every rating after this half-sweep, plus a zero slot for padding.
    const residual = carried?.keep ? (tf.concat([...residualParts, tf.zeros([1, 1])], 0) as tf.Tensor2D) : undefined;
    return { params: params as tf.Tensor2D, sse, residual };
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
  const userPlan = planBuckets(userCounts), itemPlan = planBuckets(itemCounts);
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
  const dispose = () => {
    for (const side of [users, items]) for (const b of side?.buckets ?? []) { b.idx.dispose(); b.target.dispose(); b.regDiag.dispose(); b.carry?.dispose(); }
    userParams?.dispose(); itemParams?.dispose(); itemResidual?.dispose();
    users = items = null; userParams = itemParams = itemResidual = null;
  };
  try {
    users = buildSide(train.users, train.items, train.ratings, nUsers, itemPos, nItems, mu, reg.bu, reg.pu, d, biased, params.regCountExponent);
    items = buildSide(train.items, train.users, train.ratings, nItems, userPos, nUsers, mu, reg.bi, reg.qi, d, biased, params.regCountExponent);
    linkSides(users, items);
    linkSides(items, users);
    userParams = tf.tensor2d(packParams(start.userBias, startUserFactors, users.order, k, biased), [nUsers, d]);
    itemParams = tf.tensor2d(packParams(start.itemBias, startItemFactors, items.order, k, biased), [nItems, d]);
  } catch (e) {
    dispose();
    throw e;
  }

  return {
    async runEpoch() {
      if (!users || !items || !userParams || !itemParams) throw new Error('ALS solver used after dispose');
      const implicit = params.implicitWeight > 0 ? { weight: params.implicitWeight, mu } : undefined;
      // Each half-sweep starts from the residual the previous one ended with (the first computes it).
      const u = alsHalfSweep(users, userParams, itemParams, biased, params.cgIterations, false, implicit, { residual: itemResidual, keep: true });
      userParams.dispose();
      userParams = u.params;
      itemResidual?.dispose();
      itemResidual = null;
      const i = alsHalfSweep(items, itemParams, userParams, biased, params.cgIterations, true, implicit, { residual: u.residual ?? null, keep: true });
      itemParams.dispose();
      itemParams = i.params;
      u.residual?.dispose();
      itemResidual = i.residual ?? null;
      u.sse.dispose();
      const sse = (await i.sse.data())[0]!;
      i.sse.dispose();
      return train.length ? sse / train.length : 0;
    },
    snapshot() {
      if (!users || !items || !userParams || !itemParams) throw new Error('ALS solver used after dispose');
      const model: SvdModel = {
        params: { ...params }, nUsers, nItems, k, globalMean: mu,
        userBias: new Float32Array(nUsers), itemBias: new Float32Array(nItems),
        userFactors: new Float32Array(nUsers * k), itemFactors: new Float32Array(nItems * k),
        scale: [start.scale[0], start.scale[1]],
      };
      unpackParams(userParams.dataSync() as Float32Array, users.order, k, biased, model.userBias, model.userFactors);
      unpackParams(itemParams.dataSync() as Float32Array, items.order, k, biased, model.itemBias, model.itemFactors);
      return model;
    },
    dispose,
  };
}
