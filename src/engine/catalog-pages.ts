// The whole catalogue as pages in one of four orders (weighted score, votes, year,
// title), for the virtualised catalogue list; each order is sorted on first use.
import type { Catalog } from '../dataset/dataset';
import type { CatalogPage, CatalogQuery, MovieCard } from './api';

export class CatalogPages {
  private readonly orders = new Map<CatalogQuery['sort'], Int32Array>();

  constructor(
    private readonly catalog: Catalog,
    private readonly weighted: Float32Array,
    private readonly votes: ArrayLike<number>,
    private readonly card: (item: number) => MovieCard,
  ) {}

  page(query: CatalogQuery): CatalogPage {
    const c = this.catalog;
    const order = this.order(query.sort);
    const start = Math.max(0, Math.min(query.start, c.size));
    const end = Math.min(c.size, start + Math.max(0, query.count));
    const rows: MovieCard[] = [];
    for (let j = start; j < end; j++) rows.push(this.card(order[j]));
    return { total: c.size, start, rows };
  }

  private order(sort: CatalogQuery['sort']): Int32Array {
    let order = this.orders.get(sort);
    if (order) return order;
    const c = this.catalog;
    const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const compare: Record<CatalogQuery['sort'], (a: number, b: number) => number> = {
      score: (a, b) => this.weighted[b] - this.weighted[a] || a - b,
      votes: (a, b) => this.votes[b] - this.votes[a] || a - b,
      year: (a, b) => c.years[b] - c.years[a] || a - b,
      title: (a, b) => byTitle.compare(c.titles[a], c.titles[b]) || a - b,
    };
    order = Int32Array.from({ length: c.size }, (_, i) => i).sort(compare[sort]);
    this.orders.set(sort, order);
    return order;
  }
}
