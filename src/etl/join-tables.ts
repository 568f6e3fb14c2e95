// Attaches credits and keywords to the catalogue on TMDB id, and MovieLens tags on movieId:
// each file's row is picked per catalogue item and its name indices renumbered into the
// catalogue's own tables.

import type { Catalog } from '../dataset/dataset';
import { pickLists } from './lists';
import { UsedNames } from './name-table';
import { joinReport, type JoinReport } from './report';
import type { SortedIds } from './sorted-ids';
import type { CreditsTable, KeywordsTable, TagsTable } from './tables';

/** Row of each catalogue item in a table keyed by TMDB id (-1: none), and the join reports. */
function rowsOf(catalog: Catalog, rows: SortedIds, names: [string, string], joins: JoinReport[]): Int32Array {
  const tableRows = rows.size;
  const rowOf = new Int32Array(catalog.size);
  // A table row's TMDB id is in the catalogue exactly when some item picked that row.
  const used = new Uint8Array(tableRows);
  let items = 0;
  for (let i = 0; i < rowOf.length; i++) {
    const t = catalog.tmdbIds[i]!;
    const r = t >= 0 ? rows.get(t) : -1;
    rowOf[i] = r;
    if (r >= 0) {
      used[r] = 1;
      items++;
    }
  }
  let matched = 0;
  for (let r = 0; r < tableRows; r++) matched += used[r]!;
  joins.push(joinReport(names[0], tableRows, matched));
  joins.push(joinReport(names[1], catalog.size, items));
  return rowOf;
}

export function joinCredits(catalog: Catalog, credits: CreditsTable, joins: JoinReport[]): void {
  const rowOf = rowsOf(catalog, credits.rows, ['credits → movies (credits rows whose TMDB id is in the catalogue)', 'movies with credits'], joins);
  // People numbered in the order the catalogue first uses them: all cast, then writers, then directors.
  const people = new UsedNames(credits.people);
  const cast = pickLists(credits.cast, rowOf, people);
  catalog.castOffsets = cast.offsets;
  catalog.castIds = cast.items;
  const writers = pickLists(credits.writers, rowOf, people);
  catalog.writerOffsets = writers.offsets;
  catalog.writerIds = writers.items;
  const director = new Int32Array(catalog.size).fill(-1);
  for (let i = 0; i < rowOf.length; i++) {
    const d = rowOf[i]! >= 0 ? credits.director[rowOf[i]!]! : -1;
    if (d >= 0) director[i] = people.id(d);
  }
  catalog.director = director;
  catalog.people = people.names;
}

export function joinKeywords(catalog: Catalog, keywords: KeywordsTable, joins: JoinReport[]): void {
  const rowOf = rowsOf(catalog, keywords.rows, ['keywords → movies (keyword rows whose TMDB id is in the catalogue)', 'movies with keywords'], joins);
  const names = new UsedNames(keywords.names);
  const kw = pickLists(keywords.keywords, rowOf, names);
  catalog.keywordOffsets = kw.offsets;
  catalog.keywordIds = kw.items;
  catalog.keywordNames = names.names;
}

/**
 * MovieLens tags as the keywords of movies without TMDB keywords (TMDB keywords win): a tag
 * equal to a keyword already in the table shares its entry, others are appended.
 */
export function joinTags(catalog: Catalog, tags: TagsTable, joins: JoinReport[]): void {
  const n = catalog.size;
  const rowOf = new Int32Array(n).fill(-1);
  const used = new Uint8Array(tags.rows.size);
  const kwOffsets = catalog.keywordOffsets;
  let items = 0;
  for (let i = 0; i < n; i++) {
    const ml = catalog.movieLensIds[i]!;
    const r = ml >= 0 ? tags.rows.get(ml) : -1;
    if (r < 0) continue;
    used[r] = 1;
    if (kwOffsets[i + 1]! > kwOffsets[i]!) continue;
    rowOf[i] = r;
    items++;
  }
  let matched = 0;
  for (let r = 0; r < used.length; r++) matched += used[r]!;
  joins.push(joinReport('tags → movies (tagged MovieLens movies in the catalogue)', tags.rows.size, matched));
  joins.push(joinReport('movies with tags as keywords (no TMDB keywords)', n, items));
  if (items === 0) return;
  const names = new UsedNames(tags.names, catalog.keywordNames);
  const picked = pickLists(tags.tags, rowOf, names);
  // Per movie: its TMDB keywords when it has any, else its tags.
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const own = kwOffsets[i + 1]! - kwOffsets[i]!;
    offsets[i + 1] = offsets[i]! + (own > 0 ? own : picked.offsets[i + 1]! - picked.offsets[i]!);
  }
  const ids = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    if (kwOffsets[i + 1]! > kwOffsets[i]!) ids.set(catalog.keywordIds.subarray(kwOffsets[i], kwOffsets[i + 1]), offsets[i]);
    else ids.set(picked.items.subarray(picked.offsets[i], picked.offsets[i + 1]), offsets[i]);
  }
  catalog.keywordOffsets = offsets;
  catalog.keywordIds = ids;
  catalog.keywordNames = names.names;
}
