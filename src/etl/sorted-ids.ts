// id → row of a finished table: its ids sorted, with their rows, searched by bisection.
// 8 bytes a row and built once, where a hash map kept from the reading would cost more and
// live through the whole load (a few lookups per catalogue item are all the join does).

/** Rows up to this count are sorted as packed id·2^21 + row doubles (a native numeric sort). */
const PACKED_ROWS = 1 << 21;

export class SortedIds {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;

  /** ids[row] for each row, in file order; among equal ids the earliest row is found. */
  constructor(ids: Int32Array) {
    const n = ids.length;
    this.keys = new Int32Array(n);
    this.rows = new Int32Array(n);
    if (n <= PACKED_ROWS) {
      const packed = new Float64Array(n);
      for (let r = 0; r < n; r++) packed[r] = ids[r]! * PACKED_ROWS + r;
      packed.sort();
      for (let k = 0; k < n; k++) {
        const row = ((packed[k]! % PACKED_ROWS) + PACKED_ROWS) % PACKED_ROWS;
        this.rows[k] = row;
        this.keys[k] = ids[row]!;
      }
    } else {
      const order = Int32Array.from({ length: n }, (_, r) => r).sort((a, b) => ids[a]! - ids[b]! || a - b);
      for (let k = 0; k < n; k++) {
        this.rows[k] = order[k]!;
        this.keys[k] = ids[order[k]!]!;
      }
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** Row of the k-th smallest id (equal ids in file order). */
  rowAt(k: number): number {
    return this.rows[k]!;
  }

  /** Row of id (the first in file order), or -1. */
  get(id: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === id ? this.rows[lo]! : -1;
  }
}
