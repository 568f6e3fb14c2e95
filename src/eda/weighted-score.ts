// score_final per movie: the IMDB weighted rating v/(v+m)·R + m/(v+m)·C, which pulls movies
// with few votes towards the mean, blended with log-normalised popularity. Uses TMDB votes
// when the catalogue has them, else each item's own ratings (MovieLens-only data).

import { ratingStep, type Catalog, type RatingsCoo } from '../dataset/dataset';

export interface WeightedScoreParams {
  /** m is this quantile of the vote counts of movies with at least one vote. Default 0.90. */
  quantile: number;
  /** Share of normalised popularity in score_final, 0..1. Default 0.2. */
  popularityWeight: number;
}

export const DEFAULT_WEIGHTED_SCORE: WeightedScoreParams = { quantile: 0.9, popularityWeight: 0.2 };

export interface WeightedScoreDetail {
  scores: Float32Array;
  /** 'tmdb' (vote_average/vote_count/popularity) or 'ratings' (per-item mean/count). */
  source: 'tmdb' | 'ratings';
  m: number;
  C: number;
  /** Scale of R and score_final, e.g. [0, 10] for TMDB votes. */
  scale: [number, number];
  params: WeightedScoreParams;
}

/** Linear-interpolated quantile (pandas' default) of the values; NaN for none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(values).sort();
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Per-item rating count and mean from the COO table. */
export function itemRatingStats(size: number, ratings: RatingsCoo): { counts: Int32Array; means: Float32Array } {
  const counts = new Int32Array(size);
  const sums = new Float64Array(size);
  const { items, ratings: stored } = ratings, step = ratingStep(stored);
  for (let i = 0; i < ratings.length; i++) {
    const it = items[i]!;
    counts[it]!++;
    sums[it]! += stored[i]! * step;
  }
  const means = new Float32Array(size);
  for (let i = 0; i < size; i++) means[i] = counts[i]! > 0 ? sums[i]! / counts[i]! : NaN;
  return { counts, means };
}

export function weightedScoreDetail(catalog: Catalog, params: Partial<WeightedScoreParams> = {}, ratings?: RatingsCoo): WeightedScoreDetail {
  const p: WeightedScoreParams = { ...DEFAULT_WEIGHTED_SCORE, ...params };
  const n = catalog.size;
  let hasVotes = false;
  for (let i = 0; i < n && !hasVotes; i++) hasVotes = catalog.voteCount[i]! > 0 && Number.isFinite(catalog.voteAverage[i]!);
  let v: ArrayLike<number>;
  let R: ArrayLike<number>;
  let pop: ArrayLike<number>;
  let scale: [number, number];
  const source = hasVotes || !ratings || ratings.length === 0 ? 'tmdb' : 'ratings';
  if (source === 'tmdb') {
    v = catalog.voteCount;
    R = catalog.voteAverage;
    pop = catalog.popularity;
    scale = [0, 10];
  } else {
    const st = itemRatingStats(n, ratings!);
    v = st.counts;
    R = st.means;
    pop = st.counts; // popularity of an item = how often it was rated
    let lo = Infinity;
    let hi = -Infinity;
    const stored = ratings!.ratings;
    for (let i = 0; i < ratings!.length; i++) {
      const r = stored[i]!;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    const step = ratingStep(stored);
    scale = [lo * step, hi * step];
  }
  const voted: number[] = [];
  let sumR = 0;
  for (let i = 0; i < n; i++) {
    if (v[i]! > 0 && Number.isFinite(R[i]!)) {
      voted.push(v[i]!);
      sumR += R[i]!;
    }
  }
  const C = voted.length ? sumR / voted.length : (scale[0] + scale[1]) / 2;
  const m = voted.length ? quantile(voted, p.quantile) : 0;
  let maxPop = 0;
  for (let i = 0; i < n; i++) if (pop[i]! > maxPop) maxPop = pop[i]!;
  const logMax = Math.log1p(maxPop);
  const w = Math.min(1, Math.max(0, p.popularityWeight));
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const vi = Number.isFinite(R[i]!) ? Math.max(0, v[i]!) : 0;
    const wr = vi + m > 0 ? (vi / (vi + m)) * (vi > 0 ? R[i]! : 0) + (m / (vi + m)) * C : C;
    const pi = pop[i]!;
    const popNorm = logMax > 0 && Number.isFinite(pi) && pi > 0 ? Math.log1p(pi) / logMax : 0;
    scores[i] = (1 - w) * wr + w * (scale[0] + popNorm * (scale[1] - scale[0]));
  }
  return { scores, source, m, C, scale, params: p };
}

/** score_final per movie (see weightedScoreDetail); pass ratings for MovieLens-only catalogues. */
export function weightedScores(catalog: Catalog, params: Partial<WeightedScoreParams> = {}, ratings?: RatingsCoo): Float32Array {
  return weightedScoreDetail(catalog, params, ratings).scores;
}
