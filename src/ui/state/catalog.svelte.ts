// The whole catalogue as a virtualised list: rows are fetched from the worker a
// page at a time as they scroll into view, so 45,000 movies never cross at once.
import type { CatalogQuery, MovieCard } from '../../engine/api';
import { errorMessage } from '../lib/format';
import { engine } from './engine.svelte';

const PAGE = 200;

class CatalogStore {
  sort = $state<CatalogQuery['sort']>('score');
  total = $state(0);
  /** Pages by index; replaced wholesale so the list re-renders when one arrives. */
  pages = $state.raw<ReadonlyMap<number, readonly MovieCard[]>>(new Map());
  error = $state<string | undefined>(undefined);
  private pending = new Set<number>();
  private generation = 0;

  /** Starts over (a new dataset or sort order). */
  reset(sort: CatalogQuery['sort'] = this.sort): void {
    this.sort = sort;
    this.generation++;
    this.pending.clear();
    this.pages = new Map();
    this.error = undefined;
    void this.fetchPage(0);
  }

  row(index: number): MovieCard | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  /** Makes sure rows [first, last) are loaded or on their way. */
  ensure(first: number, last: number): void {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) void this.fetchPage(p);
  }

  private async fetchPage(page: number): Promise<void> {
    if (this.pages.has(page) || this.pending.has(page)) return;
    const generation = this.generation;
    this.pending.add(page);
    try {
      const result = await engine.api.catalog({ sort: this.sort, start: page * PAGE, count: PAGE });
      if (generation !== this.generation) return;
      this.total = result.total;
      this.pages = new Map(this.pages).set(page, result.rows);
    } catch (error) {
      if (generation === this.generation) this.error = `The catalogue could not be listed: ${errorMessage(error)}.`;
    } finally {
      if (generation === this.generation) this.pending.delete(page);
    }
  }
}

export const catalog = new CatalogStore();
