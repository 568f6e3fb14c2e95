// Checks a Dataset read back from a cache before the engine uses it: every column as long as
// the table it belongs to, every index inside what it points into, every rating finite and on
// the scale. A damaged entry (an item index 65535 in a 3,000-film catalogue) would otherwise
// make every training fail across reloads.
import { ratingStep, type Dataset } from './dataset';

/** What is wrong with a dataset, in words, or undefined when it may be used. */
export function datasetProblem(d: Dataset): string | undefined {
  const c = d.catalog;
  const n = c.size;
  if (!(typeof d.fingerprint === 'string' && d.fingerprint.length > 0)) return 'it has no fingerprint';
  if (!(Number.isSafeInteger(n) && n >= 0)) return `catalogue size ${n} is not a count`;
  const [lo, hi] = Array.isArray(d.scale) ? d.scale : [NaN, NaN];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) return `rating scale ${JSON.stringify(d.scale)} is not [min, max]`;
  const perItem: [string, ArrayLike<unknown>][] = [
    ['rawIds', c.rawIds], ['tmdbIds', c.tmdbIds], ['imdbIds', c.imdbIds], ['movieLensIds', c.movieLensIds], ['titles', c.titles], ['years', c.years],
    ['genreBits', c.genreBits], ['voteAverage', c.voteAverage], ['voteCount', c.voteCount], ['popularity', c.popularity],
    ['adult', c.adult], ['director', c.director],
  ];
  for (const [name, column] of perItem) if (column?.length !== n) return `catalogue column ${name} has ${column?.length ?? 0} entries for ${n} movies`;
  if (c.genreNames.length > 32) return `${c.genreNames.length} genres, at most 32 fit the genre bits`;
  const genreMask = c.genreNames.length === 32 ? 0xffffffff : (1 << c.genreNames.length) - 1;
  for (let i = 0; i < n; i++) if ((c.genreBits[i]! & ~genreMask) !== 0) return `movie ${i} has a genre bit beyond the ${c.genreNames.length} genres`;
  for (let i = 0; i < n; i++) if (c.director[i]! < -1 || c.director[i]! >= c.people.length) return `movie ${i} has director ${c.director[i]} outside -1..${c.people.length - 1}`;
  const lists: [string, ArrayLike<number> | undefined, ArrayLike<number> | undefined, number][] = [
    ['cast', c.castOffsets, c.castIds, c.people.length],
    ['keywords', c.keywordOffsets, c.keywordIds, c.keywordNames.length],
    ['writers', c.writerOffsets, c.writerIds, c.people.length],
  ];
  for (const [name, offsets, ids, table] of lists) {
    if (!offsets && !ids && name === 'writers') continue;
    const problem = csrProblem(name, offsets, ids, n, table);
    if (problem) return problem;
  }
  const r = d.ratings;
  const nUsers = d.userRawIds.length;
  if (!(Number.isSafeInteger(r.length) && r.length >= 0)) return `ratings length ${r.length} is not a count`;
  for (const [name, column] of [['users', r.users], ['items', r.items], ['ratings', r.ratings], ['days', r.days]] as const) {
    if (column && column.length !== r.length) return `ratings column ${name} has ${column.length} entries for ${r.length} ratings`;
  }
  const step = ratingStep(r.ratings);
  for (let j = 0; j < r.length; j++) {
    const u = r.users[j]!, i = r.items[j]!, v = r.ratings[j]! * step;
    if (!(u >= 0 && u < nUsers)) return `rating ${j} has user ${u} outside 0..${nUsers - 1}`;
    if (!(i >= 0 && i < n)) return `rating ${j} has movie ${i} outside 0..${n - 1}`;
    if (!(v >= lo && v <= hi)) return `rating ${j} is ${v}, outside the scale ${lo}–${hi}`;
  }
  return undefined;
}

function csrProblem(name: string, offsets: ArrayLike<number> | undefined, ids: ArrayLike<number> | undefined, n: number, table: number): string | undefined {
  if (!offsets || !ids) return `${name}: offsets or ids missing`;
  if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n] !== ids.length) return `${name}: offsets do not cover the ${ids.length} ids of ${n} movies`;
  for (let i = 0; i < n; i++) if (offsets[i + 1]! < offsets[i]!) return `${name}: offsets decrease at movie ${i}`;
  for (let j = 0; j < ids.length; j++) if (!(ids[j]! >= 0 && ids[j]! < table)) return `${name}: id ${ids[j]} at ${j} outside 0..${table - 1}`;
  return undefined;
}
