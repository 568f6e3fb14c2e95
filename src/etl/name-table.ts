// Names (people, keywords, genres) interned while a file is read, so each distinct name is one
// string and a movie's list is a few int32s; and the join's pick of the names a catalogue uses.

import { detachString } from './clean';

/** Interns cleaned names: index of each distinct name, in first-seen order. */
export class NameTable {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  /**
   * Index of `name`, which may be a slice of a larger string (cleanTextSlice): lookups use it
   * as is, and only a name seen for the first time is copied, so no kept name pins its source.
   */
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      const own = detachString(name);
      i = this.names.length;
      this.names.push(own);
      this.index.set(own, i);
    }
    return i;
  }
}

/**
 * The entries of a table that are used, numbered in order of first use (what the join keeps),
 * after the entries of `base` when given: a used entry equal to one of those shares its index.
 */
export class UsedNames {
  readonly names: string[];
  private readonly to: Int32Array;
  private readonly baseIndex: Map<string, number> | null;

  constructor(
    private readonly from: readonly string[],
    base: readonly string[] = [],
  ) {
    this.to = new Int32Array(from.length).fill(-1);
    this.names = [...base];
    this.baseIndex = base.length ? new Map(base.map((s, k) => [s, k])) : null;
  }

  /** New index of the source table's entry k. */
  id(k: number): number {
    let j = this.to[k]!;
    if (j < 0) {
      const s = this.from[k]!;
      j = this.baseIndex?.get(s) ?? -1;
      if (j < 0) {
        j = this.names.length;
        this.names.push(s);
      }
      this.to[k] = j;
    }
    return j;
  }
}
