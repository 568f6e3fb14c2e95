// Raw id → inner index lookup. Dense Int32Array when ids are small (MovieLens ids stay
// below a few hundred thousand), a Map otherwise: the 26M-row remap is the hot loop.

const DENSE_LIMIT = 1 << 24;

export class IdIndex {
  /** raw id → inner index (-1 when absent), when ids are small enough for a dense table. */
  readonly dense: Int32Array | null = null;
  private map: Map<number, number> | null = null;
  constructor(rawIds: ArrayLike<number>) {
    let max = -1;
    for (let i = 0; i < rawIds.length; i++) if (rawIds[i]! > max) max = rawIds[i]!;
    if (max < DENSE_LIMIT) {
      const d = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < rawIds.length; i++) if (rawIds[i]! >= 0 && d[rawIds[i]!] === -1) d[rawIds[i]!] = i;
      this.dense = d;
    } else {
      const m = new Map<number, number>();
      for (let i = 0; i < rawIds.length; i++) if (!m.has(rawIds[i]!)) m.set(rawIds[i]!, i);
      this.map = m;
    }
  }
  /** Inner index of raw id, or -1. */
  get(raw: number): number {
    if (this.dense) return raw >= 0 && raw < this.dense.length ? this.dense[raw]! : -1;
    return this.map!.get(raw) ?? -1;
  }
}

/** Sorted distinct values of an Int32Array prefix; a bitmap pass when ids are small (no sort of 26M values). */
export function distinctSorted(values: Int32Array, length = values.length): Int32Array {
  let min = 0x7fffffff;
  let max = -1;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (length === 0) return new Int32Array(0);
  if (min >= 0 && max < DENSE_LIMIT) {
    const seen = new Uint8Array(max + 1);
    let k = 0;
    for (let i = 0; i < length; i++) {
      const v = values[i]!;
      if (!seen[v]) {
        seen[v] = 1;
        k++;
      }
    }
    const out = new Int32Array(k);
    let o = 0;
    for (let v = 0; v <= max; v++) if (seen[v]) out[o++] = v;
    return out;
  }
  const copy = values.slice(0, length);
  copy.sort();
  let k = 0;
  for (let i = 0; i < copy.length; i++) if (i === 0 || copy[i] !== copy[k - 1]) copy[k++] = copy[i]!;
  return copy.slice(0, k);
}
