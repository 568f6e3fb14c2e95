// Recognises each file from its name AND its first line: The Movies Dataset (Kaggle),
// MovieLens latest/25M, 100K and 1M. A name that promises a format the header denies,
// or a header nobody knows, yields 'unknown' with a reason instead of a guess.

export type FileFormat =
  | 'tmdb-movies-metadata'
  | 'tmdb-credits'
  | 'tmdb-keywords'
  | 'links'
  | 'ratings-csv'
  | 'ml-movies-csv'
  | 'ml-tags-csv'
  | 'ml100k-data'
  | 'ml100k-item'
  | 'ml100k-user'
  | 'ml100k-genre'
  | 'ml1m-ratings'
  | 'ml1m-movies'
  | 'ml1m-users'
  | 'documentation'
  | 'unknown';

export const FORMAT_LABELS: Record<FileFormat, string> = {
  'tmdb-movies-metadata': 'The Movies Dataset: movies_metadata.csv',
  'tmdb-credits': 'The Movies Dataset: credits.csv',
  'tmdb-keywords': 'The Movies Dataset: keywords.csv',
  links: 'MovieLens links.csv (movieId → imdbId, tmdbId)',
  'ratings-csv': 'MovieLens ratings.csv (userId,movieId,rating,timestamp)',
  'ml-movies-csv': 'MovieLens movies.csv (movieId,title,genres)',
  'ml-tags-csv': 'MovieLens tags.csv (userId,movieId,tag,timestamp)',
  'ml100k-data': 'MovieLens 100K ratings (u.data / uN.base / uN.test)',
  'ml100k-item': 'MovieLens 100K u.item (Latin-1)',
  'ml100k-user': 'MovieLens 100K u.user (recognised, not used)',
  'ml100k-genre': 'MovieLens 100K u.genre',
  'ml1m-ratings': 'MovieLens 1M ratings.dat',
  'ml1m-movies': 'MovieLens 1M movies.dat (Latin-1)',
  'ml1m-users': 'MovieLens 1M users.dat (recognised, not used)',
  documentation: 'documentation / auxiliary file (not used)',
  unknown: 'unknown',
};

/** Text encoding per format: the older MovieLens sets are Latin-1, the rest UTF-8. */
export function encodingOf(format: FileFormat): 'utf-8' | 'latin1' {
  return format === 'ml100k-item' || format === 'ml1m-movies' || format === 'ml1m-users' ? 'latin1' : 'utf-8';
}

/**
 * The rating scale each ratings format promises: MovieLens latest/25M and The Movies Dataset's
 * ratings.csv are half stars 0.5–5, ML-100K and ML-1M whole stars 1–5. A rating outside it is
 * dropped with its reason (a 7 or a -1 would otherwise stretch the dataset's scale).
 */
export function ratingRangeOf(format: FileFormat): { min: number; max: number } | null {
  if (format === 'ratings-csv') return { min: 0.5, max: 5 };
  if (format === 'ml100k-data' || format === 'ml1m-ratings') return { min: 1, max: 5 };
  return null;
}

export interface Detection {
  format: FileFormat;
  /** Why it is unknown (or a note when name and header disagree but the header wins). */
  reason?: string;
  /** True when the first line is a header to skip. */
  hasHeader: boolean;
  newline: '\n' | '\r\n';
}

/** The file name without directories or a compression suffix, lower-cased. */
export function baseName(name: string): string {
  const b = name.split(/[\\/]/).pop() ?? name;
  return b.replace(/\.(gz|gzip)$/i, '').toLowerCase();
}

const CSV_HEADERS: Array<[FileFormat, string[]]> = [
  ['tmdb-credits', ['cast', 'crew', 'id']],
  ['tmdb-keywords', ['id', 'keywords']],
  ['links', ['movieid', 'imdbid', 'tmdbid']],
  ['ratings-csv', ['userid', 'movieid', 'rating', 'timestamp']],
  ['ml-movies-csv', ['movieid', 'title', 'genres']],
  ['ml-tags-csv', ['userid', 'movieid', 'tag', 'timestamp']],
];

/** What each well-known file name promises. */
function formatFromName(b: string): FileFormat | null {
  if (b === 'movies_metadata.csv') return 'tmdb-movies-metadata';
  if (b === 'credits.csv') return 'tmdb-credits';
  if (b === 'keywords.csv') return 'tmdb-keywords';
  if (b === 'links.csv' || b === 'links_small.csv') return 'links';
  if (b === 'ratings.csv' || b === 'ratings_small.csv') return 'ratings-csv';
  if (b === 'movies.csv') return 'ml-movies-csv';
  if (b === 'tags.csv') return 'ml-tags-csv';
  if (b === 'u.data' || /^u[1-5ab]\.(base|test)$/.test(b)) return 'ml100k-data';
  if (b === 'u.item') return 'ml100k-item';
  if (b === 'u.user') return 'ml100k-user';
  if (b === 'u.genre') return 'ml100k-genre';
  if (b === 'ratings.dat') return 'ml1m-ratings';
  if (b === 'movies.dat') return 'ml1m-movies';
  if (b === 'users.dat') return 'ml1m-users';
  if (/^(readme(\.txt|\.md)?|u\.info|u\.occupation|license.*|.*\.(txt|md|pl|sh|html))$/.test(b)) return 'documentation';
  return null;
}

function splitHeader(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

function formatFromFirstLine(line: string): FileFormat | null {
  const cols = splitHeader(line);
  if (cols.includes('id') && cols.includes('title') && (cols.includes('vote_average') || cols.includes('release_date')))
    return 'tmdb-movies-metadata';
  for (const [format, want] of CSV_HEADERS) {
    if (cols.length === want.length && want.every((w) => cols.includes(w))) return format;
  }
  if (/^\d+\t\d+\t\d+(\.\d+)?\t\d+$/.test(line)) return 'ml100k-data';
  if (/^\d+::\d+::\d+(\.\d+)?::\d+$/.test(line)) return 'ml1m-ratings';
  if (/^\d+::[MF]::\d+::\d+::[^:]*$/.test(line)) return 'ml1m-users';
  if (/^\d+::[^:]+.*::[^:]*$/.test(line) && line.split('::').length === 3) return 'ml1m-movies';
  if (/^\d+\|[^|]*\|[^|]*\|[^|]*\|[^|]*(\|[01]){19}$/.test(line)) return 'ml100k-item';
  if (/^\d+\|\d+\|[MF]\|[^|]*\|[^|]*$/.test(line)) return 'ml100k-user';
  if (/^[^|]+\|\d+$/.test(line)) return 'ml100k-genre';
  return null;
}

/** Share of bytes in the head that are control characters other than tab/CR/LF. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return bad > n / 100;
}

/** Decides the format from the name and the first line of `head` (the first bytes). */
export function detectFormat(name: string, head: Uint8Array): Detection {
  const b = baseName(name);
  const byName = formatFromName(b);
  const unknown = (reason: string): Detection => ({ format: 'unknown', reason, hasHeader: false, newline: '\n' });
  // Documentation is recognised by name alone; its content does not matter.
  if (byName === 'documentation') return { format: 'documentation', hasHeader: false, newline: '\n' };
  if (head.length === 0) return unknown(byName ? `empty file (named like ${FORMAT_LABELS[byName]})` : 'empty file');
  if (looksBinary(head)) return unknown(byName ? `named like ${b} but the content is binary` : 'binary content');
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 65536)).replace(/^\uFEFF/, '');
  const nl = text.indexOf('\n');
  const newline: '\n' | '\r\n' = nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
  const first = (nl >= 0 ? text.slice(0, nl) : text).replace(/\r$/, '');
  const byHeader = formatFromFirstLine(first);
  const headerFormats: FileFormat[] = [
    'tmdb-movies-metadata', 'tmdb-credits', 'tmdb-keywords', 'links', 'ratings-csv', 'ml-movies-csv', 'ml-tags-csv',
  ];
  if (byHeader) {
    const d: Detection = { format: byHeader, hasHeader: headerFormats.includes(byHeader), newline };
    if (byName && byName !== byHeader) d.reason = `named like ${FORMAT_LABELS[byName]} but the header says ${FORMAT_LABELS[byHeader]}`;
    return d;
  }
  // Headerless files whose first line we could not classify but whose name is certain.
  if (byName === 'ml100k-genre' && first.trim() === '') return { format: byName, hasHeader: false, newline };
  const excerpt = first.slice(0, 80);
  const guess = /[;\t|]/.test(first) && !first.includes(',') ? ' (wrong delimiter?)' : '';
  return unknown(
    byName
      ? `named like ${FORMAT_LABELS[byName]} but the first line is not: ${JSON.stringify(excerpt)}${guess}`
      : `unrecognised header ${JSON.stringify(excerpt)}${guess}`,
  );
}
