// The columnar Dataset every later stage consumes: a movie catalogue and a
// COO ratings table, both as typed arrays, with strings held once in tables.
// Inner indices (0..n-1) are what algorithms see; raw ids are kept beside them.

import type { RatingScale } from '../shared/rating-scale';

/** Movie catalogue, one entry per inner item index. */
export interface Catalog {
  size: number;
  /** Raw item id as the source names it (TMDB id, or MovieLens movieId for MovieLens-only data). */
  rawIds: Int32Array;
  /** TMDB id when known, else -1. */
  tmdbIds: Int32Array;
  /** IMDb title id as a number (tt0114709 → 114709) when known, else -1. */
  imdbIds: Int32Array;
  /** MovieLens movieId when known (through links.csv or a MovieLens file), else -1. */
  movieLensIds: Int32Array;
  titles: string[];
  /** Release year, 0 when unknown. */
  years: Int16Array;
  /** Bit g set when the movie has genre genreNames[g] (at most 32 genres). */
  genreBits: Uint32Array;
  genreNames: string[];
  /** TMDB vote average (0..10), NaN when unknown. */
  voteAverage: Float32Array;
  /** TMDB vote count, 0 when unknown. */
  voteCount: Int32Array;
  /** TMDB popularity, NaN when unknown. */
  popularity: Float32Array;
  /** Flagged adult titles (excluded from recommendations by default). */
  adult: Uint8Array;
  /** Index into people of the first director, -1 when unknown. */
  director: Int32Array;
  /** Top-billed cast in billing order, CSR: cast of item i is castIds[castOffsets[i] .. castOffsets[i+1]). */
  castOffsets: Uint32Array;
  castIds: Int32Array;
  /** Keywords, CSR into keywordNames. */
  keywordOffsets: Uint32Array;
  keywordIds: Int32Array;
  people: string[];
  keywordNames: string[];
  /** Writers (crew in department 'Writing', at most 5), CSR into people; absent when no credits were loaded. */
  writerOffsets?: Uint32Array;
  writerIds?: Int32Array;
}

/**
 * Inner item indices: Uint16 when the catalogue has at most 65,536 items (The Movies Dataset
 * 45k, MovieLens 25M 59k), else Int32 (see itemIndexArray).
 */
export type ItemIndexArray = Uint16Array | Int32Array;

/**
 * Stored ratings: Uint8 half-star codes (value = code × 0.5; every MovieLens and Kaggle rating
 * is a multiple of 0.5), or Float32 values when some rating is not (a 1–10 scale with
 * decimals, negative ratings). The array's type says which: read with ratingStep.
 */
export type RatingArray = Uint8Array | Float32Array;

/**
 * Ratings as parallel typed arrays (coordinate format), exact length. The ETL writes
 * Int32 users + Uint16 items + Uint8 half-star codes + Uint16 days = 9 bytes a row for The
 * Movies Dataset and MovieLens (docs/data.md, "Bytes per rating").
 */
export interface RatingsCoo {
  length: number;
  /** Inner user index. */
  users: Int32Array;
  /** Inner item index into the Catalog. */
  items: ItemIndexArray;
  /** Rating i is ratings[i] × ratingStep(ratings). */
  ratings: RatingArray;
  /** Day of each rating (Unix seconds ÷ 86,400, floored; fits until 2149), or undefined when the source had none. */
  days?: Uint16Array;
}

/** Largest catalogue whose item indices fit a Uint16Array. */
export const MAX_UINT16_ITEMS = 65536;

/** Multiplier from a stored rating to its value: 0.5 for Uint8 half-star codes, 1 for Float32. */
export function ratingStep(ratings: RatingArray): number {
  return ratings.BYTES_PER_ELEMENT === 1 ? 0.5 : 1;
}

/** Value of rating j (for cold paths; hot loops read coo.ratings[j] × ratingStep once per call). */
export function ratingAt(coo: RatingsCoo, j: number): number {
  return coo.ratings[j]! * ratingStep(coo.ratings);
}

/** The ratings as Float32 values: the array itself when already Float32, else a decoded copy. */
export function ratingValues(ratings: RatingArray): Float32Array {
  if (ratings.BYTES_PER_ELEMENT === 4) return ratings as Float32Array;
  const out = new Float32Array(ratings.length);
  for (let j = 0; j < ratings.length; j++) out[j] = ratings[j]! * 0.5;
  return out;
}

/** Half-star code of a rating (2 × value), or -1 when the value is not a multiple of 0.5 in 0..127.5. */
export function halfStarCode(value: number): number {
  const code = value * 2;
  return code >= 0 && code <= 255 && Math.floor(code) === code ? code : -1;
}

/** Ratings in the compact form when every value has a half-star code, else Float32. */
export function encodeRatings(values: ArrayLike<number>): RatingArray {
  const codes = new Uint8Array(values.length);
  for (let j = 0; j < values.length; j++) {
    const c = halfStarCode(values[j]!);
    if (c < 0) return Float32Array.from(values);
    codes[j] = c;
  }
  return codes;
}

/** Ratings `a` followed by `values`, still as codes when every value has one, else as Float32. */
export function appendRatingValues(a: RatingArray, values: ArrayLike<number>): RatingArray {
  const n = a.length;
  if (a.BYTES_PER_ELEMENT === 1) {
    const codes = new Uint8Array(n + values.length);
    codes.set(a);
    let j = 0;
    for (; j < values.length; j++) {
      const c = halfStarCode(values[j]!);
      if (c < 0) break;
      codes[n + j] = c;
    }
    if (j === values.length) return codes;
  }
  const out = new Float32Array(n + values.length);
  out.set(ratingValues(a));
  out.set(values, n);
  return out;
}

/** An empty item-index column of length n for a catalogue of nItems. */
export function itemIndexArray(n: number, nItems: number): ItemIndexArray {
  return nItems <= MAX_UINT16_ITEMS ? new Uint16Array(n) : new Int32Array(n);
}

export interface Dataset {
  /** Short human name, e.g. "ml-latest-small" or "demo data, synthetic ratings". */
  name: string;
  /** Stable hash of the input files (name, size, content sample); keys caches. */
  fingerprint: string;
  catalog: Catalog;
  ratings: RatingsCoo;
  /** Inner user index → raw user id. */
  userRawIds: Int32Array;
  /** Rating scale of the source, e.g. [0.5, 5] or [1, 5]. */
  scale: readonly [number, number];
  /** Step between the scale's values (0.5 for half stars), declared by the format or inferred by the ETL; absent: see datasetRatingScale. */
  scaleStep?: number;
}

/** Smallest step the stored ratings use: 0.5 when some half-star code is odd, else 1 (also for Float32 values). */
export function inferredStep(ratings: RatingArray): number {
  if (ratings.BYTES_PER_ELEMENT !== 1) return 1;
  for (let j = 0; j < ratings.length; j++) if (ratings[j]! & 1) return 0.5;
  return 1;
}

/** The dataset's rating scale with its step: the shared vocabulary's RatingScale. */
export function datasetRatingScale(d: Dataset): RatingScale {
  const step = d.scaleStep ?? inferredStep(d.ratings.ratings);
  const [min, max] = d.scale;
  // A range the step does not divide (a 1–5 set whose lowest rating is 1.5) keeps half steps.
  const steps = (max - min) / step;
  return { min, max, step: Math.abs(steps - Math.round(steps)) < 1e-6 ? step : 0.5 };
}
