// EASE^R served through the Recommender contract: a profile is just its ratings (no
// fold-in solve), the list is ordered by Σ_j r_j B_ji, and each rated item's share r_j B_ji
// is exact. It ranks; it does not predict stars (predict is null, the SVD does that).
import { easeContribution, easeScores, type EaseModel } from '../model/ease';
import type { Contribution, Profile, ProfileRating, Recommender, RecommenderContext, SimilarItems } from './recommender';

export class EaseRecommender implements Recommender<Profile> {
  readonly kind = 'ease';
  readonly personalised = true;

  /** `nItems`: the catalogue size, which grows past the model's when films are appended. */
  constructor(readonly model: EaseModel, private readonly nItems = model.nItems) {}

  foldIn(ratings: readonly ProfileRating[]): Profile {
    return { ratings: ratings.filter((r) => r.item >= 0 && r.item < this.nItems && this.model.slot[r.item]! >= 0) };
  }

  userProfile(_user: number, ratings: readonly ProfileRating[]): Profile {
    return this.foldIn(ratings);
  }

  score(profile: Profile, out: Float32Array): Float32Array {
    easeScores(this.model, profile.ratings, out.subarray(0, this.model.nItems));
    // Films appended after training are outside B: never listed until a retrain.
    out.fill(Number.NaN, this.model.nItems);
    return out;
  }

  predict(): number | null {
    return null;
  }

  explain(profile: Profile, item: number): Contribution[] {
    if (item >= this.model.nItems || this.model.slot[item]! < 0) return [];
    return profile.ratings.map(({ item: rated, rating }) => ({ item: rated, rating, contribution: easeContribution(this.model, rated, rating, item) }));
  }

  /** Items whose weights with `item` are largest (B_ji + B_ij: how much each predicts the other). */
  similar(item: number, n: number): SimilarItems {
    const { items, slot, weights } = this.model;
    const size = items.length, j = item < this.model.nItems ? slot[item]! : -1;
    if (j < 0) return { method: 'factors', items: [] };
    const scored: { item: number; score: number }[] = [];
    for (let i = 0; i < size; i++) if (i !== j) scored.push({ item: items[i]!, score: weights[j * size + i]! + weights[i * size + j]! });
    scored.sort((a, b) => b.score - a.score || a.item - b.item);
    return { method: 'factors', items: scored.slice(0, n) };
  }

  extendForNewItems(context: RecommenderContext, _added?: ArrayLike<number>): Recommender<Profile> {
    return new EaseRecommender(this.model, context.catalog.size);
  }
}
