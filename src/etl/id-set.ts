// The ids a reader has kept so far, for its duplicate check: a bitmap while ids are below 2^24
// (TMDB ids reach ~470,000: 60 KB), a Set for larger ones, which no real file has.

const DENSE_IDS = 1 << 24;

export class IdSet {
  private bits = new Uint32Array(64);
  private sparse: Set<number> | null = null;

  has(id: number): boolean {
    if (id >= 0 && id < DENSE_IDS) {
      const w = id >>> 5;
      return w < this.bits.length && (this.bits[w]! & (1 << (id & 31))) !== 0;
    }
    return this.sparse?.has(id) ?? false;
  }

  add(id: number): void {
    if (id >= 0 && id < DENSE_IDS && Number.isInteger(id)) {
      const w = id >>> 5;
      if (w >= this.bits.length) {
        let n = this.bits.length;
        while (n <= w) n *= 2;
        const next = new Uint32Array(n);
        next.set(this.bits);
        this.bits = next;
      }
      this.bits[w]! |= 1 << (id & 31);
    } else (this.sparse ??= new Set()).add(id);
  }
}
