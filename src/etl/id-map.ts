// Positive int32 id → int32 value ≥ 0 (a row, another id), open addressing over two Int32Arrays:
// 11–21 bytes an entry, flat memory the collector need not trace (a Map<number, number> is a
// heap object graph, ~2× that in Node). TMDB and MovieLens ids are positive: 0 marks a free slot.

export class IdMap {
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  size = 0;

  constructor(expected = 1024) {
    let bits = 4;
    while (3 << (bits - 2) < expected) bits++;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** Value of id, or -1 when absent. */
  get(id: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(id, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === id) return this.values[i]!;
      if (k === 0) return -1;
    }
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }

  /** Sets id (a positive int32) to value (≥ 0: -1 means absent); an existing entry is overwritten. */
  set(id: number, value: number): void {
    if (!(id > 0 && id <= 0x7fffffff && Number.isInteger(id))) throw new RangeError(`IdMap key must be a positive int32, got ${id}`);
    // At most three quarters full: linear probing still averages a few probes a lookup.
    if ((this.size + 1) * 4 > this.keys.length * 3) this.rehash(this.keys.length * 2);
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(id, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === 0) {
        keys[i] = id;
        this.values[i] = value;
        this.size++;
        return;
      }
      if (k === id) {
        this.values[i] = value;
        return;
      }
    }
  }

  private rehash(capacity: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.shift--;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}
