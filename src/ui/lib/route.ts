// The router's pure half: the URL hash ⇄ a view and its query. Views are
// "#/for-you?genres=Drama,Comedy&mode=all", "#/for-you?dataset=ml-100k&user=7&n=10",
// "#/movie/tmdb%3A603", "#/rate" …

export const VIEWS = ['for-you', 'rate', 'movie', 'data', 'model', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The path argument (the movie key for "movie"). */
  arg: string;
  query: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const path = q >= 0 ? text.slice(0, q) : text;
  const search = q >= 0 ? text.slice(q + 1) : '';
  const [first = '', ...rest] = path.split('/');
  const view = (VIEWS as readonly string[]).includes(first) ? (first as ViewName) : 'for-you';
  // No prototype: keys come from the URL, and `constructor` must not read as a function.
  const query = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return { view, arg: rest.length ? decodeURIComponent(rest.join('/')) : '', query };
}

export function formatHash(route: Route): string {
  const path = route.arg ? `${route.view}/${encodeURIComponent(route.arg)}` : route.view;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(route.query)) if (v !== '') params.set(k, v);
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export interface FilterQuery {
  genres: string[];
  genreMode: 'any' | 'all';
  yearMin?: number;
  yearMax?: number;
  minVotes: number;
  n: number;
}

export const DEFAULT_FILTER_QUERY: FilterQuery = { genres: [], genreMode: 'any', minVotes: 0, n: 24 };

function intOr(text: string | undefined, fallback: number | undefined, min: number, max: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const v = Number(text);
  return Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

export function filterFromQuery(query: Record<string, string>): FilterQuery {
  return {
    genres: query.genres ? query.genres.split(',').filter(Boolean) : [],
    genreMode: query.mode === 'all' ? 'all' : 'any',
    yearMin: intOr(query.from, undefined, 1870, 2100),
    yearMax: intOr(query.to, undefined, 1870, 2100),
    minVotes: intOr(query.votes, 0, 0, 1_000_000) ?? 0,
    n: intOr(query.n, DEFAULT_FILTER_QUERY.n, 1, 200) ?? DEFAULT_FILTER_QUERY.n,
  };
}

export function queryFromFilter(filter: FilterQuery): Record<string, string> {
  const q: Record<string, string> = {};
  if (filter.genres.length) q.genres = filter.genres.join(',');
  if (filter.genreMode === 'all') q.mode = 'all';
  if (filter.yearMin !== undefined) q.from = String(filter.yearMin);
  if (filter.yearMax !== undefined) q.to = String(filter.yearMax);
  if (filter.minVotes > 0) q.votes = String(filter.minVotes);
  if (filter.n !== DEFAULT_FILTER_QUERY.n) q.n = String(filter.n);
  return q;
}

/**
 * The original query as a link: a user of the dataset ("user=7"), optionally pinned to a
 * site dataset ("dataset=ml-100k"), with the same filters as the visitor's own list.
 */
export interface DatasetUserQuery {
  userId: number;
  /** Id of the site dataset the user id belongs to; absent = the one loaded. */
  datasetId?: string;
}

export function datasetUserFromQuery(query: Record<string, string>): DatasetUserQuery | undefined {
  const text = query.user?.trim() ?? '';
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const datasetId = query.dataset?.trim();
  return { userId: Number(text), ...(datasetId ? { datasetId } : {}) };
}

export function queryForDatasetUser(user: DatasetUserQuery, filter: FilterQuery): Record<string, string> {
  return { ...(user.datasetId ? { dataset: user.datasetId } : {}), user: String(user.userId), ...queryFromFilter(filter) };
}
