// The truthfulness of explanations as a number: over a list's cards, the share of
// cited ratings that raised the card's ranking score (a positive contribution from
// the ordering recommender's own `explain`) and are not below the visitor's mean.
// The rank-served benchmark reports it as reasons_truthful; it must be 1.
import { citedItems, explainRecommendation, meanRating } from './explain';
import type { Catalog } from '../dataset/dataset';
import type { Profile, Recommender } from './recommender';

export interface ReasonsTruthfulness {
  /** Cited ratings over all cards. */
  cited: number;
  /** Cited ratings with a positive contribution and a rating ≥ the visitor's mean. */
  truthful: number;
  /** truthful / cited; 1 when nothing was cited (no false claim was made). */
  share: number;
}

/** Checks every card's reason against contributions recomputed from the recommender. */
export function reasonsTruthful<P extends Profile>(recommender: Recommender<P>, catalog: Catalog, profile: P, items: readonly number[]): ReasonsTruthfulness {
  const mean = meanRating(profile);
  let cited = 0;
  let truthful = 0;
  for (const item of items) {
    const shares = new Map(recommender.explain(profile, item).map((c) => [c.item, c]));
    for (const j of citedItems(explainRecommendation(recommender, catalog, profile, item))) {
      cited++;
      const c = shares.get(j);
      if (c && c.contribution > 0 && c.rating >= mean) truthful++;
    }
  }
  return { cited, truthful, share: cited ? truthful / cited : 1 };
}

/** Sums of several visitors' counts, as the benchmark aggregates them. */
export function combineTruthfulness(parts: readonly ReasonsTruthfulness[]): ReasonsTruthfulness {
  const cited = parts.reduce((s, p) => s + p.cited, 0);
  const truthful = parts.reduce((s, p) => s + p.truthful, 0);
  return { cited, truthful, share: cited ? truthful / cited : 1 };
}
