// Builds a MovieTable row by row: ids, titles and years in growable columns, genres interned.

import { growInt16, growInt32 } from '../dataset/growable';
import { IdSet } from './id-set';
import { ListsBuilder } from './lists';
import { NameTable } from './name-table';
import type { MovieTable } from './tables';

export class MovieTableBuilder {
  private readonly ids = growInt32();
  private readonly years = growInt16();
  private readonly titles: string[] = [];
  private readonly genres = new ListsBuilder();
  private readonly genreNames = new NameTable();
  private readonly seen = new IdSet();

  has(id: number): boolean {
    return this.seen.has(id);
  }

  /** Adds a movie; `title` must already be detached (cleanText), genre names may be slices. */
  add(id: number, title: string, year: number, genres: Iterable<string>): void {
    this.seen.add(id);
    this.ids.push(id);
    this.titles.push(title);
    this.years.push(year);
    for (const g of genres) this.genres.push(this.genreNames.id(g));
    this.genres.endRow();
  }

  finish(): MovieTable {
    return { ids: this.ids.trimmed(), titles: this.titles, years: this.years.trimmed(), genres: this.genres.finish(), genreNames: this.genreNames.names };
  }
}
