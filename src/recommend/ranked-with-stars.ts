// The served recommender when the list and the stars come from two models: the ranker
// (EASE^R, built for top-N) orders the list and explains it, the rating model (the SVD)
// predicts the stars shown on each card. One profile holds both folds, so a visitor is
// folded in once per rating change for each model.
// Films the ranker leaves out (too few ratings, or appended since it was fitted) are still
// listed from the rating model: a new film takes the ranker's score at the quantile its
// rating-model score holds among the films both cover (a film the SVD puts in its top 5%
// ranks like the ranker's top 5%); any other film follows every film the ranker covers, in
// the rating model's order. So niche filters and new arrivals are never empty, and the
// unfiltered top of the list is the ranker's alone.
import type { Contribution, Profile, ProfileRating, Recommender, RecommenderContext, SimilarItems } from './recommender';

interface PairedProfile extends Profile {
  ranking: Profile;
  stars: Profile;
}

export class RankedWithStars implements Recommender<PairedProfile> {
  readonly personalised = true;

  constructor(
    private readonly ranker: Recommender,
    private readonly stars: Recommender,
    private readonly newItems: ReadonlySet<number> = new Set(),
  ) {}

  /** The ranker's kind: what the list's order means. */
  get kind(): string {
    return this.ranker.kind;
  }

  foldIn(ratings: readonly ProfileRating[]): PairedProfile {
    return { ratings, ranking: this.ranker.foldIn(ratings), stars: this.stars.foldIn(ratings) };
  }

  userProfile(user: number, ratings: readonly ProfileRating[]): PairedProfile {
    return { ratings, ranking: this.ranker.userProfile(user, ratings), stars: this.stars.userProfile(user, ratings) };
  }

  score(profile: PairedProfile, out: Float32Array): Float32Array {
    const ranked = this.ranker.score(profile.ranking, out);
    const uncovered: number[] = [];
    for (let i = 0; i < ranked.length; i++) if (Number.isNaN(ranked[i])) uncovered.push(i);
    if (uncovered.length === 0) return ranked;
    const rating = this.stars.score(profile.stars, new Float32Array(ranked.length));
    // Both scores of the covered films, each sorted ascending, for the quantile map.
    const both: number[] = [], byRanker: number[] = [];
    for (let i = 0; i < ranked.length; i++) {
      if (Number.isNaN(ranked[i]) || Number.isNaN(rating[i])) continue;
      both.push(rating[i]!);
      byRanker.push(ranked[i]!);
    }
    if (both.length === 0) return ranked;
    both.sort((a, b) => a - b);
    byRanker.sort((a, b) => a - b);
    const floor = byRanker[0]!;
    let low = Infinity, high = -Infinity;
    for (const i of uncovered) if (!Number.isNaN(rating[i])) { low = Math.min(low, rating[i]!); high = Math.max(high, rating[i]!); }
    const span = high > low ? high - low : 1;
    for (const i of uncovered) {
      const r = rating[i]!;
      if (Number.isNaN(r)) continue;
      if (this.newItems.has(i)) {
        ranked[i] = byRanker[Math.min(byRanker.length - 1, lowerBound(both, r))]!;
      } else {
        // Below the lowest covered film, in the rating model's order (within one unit).
        ranked[i] = floor - 1 - (high - r) / span;
      }
    }
    return ranked;
  }

  predict(profile: PairedProfile, item: number): number | null {
    return this.stars.predict(profile.stars, item);
  }

  explain(profile: PairedProfile, item: number): Contribution[] {
    return this.ranker.explain(profile.ranking, item);
  }

  /** By the rating model: its factor neighbours and content fallback cover every film, the ranker only its kept ones. */
  similar(item: number, n: number): SimilarItems {
    return this.stars.similar(item, n);
  }

  extendForNewItems(context: RecommenderContext, added: ArrayLike<number>): Recommender<PairedProfile> {
    return new RankedWithStars(this.ranker.extendForNewItems(context, added), this.stars.extendForNewItems(context, added), context.newItems);
  }
}

/** The number of values in the ascending array below x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
