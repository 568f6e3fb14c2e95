// Row handlers for MovieLens item metadata and links: movies.csv (latest/25M), u.item and
// u.genre (100K, Latin-1, 19 genre flags), movies.dat (1M, '::', Latin-1), links.csv.

import { growInt32 } from '../dataset/growable';
import { cleanText, cleanTextSlice, parseId, parseImdbId, parseYear, splitTitleYear } from './clean';
import { IdSet } from './id-set';
import { MovieTableBuilder } from './movie-table';
import { rowText, type FileReportBuilder } from './report';
import type { RowHandler } from './row-streams';
import { SortedIds } from './sorted-ids';
import { limitGenres, limitTitle } from './text-limits';
import type { TableReader } from './tables';

/** u.genre of ML-100K, used when u.item comes without it. */
export const ML100K_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

const NO_GENRES = '(no genres listed)';

function splitGenres(s: string, rep: FileReportBuilder, row: number): string[] {
  const t = s.trim();
  if (t === '' || t === NO_GENRES) {
    rep.repair('no genres listed', row, s);
    return [];
  }
  return t.split('|').map(cleanTextSlice).filter((g) => g !== '');
}

/** Shared tail: id check, duplicate check, title/year split. */
function mlMovie(
  rep: FileReportBuilder, out: MovieTableBuilder, row: number, raw: () => string,
  idText: string, titleText: string, genres: () => string[], fallbackYear = 0,
): void {
  const id = parseId(idText);
  if (id < 0) return rep.drop('movie id is not a positive integer', row, raw);
  if (out.has(id)) return rep.drop('duplicate movie id', row, raw);
  const split = splitTitleYear(titleText);
  const { year } = split;
  const title = limitTitle(split.title, (reason) => rep.repair(reason, row, raw));
  if (title === '') return rep.drop('missing title', row, raw);
  const y = year || fallbackYear;
  if (y === 0) rep.repair('no year in title (year 0)', row, titleText);
  out.add(id, title, y, limitGenres(genres(), (reason) => rep.repair(reason, row, raw)));
  rep.report.kept++;
}

function movieList(needsGenreNames: boolean, row: (out: MovieTableBuilder) => RowHandler): TableReader {
  const out = new MovieTableBuilder();
  return { row: row(out), finish: () => ({ kind: 'ml-movies', table: out.finish(), needsGenreNames }) };
}

export function mlMoviesCsvReader(rep: FileReportBuilder): TableReader {
  return movieList(false, (out) => (f, row) => {
    if (row === 0) return;
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    if (f.length !== 3) return rep.drop('wrong column count', row, raw);
    mlMovie(rep, out, row, raw, f[0]!, f[1]!, () => splitGenres(f[2]!, rep, row));
  });
}

export function ml1mMoviesReader(rep: FileReportBuilder): TableReader {
  return movieList(false, (out) => (f, row) => {
    rep.report.rowsRead++;
    const raw = () => rowText(f, '::');
    if (f.length === 1 && f[0]!.trim() === '') return rep.drop('empty line', row, '');
    if (f.length !== 3) return rep.drop('wrong field count', row, raw);
    mlMovie(rep, out, row, raw, f[0]!, f[1]!, () => splitGenres(f[2]!, rep, row));
  });
}

/** u.item: id|title|release date|video date|IMDb URL|19 flags. Genre names come from ML100K_GENRES (remapped to u.genre later). */
export function ml100kItemReader(rep: FileReportBuilder): TableReader {
  return movieList(true, (out) => (f, row) => {
    rep.report.rowsRead++;
    const raw = () => rowText(f, '|');
    if (f.length === 1 && f[0]!.trim() === '') return rep.drop('empty line', row, '');
    if (f.length !== 24) return rep.drop('wrong field count', row, raw);
    // One item (267) is titled "unknown" with no date; it stays, rated items must resolve.
    mlMovie(rep, out, row, raw, f[0]!, f[1]!, () => {
      const g: string[] = [];
      for (let k = 0; k < 19; k++) if (f[5 + k]!.trim() === '1') g.push(ML100K_GENRES[k]!);
      return g;
    }, parseYear(f[2]!));
  });
}

export function ml100kGenreReader(rep: FileReportBuilder): TableReader {
  const names: string[] = [];
  const row: RowHandler = (f, row) => {
    if (f.length === 1 && f[0]!.trim() === '') return; // trailing blank lines
    rep.report.rowsRead++;
    const id = f.length === 2 ? Number(f[1]) : NaN;
    if (!Number.isInteger(id) || id < 0 || id > 63) return rep.drop('expected name|id', row, rowText(f, '|'));
    names[id] = cleanText(f[0]!);
    rep.report.kept++;
  };
  return { row, finish: () => ({ kind: 'genre-names', names }) };
}

export function linksReader(rep: FileReportBuilder): TableReader {
  let iMl = 0;
  let iTmdb = 2;
  let iImdb = 1;
  const seen = new IdSet();
  const mlIds = growInt32();
  const tmdbIds = growInt32();
  const imdbIds = growInt32();
  const row: RowHandler = (f, row) => {
    if (row === 0) {
      const cols = f.map((h) => h.trim().toLowerCase());
      iMl = Math.max(0, cols.indexOf('movieid'));
      iTmdb = Math.max(0, cols.indexOf('tmdbid'));
      iImdb = cols.indexOf('imdbid');
      return;
    }
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    const ml = parseId(f[iMl] ?? '');
    if (ml < 0) return rep.drop('movieId is not a positive integer', row, raw);
    const imdb = iImdb < 0 ? -1 : parseImdbId(f[iImdb] ?? '');
    const t = (f[iTmdb] ?? '').trim();
    // A row without a tmdbId still links the movie to IMDb (8 rows of ml-latest-small).
    if (t === '' && imdb < 0) return rep.drop('missing tmdbId and imdbId', row, raw);
    const tmdb = t === '' ? -1 : parseId(t);
    if (t !== '' && tmdb < 0) return rep.drop('tmdbId is not a positive integer', row, raw);
    if (seen.has(ml)) return rep.drop('duplicate movieId', row, raw);
    if (t === '') rep.repair('missing tmdbId (linked by imdbId only)', row, raw);
    seen.add(ml);
    mlIds.push(ml);
    tmdbIds.push(tmdb);
    imdbIds.push(imdb);
    rep.report.kept++;
  };
  return {
    row,
    finish: () => {
      const ml = mlIds.trimmed();
      return { kind: 'links', table: { rows: new SortedIds(ml), mlIds: ml, tmdbIds: tmdbIds.trimmed(), imdbIds: imdbIds.trimmed() } };
    },
  };
}

/** Recognised files we do not use (users): rows are counted, nothing is kept. */
export function countingReader(rep: FileReportBuilder): TableReader {
  const row: RowHandler = (f) => {
    if (f.length === 1 && f[0]!.trim() === '') return;
    rep.report.rowsRead++;
  };
  return { row, finish: () => ({ kind: 'none' }) };
}
