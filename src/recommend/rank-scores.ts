// The matrix factorisation's ranking score, which is not the predicted rating shown
// beside it. Two options of the MF recommender (mf-recommender.ts), each toggled by the
// rank-served benchmark, measured on ml-latest-small (a visitor rating 10 horror films:
// without them the top 20 were films rated once, with them well-known horror films):
// - support shrinkage: an item's own effect (b_i + p·q_i) is shrunk by n_i / (n_i + α),
//   so a film rated once by one enthusiast does not outrank classics on a noisy bias;
// - genre taste: a visitor who only gives high ratings is explained by their bias,
//   leaving little in p; a content term (how much they like each genre relative to the
//   dataset mean) carries that signal.
// Both terms are linear in the visitor's ratings, so explanations decompose them exactly.
import type { Catalog } from '../dataset/dataset';
import type { ProfileRating } from './recommender';

export interface RankScoreOptions {
  /** α of the support shrinkage n_i / (n_i + α); 0 turns it off. Default 10. */
  supportShrink: number;
  /** Rating points added for the most-liked genre (scaled by taste in [−1, 1]); 0 turns it off. Default 1. */
  tasteWeight: number;
}

export const DEFAULT_RANK_SCORE: Readonly<RankScoreOptions> = Object.freeze({ supportShrink: 10, tasteWeight: 1 });

/** Pseudo-ratings at the dataset mean added to each genre's count, so one rating is not a strong taste. */
const TASTE_PSEUDO_COUNT = 2;

export interface GenreTaste {
  /** Taste per genre in [−1, 1]. */
  taste: Float32Array;
  /** Ratings per genre plus the pseudo-count (the denominators of taste before scaling). */
  denominators: Float64Array;
  /** The scale the raw tastes were divided by (the strongest |taste|; 0 = no taste). */
  scale: number;
  /** The dataset mean the ratings were taken relative to. */
  mean: number;
}

/**
 * Taste per genre: the ratings relative to the dataset mean, summed per genre and
 * divided by (count + 2), then scaled so the strongest genre is ±1.
 */
export function genreTaste(catalog: Catalog, rated: readonly ProfileRating[], mean: number): GenreTaste {
  const genres = catalog.genreNames.length;
  const sum = new Float64Array(genres);
  const denominators = new Float64Array(genres).fill(TASTE_PSEUDO_COUNT);
  for (const { item, rating } of rated) {
    const bits = catalog.genreBits[item];
    for (let g = 0; g < genres; g++) {
      if (bits & (1 << g)) {
        sum[g] += rating - mean;
        denominators[g] += 1;
      }
    }
  }
  const taste = new Float32Array(genres);
  let scale = 0;
  for (let g = 0; g < genres; g++) scale = Math.max(scale, Math.abs(sum[g] / denominators[g]));
  if (scale > 0) for (let g = 0; g < genres; g++) taste[g] = sum[g] / denominators[g] / scale;
  return { taste, denominators, scale, mean };
}

/** The genre among `bits` with the highest taste (the item's best-liked), or -1 for an item without genres. */
export function bestGenre(bits: number, taste: Float32Array): number {
  let best = -1;
  for (let g = 0; g < taste.length; g++) if (bits & (1 << g) && (best < 0 || taste[g] > taste[best])) best = g;
  return best;
}

/** The support shrinkage factor of an item with n ratings. */
export function shrinkFactor(n: number, options: RankScoreOptions): number {
  return options.supportShrink > 0 ? n / (n + options.supportShrink) : 1;
}

/**
 * Ranking scores in place from the estimates μ + b_u + b_i + p·q_i: the item's own
 * effect shrunk by support, plus tasteWeight × the taste of the item's best-liked genre.
 */
export function rankScores(
  estimates: Float32Array,
  base: number,
  support: Int32Array,
  catalog: Catalog,
  taste: GenreTaste | undefined,
  options: RankScoreOptions,
): Float32Array {
  const weight = taste && taste.scale > 0 ? options.tasteWeight : 0;
  // Catalogues have a few hundred distinct genre combinations: look each up once.
  const tasteOf = new Map<number, number>();
  for (let i = 0; i < estimates.length; i++) {
    let s = base + shrinkFactor(support[i], options) * (estimates[i] - base);
    if (weight && taste) {
      const bits = catalog.genreBits[i];
      let t = tasteOf.get(bits);
      if (t === undefined) {
        const g = bestGenre(bits, taste.taste);
        t = g < 0 ? 0 : taste.taste[g];
        tasteOf.set(bits, t);
      }
      s += weight * t;
    }
    estimates[i] = s;
  }
  return estimates;
}

/**
 * Each rating's exact share of the taste term of `item`'s ranking score: the term is
 * w·(Σ_{j∈g} (r_j − μ)) / (den_g · scale) for the item's best-liked genre g, so rating j
 * adds w·(r_j − μ) / (den_g · scale) when film j has genre g, else nothing.
 */
export function tasteShares(catalog: Catalog, rated: readonly ProfileRating[], taste: GenreTaste, item: number, options: RankScoreOptions): Float64Array {
  const out = new Float64Array(rated.length);
  if (!(taste.scale > 0) || options.tasteWeight === 0) return out;
  const g = bestGenre(catalog.genreBits[item], taste.taste);
  if (g < 0) return out;
  const per = options.tasteWeight / (taste.denominators[g] * taste.scale);
  rated.forEach(({ item: j, rating }, at) => {
    if (catalog.genreBits[j] & (1 << g)) out[at] = per * (rating - taste.mean);
  });
  return out;
}
