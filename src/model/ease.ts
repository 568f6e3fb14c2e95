// EASE^R (Steck 2019), the served top-N ranker: an item×item weight matrix B with a zero
// diagonal, fitted in closed form, B = I − P·diag(1/P_ii), P = (XᵀWX + λI)⁻¹, over the
// items with enough support. A profile x scores item i as Σ_j x_j B_ji: no fold-in.
import { ratingStep, type RatingsCoo } from '../dataset/dataset';

export interface EaseParams {
  /** λ, the ridge on B (rating-valued inputs: sums of squared ratings are in the thousands). */
  lambda: number;
  /** Items with fewer training ratings are left out of the model (never listed by it). */
  minSupport: number;
  /** At most this many items, the most-rated first: the solve costs n³/2 multiply-adds. */
  maxItems: number;
  /** Each user's rows of the Gram matrix are weighted n_u^−α, so the heaviest raters do not dominate it. */
  userWeightExponent: number;
}

/** Chosen on a validation split carved from the training part of ml-latest-small (docs/model.md, "Ranking"). */
export const DEFAULT_EASE_PARAMS: Readonly<EaseParams> = Object.freeze({ lambda: 4000, minSupport: 20, maxItems: 2500, userWeightExponent: 0.25 });

export interface EaseModel {
  params: EaseParams;
  /** Catalogue size the model was trained for. */
  nItems: number;
  /** Model item → inner item index, most-rated first. */
  items: Int32Array;
  /** Inner item index → model item, or −1 when the item is outside the model. */
  slot: Int32Array;
  /** B row-major over model items: weights[j·n + i] = B_ji, the weight of rated j towards i. */
  weights: Float32Array;
}

/** Items kept: support ≥ minSupport, at most maxItems of them, by count (ties: lower index). */
function selectItems(counts: Int32Array, params: EaseParams): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= params.minSupport && counts[i]! > 0) kept.push(i);
  kept.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return Int32Array.from(kept.slice(0, params.maxItems));
}

/** Unrolled dot product of a[ao, ao+len) and b[bo, bo+len): the one inner loop of the solve. */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
  const end4 = len - (len & 3);
  for (; k < end4; k += 4) {
    s0 += a[ao + k]! * b[bo + k]!;
    s1 += a[ao + k + 1]! * b[bo + k + 1]!;
    s2 += a[ao + k + 2]! * b[bo + k + 2]!;
    s3 += a[ao + k + 3]! * b[bo + k + 3]!;
  }
  for (; k < len; k++) s0 += a[ao + k]! * b[bo + k]!;
  return s0 + s1 + s2 + s3;
}

/**
 * The inverse of a symmetric positive definite n×n matrix (row-major, full), through its
 * Cholesky factor L: every step is a dot product of two contiguous rows (L row by row, the
 * columns of L⁻¹ stored as rows, then P_ij = Σ_k (L⁻¹)_ki (L⁻¹)_kj). `a` is overwritten.
 * Float64 throughout: the Gram matrix's condition number is in the hundreds of thousands.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    const d = a[rj + j]! - dot(a, rj, a, rj, j);
    if (!(d > 0)) throw new RangeError(`matrix is not positive definite (pivot ${j}: ${d})`);
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) a[i * n + j] = (a[i * n + j]! - dot(a, i * n, a, rj, j)) / ljj;
  }
  // Row j of t holds column j of L⁻¹ (zero before index j): forward substitution.
  const t = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    t[rj + j] = 1 / a[rj + j]!;
    for (let i = j + 1; i < n; i++) t[rj + i] = -dot(a, i * n + j, t, rj + j, i - j) / a[i * n + i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = dot(t, i * n + j, t, j * n + j, n - j);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

/** Fits B on rating-valued inputs (x_ui = r_ui, 0 when unrated). Deterministic. */
export function trainEase(train: RatingsCoo, nItems: number, partial: Partial<EaseParams> = {}): EaseModel {
  const params: EaseParams = { ...DEFAULT_EASE_PARAMS, ...partial };
  const counts = new Int32Array(nItems);
  for (let j = 0; j < train.length; j++) counts[train.items[j]!]!++;
  const items = selectItems(counts, params);
  const n = items.length;
  const slot = new Int32Array(nItems).fill(-1);
  items.forEach((item, s) => { slot[item] = s; });

  // Each user's kept ratings, grouped (counting sort by user), for the Σ_u w_u x_u x_uᵀ Gram.
  let nUsers = 0;
  for (let j = 0; j < train.length; j++) nUsers = Math.max(nUsers, train.users[j]! + 1);
  const start = new Int32Array(nUsers + 1);
  for (let j = 0; j < train.length; j++) if (slot[train.items[j]!]! >= 0) start[train.users[j]! + 1]!++;
  for (let u = 0; u < nUsers; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, nUsers);
  const rowSlot = new Int32Array(start[nUsers]!), rowValue = new Float64Array(start[nUsers]!);
  const step = ratingStep(train.ratings);
  for (let j = 0; j < train.length; j++) {
    const s = slot[train.items[j]!]!;
    if (s < 0) continue;
    const at = fill[train.users[j]!]!++;
    rowSlot[at] = s;
    rowValue[at] = train.ratings[j]! * step;
  }
  const gram = new Float64Array(n * n);
  for (let u = 0; u < nUsers; u++) {
    const from = start[u]!, to = start[u + 1]!;
    if (to === from) continue;
    const w = (to - from) ** -params.userWeightExponent;
    for (let a = from; a < to; a++) {
      const row = rowSlot[a]! * n, va = w * rowValue[a]!;
      for (let b = from; b < to; b++) gram[row + rowSlot[b]!] += va * rowValue[b]!;
    }
  }
  // λ is stated for unweighted inputs; the weights scale the Gram by about n_u^−α, with
  // n_u = 50 a typical profile, so λ keeps the same strength relative to the data term.
  const ridge = params.lambda * 50 ** -params.userWeightExponent;
  for (let i = 0; i < n; i++) gram[i * n + i] += ridge;
  const p = invertSpd(gram, n);
  const weights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) if (i !== j) weights[j * n + i] = -p[j * n + i]! / p[i * n + i]!;
  }
  return { params, nItems, items, slot, weights };
}

/**
 * Scores of every catalogue item for a profile of (inner item, rating) pairs: Σ_j r_j B_ji
 * for items in the model, NaN for the others (never listed). Rated items outside the model
 * carry no weight.
 */
export function easeScores(model: EaseModel, ratings: readonly { item: number; rating: number }[], out: Float32Array = new Float32Array(model.nItems)): Float32Array {
  const n = model.items.length;
  const acc = new Float64Array(n);
  for (const { item, rating } of ratings) {
    const j = model.slot[item] ?? -1;
    if (j < 0) continue;
    const row = j * n;
    for (let i = 0; i < n; i++) acc[i] += rating * model.weights[row + i]!;
  }
  out.fill(Number.NaN);
  for (let i = 0; i < n; i++) out[model.items[i]!] = acc[i]!;
  return out;
}

/** The exact share r_j·B_ji of each rated item j in item i's score (0 when either is outside the model). */
export function easeContribution(model: EaseModel, rated: number, rating: number, item: number): number {
  const j = model.slot[rated] ?? -1, i = model.slot[item] ?? -1;
  return j < 0 || i < 0 ? 0 : rating * model.weights[j * model.items.length + i]!;
}
