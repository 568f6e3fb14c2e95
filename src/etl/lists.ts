// A list of int32 per row (cast, writers, keywords, genres) in CSR form: row r's entries are
// items[offsets[r] .. offsets[r + 1]). Built row by row while a file is read.

import { growInt32, growUint32 } from '../dataset/growable';

export interface Lists {
  /** rows + 1 entries, offsets[0] = 0. */
  offsets: Uint32Array;
  items: Int32Array;
}

export class ListsBuilder {
  private readonly offsets = growUint32();
  private readonly items = growInt32();
  private rowStart = 0;

  constructor() {
    this.offsets.push(0);
  }

  push(v: number): void {
    this.items.push(v);
  }

  /** Entries pushed since the last endRow. */
  get rowLength(): number {
    return this.items.length - this.rowStart;
  }

  rowIncludes(v: number): boolean {
    const d = this.items.data;
    for (let i = this.rowStart; i < this.items.length; i++) if (d[i] === v) return true;
    return false;
  }

  endRow(): void {
    this.rowStart = this.items.length;
    this.offsets.push(this.rowStart);
  }

  finish(): Lists {
    return { offsets: this.offsets.trimmed(), items: this.items.trimmed() };
  }
}

/**
 * Lists of `source` picked per target row (rowOf[i], -1 for none) with every item renumbered
 * through `names`: the join from a file's rows to catalogue items. (An object, not a callback:
 * a call site's feedback would keep the last closure, and the table it holds, alive.)
 */
export function pickLists(source: Lists, rowOf: Int32Array, names: { id(k: number): number }): Lists {
  const offsets = new Uint32Array(rowOf.length + 1);
  let n = 0;
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i]!;
    if (r >= 0) n += source.offsets[r + 1]! - source.offsets[r]!;
    offsets[i + 1] = n;
  }
  const items = new Int32Array(n);
  let o = 0;
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i]!;
    if (r < 0) continue;
    for (let k = source.offsets[r]!; k < source.offsets[r + 1]!; k++) items[o++] = names.id(source.items[k]!);
  }
  return { offsets, items };
}
