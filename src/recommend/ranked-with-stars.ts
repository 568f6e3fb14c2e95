// The served recommender when the list and the stars come from two models: the ranker
// (EASE^R, built for top-N) orders the list and explains it, the rating model (the SVD)
// predicts the stars shown on each card. One profile holds both folds, so a visitor is
// folded in once per rating change for each model.
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
    return this.ranker.score(profile.ranking, out);
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
    return new RankedWithStars(this.ranker.extendForNewItems(context, added), this.stars.extendForNewItems(context, added));
  }
}
