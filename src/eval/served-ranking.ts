// Full-ranking metrics of the served pipeline: each user's list is what the app would
// show them (rank() over a Recommender, every unrated movie a candidate), from their
// trained profile, or folded in from their training ratings as a visitor would be.
import { ratingStep, type RatingsCoo } from '../dataset/dataset';
import { rank, type RankCatalogue } from '../recommend/rank';
import type { Profile, ProfileRating, Recommender } from '../recommend/recommender';
import { OPEN_FILTER } from '../shared/recommend-filter';
import { rankingMetricsOf, type RankingMetrics, type RankingOptions } from './ranking';

export interface ServedRankingOptions extends RankingOptions {
  /** 'user': the recommender's profile of a training user; 'fold-in': the user's training ratings folded in as a visitor's. Default 'user'. */
  profile?: 'user' | 'fold-in';
}

/** Each user's training ratings as profile ratings. */
export function ratingsByUser(train: RatingsCoo): Map<number, ProfileRating[]> {
  const out = new Map<number, ProfileRating[]>();
  const step = ratingStep(train.ratings);
  for (let j = 0; j < train.length; j++) {
    const u = train.users[j]!;
    let list = out.get(u);
    if (!list) out.set(u, (list = []));
    list.push({ item: train.items[j]!, rating: train.ratings[j]! * step });
  }
  return out;
}

export function servedRankingMetrics<P extends Profile>(
  recommender: Recommender<P>,
  train: RatingsCoo,
  test: RatingsCoo,
  catalogue: RankCatalogue,
  options: ServedRankingOptions = {},
): RankingMetrics {
  const byUser = ratingsByUser(train);
  const scratch = new Float32Array(catalogue.catalog.size);
  const fold = options.profile === 'fold-in';
  return rankingMetricsOf(
    (u, _seen, k) => {
      const ratings = byUser.get(u) ?? [];
      const profile = fold ? recommender.foldIn(ratings) : recommender.userProfile(u, ratings);
      return rank(recommender, profile, catalogue, OPEN_FILTER, k, scratch).map((r) => r.item);
    },
    train,
    test,
    catalogue.catalog.size,
    options,
  );
}
