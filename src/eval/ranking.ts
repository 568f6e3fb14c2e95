// Full-ranking top-N metrics: for each user, every item not rated in training is a
// candidate (no sampled negatives), ranked by the predictor's score; the user's test
// ratings ≥ threshold are the relevant items.

import { ratingStep, type RatingsCoo } from '../dataset/dataset';
import type { RatingPredictor } from '../model/baselines';

export interface RankingOptions {
  /** Cut-off k of the top-k list. */
  k?: number;
  /** A test rating ≥ threshold is relevant (default 4.0). */
  threshold?: number;
}

export interface RankingMetrics {
  k: number;
  /** Users with at least one relevant test item: the ones averaged over. */
  users: number;
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  /** Distinct items in any evaluated user's top-k / nItems. */
  coverage: number;
}

/** Indices of the top-k scores among candidates (ties broken by lower item index). */
export function topK(scores: Float32Array, candidates: Int32Array, k: number): Int32Array {
  const order = Array.from(candidates.keys());
  order.sort((a, b) => scores[b]! - scores[a]! || candidates[a]! - candidates[b]!);
  return Int32Array.from(order.slice(0, k), (j) => candidates[j]!);
}

/** Metrics for one ranked list against a relevant set (binary gains, log2 discount). */
export function rankedListMetrics(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): { precision: number; recall: number; ndcg: number; ap: number } {
  let hits = 0, dcg = 0, apSum = 0;
  const n = Math.min(k, ranked.length);
  for (let j = 0; j < n; j++) {
    if (relevant.has(ranked[j]!)) {
      hits++;
      dcg += 1 / Math.log2(j + 2);
      apSum += hits / (j + 1);
    }
  }
  let idcg = 0;
  for (let j = 0; j < Math.min(k, relevant.size); j++) idcg += 1 / Math.log2(j + 2);
  return {
    precision: hits / k,
    recall: relevant.size ? hits / relevant.size : 0,
    ndcg: idcg ? dcg / idcg : 0,
    ap: relevant.size ? apSum / Math.min(k, relevant.size) : 0,
  };
}

/** A user's top-k list: `seen` are the items the user rated in training (never candidates). */
export type TopKList = (user: number, seen: ReadonlySet<number>, k: number) => ArrayLike<number>;

/**
 * The metrics over every user with a relevant test item, each ranked by `listFor`
 * (a predictor's full ranking, or the served pipeline: served-ranking.ts).
 */
export function rankingMetricsOf(listFor: TopKList, train: RatingsCoo, test: RatingsCoo, nItems: number, options: RankingOptions = {}): RankingMetrics {
  const k = options.k ?? 10, threshold = options.threshold ?? 4.0;
  const rated = new Map<number, Set<number>>();
  for (let j = 0; j < train.length; j++) {
    const u = train.users[j]!;
    let s = rated.get(u);
    if (!s) rated.set(u, (s = new Set()));
    s.add(train.items[j]!);
  }
  const relevant = new Map<number, Set<number>>();
  const step = ratingStep(test.ratings);
  for (let j = 0; j < test.length; j++) {
    if (test.ratings[j]! * step < threshold) continue;
    const u = test.users[j]!;
    let s = relevant.get(u);
    if (!s) relevant.set(u, (s = new Set()));
    s.add(test.items[j]!);
  }
  const shown = new Uint8Array(nItems);
  const none = new Set<number>();
  let precision = 0, recall = 0, ndcg = 0, map = 0, users = 0;
  for (const [u, rel] of [...relevant].sort((a, b) => a[0] - b[0])) {
    const top = listFor(u, rated.get(u) ?? none, k);
    for (let j = 0; j < top.length; j++) shown[top[j]!] = 1;
    const m = rankedListMetrics(top, rel, k);
    precision += m.precision; recall += m.recall; ndcg += m.ndcg; map += m.ap; users++;
  }
  const covered = shown.reduce((a, b) => a + b, 0);
  const d = users || 1;
  return { k, users, precision: precision / d, recall: recall / d, ndcg: ndcg / d, map: map / d, coverage: nItems ? covered / nItems : 0 };
}

/** Full ranking by a predictor's scores over every item the user did not rate in training. */
export function rankingMetrics(predictor: RatingPredictor, train: RatingsCoo, test: RatingsCoo, nItems: number, options: RankingOptions = {}): RankingMetrics {
  const score = predictor.scoreBatch ?? predictor.predictBatch;
  const listFor: TopKList = (u, seen, k) => {
    const candidates = new Int32Array(nItems - seen.size);
    let c = 0;
    for (let i = 0; i < nItems; i++) if (!seen.has(i)) candidates[c++] = i;
    const scores = score.call(predictor, new Int32Array(candidates.length).fill(u), candidates);
    return topK(scores, candidates, k);
  };
  return rankingMetricsOf(listFor, train, test, nItems, options);
}
