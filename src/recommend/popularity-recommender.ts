// The non-personalised baseline through the same contract: every profile gets one
// fixed score per item (the weighted score "popular and well rated" in the app,
// training-rating counts for most-popular in the evaluation). No rating prediction,
// no per-rating explanation; similar items by content.
import type { Profile, ProfileRating, Recommender, RecommenderContext, SimilarItems } from './recommender';
import { similarItems } from './similar-items';

export interface PopularityModel {
  /** One score per item, higher first (NaN = never listed). */
  scores: Float32Array;
}

export class PopularityRecommender implements Recommender<Profile> {
  readonly kind = 'popularity';
  readonly personalised = false;

  constructor(
    readonly model: PopularityModel,
    private readonly context: RecommenderContext,
  ) {}

  private profile(ratings: readonly ProfileRating[]): Profile {
    return { ratings: ratings.filter((r) => r.item >= 0 && r.item < this.context.catalog.size) };
  }

  foldIn(ratings: readonly ProfileRating[]): Profile {
    return this.profile(ratings);
  }

  userProfile(_user: number, ratings: readonly ProfileRating[]): Profile {
    return this.profile(ratings);
  }

  score(_profile: Profile, out: Float32Array): Float32Array {
    const scores = this.model.scores;
    out.set(scores.subarray(0, Math.min(scores.length, out.length)));
    out.fill(Number.NaN, scores.length);
    return out;
  }

  predict(): null {
    return null;
  }

  explain(): [] {
    return [];
  }

  similar(item: number, n: number): SimilarItems {
    const found = similarItems(this.context.catalog, undefined, undefined, this.context.ratingCounts, item, { n, minRatings: Infinity });
    return { method: found.method, items: found.items };
  }

  /** Added films rank below every known one (there is no evidence of their popularity yet) but stay listable. */
  extendForNewItems(context: RecommenderContext, added: ArrayLike<number>): PopularityRecommender {
    const old = this.model.scores;
    const scores = new Float32Array(context.catalog.size).fill(Number.NaN);
    scores.set(old.subarray(0, Math.min(old.length, scores.length)));
    let lowest = Infinity;
    for (const s of old) if (s < lowest) lowest = s;
    for (let j = 0; j < added.length; j++) scores[added[j]] = Number.isFinite(lowest) ? lowest : 0;
    return new PopularityRecommender({ scores }, context);
  }
}

/** The registry's factory (recommenders.ts). */
export function popularityRecommender(model: PopularityModel, context: RecommenderContext): PopularityRecommender {
  return new PopularityRecommender(model, context);
}
