// The one filter of a recommendation list, as the API, the URL and the ranking
// pipeline all speak it: genres by name, year range, minimum votes, rated films,
// new arrivals. The pipeline (src/recommend/rank.ts) compiles it per catalogue.

export interface RecommendFilter {
  genres: string[];
  genreMode: 'any' | 'all';
  yearMin?: number;
  yearMax?: number;
  minVotes: number;
  includeRated: boolean;
  /** Only movies appended since the model was trained ("new arrivals"). */
  onlyNew?: boolean;
}

/** Every movie but the rated ones: the evaluation's full ranking and the default list. */
export const OPEN_FILTER: Readonly<RecommendFilter> = Object.freeze({ genres: [], genreMode: 'any', minVotes: 0, includeRated: false });
