// Attaches credits and keywords to the catalogue on TMDB id: each file's row is picked per
// catalogue item and its name indices renumbered into the catalogue's own tables.

import type { Catalog } from '../dataset/dataset';
import { pickLists } from './lists';
import { UsedNames } from './name-table';
import { joinReport, type JoinReport } from './report';
import type { SortedIds } from './sorted-ids';
import type { CreditsTable, KeywordsTable } from './tables';

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
