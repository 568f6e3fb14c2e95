// The one place the CLI asks the engine for a dataset user's top-N: today the Session's
// recommend path (the same call the worker answers for "a user of the dataset"), plus the
// ranking score that ordered the list. When ranking moves behind the Recommender contract
// this function is re-pointed to that pipeline and nothing else in the CLI changes.

import type { Session } from '../engine/session';
import { rankScores } from '../recommend/rank-scores';
import { scoreKnownUser } from '../recommend/score-items';

export interface UserQuery {
  /** The user's raw id, as in the ratings file. */
  userId: number;
  n: number;
  /** Genre names exactly as the catalogue spells them; empty = any genre. */
  genres: string[];
  genreMode: 'any' | 'all';
}

export interface UserRecommendation {
  key: string;
  title: string;
  year: number;
  genres: string[];
  /** Predicted rating on the dataset's scale; null when no model is trained. */
  predicted: number | null;
  /** The number the list is ordered by (the predicted rating before clipping, shrunk by the film's support). */
  score: number | null;
  reason: string;
}

export interface UserRecommendations {
  userFound: boolean;
  personalised: boolean;
  items: UserRecommendation[];
}

export function recommendForUser(session: Session, query: UserQuery): UserRecommendations {
  const list = session.recommend({
    user: { kind: 'dataset', userId: query.userId },
    n: query.n,
    filter: { genres: query.genres, genreMode: query.genreMode, minVotes: 0, includeRated: false },
  });
  const model = session.trainedModel;
  const user = session.dataset.userRawIds.indexOf(query.userId);
  // The Session ranks a dataset user by rankScores over scoreKnownUser with rating counts as
  // support (a CLI session has no appended films) and keeps the score to itself: recomputed here.
  const ranking = model && user >= 0 && list.personalised
    ? rankScores(model, model.userBias[user] ?? 0, scoreKnownUser(model, user), session.ratingCounts, session.dataset.catalog, undefined)
    : undefined;
  return {
    userFound: list.userFound,
    personalised: list.personalised,
    items: list.items.map((r) => ({
      key: r.key,
      title: r.title,
      year: r.year,
      genres: r.genres,
      predicted: r.predicted,
      score: ranking ? Math.round(ranking[r.item]! * 1000) / 1000 : null,
      reason: r.reason,
    })),
  };
}
