// Typed arrays that grow by doubling, so millions of rating rows are appended without a
// per-row object; trimmed() returns an exact-length copy for the final Dataset.

type TypedArrayCtor<T> = { new (length: number): T };
interface NumericArray {
  length: number;
  [i: number]: number;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): this;
  subarray(start?: number, end?: number): this;
}

export class Growable<T extends NumericArray> {
  data: T;
  length = 0;
  private readonly ctor: TypedArrayCtor<T>;
  constructor(ctor: TypedArrayCtor<T>, initialCapacity = 1024) {
    this.ctor = ctor;
    this.data = new ctor(Math.max(16, initialCapacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  /** Ensures room for `needed` elements in total. */
  grow(needed: number): void {
    if (needed <= this.data.length) return;
    let cap = this.data.length;
    // Doubling while small; past 4M elements 1.25× so a near miss does not double a 100 MB array.
    while (cap < needed) cap = cap < 1 << 22 ? cap * 2 : Math.ceil(cap * 1.25);
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  trimmed(): T {
    return this.data.slice(0, this.length);
  }
}

export const growInt32 = (n?: number): Growable<Int32Array> => new Growable(Int32Array, n);
export const growUint32 = (n?: number): Growable<Uint32Array> => new Growable(Uint32Array, n);
export const growInt16 = (n?: number): Growable<Int16Array> => new Growable(Int16Array, n);
export const growUint16 = (n?: number): Growable<Uint16Array> => new Growable(Uint16Array, n);
export const growUint8 = (n?: number): Growable<Uint8Array> => new Growable(Uint8Array, n);
export const growFloat32 = (n?: number): Growable<Float32Array> => new Growable(Float32Array, n);
