// MovieLens tags.csv (userId,movieId,tag,timestamp) as keywords: each tag lower-cased, trimmed
// and whitespace-collapsed; per movie the distinct tags, most often applied first (then in
// order of first use), at most MAX_TAG_KEYWORDS. The join gives them to movies that have no
// TMDB keywords.

import { growInt32 } from '../dataset/growable';
import { cleanTextSlice, parseId } from './clean';
import { ListsBuilder, type Lists } from './lists';
import { NameTable } from './name-table';
import { rowText, type FileReportBuilder } from './report';
import { SortedIds } from './sorted-ids';
import type { TableReader } from './tables';
import { limitName } from './text-limits';

/**
 * Tags kept per movie. TMDB keywords are not capped (at most 149 a movie in keywords.csv), but
 * 99 % of movies have at most 20; Pulp Fiction's 173 distinct tags in ml-latest-small become
 * its 20 most used.
 */
export const MAX_TAG_KEYWORDS = 20;

export function tagsReader(rep: FileReportBuilder): TableReader {
  let iMovie = 1;
  let iTag = 2;
  const names = new NameTable();
  const movieOf = growInt32();
  const tagOf = growInt32();
  const row = (f: string[], row: number): void => {
    if (row === 0) {
      const cols = f.map((h) => h.trim().toLowerCase());
      iMovie = Math.max(0, cols.indexOf('movieid'));
      iTag = Math.max(0, cols.indexOf('tag'));
      return;
    }
    rep.report.rowsRead++;
    const raw = () => rowText(f);
    if (f.length !== 4) return rep.drop('wrong column count', row, raw);
    const movie = parseId(f[iMovie]!);
    if (movie < 0) return rep.drop('movieId is not a positive integer', row, raw);
    const tag = limitName(cleanTextSlice(f[iTag]!), (reason) => rep.repair(reason, row, raw)).toLowerCase();
    if (tag === '') return rep.drop('empty tag', row, raw);
    movieOf.push(movie);
    tagOf.push(names.id(tag));
    rep.report.kept++;
  };
  return {
    row,
    finish: () => {
      const { movies, tags } = rankTags(movieOf.trimmed(), tagOf.trimmed());
      return { kind: 'tags', table: { rows: new SortedIds(movies), names: names.names, tags } };
    },
  };
}

/** Per distinct movie (ascending id), its distinct tags by use count (desc), then first use. */
function rankTags(movieOf: Int32Array, tagOf: Int32Array): { movies: Int32Array; tags: Lists } {
  // Rows grouped by movie, each movie's rows in file order (SortedIds sorts stably by id).
  const byMovie = new SortedIds(movieOf);
  const movies = growInt32();
  const tags = new ListsBuilder();
  const count = new Map<number, number>();
  const n = movieOf.length;
  for (let k = 0; k < n; ) {
    const movie = movieOf[byMovie.rowAt(k)]!;
    count.clear();
    // Map keeps insertion order, i.e. first use; the sort below is stable.
    for (; k < n && movieOf[byMovie.rowAt(k)] === movie; k++) {
      const t = tagOf[byMovie.rowAt(k)]!;
      count.set(t, (count.get(t) ?? 0) + 1);
    }
    const ranked = [...count].sort((a, b) => b[1] - a[1]);
    for (let j = 0; j < ranked.length && j < MAX_TAG_KEYWORDS; j++) tags.push(ranked[j]![0]);
    tags.endRow();
    movies.push(movie);
  }
  return { movies: movies.trimmed(), tags: tags.finish() };
}
