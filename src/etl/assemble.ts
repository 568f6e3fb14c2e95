// Joins the parsed tables into the columnar Dataset: picks the catalogue source (TMDB
// metadata > MovieLens item file > ids seen in ratings), attaches credits and keywords on
// TMDB id, maps ratings to inner indices through links, and reports every join's match rate.

import { MAX_UINT16_ITEMS, ratingStep, type Catalog, type Dataset, type ItemIndexArray, type RatingArray, type RatingsCoo } from '../dataset/dataset';
import { distinctSorted, IdIndex } from '../dataset/id-index';
import { StringTable } from '../dataset/string-table';
import type { ParsedFile } from './file-ingest';
import { baseName } from './formats';
import { ML100K_GENRES } from './movielens-readers';
import type { RawRatings } from './ratings-parser';
import { addReason, joinReport, type JoinReport, type ReasonStats } from './report';
import type { CreditsRow, MlMovieRow, TmdbMovieRow } from './tables';

export interface Assembly {
  dataset: Dataset;
  catalogSource: string;
  joins: JoinReport[];
  datasetDrops: Record<string, ReasonStats>;
  notes: string[];
}

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

interface ItemDraft {
  rawId: number;
  tmdbId: number;
  mlId: number;
  title: string;
  year: number;
  genres: string[];
  voteAverage: number;
  voteCount: number;
  popularity: number;
  adult: boolean;
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
  if (ratingFiles.length > 1) notes.push(`ratings concatenated from ${ratingFiles.length} files; duplicate (user, item) pairs are not merged`);

  const links = linksFile?.payload.kind === 'links' ? linksFile.payload.mlToTmdb : null;
  const rawRatings: RawRatings[] = ratingFiles.map((r) => (r.payload as { kind: 'ratings'; raw: RawRatings }).raw);

  // --- catalogue -----------------------------------------------------------------------
  const drafts: ItemDraft[] = [];
  let catalogSource: string;
  let ratingsKeyIsTmdb = false;
  if (tmdbFile && tmdbFile.payload.kind === 'tmdb-movies') {
    ratingsKeyIsTmdb = true;
    catalogSource = `TMDB metadata (${tmdbFile.file}); ids are TMDB ids`;
    if (mlMoviesFile) {
      unuse(mlMoviesFile, 'not used: TMDB metadata is richer; MovieLens ids come from links');
      notes.push('both TMDB metadata and a MovieLens movie list were given: the catalogue is the TMDB metadata, MovieLens items reach it through links');
    }
    const tmdbToMl = new Map<number, number>();
    if (links) for (const [ml, t] of links) if (!tmdbToMl.has(t)) tmdbToMl.set(t, ml);
    for (const m of tmdbFile.payload.rows as TmdbMovieRow[]) {
      drafts.push({ ...m, rawId: m.tmdbId, mlId: tmdbToMl.get(m.tmdbId) ?? -1 });
    }
  } else if (mlMoviesFile && mlMoviesFile.payload.kind === 'ml-movies') {
    catalogSource = `MovieLens movie list (${mlMoviesFile.file}); ids are MovieLens movieIds`;
    let rows = mlMoviesFile.payload.rows as MlMovieRow[];
    if (mlMoviesFile.payload.needsGenreNames && genreFile?.payload.kind === 'genre-names') {
      const gn = genreFile.payload.names;
      const remap = new Map(ML100K_GENRES.map((g, k) => [g, gn[k] ?? g]));
      rows = rows.map((r) => ({ ...r, genres: r.genres.map((g) => remap.get(g) ?? g) }));
    }
    let withLink = 0;
    for (const m of rows) {
      const t = links?.get(m.mlId) ?? -1;
      if (t >= 0) withLink++;
      drafts.push({ rawId: m.mlId, tmdbId: t, mlId: m.mlId, title: m.title, year: m.year, genres: m.genres, voteAverage: NaN, voteCount: 0, popularity: NaN, adult: false });
    }
    if (links) joins.push(joinReport('movies → links (MovieLens movies with a tmdbId)', rows.length, withLink));
  } else {
    // Ratings only: one "Movie <id>" per distinct rated item.
    catalogSource = 'ids seen in the ratings (no movie metadata given); titles are "Movie <id>"';
    const all = concatItems(rawRatings);
    for (const id of distinctSorted(all)) {
      drafts.push({ rawId: id, tmdbId: links?.get(id) ?? -1, mlId: id, title: `Movie ${id}`, year: 0, genres: [], voteAverage: NaN, voteCount: 0, popularity: NaN, adult: false });
    }
  }
  if (genreFile && !(mlMoviesFile?.payload.kind === 'ml-movies' && mlMoviesFile.payload.needsGenreNames && !tmdbFile)) {
    unuse(genreFile, 'not used: no u.item catalogue');
  }

  const catalog = buildCatalog(drafts, notes);
  // --- credits & keywords on TMDB id ---------------------------------------------------
  const tmdbIndex = new IdIndex(catalog.tmdbIds);
  const people = new StringTable();
  const credits = creditsFile?.payload.kind === 'credits' ? creditsFile.payload.byTmdbId : null;
  const keywords = keywordsFile?.payload.kind === 'keywords' ? keywordsFile.payload.byTmdbId : null;
  if (credits) {
    joins.push(matchJoin('credits → movies (credits rows whose TMDB id is in the catalogue)', credits.keys(), tmdbIndex));
    const perItem: (CreditsRow | undefined)[] = Array.from(catalog.tmdbIds, (t) => (t >= 0 ? credits.get(t) : undefined));
    joins.push(joinReport('movies with credits', catalog.size, perItem.filter(Boolean).length));
    const cast = csr(perItem.map((c) => c?.cast ?? []), people);
    catalog.castOffsets = cast.offsets;
    catalog.castIds = cast.ids;
    const writers = csr(perItem.map((c) => c?.writers ?? []), people);
    catalog.writerOffsets = writers.offsets;
    catalog.writerIds = writers.ids;
    catalog.director = Int32Array.from(perItem, (c) => (c && c.directors.length ? people.intern(c.directors[0]!) : -1));
  } else if (creditsFile) unuse(creditsFile, 'not used');
  catalog.people = people.values;
  if (keywords) {
    joins.push(matchJoin('keywords → movies (keyword rows whose TMDB id is in the catalogue)', keywords.keys(), tmdbIndex));
    const perItem = Array.from(catalog.tmdbIds, (t) => (t >= 0 ? keywords.get(t) : undefined));
    joins.push(joinReport('movies with keywords', catalog.size, perItem.filter(Boolean).length));
    const kwTable = new StringTable();
    const kw = csr(perItem.map((k) => k ?? []), kwTable);
    catalog.keywordOffsets = kw.offsets;
    catalog.keywordIds = kw.ids;
    catalog.keywordNames = kwTable.values;
  }

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

function matchJoin(name: string, ids: Iterable<number>, index: IdIndex): JoinReport {
  let total = 0;
  let matched = 0;
  for (const id of ids) {
    total++;
    if (index.get(id) >= 0) matched++;
  }
  return joinReport(name, total, matched);
}

function csr(lists: string[][], table: StringTable): { offsets: Uint32Array; ids: Int32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    n += l.length;
    offsets[i + 1] = n;
  });
  const ids = new Int32Array(n);
  let k = 0;
  for (const l of lists) for (const s of l) ids[k++] = table.intern(s);
  return { offsets, ids };
}

function buildCatalog(drafts: ItemDraft[], notes: string[]): Catalog {
  const n = drafts.length;
  const genreIndex = new Map<string, number>();
  const genreNames: string[] = [];
  const genreBits = new Uint32Array(n);
  const overflow = new Set<string>();
  drafts.forEach((d, i) => {
    let bits = 0;
    for (const g of d.genres) {
      let k = genreIndex.get(g);
      if (k === undefined) {
        if (genreNames.length >= MAX_GENRES) {
          overflow.add(g);
          continue;
        }
        k = genreNames.length;
        genreNames.push(g);
        genreIndex.set(g, k);
      }
      bits |= 1 << k;
    }
    genreBits[i] = bits >>> 0;
  });
  if (overflow.size) notes.push(`more than ${MAX_GENRES} genres: ignored ${[...overflow].slice(0, 10).join(', ')}`);
  return {
    size: n,
    rawIds: Int32Array.from(drafts, (d) => d.rawId),
    tmdbIds: Int32Array.from(drafts, (d) => d.tmdbId),
    movieLensIds: Int32Array.from(drafts, (d) => d.mlId),
    titles: drafts.map((d) => d.title),
    years: Int16Array.from(drafts, (d) => d.year),
    genreBits,
    genreNames,
    voteAverage: Float32Array.from(drafts, (d) => d.voteAverage),
    voteCount: Int32Array.from(drafts, (d) => d.voteCount),
    popularity: Float32Array.from(drafts, (d) => d.popularity),
    adult: Uint8Array.from(drafts, (d) => (d.adult ? 1 : 0)),
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
 * Remaps raw (user, item) ids to inner indices, dropping ratings whose item has no catalogue
 * entry. A single ratings file is remapped in place in the parser's arrays, which are then
 * cut to length (ArrayBuffer.transfer where available), so a load never holds the raw and the
 * final arrays side by side; several files are concatenated into fresh arrays first. Item
 * indices end as Uint16 when the catalogue allows (a copy of 2 bytes a row, made after the raw
 * Int32 ids are remapped; they are freed with the parser's arrays).
 */
function buildRatings(
  raws: RawRatings[], catalog: Catalog, keyIsTmdb: boolean, links: Map<number, number> | null,
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
      const t = links.get(id);
      if (t === undefined) {
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
  const kept = o;
  if (total) joins.push(joinReport('ratings rows → catalogue', total, kept));
  const userRawIds = distinctSorted(users, kept);
  const userIndex = new IdIndex(userRawIds);
  const dense = userIndex.dense;
  if (dense) for (let i = 0; i < kept; i++) users[i] = dense[users[i]!]!;
  else for (let i = 0; i < kept; i++) users[i] = userIndex.get(users[i]!);
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
