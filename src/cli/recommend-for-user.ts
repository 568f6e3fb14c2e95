// The one place the CLI asks the engine for a dataset user's top-N: the Session's recommend
// verb, the same call the worker answers for "a user of the dataset" (the served recommender
// through the one rank() pipeline), with the score each film was ordered by.

import type { Session } from '../engine/session';

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
  /** The number the list is ordered by (the served recommender's ranking score). */
  score: number;
  reason: string;
}

export interface UserRecommendations {
  userFound: boolean;
  personalised: boolean;
  /** What `score` means, in words. */
  orderedBy: string;
  items: UserRecommendation[];
}

export function recommendForUser(session: Session, query: UserQuery): UserRecommendations {
  const list = session.recommend({
    user: { kind: 'dataset', userId: query.userId },
    n: query.n,
    filter: { genres: query.genres, genreMode: query.genreMode, minVotes: 0, includeRated: false },
  });
  return {
    userFound: list.userFound,
    personalised: list.personalised,
    orderedBy: list.orderedBy,
    items: list.items.map((r) => ({
      key: r.key,
      title: r.title,
      year: r.year,
      genres: r.genres,
      predicted: r.predicted,
      score: r.score,
      reason: r.reason,
    })),
  };
}
