// One loaded dataset and what is derived from it: rating counts, weighted scores, the
// served recommender (the EASE^R ranker ordering the list with the SVD's predicted stars;
// either alone while the other is missing; popularity before both) and the visitor's
// folded-in profile. The one mutable holder: a new model or new ratings
// replace their part in one assignment; a new dataset replaces the whole session.
import type { Dataset } from '../dataset/dataset';
import { explore, type Exploration } from '../eda/explore';
import { itemRatingStats, weightedScoreDetail } from '../eda/weighted-score';
import type { EaseModel } from '../model/ease';
import type { SvdModel } from '../model/svd-model';
import type { RankCatalogue } from '../recommend/rank';
import { RankedWithStars } from '../recommend/ranked-with-stars';
import { createRecommender } from '../recommend/recommenders';
import type { Profile, ProfileRating, Recommender, RecommenderContext } from '../recommend/recommender';
import type { CatalogPage, CatalogQuery, MovieCard, MovieDetails, MovieKey, RecommendationList, RecommendQuery, VisitorRating } from './api';
import { CatalogPages } from './catalog-pages';
import { DatasetUsers } from './dataset-users';
import { movieDetails } from './movie-details';
import { keyIndex, keyOf } from './movie-keys';
import { onboardingItems } from './onboarding';
import { recommendList } from './recommend-list';
import { TitleSearch } from './title-search';
import { VisitorMatcher, type VisitorMatch } from './visitor-match';

export class Session {
  readonly ratingCounts: Int32Array;
  readonly ratingMeans: Float32Array;
  readonly weighted: Float32Array;
  /** The counts the minimum-votes filter uses: TMDB votes when the catalogue has them, else ratings. */
  readonly votes: ArrayLike<number>;
  readonly users: DatasetUsers;
  /** What every recommender of this session is built with. */
  readonly context: RecommenderContext;
  /** What the ranking pipeline draws lists from. */
  readonly catalogue: RankCatalogue;
  /** The non-personalised list ("popular and well rated"): the weighted score through the contract. */
  readonly popularity: Recommender;
  private readonly keys: Map<MovieKey, number>;
  private readonly matcher: VisitorMatcher;
  private readonly pages: CatalogPages;
  private titleSearch?: TitleSearch;
  private exploration?: Exploration;
  /** The rating model (predicted stars; the list too while no ranker is fitted). */
  private rating?: { model: SvdModel; recommender: Recommender };
  /** The top-N ranker, fitted from the dataset's ratings at load. */
  private ranking?: { model: EaseModel; recommender: Recommender };
  private served: Recommender;
  private visitor: { ratings: VisitorRating[]; match: VisitorMatch; profile?: Profile } = { ratings: [], match: { rated: [], matched: 0, unmatched: 0 } };
  /** Scratch scores, reused across calls (one recommendation at a time per session). */
  readonly scratch: Float32Array;

  constructor(
    readonly dataset: Dataset,
    readonly synthetic: boolean,
    /** Items appended after the model was trained (factors from content until retrained). */
    readonly newItems: ReadonlySet<number> = new Set(),
  ) {
    const { catalog, ratings } = dataset;
    const stats = itemRatingStats(catalog.size, ratings);
    this.ratingCounts = stats.counts;
    this.ratingMeans = stats.means;
    this.weighted = weightedScoreDetail(catalog, {}, ratings).scores;
    this.votes = catalog.voteCount.some((v) => v > 0) ? catalog.voteCount : this.ratingCounts;
    this.keys = keyIndex(catalog);
    this.matcher = new VisitorMatcher(catalog, this.keys);
    this.users = new DatasetUsers(dataset);
    this.context = { catalog, ratingCounts: this.ratingCounts, newItems };
    this.catalogue = { catalog, votes: this.votes, newItems };
    this.popularity = createRecommender('popularity', { scores: this.weighted }, this.context);
    this.served = this.popularity;
    this.pages = new CatalogPages(catalog, this.weighted, this.votes, (i) => this.card(i));
    this.scratch = new Float32Array(catalog.size);
  }

  explore(): Exploration {
    this.exploration ??= explore(this.dataset);
    return this.exploration;
  }

  get trainedModel(): SvdModel | undefined {
    return this.rating?.model;
  }

  get rankerModel(): EaseModel | undefined {
    return this.ranking?.model;
  }

  /** The recommender the lists are served by. */
  get recommender(): Recommender {
    return this.served;
  }

  /**
   * Swaps in a rating model and folds the visitor in again, all or nothing: a fold-in that
   * throws (a model whose normal equations are not positive definite) leaves the previous
   * model in use.
   */
  setModel(model: SvdModel): void {
    const previous = this.rating;
    this.rating = { model, recommender: createRecommender('mf', model, this.context) };
    try {
      this.serve();
    } catch (error) {
      this.rating = previous;
      this.serve();
      throw error;
    }
  }

  /** Swaps in the top-N ranker and folds the visitor in again. */
  setRanker(model: EaseModel): void {
    this.ranking = { model, recommender: createRecommender('ease', model, this.context) };
    this.serve();
  }

  private serve(): void {
    const stars = this.rating?.recommender, ranker = this.ranking?.recommender;
    this.served = ranker && stars ? new RankedWithStars(ranker, stars, this.newItems) : (ranker ?? stars ?? this.popularity);
    this.foldInVisitor();
  }

  itemOf(key: MovieKey): number | undefined {
    return this.keys.get(key);
  }

  card(item: number): MovieCard {
    const c = this.dataset.catalog;
    const votes = c.voteCount[item];
    const genres: string[] = [];
    for (let g = 0; g < c.genreNames.length; g++) if (c.genreBits[item] & (1 << g)) genres.push(c.genreNames[g]);
    const ratingCount = this.ratingCounts[item];
    return {
      item,
      key: keyOf(c, item),
      title: c.titles[item],
      year: c.years[item],
      genres,
      voteAverage: votes > 0 && Number.isFinite(c.voteAverage[item]) ? c.voteAverage[item] : null,
      voteCount: votes,
      meanRating: ratingCount > 0 ? Math.round(this.ratingMeans[item] * 100) / 100 : null,
      ratingCount,
      isNew: this.newItems.has(item),
    };
  }

  /** Replaces the visitor's ratings; they are matched here by movie key, else title + year. */
  setVisitorRatings(ratings: VisitorRating[]): { matched: number; unmatched: number } {
    const match = this.matcher.match(ratings);
    this.visitor = { ratings: [...ratings], match };
    this.foldInVisitor();
    return { matched: match.matched, unmatched: match.unmatched };
  }

  /** The visitor's ratings that exist in this dataset, as inner items. */
  visitorRatings(): ProfileRating[] {
    return this.visitor.match.rated;
  }

  /** The visitor's folded profile under the served recommender; undefined before any rating matches or a model exists. */
  get visitorProfile(): Profile | undefined {
    return this.visitor.profile;
  }

  private foldInVisitor(): void {
    const rated = this.visitor.match.rated;
    this.visitor.profile = this.served.personalised && rated.length ? this.served.foldIn(rated) : undefined;
  }

  recommend(query: RecommendQuery): RecommendationList {
    return recommendList(this, query);
  }

  catalogPage(query: CatalogQuery): CatalogPage {
    return this.pages.page(query);
  }

  search(text: string, n: number): MovieCard[] {
    this.warmSearch();
    return this.titleSearch!.search(text, n).map((i) => this.card(i));
  }

  /** Builds the search index ahead of the first query. */
  warmSearch(): void {
    this.titleSearch ??= new TitleSearch(this.dataset.catalog, this.votes);
  }

  onboarding(n: number): MovieCard[] {
    return onboardingItems(this.dataset.catalog, this.votes, n).map((i) => this.card(i));
  }

  movie(key: MovieKey): MovieDetails | null {
    const item = this.keys.get(key);
    return item === undefined ? null : movieDetails(this, item);
  }
}
