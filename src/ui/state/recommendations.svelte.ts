// Recommendation lists: the visitor's (personalised once they have ratings and a model,
// else "popular and well rated") and a dataset user's (the original query: user id +
// filters, also a link). Responses that arrive after a newer request are dropped.
import type { RecommendationList, RecommendFilter } from '../../engine/api';
import { errorMessage } from '../lib/format';
import type { FilterQuery } from '../lib/route';
import { engine } from './engine.svelte';

/**
 * What crosses to the worker must be structured-cloneable: a Svelte `$state` array is a
 * Proxy, which postMessage refuses ("could not be cloned"), so the query is snapshotted first.
 */
function toFilter(query: FilterQuery): RecommendFilter {
  const q = $state.snapshot(query);
  return { genres: q.genres, genreMode: q.genreMode, yearMin: q.yearMin, yearMax: q.yearMax, minVotes: q.minVotes, includeRated: false };
}

class RecommendationsStore {
  list = $state.raw<RecommendationList | undefined>(undefined);
  loading = $state(false);
  /** Counts the lists received, so a test (or a live region) can tell a fresh list from the same one. */
  received = $state(0);
  error = $state<string | undefined>(undefined);
  userList = $state.raw<(RecommendationList & { userId: number }) | undefined>(undefined);
  userLoading = $state(false);
  userError = $state<string | undefined>(undefined);
  private ticket = 0;
  private userTicket = 0;

  async refresh(query: FilterQuery): Promise<void> {
    const ticket = ++this.ticket;
    this.loading = true;
    try {
      const list = await engine.api.recommend({ user: { kind: 'visitor' }, n: query.n, filter: toFilter(query) });
      if (ticket !== this.ticket) return;
      this.list = list;
      this.received++;
      this.error = undefined;
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.error = `Recommendations could not be computed: ${errorMessage(error)}. Load a dataset on the Data page, then come back.`;
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  async forDatasetUser(userId: number, query: FilterQuery): Promise<void> {
    const ticket = ++this.userTicket;
    this.userLoading = true;
    this.userError = undefined;
    try {
      const list = await engine.api.recommend({ user: { kind: 'dataset', userId }, n: query.n, filter: toFilter(query) });
      if (ticket !== this.userTicket) return;
      this.userList = { ...list, userId };
      this.received++;
      if (!list.userFound) this.userError = `There is no user ${userId} in this dataset; user ids are the ones in its ratings file.`;
    } catch (error) {
      if (ticket === this.userTicket) this.userError = `Could not recommend for user ${userId}: ${errorMessage(error)}.`;
    } finally {
      if (ticket === this.userTicket) this.userLoading = false;
    }
  }
}

export const recommendations = new RecommendationsStore();
