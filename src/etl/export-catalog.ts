// The cleaned catalogue as CSV, one row per movie, merged movies + credits + keywords +
// score_final; lists joined with '|'. A generator of chunks so big catalogues never form
// one giant string unless the caller joins them (exportCatalogCsv does). Text cells go through
// csvTextCell (formula-leading text neutralised), numeric ones are written as numbers.

import type { Dataset } from '../dataset/dataset';
import { weightedScores, type WeightedScoreParams } from '../eda/weighted-score';
import { csvTextCell, quoteCsvField } from '../shared/csv-cell';

export const CATALOG_CSV_COLUMNS = [
  'movie_id', 'tmdb_id', 'imdb_id', 'movielens_id', 'title', 'year', 'genres', 'director', 'cast', 'keywords',
  'vote_average', 'vote_count', 'popularity', 'adult', 'score',
] as const;

/** Which columns hold text (titles, names): the cells a spreadsheet could take for a formula. */
const TEXT_COLUMNS: ReadonlySet<(typeof CATALOG_CSV_COLUMNS)[number]> = new Set(['title', 'genres', 'director', 'cast', 'keywords'] as const);
const cellOf = CATALOG_CSV_COLUMNS.map((name) => (TEXT_COLUMNS.has(name) ? csvTextCell : quoteCsvField));

const num = (x: number, digits = 4) => (Number.isFinite(x) ? String(Math.round(x * 10 ** digits) / 10 ** digits) : '');

export function* exportCatalogCsvChunks(dataset: Dataset, params: Partial<WeightedScoreParams> = {}, rowsPerChunk = 2000): Generator<string> {
  const c = dataset.catalog;
  const scores = weightedScores(c, params, dataset.ratings);
  const genreList = (bits: number) => c.genreNames.filter((_, g) => bits & (1 << g)).join('|');
  const list = (offsets: Uint32Array, ids: Int32Array, table: string[], i: number) => {
    if (offsets.length <= i + 1) return '';
    const out: string[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out.push(table[ids[k]!]!);
    return out.join('|');
  };
  let chunk = CATALOG_CSV_COLUMNS.join(',') + '\n';
  for (let i = 0; i < c.size; i++) {
    const row = [
      String(c.rawIds[i]),
      c.tmdbIds[i]! >= 0 ? String(c.tmdbIds[i]) : '',
      c.imdbIds[i]! >= 0 ? `tt${String(c.imdbIds[i]).padStart(7, '0')}` : '',
      c.movieLensIds[i]! >= 0 ? String(c.movieLensIds[i]) : '',
      c.titles[i]!,
      c.years[i]! > 0 ? String(c.years[i]) : '',
      genreList(c.genreBits[i]!),
      c.director[i]! >= 0 ? c.people[c.director[i]!]! : '',
      list(c.castOffsets, c.castIds, c.people, i),
      list(c.keywordOffsets, c.keywordIds, c.keywordNames, i),
      num(c.voteAverage[i]!, 2),
      c.voteCount[i]! > 0 ? String(c.voteCount[i]) : '',
      num(c.popularity[i]!),
      c.adult[i] ? 'true' : 'false',
      num(scores[i]!),
    ];
    chunk += row.map((v, k) => cellOf[k]!(v)).join(',') + '\n';
    if ((i + 1) % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function exportCatalogCsv(dataset: Dataset, params: Partial<WeightedScoreParams> = {}): string {
  let s = '';
  for (const chunk of exportCatalogCsvChunks(dataset, params)) s += chunk;
  return s;
}
