// Row handlers for The Movies Dataset (Kaggle): movies_metadata.csv with its known broken
// rows, credits.csv (top cast, directors, writers) and keywords.csv, both joined on TMDB id.
// Each reader gets rows (row 0 = header), records drops/repairs in the file report and writes
// straight into columns: names interned, per-movie lists as CSR int32s, rows keyed by TMDB id.

import { growFloat32, growInt32, growUint8 } from '../dataset/growable';
import { cleanText, cleanTextSlice, parseBool, parseId, parseImdbId, parseNumber, parseYear } from './clean';
import { IdSet } from './id-set';
import { ListsBuilder } from './lists';
import { MovieTableBuilder } from './movie-table';
import { NameTable } from './name-table';
import { extractNames, extractRecords } from './parse-literal';
import { rowText, type FileReportBuilder } from './report';
import { SortedIds } from './sorted-ids';
import type { TableReader } from './tables';
import { limitGenres, limitName, limitTitle } from './text-limits';

/** Top-billed cast kept per movie, in `order`. */
export const TOP_CAST = 10;
/** Writers kept per movie (crew with department 'Writing'). */
export const MAX_WRITERS = 5;

function columnIndex(header: string[]): Map<string, number> {
  const m = new Map<string, number>();
  // The first of two equal names wins (FileIngest warns about the second).
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase().replace(/^\uFEFF/, '');
    if (!m.has(name)) m.set(name, i);
  });
  return m;
}

function isEmptyRow(fields: string[]): boolean {
  for (const f of fields) {
    // A printable ASCII first character settles it without trimming a 4 KB credits literal.
    const c = f.charCodeAt(0);
    if (c > 32 && c < 127) return false;
    if (f.trim() !== '') return false;
  }
  return true;
}

export function moviesMetadataReader(rep: FileReportBuilder): TableReader {
  let col = new Map<string, number>();
  let width = 0;
  const movies = new MovieTableBuilder();
  const imdbIds = growInt32();
  const voteAverage = growFloat32();
  const voteCount = growInt32();
  const popularity = growFloat32();
  const adultFlags = growUint8();
  const get = (f: string[], name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : (f[i] ?? '');
  };
  const row = (f: string[], row: number): void => {
    if (row === 0) {
      col = columnIndex(f);
      width = f.length;
      return;
    }
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    // The spreadsheet-resaved sample pads the file with 43,814 rows of bare commas.
    if (isEmptyRow(f)) return rep.drop('empty row', row, raw);
    if (f.length !== width) return rep.drop(`wrong column count`, row, () => `${f.length} of ${width}: ${raw()}`);
    // In the full file three rows are shifted by a stray newline in `overview`: their id is a date.
    const id = parseId(get(f, 'id'));
    if (id < 0) return rep.drop('id is not a positive integer (shifted columns)', row, raw);
    if (movies.has(id)) return rep.drop('duplicate id', row, raw);
    const rawTitle = get(f, 'title');
    let title = cleanText(rawTitle);
    if (title === '') {
      title = cleanText(get(f, 'original_title'));
      if (title === '') return rep.drop('missing title', row, raw);
      rep.repair('missing title, original_title used', row, raw);
    } else if (title !== rawTitle) rep.repair('whitespace trimmed/collapsed in title', row, rawTitle);
    title = limitTitle(title, (reason) => rep.repair(reason, row, raw));
    if (title === '') return rep.drop('missing title', row, raw);

    let adult = parseBool(get(f, 'adult'));
    if (adult === null) {
      rep.repair('adult not a boolean, taken as false', row, raw);
      adult = false;
    }
    if (adult) rep.repair('adult title flagged', row, () => `${id} ${title}`);
    const date = get(f, 'release_date').trim();
    const year = parseYear(date);
    if (date === '') rep.repair('missing release date (year 0)', row, raw);
    else if (year === 0) rep.repair('unparsable release date (year 0)', row, date);

    let genres: string[] = [];
    const g = extractNames(get(f, 'genres'));
    if (g.ok) genres = limitGenres(g.value.map(cleanTextSlice), (reason) => rep.repair(reason, row, raw));
    else rep.repair('malformed genres literal (no genres)', row, () => `${g.reason} at ${g.offset}: ${get(f, 'genres')}`);

    const num = (name: string): number => {
      const s = get(f, name);
      const v = parseNumber(s);
      if (Number.isNaN(v) && s.trim() !== '') rep.repair(`non-numeric ${name}`, row, s);
      return v;
    };
    imdbIds.push(parseImdbId(get(f, 'imdb_id')));
    voteAverage.push(num('vote_average'));
    const votes = num('vote_count');
    voteCount.push(Number.isFinite(votes) && votes > 0 ? Math.round(votes) : 0);
    popularity.push(num('popularity'));
    adultFlags.push(adult ? 1 : 0);
    movies.add(id, title, year, genres);
    rep.report.kept++;
  };
  return {
    row,
    finish: () => ({
      kind: 'tmdb-movies',
      table: { ...movies.finish(), imdbIds: imdbIds.trimmed(), voteAverage: voteAverage.trimmed(), voteCount: voteCount.trimmed(), popularity: popularity.trimmed(), adult: adultFlags.trimmed() },
    }),
  };
}

export function creditsReader(rep: FileReportBuilder): TableReader {
  let iCast = 0;
  let iCrew = 1;
  let iId = 2;
  const seen = new IdSet();
  const ids = growInt32();
  const people = new NameTable();
  const cast = new ListsBuilder();
  const writers = new ListsBuilder();
  const director = growInt32();
  const row = (f: string[], row: number): void => {
    if (row === 0) {
      const col = columnIndex(f);
      iCast = col.get('cast') ?? 0;
      iCrew = col.get('crew') ?? 1;
      iId = col.get('id') ?? 2;
      return;
    }
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    if (isEmptyRow(f)) return rep.drop('empty row', row, raw);
    const id = parseId(f[iId] ?? '');
    if (id < 0) return rep.drop('id is not a positive integer', row, () => `id=${f[iId] ?? ''} ${raw()}`);
    if (seen.has(id)) return rep.drop('duplicate id', row, raw);
    const onName = (reason: string) => rep.repair(reason, row, raw);
    const castR = extractRecords(f[iCast] ?? '', ['name', 'order']);
    const crewR = extractRecords(f[iCrew] ?? '', ['name', 'job', 'department']);
    if (!castR.ok && !crewR.ok) return rep.drop('malformed cast and crew literals', row, () => `${castR.reason}: ${raw()}`);
    if (castR.ok) {
      // Billing order (stable, so equal orders keep file order); names are cleaned only until
      // TOP_CAST non-empty ones are found.
      const entries = castR.value.map((c, k) => ({ c, order: typeof c['order'] === 'number' ? c['order'] : 1e9 + k }));
      entries.sort((a, b) => a.order - b.order);
      for (const { c } of entries) {
        if (cast.rowLength >= TOP_CAST) break;
        const name = typeof c['name'] === 'string' ? limitName(cleanTextSlice(c['name']), onName) : '';
        if (name !== '') cast.push(people.id(name));
      }
    } else rep.repair('malformed cast literal (no cast)', row, () => `${castR.reason} at ${castR.offset}: ${f[iCast] ?? ''}`);
    let first = -1;
    if (crewR.ok) {
      for (const c of crewR.value) {
        const isDirector = c['job'] === 'Director';
        // Only the first director is kept.
        if (isDirector ? first >= 0 : !(c['department'] === 'Writing' && writers.rowLength < MAX_WRITERS)) continue;
        const name = typeof c['name'] === 'string' ? limitName(cleanTextSlice(c['name']), onName) : '';
        if (!name) continue;
        const p = people.id(name);
        if (isDirector) first = p;
        else if (!writers.rowIncludes(p)) writers.push(p);
      }
    } else rep.repair('malformed crew literal (no crew)', row, () => `${crewR.reason} at ${crewR.offset}: ${f[iCrew] ?? ''}`);
    cast.endRow();
    writers.endRow();
    director.push(first);
    seen.add(id);
    ids.push(id);
    rep.report.kept++;
  };
  return {
    row,
    finish: () => ({
      kind: 'credits',
      table: { rows: new SortedIds(ids.trimmed()), people: people.names, cast: cast.finish(), writers: writers.finish(), director: director.trimmed() },
    }),
  };
}

export function keywordsReader(rep: FileReportBuilder): TableReader {
  let iId = 0;
  let iKw = 1;
  const seen = new IdSet();
  const ids = growInt32();
  const names = new NameTable();
  const keywords = new ListsBuilder();
  const row = (f: string[], row: number): void => {
    if (row === 0) {
      const col = columnIndex(f);
      iId = col.get('id') ?? 0;
      iKw = col.get('keywords') ?? 1;
      return;
    }
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    if (isEmptyRow(f)) return rep.drop('empty row', row, raw);
    const id = parseId(f[iId] ?? '');
    if (id < 0) return rep.drop('id is not a positive integer', row, raw);
    // keywords.csv lists 985 ids more than once (46,419 rows, 45,432 ids); the copies are identical.
    if (seen.has(id)) return rep.drop('duplicate id', row, raw);
    const r = extractNames(f[iKw] ?? '');
    if (!r.ok) return rep.drop('malformed keywords literal', row, () => `${r.reason} at ${r.offset}: ${raw()}`);
    for (const k of r.value) keywords.push(names.id(limitName(cleanTextSlice(k), (reason) => rep.repair(reason, row, raw))));
    keywords.endRow();
    seen.add(id);
    ids.push(id);
    rep.report.kept++;
  };
  return { row, finish: () => ({ kind: 'keywords', table: { rows: new SortedIds(ids.trimmed()), names: names.names, keywords: keywords.finish() } }) };
}
