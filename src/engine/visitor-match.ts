// The visitor's ratings in the loaded dataset. Ratings outlive a dataset: each is found
// by its movie key (TMDB or MovieLens id, which every dataset that has them shares),
// else by normalised title + year (stored with every rating), so ratings given on
// ml-latest-small carry over to MovieLens 100K or The Movies Dataset where the film exists.
import type { Catalog } from '../dataset/dataset';
import type { ProfileRating } from '../recommend/recommender';
import type { MovieKey, VisitorRating } from './api';
import { foldText } from './title-search';

export interface VisitorMatch {
  /** The matched ratings as inner items (one per item: the latest rating wins). */
  rated: ProfileRating[];
  matched: number;
  unmatched: number;
}

/**
 * A title as different catalogues spell it, reduced to one form: diacritics folded,
 * lower case, a trailing "(1999)" or "(a.k.a. …)" dropped, MovieLens's "Matrix, The" read
 * as "The Matrix", a leading article dropped, punctuation and spaces removed.
 */
export function normalizedTitle(title: string): string {
  let t = foldText(title).trim();
  for (;;) {
    const stripped = t.replace(/\s*\([^()]*\)\s*$/, '');
    if (stripped === t) break;
    t = stripped;
  }
  t = t.replace(/^(.*),\s*(the|a|an|les|la|le|l'|il|el|der|die|das)$/, '$2 $1');
  t = t.replace(/^(the|a|an)\s+/, '');
  return t.replace(/[^\p{L}\p{N}]+/gu, '');
}

export class VisitorMatcher {
  private byTitle?: Map<string, number>;

  constructor(
    private readonly catalog: Catalog,
    private readonly keys: ReadonlyMap<MovieKey, number>,
  ) {}

  /** The item a rating names here, or undefined. A raw id is only trusted with the same title (raw ids are per dataset). */
  itemOf(r: Pick<VisitorRating, 'key' | 'title' | 'year'>): number | undefined {
    const byKey = this.keys.get(r.key);
    const title = normalizedTitle(r.title ?? '');
    if (byKey !== undefined && (!r.key.startsWith('raw:') || !title || normalizedTitle(this.catalog.titles[byKey]) === title)) return byKey;
    if (!title) return undefined;
    return this.titleIndex().get(`${title}|${r.year ?? 0}`);
  }

  match(ratings: readonly VisitorRating[]): VisitorMatch {
    const byItem = new Map<number, VisitorRating>();
    let matched = 0;
    for (const r of ratings) {
      const item = this.itemOf(r);
      if (item === undefined) continue;
      matched++;
      const seen = byItem.get(item);
      if (!seen || r.ratedAt >= seen.ratedAt) byItem.set(item, r);
    }
    const rated = [...byItem].map(([item, r]) => ({ item, rating: r.rating }));
    return { rated, matched, unmatched: ratings.length - matched };
  }

  private titleIndex(): Map<string, number> {
    if (!this.byTitle) {
      const index = new Map<string, number>();
      const c = this.catalog;
      // The first of two same-titled films of one year keeps the entry (lower index: the ETL's order).
      for (let i = c.size - 1; i >= 0; i--) index.set(`${normalizedTitle(c.titles[i])}|${c.years[i]}`, i);
      this.byTitle = index;
    }
    return this.byTitle;
  }
}
