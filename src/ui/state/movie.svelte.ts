// The movie being looked at: its details, similar movies and why it is recommended.
import type { MovieDetails } from '../../engine/api';
import { errorMessage } from '../lib/format';
import { engine } from './engine.svelte';

class MovieStore {
  details = $state.raw<MovieDetails | null | undefined>(undefined);
  key = $state('');
  loading = $state(false);
  error = $state<string | undefined>(undefined);
  private ticket = 0;

  async open(key: string): Promise<void> {
    const ticket = ++this.ticket;
    if (key !== this.key) this.details = undefined;
    this.key = key;
    this.loading = true;
    this.error = undefined;
    try {
      const details = await engine.api.movie(key);
      if (ticket === this.ticket) this.details = details;
    } catch (error) {
      if (ticket === this.ticket) this.error = `This movie could not be shown: ${errorMessage(error)}.`;
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }
}

export const movie = new MovieStore();
