// The visitor's ratings. Every change is written to IndexedDB first, then sent
// to the engine, then `version` moves so the views re-ask for recommendations.
// Changes run one at a time, in order, so a fast sequence of clicks cannot
// reach the engine out of order.
import type { MovieCard, VisitorRating } from '../../engine/api';
import { deleteVisitorRating, loadVisitorRatings, putVisitorRating, replaceVisitorRatings } from '../../store/visitor-store';
import { errorMessage, storageErrorMessage } from '../lib/format';
import { engine } from './engine.svelte';

class VisitorStore {
  ratings = $state.raw<VisitorRating[]>([]);
  /** Bumped after the engine has the new ratings. */
  version = $state(0);
  loaded = $state(false);
  error = $state<string | undefined>(undefined);
  /** Engine's match count: how many of the ratings are movies of the dataset counted against. */
  matched = $state(0);
  /** The dataset load (dataset.version) `matched` was counted against; -1 before the first. */
  matchedFor = $state(-1);
  /** True when IndexedDB could not be opened: ratings are kept in memory only. */
  memoryOnly = $state(false);
  private queue: Promise<unknown> = Promise.resolve();
  readonly byKey = $derived(new Map(this.ratings.map((r) => [r.key, r])));

  /** Reads the stored ratings and hands them to the engine (before the first recommend). */
  async load(): Promise<void> {
    try {
      this.ratings = await loadVisitorRatings();
    } catch (error) {
      // Storage blocked (a third-party frame, a browser setting): the app still runs, and
      // ratings live in memory for this visit rather than failing every click.
      this.memoryOnly = true;
      this.error = `This browser does not let StreamRec store data here (${errorMessage(error)}): your ratings are kept for this visit only. Export them on the Rate page to keep them.`;
    }
    // No wait for the TensorFlow.js backend: ratings, loading and recommending do not
    // need it (only training does), so a returning visitor's list appears sooner.
    await this.sendToEngine();
    this.loaded = true;
  }

  ratingOf(key: string): number | null {
    return this.byKey.get(key)?.rating ?? null;
  }

  rate(movie: Pick<MovieCard, 'key' | 'title' | 'year'>, rating: number | null): Promise<void> {
    return this.enqueue(async () => {
      if (rating === null) {
        if (!this.memoryOnly) await deleteVisitorRating(movie.key);
        this.ratings = this.ratings.filter((r) => r.key !== movie.key);
      } else {
        const entry: VisitorRating = { key: movie.key, rating, title: movie.title, year: movie.year, ratedAt: Date.now() };
        if (!this.memoryOnly) await putVisitorRating(entry);
        const others = this.ratings.filter((r) => r.key !== movie.key);
        this.ratings = [...others, entry];
      }
    });
  }

  /** Merges imported ratings (imported wins per movie) in one transaction. */
  importRatings(imported: VisitorRating[]): Promise<void> {
    return this.enqueue(async () => {
      const merged = new Map(this.ratings.map((r) => [r.key, r]));
      for (const r of imported) merged.set(r.key, r);
      const all = [...merged.values()].sort((a, b) => a.ratedAt - b.ratedAt);
      if (!this.memoryOnly) await replaceVisitorRatings(all);
      this.ratings = all;
    });
  }

  /** After a dataset load: counts the ratings again against the new catalogue, in turn with changes. */
  matchDataset(datasetVersion: number): Promise<void> {
    const run = this.queue.then(async () => {
      await this.sendToEngine();
      this.matchedFor = datasetVersion;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private enqueue(change: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (!this.memoryOnly) this.error = undefined;
      try {
        await change();
      } catch (error) {
        this.error = `Your rating could not be saved. ${storageErrorMessage(error)}. Nothing was changed.`;
        throw error;
      }
      await this.sendToEngine();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sendToEngine(): Promise<void> {
    try {
      const { matched } = await engine.api.setVisitorRatings(this.ratings);
      this.matched = matched;
    } catch (error) {
      this.error = `The engine did not take your ratings (${errorMessage(error)}). They are saved; reload the page to retry.`;
    }
    this.version++;
  }
}

export const visitor = new VisitorStore();
