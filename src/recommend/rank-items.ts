// Top-N selection under the visitor's filters: genres (any of / all of), year
// range, minimum vote count, rated items excluded or not, adult titles excluded.
// A bounded heap keeps it O(n log N); ties go to the lower item index, so the
// same scores always give the same list.
import type { Catalog } from '../dataset/dataset';

export interface RankFilter {
  /** Genre bit mask (bit g = catalog.genreNames[g]); 0 = any genre. */
  genres: number;
  genreMode: 'any' | 'all';
  yearMin?: number;
  yearMax?: number;
  minVotes: number;
  includeRated: boolean;
  includeAdult: boolean;
}

export const DEFAULT_FILTER: Readonly<RankFilter> = Object.freeze({
  genres: 0,
  genreMode: 'any',
  minVotes: 0,
  includeRated: false,
  includeAdult: false,
});

export interface RankedItem {
  item: number;
  score: number;
}

/** Whether an item passes the filter (the rated-items rule is applied by rankItems). */
export function passesFilter(catalog: Catalog, item: number, filter: RankFilter, votes: ArrayLike<number> = catalog.voteCount): boolean {
  if (!filter.includeAdult && catalog.adult[item]) return false;
  if (filter.genres) {
    const bits = catalog.genreBits[item] & filter.genres;
    if (filter.genreMode === 'all' ? bits !== filter.genres : bits === 0) return false;
  }
  const year = catalog.years[item];
  if (filter.yearMin !== undefined && !(year >= filter.yearMin)) return false;
  if (filter.yearMax !== undefined && !(year > 0 && year <= filter.yearMax)) return false;
  if (filter.minVotes > 0 && !(votes[item] >= filter.minVotes)) return false;
  return true;
}

/**
 * The n best items by score that pass the filter, best first. `votes` is the
 * popularity count the minimum-votes filter uses (TMDB vote count by default;
 * the engine passes rating counts for MovieLens-only catalogues).
 */
export function rankItems(
  catalog: Catalog,
  scores: Float32Array,
  n: number,
  filter: RankFilter,
  rated: ReadonlySet<number> = new Set(),
  votes: ArrayLike<number> = catalog.voteCount,
): RankedItem[] {
  const heap = new MinHeap(n);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!heap.admits(s, i)) continue;
    if (!filter.includeRated && rated.has(i)) continue;
    if (!passesFilter(catalog, i, filter, votes)) continue;
    heap.push(s, i);
  }
  return heap.sortedDescending();
}

/** A fixed-capacity min-heap on (score, then higher index is "smaller"), so ties prefer low indices. */
class MinHeap {
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(Math.max(0, capacity));
    this.items = new Int32Array(Math.max(0, capacity));
  }

  /** a ranks below b: lower score, or equal score and higher index. */
  private below(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  admits(score: number, item: number): boolean {
    if (this.capacity <= 0 || Number.isNaN(score)) return false;
    return this.size < this.capacity || this.below(this.scores[0], this.items[0], score, item);
  }

  push(score: number, item: number): void {
    if (this.size < this.capacity) {
      let c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!this.below(score, item, this.scores[p], this.items[p])) break;
        this.scores[c] = this.scores[p];
        this.items[c] = this.items[p];
        c = p;
      }
      this.scores[c] = score;
      this.items[c] = item;
      return;
    }
    // Replace the root (the weakest kept) and sift down.
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const m = r < this.size && this.below(this.scores[r], this.items[r], this.scores[l], this.items[l]) ? r : l;
      if (!this.below(this.scores[m], this.items[m], score, item)) break;
      this.scores[c] = this.scores[m];
      this.items[c] = this.items[m];
      c = m;
    }
    this.scores[c] = score;
    this.items[c] = item;
  }

  sortedDescending(): RankedItem[] {
    const out: RankedItem[] = [];
    for (let j = 0; j < this.size; j++) out.push({ item: this.items[j], score: this.scores[j] });
    return out.sort((a, b) => b.score - a.score || a.item - b.item);
  }
}
