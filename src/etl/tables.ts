// What each reader leaves behind for the join step: one parsed table per file, in columns.
// Readers intern names as they read and keep per-row lists as CSR int32s, so a table holds a
// few typed arrays and each distinct string once: no object per movie (45,000 of them, each
// with arrays of names, were ~9× the Dataset's size at the join; docs/data.md, "Memory while
// loading").

import type { Lists } from './lists';
import type { RawRatings } from './ratings-parser';
import type { RowHandler } from './row-streams';
import type { SortedIds } from './sorted-ids';

/** Movies of a movie list (TMDB metadata, a MovieLens movie file), one row per kept movie in file order. */
export interface MovieTable {
  /** TMDB id or MovieLens movieId. */
  ids: Int32Array;
  titles: string[];
  /** 0 when unknown. */
  years: Int16Array;
  /** Per row, indices into genreNames (file order, as read). */
  genres: Lists;
  genreNames: string[];
}

/** movies_metadata.csv: the movie list plus TMDB's own columns. */
export interface TmdbMovieTable extends MovieTable {
  /** imdb_id as a number, -1 when missing. */
  imdbIds: Int32Array;
  voteAverage: Float32Array;
  voteCount: Int32Array;
  popularity: Float32Array;
  adult: Uint8Array;
}

/** credits.csv: rows keyed by TMDB id; names index `people`, the file's names in first-seen order. */
export interface CreditsTable {
  /** TMDB id → row. */
  rows: SortedIds;
  people: string[];
  /** Top-billed cast in billing order (`order`), at most TOP_CAST. */
  cast: Lists;
  /** Distinct crew names of department 'Writing', at most MAX_WRITERS. */
  writers: Lists;
  /** First director (crew job 'Director'), -1 when none. */
  director: Int32Array;
}

/** keywords.csv: rows keyed by TMDB id; keyword indices into `names`. */
export interface KeywordsTable {
  rows: SortedIds;
  names: string[];
  keywords: Lists;
}

/** tags.csv: per tagged MovieLens movie, its ranked distinct tags (tags-reader.ts). */
export interface TagsTable {
  /** movieId → row. */
  rows: SortedIds;
  names: string[];
  tags: Lists;
}

/** links.csv: MovieLens movieId → TMDB id and IMDb id. */
export interface LinksTable {
  /** movieId → row. */
  rows: SortedIds;
  /** Row → movieId, row → tmdbId and row → imdbId (-1 when missing), in file order. */
  mlIds: Int32Array;
  tmdbIds: Int32Array;
  imdbIds: Int32Array;
}

/** IMDb id linked to a MovieLens movieId, or -1. */
export function linkedImdbId(links: LinksTable, mlId: number): number {
  const r = links.rows.get(mlId);
  return r < 0 ? -1 : links.imdbIds[r]!;
}

/** TMDB id linked to a MovieLens movieId, or -1. */
export function linkedTmdbId(links: LinksTable, mlId: number): number {
  const r = links.rows.get(mlId);
  return r < 0 ? -1 : links.tmdbIds[r]!;
}

export type TablePayload =
  | { kind: 'tmdb-movies'; table: TmdbMovieTable }
  | { kind: 'credits'; table: CreditsTable }
  | { kind: 'keywords'; table: KeywordsTable }
  | { kind: 'links'; table: LinksTable }
  | { kind: 'tags'; table: TagsTable }
  | { kind: 'ml-movies'; table: MovieTable; needsGenreNames: boolean }
  | { kind: 'genre-names'; names: string[] }
  | { kind: 'ratings'; raw: RawRatings }
  | { kind: 'none' };

/** A text file's reader: rows in, the parsed table out once the file has ended. */
export interface TableReader {
  row: RowHandler;
  finish(): TablePayload;
}
