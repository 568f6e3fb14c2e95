// Hand-written byte parser for the purely numeric ratings files (ratings.csv, u.data,
// ratings.dat): userId, itemId, rating, timestamp straight from bytes into growable typed
// arrays, no strings per row. Anything unusual falls back to a slow checked path.

import { growFloat32, growInt32, growUint32, type Growable } from '../dataset/growable';

/** Raw ratings of one file, ids as the file names them. */
export interface RawRatings {
  users: Growable<Int32Array>;
  items: Growable<Int32Array>;
  ratings: Growable<Float32Array>;
  timestamps: Growable<Uint32Array>;
}

export function newRawRatings(capacity = 1 << 16): RawRatings {
  return { users: growInt32(capacity), items: growInt32(capacity), ratings: growFloat32(capacity), timestamps: growUint32(capacity) };
}

export type RatingRowIssue = (reason: string, row: number, raw: string) => void;

const latin1 = new TextDecoder('latin1');

/** Parses lines `u<d>i<d>r<d>t` where <d> is ',', '\t' or '::'. */
export class RatingsByteParser {
  private carry: Uint8Array = new Uint8Array(0);
  private line = 0;
  private headerLeft: boolean;
  private first = true;
  rows = 0;
  kept = 0;
  private readonly d0: number;
  private readonly dlen: number;

  constructor(
    readonly out: RawRatings,
    delimiter: ',' | '\t' | '::',
    hasHeader: boolean,
    private readonly onDrop: RatingRowIssue,
  ) {
    this.d0 = delimiter.charCodeAt(0);
    this.dlen = delimiter.length;
    this.headerLeft = hasHeader;
  }

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    let start = 0;
    if (this.first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3; // BOM
    if (this.first && buf.length > 0) this.first = false;
    const n = buf.length;
    // Reserve room for every line in this chunk up front so the hot loop never grows.
    const room = this.out.users.length + ((n / 8) | 0) + 16;
    this.out.users.grow(room);
    this.out.items.grow(room);
    this.out.ratings.grow(room);
    this.out.timestamps.grow(room);
    let i = start;
    for (;;) {
      let e = buf.indexOf(10, i);
      if (e < 0) break;
      this.parseLine(buf, i, e);
      i = e + 1;
    }
    this.carry = i < n ? buf.slice(i) : new Uint8Array(0);
    // A "line" over 1 MB is not a rating; drop it rather than carrying it forever.
    if (this.carry.length > 1 << 20) {
      this.line++;
      this.rows++;
      this.onDrop('line too long', this.line, latin1.decode(this.carry.subarray(0, 200)));
      this.carry = new Uint8Array(0);
    }
  }

  end(): void {
    if (this.carry.length) {
      const b = this.carry;
      this.carry = new Uint8Array(0);
      this.out.users.grow(this.out.users.length + 1);
      this.out.items.grow(this.out.users.length + 1);
      this.out.ratings.grow(this.out.users.length + 1);
      this.out.timestamps.grow(this.out.users.length + 1);
      this.parseLine(b, 0, b.length);
    }
  }

  private parseLine(buf: Uint8Array, s: number, e: number): void {
    this.line++;
    if (e > s && buf[e - 1] === 13) e--;
    if (this.headerLeft) {
      this.headerLeft = false;
      return;
    }
    this.rows++;
    if (e === s) {
      this.onDrop('empty line', this.line, '');
      return;
    }
    const d0 = this.d0;
    const dlen = this.dlen;
    let p = s;
    // userId
    let u = 0;
    let c = buf[p]!;
    if (c < 48 || c > 57) return this.slow(buf, s, e);
    while (p < e && (c = buf[p]!) >= 48 && c <= 57) {
      u = u * 10 + (c - 48);
      p++;
    }
    if (p >= e || c !== d0 || u > 0x7fffffff) return this.slow(buf, s, e);
    p += dlen;
    // itemId
    let it = 0;
    if (p >= e || (c = buf[p]!) < 48 || c > 57) return this.slow(buf, s, e);
    while (p < e && (c = buf[p]!) >= 48 && c <= 57) {
      it = it * 10 + (c - 48);
      p++;
    }
    if (p >= e || c !== d0 || it > 0x7fffffff) return this.slow(buf, s, e);
    p += dlen;
    // rating: digits[.digits]
    let r = 0;
    if (p >= e || (c = buf[p]!) < 48 || c > 57) return this.slow(buf, s, e);
    while (p < e && (c = buf[p]!) >= 48 && c <= 57) {
      r = r * 10 + (c - 48);
      p++;
    }
    if (c === 46) {
      p++;
      let scale = 0.1;
      while (p < e && (c = buf[p]!) >= 48 && c <= 57) {
        r += (c - 48) * scale;
        scale *= 0.1;
        p++;
      }
    }
    if (p >= e || c !== d0) return this.slow(buf, s, e);
    p += dlen;
    // timestamp
    let t = 0;
    if (p >= e) return this.slow(buf, s, e);
    while (p < e && (c = buf[p]!) >= 48 && c <= 57) {
      t = t * 10 + (c - 48);
      p++;
    }
    if (p !== e || t > 0xffffffff) return this.slow(buf, s, e);
    this.store(u, it, Math.round(r * 1000) / 1000, t);
  }

  private store(u: number, it: number, r: number, t: number): void {
    const o = this.out;
    const k = o.users.length;
    o.users.data[k] = u;
    o.items.data[k] = it;
    o.ratings.data[k] = r;
    o.timestamps.data[k] = t;
    o.users.length = o.items.length = o.ratings.length = o.timestamps.length = k + 1;
    this.kept++;
  }

  /** Checked path for anything the fast path did not expect (spaces, signs, exponents, garbage). */
  private slow(buf: Uint8Array, s: number, e: number): void {
    const raw = latin1.decode(buf.subarray(s, Math.min(e, s + 4096)));
    const delim = String.fromCharCode(this.d0).repeat(this.dlen);
    const f = raw.split(delim).map((x) => x.trim());
    if (f.length < 3 || f.length > 4) return this.onDrop(`expected 4 fields, found ${f.length}`, this.line, raw);
    const u = Number(f[0]);
    const it = Number(f[1]);
    const r = Number(f[2]);
    const t = f.length === 4 && f[3] !== '' ? Number(f[3]) : 0;
    if (!Number.isInteger(u) || u < 0 || u > 0x7fffffff) return this.onDrop('user id not an integer', this.line, raw);
    if (!Number.isInteger(it) || it < 0 || it > 0x7fffffff) return this.onDrop('item id not an integer', this.line, raw);
    if (f[2] === '' || !Number.isFinite(r)) return this.onDrop('rating not a number', this.line, raw);
    if (!Number.isFinite(t) || t < 0 || t > 0xffffffff) return this.onDrop('timestamp not a number', this.line, raw);
    this.out.users.grow(this.out.users.length + 1);
    this.out.items.grow(this.out.users.length + 1);
    this.out.ratings.grow(this.out.users.length + 1);
    this.out.timestamps.grow(this.out.users.length + 1);
    this.store(u, it, r, Math.floor(t));
  }
}
