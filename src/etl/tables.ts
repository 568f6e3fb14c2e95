// What each reader leaves behind for the join step: one parsed table per file, as small
// row records for the metadata files (tens of thousands of rows) and typed arrays for ratings.

import type { RawRatings } from './ratings-parser';

export interface TmdbMovieRow {
  tmdbId: number;
  title: string;
  year: number;
  genres: string[];
  voteAverage: number;
  voteCount: number;
  popularity: number;
  adult: boolean;
}

export interface CreditsRow {
  /** Top-billed cast names in billing order (`order`), at most TOP_CAST. */
  cast: string[];
  directors: string[];
  writers: string[];
}

export interface MlMovieRow {
  mlId: number;
  title: string;
  year: number;
  genres: string[];
}

export type TablePayload =
  | { kind: 'tmdb-movies'; rows: TmdbMovieRow[] }
  | { kind: 'credits'; byTmdbId: Map<number, CreditsRow> }
  | { kind: 'keywords'; byTmdbId: Map<number, string[]> }
  | { kind: 'links'; mlToTmdb: Map<number, number> }
  | { kind: 'ml-movies'; rows: MlMovieRow[]; needsGenreNames: boolean }
  | { kind: 'genre-names'; names: string[] }
  | { kind: 'ratings'; raw: RawRatings }
  | { kind: 'none' };
