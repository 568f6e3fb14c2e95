// A movie's page: its card, credits, similar movies from the served recommender, and
// the visitor's predicted rating and reason from the same recommender.
import { explainRecommendation } from '../recommend/explain';
import type { MovieDetails } from './api';
import type { Session } from './session';

export function movieDetails(session: Session, item: number): MovieDetails {
  const catalog = session.dataset.catalog;
  const recommender = session.recommender;
  const similar = recommender.similar(item, 8);
  const profile = session.visitorProfile;
  const predicted = profile ? recommender.predict(profile, item) : null;
  const reason = profile && recommender.personalised ? explainRecommendation(recommender, catalog, profile, item).text : null;
  const cast: string[] = [];
  for (let c = catalog.castOffsets[item]; c < catalog.castOffsets[item + 1]; c++) cast.push(catalog.people[catalog.castIds[c]]);
  const keywords: string[] = [];
  for (let c = catalog.keywordOffsets[item]; c < catalog.keywordOffsets[item + 1]; c++) keywords.push(catalog.keywordNames[catalog.keywordIds[c]]);
  return {
    ...session.card(item),
    director: catalog.director[item] >= 0 ? catalog.people[catalog.director[item]] : null,
    cast,
    keywords,
    weightedScore: round2(session.weighted[item]),
    similar: similar.items.map(({ item: j }) => session.card(j)),
    similarMethod: similar.method,
    reason,
    predicted: predicted === null ? null : round2(predicted),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
