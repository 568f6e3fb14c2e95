// Exploration for the UI's charts: genre counts and means, the weighted-score top list,
// rating histogram per half star, long-tail curves of ratings per user/item, movies per
// year. Everything returned is small (≤ a few hundred numbers per series), JSON-safe.

import { ratingStep, type Dataset } from '../dataset/dataset';
import { itemRatingStats, weightedScoreDetail, type WeightedScoreParams } from './weighted-score';

export interface LongTail {
  /** Entities (users or items) with at least one rating. */
  entities: number;
  max: number;
  median: number;
  mean: number;
  /** Rank fraction 0..1 of each point (0 = the most-rated entity). */
  rank: number[];
  /** Ratings count at that rank, counts sorted descending and downsampled to ≤ 200 points. */
  count: number[];
}

export interface GenreStats {
  names: string[];
  movieCounts: number[];
  ratingCounts: number[];
  /** Mean rating of the ratings on movies of the genre; null when none. */
  meanRating: (number | null)[];
  /** Mean TMDB vote_average of the genre's movies with votes; null when none. */
  meanVote: (number | null)[];
}

export interface TopMovie {
  index: number;
  title: string;
  year: number;
  score: number;
}

export interface Exploration {
  summary: { movies: number; users: number; ratings: number; density: number; meanRating: number | null; scale: [number, number] };
  genres: GenreStats;
  /** Genre names by movie count, most common first (at most 10). */
  topGenres: string[];
  score: { source: 'tmdb' | 'ratings'; m: number; C: number; scale: [number, number]; params: WeightedScoreParams; top: TopMovie[] };
  ratingHistogram: { binStart: number[]; counts: number[]; binWidth: number };
  ratingsPerUser: LongTail;
  ratingsPerItem: LongTail;
  moviesPerYear: { years: number[]; counts: number[] };
}

export const LONG_TAIL_POINTS = 200;
const TOP_N = 20;

export function longTail(counts: Int32Array, points = LONG_TAIL_POINTS): LongTail {
  const nz = counts.filter((c) => c > 0).sort().reverse();
  const n = nz.length;
  if (n === 0) return { entities: 0, max: 0, median: 0, mean: 0, rank: [], count: [] };
  let sum = 0;
  for (const c of nz) sum += c;
  const k = Math.min(points, n);
  const rank: number[] = [];
  const count: number[] = [];
  for (let j = 0; j < k; j++) {
    // Evenly spaced ranks including the first and the last entity.
    const idx = k === 1 ? 0 : Math.round((j * (n - 1)) / (k - 1));
    rank.push(n === 1 ? 0 : idx / (n - 1));
    count.push(nz[idx]!);
  }
  const median = n % 2 ? nz[(n - 1) / 2]! : (nz[n / 2 - 1]! + nz[n / 2]!) / 2;
  return { entities: n, max: nz[0]!, median, mean: sum / n, rank, count };
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const orNull = (x: number) => (Number.isFinite(x) ? round(x) : null);

export function explore(dataset: Dataset, params: Partial<WeightedScoreParams> = {}): Exploration {
  const { catalog, ratings } = dataset;
  const n = catalog.size;
  const G = catalog.genreNames.length;
  const { counts: itemCounts } = itemRatingStats(n, ratings);

  // Genres: per movie, then per rating through the movie's genre bits.
  const movieCounts = new Array<number>(G).fill(0);
  const voteSum = new Array<number>(G).fill(0);
  const voteN = new Array<number>(G).fill(0);
  for (let i = 0; i < n; i++) {
    const bits = catalog.genreBits[i]!;
    if (!bits) continue;
    for (let g = 0; g < G; g++) {
      if (bits & (1 << g)) {
        movieCounts[g]!++;
        if (catalog.voteCount[i]! > 0 && Number.isFinite(catalog.voteAverage[i]!)) {
          voteSum[g]! += catalog.voteAverage[i]!;
          voteN[g]!++;
        }
      }
    }
  }
  const rSum = new Float64Array(G);
  const rN = new Float64Array(G);
  const userCounts = new Int32Array(dataset.userRawIds.length);
  const [lo, hi] = dataset.scale;
  const binWidth = 0.5;
  const bins = Math.max(1, Math.floor((hi - lo) / binWidth + 1e-9) + 1);
  const hist = new Array<number>(bins).fill(0);
  let total = 0;
  const { users: rUsers, items: rItems, ratings: stored } = ratings, step = ratingStep(stored);
  for (let i = 0; i < ratings.length; i++) {
    const r = stored[i]! * step;
    total += r;
    userCounts[rUsers[i]!]!++;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((r - lo) / binWidth + 1e-6)));
    hist[b]!++;
    const bits = catalog.genreBits[rItems[i]!]!;
    if (!bits) continue;
    for (let g = 0; g < G; g++) {
      if (bits & (1 << g)) {
        rSum[g]! += r;
        rN[g]!++;
      }
    }
  }
  const genres: GenreStats = {
    names: [...catalog.genreNames],
    movieCounts,
    ratingCounts: Array.from(rN),
    meanRating: Array.from(rSum, (s, g) => (rN[g]! > 0 ? round(s / rN[g]!) : null)),
    meanVote: voteSum.map((s, g) => (voteN[g]! > 0 ? round(s / voteN[g]!) : null)),
  };
  const topGenres = genres.names
    .map((name, g) => ({ name, c: movieCounts[g]! }))
    .filter((x) => x.c > 0)
    .sort((a, b) => b.c - a.c || (a.name < b.name ? -1 : 1))
    .slice(0, 10)
    .map((x) => x.name);

  const detail = weightedScoreDetail(catalog, params, ratings);
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => !catalog.adult[i]);
  order.sort((a, b) => detail.scores[b]! - detail.scores[a]! || a - b);
  const top = order.slice(0, TOP_N).map((i) => ({ index: i, title: catalog.titles[i]!, year: catalog.years[i]!, score: round(detail.scores[i]!) }));

  const yearCounts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const y = catalog.years[i]!;
    if (y > 0) yearCounts.set(y, (yearCounts.get(y) ?? 0) + 1);
  }
  const years = [...yearCounts.keys()].sort((a, b) => a - b);

  const users = dataset.userRawIds.length;
  return {
    summary: {
      movies: n,
      users,
      ratings: ratings.length,
      density: n && users ? ratings.length / (n * users) : 0,
      meanRating: ratings.length ? round(total / ratings.length) : null,
      scale: [lo, hi],
    },
    genres,
    topGenres,
    score: { source: detail.source, m: orNull(detail.m) ?? 0, C: orNull(detail.C) ?? 0, scale: detail.scale, params: detail.params, top },
    ratingHistogram: { binStart: hist.map((_, b) => lo + b * binWidth), counts: hist, binWidth },
    ratingsPerUser: longTail(userCounts),
    ratingsPerItem: longTail(itemCounts),
    moviesPerYear: { years, counts: years.map((y) => yearCounts.get(y)!) },
  };
}
