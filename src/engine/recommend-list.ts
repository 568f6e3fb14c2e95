// The recommend verb: one branch for visitors and dataset users alike. Pick the profile
// (the visitor's fold-in or a dataset user's own), rank it with the served recommender
// through the one pipeline, and write each card with the number it is ordered by, the
// predicted stars and a reason from the same recommender's contributions.
import { explainRecommendation } from '../recommend/explain';
import { rank } from '../recommend/rank';
import type { Profile, Recommender } from '../recommend/recommender';
import type { Recommendation, RecommendationList, RecommendQuery } from './api';
import type { Session } from './session';

/** What each kind's ranking score means, for "ordered by" beside the list; `who` is the visitor or a dataset user. */
function orderLabel(kind: string, who: 'visitor' | 'dataset'): string {
  const rated = who === 'visitor' ? 'the films you rated' : 'the films this user rated';
  const taste = who === 'visitor' ? 'your predicted taste' : "this user's predicted taste";
  const favourite = who === 'visitor' ? 'your favourite genres' : 'their favourite genres';
  switch (kind) {
    case 'ease':
      return `Match: how strongly ${rated} point to this one, among films people rate together`;
    case 'mf':
      return `Match: ${taste}, weighed by how many people rated the film and by ${favourite}`;
    case 'popularity':
      return 'Popular and well rated: the weighted score';
    default:
      return 'Ranking score';
  }
}

export function recommendList(session: Session, query: RecommendQuery): RecommendationList {
  const start = performance.now();
  const catalog = session.dataset.catalog;
  let recommender: Recommender = session.recommender;
  let profile: Profile | undefined;
  let ownRatingsReason = false;
  if (query.user.kind === 'dataset') {
    const user = session.users.innerOf(query.user.userId);
    if (user === undefined) return { items: [], personalised: false, userFound: false, orderedBy: '', ms: performance.now() - start };
    profile = recommender.userProfile(user, session.users.ratingsOf(user));
    ownRatingsReason = true;
  } else {
    profile = session.visitorProfile;
  }
  // Without a model or without ratings the list is the popularity recommender's, rated films still left out.
  if (!recommender.personalised || !profile || profile.ratings.length === 0) {
    recommender = session.popularity;
    profile = recommender.foldIn(query.user.kind === 'dataset' ? (profile?.ratings ?? []) : session.visitorRatings());
  }
  const personalised = recommender.personalised;
  const ranked = rank(recommender, profile, session.catalogue, query.filter, query.n, session.scratch);
  const items = ranked.map(({ item, score }): Recommendation => {
    const predicted = recommender.predict(profile, item);
    const reason = !personalised ? 'Popular and well rated' : ownRatingsReason ? 'Predicted from this user’s own ratings' : explainRecommendation(recommender, catalog, profile, item).text;
    return { ...session.card(item), score: round3(score), predicted: predicted === null ? null : round2(predicted), reason };
  });
  return { items, personalised, userFound: true, orderedBy: orderLabel(recommender.kind, query.user.kind), ms: performance.now() - start };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
