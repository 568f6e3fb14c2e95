// Biased matrix factorisation (SvdModel) served through the Recommender contract:
// visitors folded in by Cholesky (visitor-profile.ts), the ranking score of
// rank-scores.ts, exact per-rating contributions, factor-space neighbours and
// content-based factors for films added after training.
import { clip, type SvdModel } from '../model/svd-model';
import { extendWithContentFactors } from './cold-start';
import { DEFAULT_RANK_SCORE, genreTaste, rankScores, shrinkFactor, tasteShares, type GenreTaste, type RankScoreOptions } from './rank-scores';
import type { Contribution, Profile, ProfileRating, Recommender, RecommenderContext, SimilarItems } from './recommender';
import { scoreItem, scoreItems } from './score-items';
import { normalizedFactors, similarItems } from './similar-items';
import { itemVector, solveVisitor, solveWithCholesky, type VisitorProfile } from './visitor-profile';

/** Every option of the MF recommender, with its default in DEFAULT_MF_OPTIONS. */
export interface MfOptions extends RankScoreOptions {
  /** λ of the visitor's fold-in; null = the model's regAll (the objective it was trained with). */
  foldInReg: number | null;
  /**
   * How much more a visitor's bias is regularised than their factors. Measured on
   * ml-latest-small and the demo (10 films of one genre rated 5 stars): at 1 every
   * prediction is clipped at 5 stars; at 5 the bias halves, predictions spread
   * (4.6–4.9) and the list still follows the genre. Default 5.
   */
  visitorBiasRegScale: number;
  /** Items with fewer ratings get content neighbours in `similar` (their vectors are noise). Default 10. */
  minRatingsForFactors: number;
  /**
   * The support a new item's content-derived factors count as in the shrinkage: the mean
   * of 20 neighbours is worth about a few ratings, so a new film can be recommended at
   * once without outranking well-known ones on a guess. Default 10.
   */
  newItemSupport: number;
}

export const DEFAULT_MF_OPTIONS: Readonly<MfOptions> = Object.freeze({
  ...DEFAULT_RANK_SCORE,
  foldInReg: null,
  visitorBiasRegScale: 5,
  minRatingsForFactors: 10,
  newItemSupport: 10,
});

export interface MfProfile extends Profile {
  bias: number;
  factors: Float32Array;
  /** The fold-in solve (Cholesky factor) of a visitor; absent for a trained user's row, which does not decompose. */
  fold?: VisitorProfile;
  /** Taste per genre, when the taste term is on and there are ratings. */
  taste?: GenreTaste;
}

export class MfRecommender implements Recommender<MfProfile> {
  readonly kind = 'mf';
  readonly personalised = true;
  readonly options: Readonly<MfOptions>;
  /** Rating counts for the shrinkage, new items counted as newItemSupport. */
  private readonly support: Int32Array;
  private unit?: Float32Array;

  constructor(
    readonly model: SvdModel,
    private readonly context: RecommenderContext,
    options: Partial<MfOptions> = {},
  ) {
    this.options = { ...DEFAULT_MF_OPTIONS, ...options };
    this.support = context.ratingCounts.slice();
    for (const item of context.newItems) this.support[item] = Math.max(this.support[item], this.options.newItemSupport);
  }

  private known(ratings: readonly ProfileRating[]): ProfileRating[] {
    return ratings.filter((r) => r.item >= 0 && r.item < this.model.nItems && Number.isFinite(r.rating));
  }

  private tasteOf(ratings: readonly ProfileRating[]): GenreTaste | undefined {
    return this.options.tasteWeight !== 0 && ratings.length ? genreTaste(this.context.catalog, ratings, this.model.globalMean) : undefined;
  }

  foldIn(ratings: readonly ProfileRating[]): MfProfile {
    const reg = this.options.foldInReg ?? this.model.params.regAll;
    const fold = solveVisitor(this.model, ratings, reg, this.options.visitorBiasRegScale);
    return { ratings: fold.ratings, bias: fold.bias, factors: fold.factors, fold, taste: this.tasteOf(fold.ratings) };
  }

  userProfile(user: number, ratings: readonly ProfileRating[]): MfProfile {
    const m = this.model;
    const known = user >= 0 && user < m.nUsers;
    const factors = known ? m.userFactors.slice(user * m.k, (user + 1) * m.k) : new Float32Array(m.k);
    const rated = this.known(ratings);
    return { ratings: rated, bias: known ? m.userBias[user] : 0, factors, taste: this.tasteOf(rated) };
  }

  score(profile: MfProfile, out: Float32Array): Float32Array {
    const estimates = scoreItems(this.model, profile.bias, profile.factors, out);
    // Items beyond the model (a catalogue grown without extendForNewItems) are never listed.
    out.fill(Number.NaN, this.model.nItems);
    return rankScores(estimates, this.model.globalMean + profile.bias, this.support, this.context.catalog, profile.taste, this.options);
  }

  predict(profile: MfProfile, item: number): number | null {
    if (item < 0 || item >= this.model.nItems) return null;
    return clip(scoreItem(this.model, profile.bias, profile.factors, item), this.model.scale);
  }

  /**
   * Exact shares of the item's ranking score. The fold-in is linear in the ratings:
   * p·q_i = Σ_j y_j (A⁻¹ [0, q_i])·z_j with y_j = r_j − μ − b_j, so rating j adds
   * shrink_i · y_j (A⁻¹ [0, q_i])·z_j through the factors, plus its share of the taste
   * term. The visitor's bias b is left out: it lifts every item equally, so it raises
   * no item above another.
   */
  explain(profile: MfProfile, item: number): Contribution[] {
    const fold = profile.fold;
    if (!fold || fold.ratings.length === 0 || item < 0 || item >= this.model.nItems) return [];
    const m = this.model;
    const d = fold.dim;
    const zi = itemVector(m, item, new Float64Array(d));
    if (m.params.biased) zi[0] = 0;
    const shrink = shrinkFactor(this.support[item], this.options);
    for (let f = 0; f < d; f++) zi[f] *= shrink;
    const w = solveWithCholesky(fold.cholesky, zi, d);
    const taste = profile.taste ? tasteShares(this.context.catalog, fold.ratings, profile.taste, item, this.options) : undefined;
    const zj = new Float64Array(d);
    return fold.ratings.map(({ item: j, rating }, at) => {
      itemVector(m, j, zj);
      let dot = 0;
      for (let f = 0; f < d; f++) dot += w[f] * zj[f];
      const y = rating - m.globalMean - (m.params.biased ? m.itemBias[j] : 0);
      return { item: j, rating, contribution: y * dot + (taste ? taste[at] : 0) };
    });
  }

  similar(item: number, n: number): SimilarItems {
    if (this.model.k > 0) this.unit ??= normalizedFactors(this.model);
    const found = similarItems(this.context.catalog, this.model, this.unit, this.context.ratingCounts, item, { n, minRatings: this.options.minRatingsForFactors });
    return { method: found.method, items: found.items };
  }

  extendForNewItems(context: RecommenderContext, added: ArrayLike<number>): MfRecommender {
    return new MfRecommender(extendWithContentFactors(this.model, context.catalog, context.ratingCounts, added), context, this.options);
  }
}

/** The registry's factory (recommenders.ts). */
export function mfRecommender(model: SvdModel, context: RecommenderContext, options?: Partial<MfOptions>): MfRecommender {
  return new MfRecommender(model, context, options);
}
