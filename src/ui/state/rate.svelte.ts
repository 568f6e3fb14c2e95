// The Rate page's state: instant title search (debounced, stale answers dropped)
// and the first-visit onboarding picks.
import type { MovieCard } from '../../engine/api';
import { errorMessage } from '../lib/format';
import { engine } from './engine.svelte';
import { readSetting, removeSetting, writeSetting } from '../lib/safe-storage';

const DEBOUNCE_MS = 60;
const ONBOARDED_KEY = 'streamrec:onboarded';

class RateStore {
  text = $state('');
  results = $state.raw<MovieCard[]>([]);
  searching = $state(false);
  searchError = $state<string | undefined>(undefined);
  /** The text the current results answer. */
  answered = $state('');
  onboarding = $state.raw<MovieCard[]>([]);
  /** Movies the visitor said they have not seen, hidden from onboarding. */
  unseen = $state.raw<Set<string>>(new Set());
  onboardingDone = $state(readSetting(ONBOARDED_KEY) === '1');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticket = 0;

  type(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    if (!text.trim()) {
      this.ticket++;
      this.results = [];
      this.answered = '';
      this.searching = false;
      return;
    }
    this.searching = true;
    this.timer = setTimeout(() => void this.search(text), DEBOUNCE_MS);
  }

  private async search(text: string): Promise<void> {
    const ticket = ++this.ticket;
    try {
      const results = await engine.api.search(text, 20);
      if (ticket !== this.ticket) return;
      this.results = results;
      this.answered = text;
      this.searchError = undefined;
    } catch (error) {
      if (ticket === this.ticket) this.searchError = `Search failed: ${errorMessage(error)}. Wait for the dataset to load, then try again.`;
    } finally {
      if (ticket === this.ticket) this.searching = false;
    }
  }

  async loadOnboarding(): Promise<void> {
    try {
      this.onboarding = await engine.api.onboarding(24);
    } catch {
      this.onboarding = [];
    }
  }

  notSeen(key: string): void {
    this.unseen = new Set([...this.unseen, key]);
  }

  finishOnboarding(): void {
    this.onboardingDone = true;
    writeSetting(ONBOARDED_KEY, '1');
  }

  restartOnboarding(): void {
    this.onboardingDone = false;
    this.unseen = new Set();
    removeSetting(ONBOARDED_KEY);
  }
}

export const rate = new RateStore();
