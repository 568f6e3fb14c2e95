// Appending new movies to a live session: merge the catalogue, carry the trained
// model over through the recommender's extendForNewItems (content-based factors for
// the new items), and keep the visitor's ratings; the result replaces the session in
// one assignment.
import { appendCatalog } from '../dataset/append-catalog';
import type { Dataset } from '../dataset/dataset';
import { mfRecommender } from '../recommend/mf-recommender';
import type { VisitorRating } from './api';
import { Session } from './session';

export function appendToSession(base: Session, addition: Dataset, visitorRatings: VisitorRating[]): { session: Session; added: number; alreadyPresent: number } {
  const merged = appendCatalog(base.dataset, addition);
  const next = new Session(merged.dataset, base.synthetic, new Set([...base.newItems, ...merged.added]));
  const model = base.trainedModel;
  if (model) next.setModel(mfRecommender(model, base.context).extendForNewItems(next.context, merged.added).model);
  // The ranker keeps its weights: appended films are unlisted by it until the next load refits it.
  if (base.rankerModel) next.setRanker(base.rankerModel);
  next.setVisitorRatings(visitorRatings);
  return { session: next, added: merged.added.length, alreadyPresent: merged.alreadyPresent };
}
