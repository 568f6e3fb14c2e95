// Title search over the whole catalogue with MiniSearch: prefix and fuzzy
// matching (typos), diacritics folded ("Amelie" finds "Amélie"), better-known
// films first among equal matches.
import MiniSearch from 'minisearch';
import type { Catalog } from '../dataset/dataset';

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export class TitleSearch {
  private readonly index: MiniSearch<{ id: number; title: string }>;

  constructor(
    catalog: Catalog,
    private readonly popularity: ArrayLike<number>,
  ) {
    this.index = new MiniSearch({
      fields: ['title'],
      storeFields: [],
      processTerm: (term) => foldText(term),
      searchOptions: { prefix: true, fuzzy: (term) => (term.length > 3 ? 0.25 : 0), combineWith: 'AND' },
    });
    const docs = new Array<{ id: number; title: string }>(catalog.size);
    for (let i = 0; i < catalog.size; i++) docs[i] = { id: i, title: `${catalog.titles[i]} ${catalog.years[i] || ''}` };
    this.index.addAll(docs);
  }

  /** Inner item indices best first. */
  search(text: string, n: number): number[] {
    const query = text.trim();
    if (!query) return [];
    const popularity = this.popularity;
    const hits = this.index.search(query, {
      boostDocument: (id) => 1 + Math.log1p(popularity[id as number] ?? 0) / 8,
    });
    if (hits.length === 0) {
      // Words typed in the wrong order or one missing: fall back to OR.
      return this.index.search(query, { combineWith: 'OR', boostDocument: (id) => 1 + Math.log1p(popularity[id as number] ?? 0) / 8 }).slice(0, n).map((h) => h.id as number);
    }
    return hits.slice(0, n).map((h) => h.id as number);
  }
}
