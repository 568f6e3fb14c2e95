// One loaded dataset and everything derived from it: weighted scores, rating
// counts, per-user rated sets, the search index, the trained model and the
// visitor's fold-in. Built once per dataset, replaced wholesale on the next load.
import type { Dataset, ItemIndexArray } from '../dataset/dataset';
import { explore, type Exploration } from '../eda/explore';
import { itemRatingStats, weightedScoreDetail } from '../eda/weighted-score';
import { clip, type SvdModel } from '../model/svd-model';
import { explainItem } from '../recommend/explain';
import { DEFAULT_FILTER, rankItems, type RankFilter } from '../recommend/rank-items';
import { genreTaste, rankScores } from '../recommend/rank-scores';
import { scoreItems, scoreKnownUser } from '../recommend/score-items';
import { normalizedFactors, similarItems } from '../recommend/similar-items';
import { solveVisitor, type VisitorProfile } from '../recommend/visitor-profile';
import type {
  CatalogPage,
  CatalogQuery,
  MovieCard,
  MovieDetails,
  MovieKey,
  Recommendation,
  RecommendationList,
  RecommendFilter,
  RecommendQuery,
  VisitorRating,
} from './api';
import { keyIndex, keyOf } from './movie-keys';
import { TitleSearch } from './title-search';

/** Movies with fewer ratings than this get content-based neighbours. */
const MIN_RATINGS_FOR_FACTORS = 10;
/**
 * The support a new item's content-derived factors count as in ranking: the
 * mean of 20 neighbours is worth about as much as a few ratings, so a new film
 * can be recommended at once without outranking well-known ones on a guess.
 */
const NEW_ITEM_SUPPORT = 10;
/**
 * How much more a visitor's bias is regularised than their factors. Measured on
 * ml-latest-small and the demo (10 films of one genre rated 5 stars): at 1 every
 * prediction is clipped at 5 stars; at 5 the bias halves, predictions spread
 * (4.6–4.9) and the list still follows the genre.
 */
const VISITOR_BIAS_REG_SCALE = 5;

export class Session {
  readonly ratingCounts: Int32Array;
  /** Rating counts for ranking's support shrinkage, new items counted as NEW_ITEM_SUPPORT. */
  private readonly support: Int32Array;
  readonly ratingMeans: Float32Array;
  readonly weighted: Float32Array;
  /** The counts the minimum-votes filter uses: TMDB votes when the catalogue has them, else ratings. */
  readonly votes: ArrayLike<number>;
  private readonly keys: Map<MovieKey, number>;
  private userIndex?: Map<number, number>;
  private userRated?: { offsets: Int32Array; items: ItemIndexArray };
  private titleSearch?: TitleSearch;
  private exploration?: Exploration;
  private model?: { value: SvdModel; reg: number; unit?: Float32Array };
  /** Scratch buffers for scoring, reused across calls (one recommendation at a time per session). */
  private readonly scratch: { scores: Float32Array; ranking: Float32Array };
  private visitor: { ratings: VisitorRating[]; items: Set<number>; profile?: VisitorProfile } = { ratings: [], items: new Set() };

  constructor(
    readonly dataset: Dataset,
    readonly synthetic: boolean,
    /** Items appended after the model was trained (factors from content until retrained). */
    readonly newItems: ReadonlySet<number> = new Set(),
  ) {
    const { catalog, ratings } = dataset;
    const stats = itemRatingStats(catalog.size, ratings);
    this.ratingCounts = stats.counts;
    this.support = stats.counts.slice();
    for (const item of newItems) this.support[item] = Math.max(this.support[item], NEW_ITEM_SUPPORT);
    this.ratingMeans = stats.means;
    this.weighted = weightedScoreDetail(catalog, {}, ratings).scores;
    this.votes = catalog.voteCount.some((v) => v > 0) ? catalog.voteCount : this.ratingCounts;
    this.keys = keyIndex(catalog);
    this.scratch = { scores: new Float32Array(catalog.size), ranking: new Float32Array(catalog.size) };
  }

  explore(): Exploration {
    this.exploration ??= explore(this.dataset);
    return this.exploration;
  }

  get trainedModel(): SvdModel | undefined {
    return this.model?.value;
  }

  /**
   * Swaps in a trained model and re-solves the visitor, all or nothing: a fold-in that throws
   * (a model whose normal equations are not positive definite) leaves the previous model in use.
   */
  setModel(model: SvdModel, reg: number): void {
    const previous = this.model;
    this.model = { value: model, reg };
    try {
      this.solveVisitor();
    } catch (error) {
      this.model = previous;
      this.solveVisitor();
      throw error;
    }
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

  setVisitorRatings(ratings: VisitorRating[]): { matched: number; unmatched: number } {
    const items = new Set<number>();
    for (const r of ratings) {
      const item = this.keys.get(r.key);
      if (item !== undefined) items.add(item);
    }
    this.visitor = { ratings: [...ratings], items };
    this.solveVisitor();
    return { matched: items.size, unmatched: ratings.length - items.size };
  }

  /** The visitor's ratings that exist in this dataset, as inner items. */
  visitorRatings(): { item: number; rating: number }[] {
    const out: { item: number; rating: number }[] = [];
    for (const r of this.visitor.ratings) {
      const item = this.keys.get(r.key);
      if (item !== undefined) out.push({ item, rating: r.rating });
    }
    return out;
  }

  private solveVisitor(): void {
    const model = this.model;
    const rated = this.visitorRatings();
    this.visitor.profile = model && rated.length ? solveVisitor(model.value, rated, model.reg, VISITOR_BIAS_REG_SCALE) : undefined;
  }

  private toRankFilter(filter: RecommendFilter): RankFilter {
    const names = this.dataset.catalog.genreNames;
    const genres = filter.genres.reduce((bits, g) => {
      const at = names.indexOf(g);
      return at >= 0 ? bits | (1 << at) : bits;
    }, 0);
    return { ...DEFAULT_FILTER, genres, genreMode: filter.genreMode, yearMin: filter.yearMin, yearMax: filter.yearMax, minVotes: filter.minVotes, includeRated: filter.includeRated };
  }

  recommend(query: RecommendQuery): RecommendationList {
    const start = performance.now();
    const filter = this.toRankFilter(query.filter);
    const model = this.model?.value;
    const catalog = this.dataset.catalog;
    if (query.user.kind === 'dataset') {
      const user = this.userIndexOf(query.user.userId);
      if (user === undefined) return { items: [], personalised: false, userFound: false, ms: performance.now() - start };
      const rated = new Set(this.ratedBy(user));
      if (!model) return this.popular(filter, query.filter, query.n, rated, true, start);
      const scores = scoreKnownUser(model, user, this.scratch.scores);
      const ranking = this.maskNew(rankScores(model, model.userBias[user] ?? 0, scores, this.support, catalog, undefined, undefined, this.scratch.ranking), query.filter);
      const items = rankItems(catalog, ranking, query.n, filter, rated, this.votes).map(({ item }) => ({
        ...this.card(item),
        predicted: round2(clip(scores[item], model.scale)),
        reason: 'Predicted from this user’s own ratings',
        because: [],
      }));
      return { items, personalised: true, userFound: true, ms: performance.now() - start };
    }
    const profile = this.visitor.profile;
    if (!model || !profile) return this.popular(filter, query.filter, query.n, this.visitor.items, true, start);
    const scores = scoreItems(model, profile.bias, profile.factors, this.scratch.scores);
    const taste = genreTaste(catalog, profile.ratings, model.globalMean);
    const ranking = this.maskNew(rankScores(model, profile.bias, scores, this.support, catalog, taste, undefined, this.scratch.ranking), query.filter);
    const items = rankItems(catalog, ranking, query.n, filter, this.visitor.items, this.votes).map(({ item }): Recommendation => {
      const why = explainItem(model, catalog, profile, item);
      return {
        ...this.card(item),
        predicted: round2(clip(scores[item], model.scale)),
        reason: why.text,
        because: why.because.map((c) => ({ key: keyOf(catalog, c.item), title: catalog.titles[c.item], rating: c.rating, contribution: round2(c.contribution) })),
      };
    });
    return { items, personalised: true, userFound: true, ms: performance.now() - start };
  }

  /** With onlyNew, every item that is not new is ranked out (NaN scores are skipped). */
  private maskNew(scores: Float32Array, filter: RecommendFilter): Float32Array {
    if (!filter.onlyNew) return scores;
    const masked = new Float32Array(scores.length).fill(Number.NaN);
    for (const item of this.newItems) masked[item] = scores[item];
    return masked;
  }

  /** The non-personalised list: the weighted score, under the same filters. */
  private popular(filter: RankFilter, query: RecommendFilter, n: number, rated: ReadonlySet<number>, userFound: boolean, start: number): RecommendationList {
    const items = rankItems(this.dataset.catalog, this.maskNew(this.weighted, query), n, filter, rated, this.votes).map(({ item }) => ({
      ...this.card(item),
      predicted: null,
      reason: 'Popular and well rated',
      because: [],
    }));
    return { items, personalised: false, userFound, ms: performance.now() - start };
  }

  /** Catalogue order per sort key, computed on first use. */
  private orders = new Map<CatalogQuery['sort'], Int32Array>();

  catalogPage(query: CatalogQuery): CatalogPage {
    const c = this.dataset.catalog;
    let order = this.orders.get(query.sort);
    if (!order) {
      const idx = Int32Array.from({ length: c.size }, (_, i) => i);
      const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      const compare: Record<CatalogQuery['sort'], (a: number, b: number) => number> = {
        score: (a, b) => this.weighted[b] - this.weighted[a] || a - b,
        votes: (a, b) => this.votes[b] - this.votes[a] || a - b,
        year: (a, b) => c.years[b] - c.years[a] || a - b,
        title: (a, b) => byTitle.compare(c.titles[a], c.titles[b]) || a - b,
      };
      order = idx.sort(compare[query.sort]);
      this.orders.set(query.sort, order);
    }
    const start = Math.max(0, Math.min(query.start, c.size));
    const end = Math.min(c.size, start + Math.max(0, query.count));
    const rows: MovieCard[] = [];
    for (let j = start; j < end; j++) rows.push(this.card(order[j]));
    return { total: c.size, start, rows };
  }

  search(text: string, n: number): MovieCard[] {
    this.titleSearch ??= new TitleSearch(this.dataset.catalog, this.votes);
    return this.titleSearch.search(text, n).map((i) => this.card(i));
  }

  /** Builds the search index ahead of the first query. */
  warmSearch(): void {
    this.titleSearch ??= new TitleSearch(this.dataset.catalog, this.votes);
  }

  /** Well-known, well-rated films from the most common genres, interleaved, for a first visit. */
  onboarding(n: number): MovieCard[] {
    const catalog = this.dataset.catalog;
    const counts = new Array<number>(catalog.genreNames.length).fill(0);
    for (let i = 0; i < catalog.size; i++) for (let g = 0; g < counts.length; g++) if (catalog.genreBits[i] & (1 << g)) counts[g]++;
    const genres = counts.map((c, g) => ({ c, g })).sort((a, b) => b.c - a.c || a.g - b.g).slice(0, 6).map((x) => x.g);
    // Familiar first: the most-voted films, then the best weighted score among them.
    const familiar = rankItems(catalog, Float32Array.from(this.votes as ArrayLike<number>), Math.min(catalog.size, 400), DEFAULT_FILTER);
    const perGenre = genres.map((g) => familiar.filter(({ item }) => catalog.genreBits[item] & (1 << g)).map(({ item }) => item));
    const chosen: number[] = [];
    const seen = new Set<number>();
    for (let round = 0; chosen.length < n && perGenre.some((l) => l.length > round); round++) {
      for (const list of perGenre) {
        const item = list[round];
        if (item !== undefined && !seen.has(item) && chosen.length < n) {
          seen.add(item);
          chosen.push(item);
        }
      }
    }
    return chosen.map((i) => this.card(i));
  }

  movie(key: MovieKey): MovieDetails | null {
    const item = this.keys.get(key);
    if (item === undefined) return null;
    const catalog = this.dataset.catalog;
    const model = this.model;
    if (model && model.unit === undefined && model.value.k > 0) model.unit = normalizedFactors(model.value);
    const similar = similarItems(catalog, model?.value, model?.unit, this.ratingCounts, item, { n: 8, minRatings: MIN_RATINGS_FOR_FACTORS });
    const profile = this.visitor.profile;
    let predicted: number | null = null;
    let reason: string | null = null;
    if (model && profile) {
      const m = model.value;
      let dot = 0;
      for (let f = 0; f < m.k; f++) dot += profile.factors[f] * m.itemFactors[item * m.k + f];
      predicted = round2(clip(m.globalMean + profile.bias + m.itemBias[item] + dot, m.scale));
      reason = explainItem(model.value, catalog, profile, item).text;
    }
    const cast: string[] = [];
    for (let c = catalog.castOffsets[item]; c < catalog.castOffsets[item + 1]; c++) cast.push(catalog.people[catalog.castIds[c]]);
    const keywords: string[] = [];
    for (let c = catalog.keywordOffsets[item]; c < catalog.keywordOffsets[item + 1]; c++) keywords.push(catalog.keywordNames[catalog.keywordIds[c]]);
    return {
      ...this.card(item),
      director: catalog.director[item] >= 0 ? catalog.people[catalog.director[item]] : null,
      cast,
      keywords,
      weightedScore: round2(this.weighted[item]),
      similar: similar.items.map(({ item: j }) => this.card(j)),
      similarMethod: similar.method,
      reason,
      predicted,
    };
  }

  private userIndexOf(rawId: number): number | undefined {
    if (!this.userIndex) {
      this.userIndex = new Map();
      this.dataset.userRawIds.forEach((raw, inner) => this.userIndex!.set(raw, inner));
    }
    return this.userIndex.get(rawId);
  }

  /** Items rated by an inner user, from a CSR built on first use. */
  private ratedBy(user: number): ItemIndexArray {
    if (!this.userRated) {
      const { users, items, length } = this.dataset.ratings;
      const nUsers = this.dataset.userRawIds.length;
      const offsets = new Int32Array(nUsers + 1);
      for (let j = 0; j < length; j++) offsets[users[j] + 1]++;
      for (let u = 0; u < nUsers; u++) offsets[u + 1] += offsets[u];
      const fill = offsets.slice(0, nUsers);
      // Same element type as the dataset's item column (Uint16 for catalogues up to 65,536).
      const byUser = new (items.constructor as new (n: number) => ItemIndexArray)(length);
      for (let j = 0; j < length; j++) byUser[fill[users[j]]++] = items[j];
      this.userRated = { offsets, items: byUser };
    }
    return this.userRated.items.subarray(this.userRated.offsets[user], this.userRated.offsets[user + 1]);
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
