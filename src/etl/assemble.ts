// Joins the parsed tables into the columnar Dataset: picks the catalogue source (TMDB
// metadata > MovieLens item file > ids seen in ratings), attaches credits and keywords on
// TMDB id, maps ratings to inner indices through links, and reports every join's match rate.

import { MAX_UINT16_ITEMS, ratingStep, type Catalog, type Dataset, type ItemIndexArray, type RatingArray, type RatingsCoo } from '../dataset/dataset';
import { distinctSorted, IdIndex } from '../dataset/id-index';
import type { ParsedFile } from './file-ingest';
import { dropDuplicateRatings } from './duplicate-ratings';
import { baseName } from './formats';
import { ML100K_GENRES } from './movielens-readers';
import type { RawRatings } from './ratings-parser';
import { joinCredits, joinKeywords, joinTags } from './join-tables';
import type { Lists } from './lists';
import { SortedIds } from './sorted-ids';
import { addReason, joinReport, type JoinReport, type ReasonStats } from './report';
import { linkedImdbId, linkedTmdbId, type LinksTable, type MovieTable, type TablePayload, type TmdbMovieTable } from './tables';

export interface Assembly {
  dataset: Dataset;
  catalogSource: string;
  joins: JoinReport[];
  datasetDrops: Record<string, ReasonStats>;
  notes: string[];
}

/** Dataset drop reason of a rating whose (user, movie) pair is rated again later (duplicate-ratings.ts). */
export const DUPLICATE_RATING = 'duplicate rating (user, movie)';

/** Scale used when there are no ratings at all (catalogue-only input). */
export const DEFAULT_SCALE: readonly [number, number] = [0.5, 5];
const MAX_GENRES = 32;

function unuse(p: ParsedFile, note: string): void {
  p.report.report.used = false;
  p.report.report.note = p.report.report.note ? `${p.report.report.note}; ${note}` : note;
}

/** Keeps the first file of a kind (by preference order) and marks the rest unused. */
function pickOne(files: ParsedFile[], prefer: (b: string) => number, what: string): ParsedFile | null {
  if (files.length === 0) return null;
  const sorted = [...files].sort((a, b) => prefer(baseName(a.file)) - prefer(baseName(b.file)));
  const chosen = sorted[0]!;
  for (const f of sorted.slice(1)) unuse(f, `not used: only one ${what} is used (${chosen.file})`);
  return chosen;
}

/** The catalogue's columns before genres become bits; TMDB's own columns only for TMDB metadata. */
interface CatalogColumns {
  rawIds: Int32Array;
  tmdbIds: Int32Array;
  imdbIds: Int32Array;
  mlIds: Int32Array;
  titles: string[];
  years: Int16Array;
  genres: Lists | null;
  genreNames: readonly string[];
  tmdb: TmdbMovieTable | null;
}

export function assembleDataset(parsed: ParsedFile[], name: string, fingerprint: string): Assembly {
  const notes: string[] = [];
  const datasetDrops: Record<string, ReasonStats> = {};
  const joins: JoinReport[] = [];
  const usable = parsed.filter((p) => p.report.report.used && !p.report.report.error);
  const of = <K extends ParsedFile['payload']['kind']>(kind: K) => usable.filter((p) => p.payload.kind === kind);

  // --- choose inputs -------------------------------------------------------------------
  const tmdbFile = pickOne(of('tmdb-movies'), () => 0, 'movies_metadata file');
  const mlMoviesFile = pickOne(of('ml-movies'), (b) => (b === 'movies.csv' ? 0 : 1), 'MovieLens movie list');
  const creditsFile = pickOne(of('credits'), () => 0, 'credits file');
  const keywordsFile = pickOne(of('keywords'), () => 0, 'keywords file');
  // links.csv is a superset of links_small.csv (45,843 vs 9,125 rows).
  const linksFile = pickOne(of('links'), (b) => (b === 'links.csv' ? 0 : 1), 'links file');
  const genreFile = pickOne(of('genre-names'), () => 0, 'u.genre');
  const tagsFile = pickOne(of('tags'), () => 0, 'tags file');
  let ratingFiles = of('ratings');
  const names = new Set(ratingFiles.map((r) => baseName(r.file)));
  if (names.has('u.data')) {
    // u1..u5/ua/ub .base/.test are splits of u.data: loading them too would duplicate ratings.
    for (const r of ratingFiles) if (/^u[1-5ab]\.(base|test)$/.test(baseName(r.file))) unuse(r, 'not used: a split of u.data, which is loaded');
  }
  if (names.has('ratings.csv') && names.has('ratings_small.csv')) {
    for (const r of ratingFiles) if (baseName(r.file) === 'ratings_small.csv') unuse(r, 'not used: a subset of ratings.csv, which is loaded');
  }
  ratingFiles = ratingFiles.filter((r) => r.report.report.used);
  if (ratingFiles.length > 1) notes.push(`ratings concatenated from ${ratingFiles.length} files`);

  const links = linksFile?.payload.kind === 'links' ? linksFile.payload.table : null;
  const rawRatings: RawRatings[] = ratingFiles.map((r) => (r.payload as { kind: 'ratings'; raw: RawRatings }).raw);

  // --- catalogue, then credits & keywords on TMDB id, tags on movieId -----------------------
  // Which u.item genre names apply, decided before the movie list is handed over.
  if (genreFile && !(mlMoviesFile?.payload.kind === 'ml-movies' && mlMoviesFile.payload.needsGenreNames && !tmdbFile)) {
    unuse(genreFile, 'not used: no u.item catalogue');
  }
  const genreNames = genreFile?.payload.kind === 'genre-names' && genreFile.report.report.used ? genreFile.payload.names : null;
  const { catalog, catalogSource, ratingsKeyIsTmdb } = buildCatalogue(tmdbFile, mlMoviesFile, genreNames, links, rawRatings, joins, notes);
  if (creditsFile) joinTable(creditsFile, catalog, joins);
  if (keywordsFile) joinTable(keywordsFile, catalog, joins);
  if (tagsFile) joinTable(tagsFile, catalog, joins);

  // --- ratings -------------------------------------------------------------------------
  const ratingsOut = buildRatings(rawRatings, catalog, ratingsKeyIsTmdb, links, datasetDrops, joins);
  const { ratings, userRawIds } = ratingsOut;
  let lo = Infinity;
  let hi = -Infinity;
  const stored = ratings.ratings;
  for (let i = 0; i < ratings.length; i++) {
    const r = stored[i]!;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  const step = ratingStep(stored);
  const scale: readonly [number, number] = ratings.length ? [lo * step, hi * step] : DEFAULT_SCALE;
  if (!ratings.length) notes.push(`no ratings: scale defaults to [${DEFAULT_SCALE.join(', ')}]`);
  const dataset: Dataset = { name, fingerprint, catalog, ratings, userRawIds, scale };
  return { dataset, catalogSource, joins, datasetDrops, notes };
}

/** The file's table, handed over: the file holds it no more, so it is freed once used. */
function take(p: ParsedFile): TablePayload {
  const payload = p.payload;
  p.payload = { kind: 'none' };
  return payload;
}

/**
 * Joins a credits, keywords or tags table, taken from its file here so that it is freed when this
 * returns, before the next one (a local of the caller could stay reachable until it returns).
 */
function joinTable(file: ParsedFile, catalog: Catalog, joins: JoinReport[]): void {
  const p = take(file);
  if (p.kind === 'credits') joinCredits(catalog, p.table, joins);
  else if (p.kind === 'keywords') joinKeywords(catalog, p.table, joins);
  else if (p.kind === 'tags') joinTags(catalog, p.table, joins);
  else unuse(file, 'not used');
}

/** The catalogue from TMDB metadata, else a MovieLens movie list, else the rated item ids. */
function buildCatalogue(
  tmdbFile: ParsedFile | null, mlMoviesFile: ParsedFile | null, u100kGenres: string[] | null, links: LinksTable | null,
  rawRatings: RawRatings[], joins: JoinReport[], notes: string[],
): { catalog: Catalog; catalogSource: string; ratingsKeyIsTmdb: boolean } {
  const tmdb = tmdbFile ? take(tmdbFile) : null;
  if (tmdbFile && tmdb?.kind === 'tmdb-movies') {
    if (mlMoviesFile) {
      unuse(mlMoviesFile, 'not used: TMDB metadata is richer; MovieLens ids come from links');
      notes.push('both TMDB metadata and a MovieLens movie list were given: the catalogue is the TMDB metadata, MovieLens items reach it through links');
    }
    const t = tmdb.table;
    const columns = { ...movieColumns(t), tmdbIds: t.ids.slice(), imdbIds: t.imdbIds, mlIds: links ? firstLinkedMlIds(links, t.ids) : new Int32Array(t.ids.length).fill(-1), tmdb: t };
    return { catalog: buildCatalog(columns, notes), catalogSource: `TMDB metadata (${tmdbFile.file}); ids are TMDB ids`, ratingsKeyIsTmdb: true };
  }
  const ml = mlMoviesFile ? take(mlMoviesFile) : null;
  if (mlMoviesFile && ml?.kind === 'ml-movies') {
    const m = ml.table;
    let genreNames = m.genreNames;
    if (ml.needsGenreNames && u100kGenres) {
      const remap = new Map(ML100K_GENRES.map((g, k) => [g, u100kGenres[k] ?? g]));
      genreNames = genreNames.map((g) => remap.get(g) ?? g);
    }
    const tmdbIds = links ? m.ids.map((id) => linkedTmdbId(links, id)) : new Int32Array(m.ids.length).fill(-1);
    if (links) joins.push(joinReport('movies → links (MovieLens movies with a tmdbId)', m.ids.length, countWhere(tmdbIds, (t) => t >= 0)));
    const imdbIds = links ? m.ids.map((id) => linkedImdbId(links, id)) : new Int32Array(m.ids.length).fill(-1);
    const columns = { ...movieColumns(m), genreNames, tmdbIds, imdbIds, mlIds: m.ids.slice(), tmdb: null };
    return { catalog: buildCatalog(columns, notes), catalogSource: `MovieLens movie list (${mlMoviesFile.file}); ids are MovieLens movieIds`, ratingsKeyIsTmdb: false };
  }
  // Ratings only: one "Movie <id>" per distinct rated item.
  const ids = distinctSorted(concatItems(rawRatings));
  const columns: CatalogColumns = {
    rawIds: ids,
    tmdbIds: links ? ids.map((id) => linkedTmdbId(links, id)) : new Int32Array(ids.length).fill(-1),
    imdbIds: links ? ids.map((id) => linkedImdbId(links, id)) : new Int32Array(ids.length).fill(-1),
    mlIds: ids.slice(),
    titles: Array.from(ids, (id) => `Movie ${id}`),
    years: new Int16Array(ids.length),
    genres: null,
    genreNames: [],
    tmdb: null,
  };
  return { catalog: buildCatalog(columns, notes), catalogSource: 'ids seen in the ratings (no movie metadata given); titles are "Movie <id>"', ratingsKeyIsTmdb: false };
}

function concatItems(raws: RawRatings[]): Int32Array {
  let n = 0;
  for (const r of raws) n += r.items.length;
  const all = new Int32Array(n);
  let o = 0;
  for (const r of raws) {
    all.set(r.items.data.subarray(0, r.items.length), o);
    o += r.items.length;
  }
  return all;
}

function countWhere(a: Int32Array, test: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (test(a[i]!)) n++;
  return n;
}

/** For each TMDB id, the first MovieLens movieId (in links file order) linked to it, or -1. */
function firstLinkedMlIds(links: LinksTable, tmdbIds: Int32Array): Int32Array {
  const byTmdb = new SortedIds(links.tmdbIds);
  return tmdbIds.map((t) => {
    const r = byTmdb.get(t);
    return r < 0 ? -1 : links.mlIds[r]!;
  });
}

/** The columns every movie list has. */
function movieColumns(m: MovieTable): Pick<CatalogColumns, 'rawIds' | 'titles' | 'years' | 'genres' | 'genreNames'> {
  return { rawIds: m.ids, titles: m.titles, years: m.years, genres: m.genres, genreNames: m.genreNames };
}

function buildCatalog(c: CatalogColumns, notes: string[]): Catalog {
  const n = c.rawIds.length;
  const genreBits = new Uint32Array(n);
  const g = c.genres;
  const { genreIndex, genreNames } = g ? pickGenres(c.genreNames, g, n, notes) : { genreIndex: new Map<string, number>(), genreNames: [] };
  if (g) {
    for (let i = 0; i < n; i++) {
      let bits = 0;
      for (let j = g.offsets[i]!; j < g.offsets[i + 1]!; j++) {
        const k = genreIndex.get(c.genreNames[g.items[j]!]!);
        if (k !== undefined) bits |= 1 << k;
      }
      genreBits[i] = bits >>> 0;
    }
  }
  const t = c.tmdb;
  return {
    size: n,
    rawIds: c.rawIds,
    tmdbIds: c.tmdbIds,
    imdbIds: c.imdbIds,
    movieLensIds: c.mlIds,
    titles: c.titles,
    years: c.years,
    genreBits,
    genreNames,
    // TMDB's columns are the reader's own arrays: the table is dropped after the join.
    voteAverage: t ? t.voteAverage : new Float32Array(n).fill(NaN),
    voteCount: t ? t.voteCount : new Int32Array(n),
    popularity: t ? t.popularity : new Float32Array(n).fill(NaN),
    adult: t ? t.adult : new Uint8Array(n),
    director: new Int32Array(n).fill(-1),
    castOffsets: new Uint32Array(n + 1),
    castIds: new Int32Array(0),
    keywordOffsets: new Uint32Array(n + 1),
    keywordIds: new Int32Array(0),
    people: [],
    keywordNames: [],
  };
}

/**
 * The catalogue's genres, numbered by first use (names may repeat after u.genre renaming).
 * Genres are bits of a Uint32, so at most MAX_GENRES: when more are named, the most frequent
 * (by films, ties by first use) are kept, so a junk list on one film cannot push out a genre
 * of many; the note names the dropped genres and how many films lost each.
 */
function pickGenres(names: readonly string[], g: Lists, n: number, notes: string[]): { genreIndex: Map<string, number>; genreNames: string[] } {
  // Films per distinct genre name, in first-use order (a name listed twice on a film counts once).
  const films = new Map<string, { count: number; lastFilm: number }>();
  for (let i = 0; i < n; i++) {
    for (let j = g.offsets[i]!; j < g.offsets[i + 1]!; j++) {
      const name = names[g.items[j]!]!;
      const e = films.get(name);
      if (!e) films.set(name, { count: 1, lastFilm: i });
      else if (e.lastFilm !== i) {
        e.count++;
        e.lastFilm = i;
      }
    }
  }
  let kept = [...films.keys()];
  if (kept.length > MAX_GENRES) {
    const firstUse = new Map(kept.map((name, k) => [name, k]));
    const byFilms = [...kept].sort((a, b) => films.get(b)!.count - films.get(a)!.count || firstUse.get(a)! - firstUse.get(b)!);
    const keep = new Set(byFilms.slice(0, MAX_GENRES));
    const dropped = byFilms.slice(MAX_GENRES);
    kept = kept.filter((name) => keep.has(name));
    const shown = dropped.slice(0, 10).map((name) => `${JSON.stringify(name)} (${films.get(name)!.count} film${films.get(name)!.count === 1 ? '' : 's'})`);
    notes.push(
      `more than ${MAX_GENRES} genres: kept the ${MAX_GENRES} most frequent; dropped ${dropped.length}: ${shown.join(', ')}${dropped.length > 10 ? `, and ${dropped.length - 10} more` : ''}`,
    );
  }
  return { genreIndex: new Map(kept.map((name, k) => [name, k])), genreNames: kept };
}

/**
 * Remaps raw (user, item) ids to inner indices, dropping ratings whose item has no catalogue
 * entry. A single ratings file is remapped in place in the parser's arrays, which are then
 * cut to length (ArrayBuffer.transfer where available), so a load never holds the raw and the
 * final arrays side by side; several files are concatenated into fresh arrays first. Item
 * indices end as Uint16 when the catalogue allows (a copy of 2 bytes a row, made after the raw
 * Int32 ids are remapped; they are freed with the parser's arrays).
 */
function buildRatings(
  raws: RawRatings[], catalog: Catalog, keyIsTmdb: boolean, links: LinksTable | null,
  drops: Record<string, ReasonStats>, joins: JoinReport[],
): { ratings: RatingsCoo; userRawIds: Int32Array } {
  const columns = concatRaw(raws);
  const total = columns.length;
  const { users, items, ratings, days } = columns;
  const step = ratingStep(ratings);
  // Raw rating item id → inner item index, resolved once per distinct id.
  const distinct = distinctSorted(items, total);
  const inner = new Int32Array(distinct.length).fill(-1);
  const why: string[] = new Array(distinct.length);
  const byRaw = new IdIndex(keyIsTmdb ? catalog.tmdbIds : catalog.rawIds);
  let resolved = 0;
  for (let k = 0; k < distinct.length; k++) {
    const id = distinct[k]!;
    if (keyIsTmdb) {
      if (!links) {
        why[k] = 'no links file to map MovieLens movieId to TMDB id';
        continue;
      }
      const t = linkedTmdbId(links, id);
      if (t < 0) {
        why[k] = 'movieId has no tmdbId in links';
        continue;
      }
      inner[k] = byRaw.get(t);
      if (inner[k]! < 0) why[k] = 'item not in catalogue (TMDB id missing from movies_metadata)';
    } else {
      inner[k] = byRaw.get(id);
      if (inner[k]! < 0) why[k] = 'item not in catalogue';
    }
    if (inner[k]! >= 0) resolved++;
  }
  if (distinct.length) {
    joins.push(joinReport(keyIsTmdb ? 'ratings items → movies through links (distinct items)' : 'ratings items → catalogue (distinct items)', distinct.length, resolved));
  }
  // One lookup per row: raw item id → inner index, or -1 - (position in distinct) when dropped.
  const itemPos = new IdIndex(distinct);
  const direct = itemPos.dense ? new Int32Array(itemPos.dense.length) : null;
  if (direct) for (let k = 0; k < distinct.length; k++) direct[distinct[k]!] = inner[k]! >= 0 ? inner[k]! : -1 - k;
  let o = 0;
  for (let i = 0; i < total; i++) {
    const raw = items[i]!;
    let it: number;
    if (direct) it = direct[raw]!;
    else {
      const k = itemPos.get(raw);
      it = inner[k]! >= 0 ? inner[k]! : -1 - k;
    }
    if (it < 0) {
      const k = -1 - it;
      addReason(drops, why[k]!, 0, () => `user ${users[i]} item ${raw} rating ${ratings[i]! * step}`);
      continue;
    }
    // In place: o <= i, so row i is read before anything overwrites it.
    users[o] = users[i]!;
    items[o] = it;
    ratings[o] = ratings[i]!;
    days[o] = days[i]!;
    o++;
  }
  let kept = o;
  if (total) joins.push(joinReport('ratings rows → catalogue', total, kept));
  const userRawIds = distinctSorted(users, kept);
  const userIndex = new IdIndex(userRawIds);
  const dense = userIndex.dense;
  if (dense) for (let i = 0; i < kept; i++) users[i] = dense[users[i]!]!;
  else for (let i = 0; i < kept; i++) users[i] = userIndex.get(users[i]!);
  // Every user keeps at least one rating, so userRawIds stands.
  kept = dropDuplicateRatings(columns, kept, userRawIds.length, catalog.size, (row) =>
    addReason(drops, DUPLICATE_RATING, 0, () => `user ${userRawIds[users[row]!]} item ${catalog.rawIds[items[row]!]} rating ${ratings[row]! * step} day ${days[row]}`),
  );
  let innerItems: ItemIndexArray;
  if (catalog.size <= MAX_UINT16_ITEMS) {
    innerItems = new Uint16Array(kept);
    innerItems.set(items.subarray(0, kept));
  } else innerItems = cut(items, kept);
  return {
    ratings: { length: kept, users: cut(users, kept), items: innerItems, ratings: cut(ratings, kept), days: cut(days, kept) },
    userRawIds,
  };
}

interface Columns {
  length: number;
  users: Int32Array;
  /** Raw item ids, remapped in place to inner indices. */
  items: Int32Array;
  ratings: RatingArray;
  days: Uint16Array;
}

function ratingsOf(r: RawRatings): RatingArray {
  return r.codes ? r.codes.data : r.floats!.data;
}

/** One file's arrays as they are (capacity may exceed length); several files concatenated. */
function concatRaw(raws: RawRatings[]): Columns {
  if (raws.length === 1) {
    const r = raws[0]!;
    return { length: r.users.length, users: r.users.data, items: r.items.data, ratings: ratingsOf(r), days: r.days.data };
  }
  let n = 0;
  for (const r of raws) n += r.users.length;
  // Codes only when every file kept them; otherwise every file's ratings as Float32 values.
  const codes = raws.every((r) => r.codes !== null);
  const out: Columns = { length: n, users: new Int32Array(n), items: new Int32Array(n), ratings: codes ? new Uint8Array(n) : new Float32Array(n), days: new Uint16Array(n) };
  let o = 0;
  for (const r of raws) {
    const len = r.users.length;
    out.users.set(r.users.data.subarray(0, len), o);
    out.items.set(r.items.data.subarray(0, len), o);
    if (codes || r.floats) out.ratings.set(ratingsOf(r).subarray(0, len), o);
    else for (let j = 0; j < len; j++) out.ratings[o + j] = r.codes!.data[j]! * 0.5;
    out.days.set(r.days.data.subarray(0, len), o);
    o += len;
  }
  return out;
}

type Resizable = ArrayBuffer & { transfer?: (newByteLength: number) => ArrayBuffer };

/**
 * The first n elements as an exact-length array. ArrayBuffer.prototype.transfer (Chrome 114,
 * Node 21) hands the memory over and frees the rest at once; otherwise a copy.
 */
function cut<T extends Int32Array | Uint16Array | Uint8Array | Float32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  const buffer = a.buffer as Resizable;
  if (typeof buffer.transfer === 'function' && a.byteOffset === 0 && buffer.byteLength === a.byteLength) {
    const Ctor = a.constructor as new (b: ArrayBuffer) => T;
    return new Ctor(buffer.transfer(n * a.BYTES_PER_ELEMENT));
  }
  return a.slice(0, n) as T;
}
