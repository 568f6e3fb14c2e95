// The one contract every kind of model is served through (as Surprise's AlgoBase
// is for fitting): fold a profile in, score every item in the order the list is
// ranked by, predict stars, explain a score by the ratings behind it, find similar
// items, and take in films added after training. The app, evaluation and the
// benchmarks see only this; the ranking pipeline is rank.ts.
import type { Catalog } from '../dataset/dataset';

/** One rating of a profile: an inner item index and its value on the dataset's rating scale. */
export interface ProfileRating {
  item: number;
  rating: number;
}

/**
 * A folded-in profile. Opaque to callers beyond the ratings it was built from
 * (items outside the model dropped), which the pipeline excludes from the list and
 * the explanations read the visitor's mean from.
 */
export interface Profile {
  readonly ratings: readonly ProfileRating[];
}

/** A rated item's share of another item's ranking score, in the recommender's own score units. */
export interface Contribution {
  /** The rated item (inner index). */
  item: number;
  /** Its rating in the profile, on the dataset's scale. */
  rating: number;
  /** Its exact additive share of the item's ranking score (positive: it raised the score). */
  contribution: number;
}

/** 'factors': by what the model learned from ratings ("liked by the same people"); 'content': genres, people, keywords. */
export type SimilarMethod = 'factors' | 'content';

export interface SimilarItems {
  method: SimilarMethod;
  /** Best first, the item itself excluded. */
  items: { item: number; score: number }[];
}

/** What a recommender knows of the catalogue besides its model: content (similarity, cold start) and support. */
export interface RecommenderContext {
  catalog: Catalog;
  /** Ratings per item in the training data (catalog.size entries). */
  ratingCounts: Int32Array;
  /** Items added after the model was trained (their scores come from content until a retrain). */
  newItems: ReadonlySet<number>;
}

/**
 * A served model. P is the folded profile type of the implementation; callers hold
 * it opaquely. Every method is synchronous and DOM-free; `score` writes into `out`
 * (catalog.size entries) so a session reuses one buffer.
 */
export interface Recommender<P extends Profile = Profile> {
  /** The registry kind it was built by (recommenders.ts). */
  readonly kind: string;
  /** False for non-personalised recommenders (popularity): their list ignores the profile. */
  readonly personalised: boolean;
  /** A visitor's profile from their ratings (inner items, dataset scale); items unknown to the model are dropped. */
  foldIn(ratings: readonly ProfileRating[]): P;
  /** The profile of a user of the training data (inner index), given that user's ratings. */
  userProfile(user: number, ratings: readonly ProfileRating[]): P;
  /** The ranking score of every item: what the list is ordered by (higher first; NaN = never listed). */
  score(profile: P, out: Float32Array): Float32Array;
  /** The predicted rating on the dataset's scale, or null when this recommender does not predict ratings. */
  predict(profile: P, item: number): number | null;
  /**
   * Every profile rating's additive share of `item`'s ranking score, in the same units as
   * `score` (the sum need not be the whole score: biases and popularity are not the
   * visitor's doing). Empty when the score does not decompose by the profile's ratings.
   */
  explain(profile: P, item: number): Contribution[];
  /** The n items most similar to `item`. */
  similar(item: number, n: number): SimilarItems;
  /** The same recommender over a grown catalogue, `added` items scored from their content. */
  extendForNewItems(context: RecommenderContext, added: ArrayLike<number>): Recommender<P>;
}
