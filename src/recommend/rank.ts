// The one ranking pipeline: a recommender's scores for a profile, the list filter,
// top-N. The app (visitors and dataset users), the evaluation and the benchmarks all
// call rank(), so the list that is measured is the list that is served.
import type { Catalog } from '../dataset/dataset';
import type { RecommendFilter } from '../shared/recommend-filter';
import { DEFAULT_FILTER, rankItems, type RankedItem, type RankFilter } from './rank-items';
import type { Profile, Recommender } from './recommender';

/** The items a list is drawn from, with what the filter needs besides the catalogue. */
export interface RankCatalogue {
  catalog: Catalog;
  /** The counts the minimum-votes filter uses: TMDB votes when the catalogue has them, else rating counts. */
  votes: ArrayLike<number>;
  /** Items appended since training, for the "new arrivals only" filter. */
  newItems: ReadonlySet<number>;
}

/** The filter in the catalogue's terms: genre names → bits (names the catalogue lacks match nothing). */
export function compileFilter(catalog: Catalog, filter: RecommendFilter): RankFilter {
  const genres = filter.genres.reduce((bits, g) => {
    const at = catalog.genreNames.indexOf(g);
    return at >= 0 ? bits | (1 << at) : bits;
  }, 0);
  return { ...DEFAULT_FILTER, genres, genreMode: filter.genreMode, yearMin: filter.yearMin, yearMax: filter.yearMax, minVotes: filter.minVotes, includeRated: filter.includeRated };
}

/**
 * The n best items for the profile under the filter, best first, each with the
 * ranking score it was ordered by. The profile's rated items are left out unless
 * the filter includes them. `scratch` (catalog.size floats) is reused when given.
 */
export function rank<P extends Profile>(
  recommender: Recommender<P>,
  profile: P,
  catalogue: RankCatalogue,
  filter: RecommendFilter,
  n: number,
  scratch: Float32Array = new Float32Array(catalogue.catalog.size),
): RankedItem[] {
  const scores = recommender.score(profile, scratch);
  if (filter.onlyNew) {
    for (let i = 0; i < scores.length; i++) if (!catalogue.newItems.has(i)) scores[i] = Number.NaN;
  }
  const rated = new Set(profile.ratings.map((r) => r.item));
  return rankItems(catalogue.catalog, scores, n, compileFilter(catalogue.catalog, filter), rated, catalogue.votes);
}
