// The columnar Dataset every later stage consumes: a movie catalogue and a
// COO ratings table, both as typed arrays, with strings held once in tables.
// Inner indices (0..n-1) are what algorithms see; raw ids are kept beside them.

/** Movie catalogue, one entry per inner item index. */
export interface Catalog {
  size: number;
  /** Raw item id as the source names it (TMDB id, or MovieLens movieId for MovieLens-only data). */
  rawIds: Int32Array;
  /** TMDB id when known, else -1. */
  tmdbIds: Int32Array;
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

/** Ratings as parallel typed arrays (coordinate format); a rating row is 12 bytes, 16 with timestamps. */
export interface RatingsCoo {
  length: number;
  /** Inner user index. */
  users: Int32Array;
  /** Inner item index into the Catalog. */
  items: Int32Array;
  ratings: Float32Array;
  /** Unix seconds, or undefined when the source had none. */
  timestamps?: Uint32Array;
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
}
