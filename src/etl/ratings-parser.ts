// Hand-written byte parser for the purely numeric ratings files (ratings.csv, u.data,
// ratings.dat): userId, itemId, rating, timestamp straight from bytes into growable typed
// arrays, no strings per row. Anything unusual falls back to a slow checked path.

import { halfStarCode } from '../dataset/dataset';
import { growFloat32, growInt32, growUint16, growUint8, type Growable } from '../dataset/growable';

/**
 * Raw ratings of one file, ids as the file names them. Ratings are kept as half-star codes
 * (2 × rating, one byte) until the first rating that has none; from then on as Float32
 * (the codes so far decoded), so a file pays 4 bytes a rating only when it needs them.
 */
export interface RawRatings {
  users: Growable<Int32Array>;
  items: Growable<Int32Array>;
  /** 2 × rating while every rating so far is a multiple of 0.5 in 0..127.5; null after the first that is not. */
  codes: Growable<Uint8Array> | null;
  /** Rating values once some rating has no half-star code; null until then. */
  floats: Growable<Float32Array> | null;
  /** Day of the rating: Unix seconds ÷ 86,400, floored (0 when the row has no timestamp). */
  days: Growable<Uint16Array>;
}

export function newRawRatings(capacity = 1 << 16): RawRatings {
  return { users: growInt32(capacity), items: growInt32(capacity), codes: growUint8(capacity), floats: null, days: growUint16(capacity) };
}

/** Seconds per day: timestamps are kept at day resolution (Uint16 days reach 2149, past any Uint32 timestamp). */
const DAY_SECONDS = 86400;

export type RatingRowIssue = (reason: string, row: number, raw: string) => void;

/** The ratings a format allows (MovieLens latest 0.5–5, ML-100K/1M 1–5); values outside are dropped. */
export interface RatingRange {
  min: number;
  max: number;
}

/** A line longer than this is not a rating: it is dropped once, and the rest of it skipped. */
export const MAX_RATING_LINE_BYTES = 1 << 20;

const MAX_ID = 0x7fffffff;
const MAX_TIMESTAMP = 0xffffffff;
/** Plain decimal numbers only: Number() would also read '0x10' as 16, '1e3' as 1000, 'Infinity'. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** An id as the files write it: digits, '862.0' allowed. */
const DIGITS = /^\d+(\.0*)?$/;

const latin1 = new TextDecoder('latin1');
const EMPTY = new Uint8Array(0);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function growAll(r: RawRatings, needed: number): void {
  r.users.grow(needed);
  r.items.grow(needed);
  r.codes?.grow(needed);
  r.floats?.grow(needed);
  r.days.grow(needed);
}

function setLengths(r: RawRatings, n: number): void {
  r.users.length = r.items.length = r.days.length = n;
  if (r.codes) r.codes.length = n;
  if (r.floats) r.floats.length = n;
}

function capacityOf(r: RawRatings): number {
  return Math.min(r.users.data.length, r.items.data.length, (r.codes ?? r.floats!).data.length, r.days.data.length);
}

/** Leaves half-star codes for Float32 values, from the first rating that has no code on. */
function toFloats(r: RawRatings): void {
  const codes = r.codes!;
  const floats = growFloat32(codes.data.length);
  for (let j = 0; j < codes.length; j++) floats.data[j] = codes.data[j]! * 0.5;
  floats.length = codes.length;
  r.floats = floats;
  r.codes = null;
}

/** Parses lines `u<d>i<d>r<d>t` where <d> is ',', '\t' or '::'. */
export class RatingsByteParser {
  private carry: Uint8Array = EMPTY;
  private line = 0;
  private headerLeft: boolean;
  private first = true;
  /** True while the rest of an over-long line is being skipped (it was dropped once already). */
  private skipping = false;
  /** True while the carried last line, which had no line end, is parsed. */
  private atEnd = false;
  private readonly lo: number;
  private readonly hi: number;
  rows = 0;
  kept = 0;
  private readonly d0: number;
  private readonly dlen: number;

  constructor(
    readonly out: RawRatings,
    delimiter: ',' | '\t' | '::',
    hasHeader: boolean,
    private readonly onDrop: RatingRowIssue,
    private readonly range: RatingRange | null = null,
  ) {
    this.lo = range ? range.min : -Infinity;
    this.hi = range ? range.max : Infinity;
    this.d0 = delimiter.charCodeAt(0);
    this.dlen = delimiter.length;
    this.headerLeft = hasHeader;
  }

  push(chunk: Uint8Array): void {
    let buf = chunk;
    let start = 0;
    if (this.skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) return;
      this.skipping = false;
      this.first = false;
      start = nl + 1;
    }
    if (this.carry.length) {
      // Finish the carried line with this chunk's first line only, then parse the chunk in place
      // (copying carry + whole chunk would move every byte of the file twice).
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        this.carry = concat(this.carry, chunk.subarray(start));
        this.dropIfTooLong();
        return;
      }
      const line = concat(this.carry, chunk.subarray(start, nl + 1));
      this.carry = EMPTY;
      this.parseSlowly(line, 0, line.length - 1);
      start = nl + 1;
    }
    if (this.first && buf.length > 0) {
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3; // BOM
      this.first = false;
    }
    const last = buf.lastIndexOf(10);
    if (last >= start) start = this.parseLines(buf, start, last + 1);
    if (start < buf.length) {
      this.carry = buf.slice(start);
      this.dropIfTooLong();
    }
  }

  /**
   * The hot loop: whole lines in buf[from, stop) (buf[stop - 1] is '\n'), parsed straight into
   * the typed arrays. Any line off the common shape (header, spaces, signs, exponents, empty,
   * garbage) goes to parseSlowly. Returns stop.
   */
  private parseLines(buf: Uint8Array, from: number, stop: number): number {
    const out = this.out;
    const d0 = this.d0;
    const two = this.dlen === 2;
    let users = out.users.data;
    let items = out.items.data;
    let codes = out.codes?.data ?? null;
    let floats = out.floats?.data ?? null;
    let days = out.days.data;
    let k = out.users.length;
    let cap = capacityOf(out);
    let fast = 0;
    const lo = this.lo;
    const hi = this.hi;
    let p = from;
    while (p < stop) {
      const s = p;
      if (this.headerLeft) {
        p = buf.indexOf(10, s) + 1;
        this.parseSlowly(buf, s, p - 1);
        continue;
      }
      // buf[stop - 1] is '\n', so every digit run below ends inside buf.
      let c = buf[p]!;
      let u = c - 48;
      let ok = u >= 0 && u <= 9;
      while ((c = buf[++p]! - 48) >= 0 && c <= 9) u = u * 10 + c;
      ok = ok && c === d0 - 48 && u <= 0x7fffffff && (!two || buf[++p] === d0);
      c = buf[++p]! - 48;
      let it = c;
      ok = ok && c >= 0 && c <= 9;
      while ((c = buf[++p]! - 48) >= 0 && c <= 9) it = it * 10 + c;
      ok = ok && c === d0 - 48 && it <= 0x7fffffff && (!two || buf[++p] === d0);
      c = buf[++p]! - 48;
      let r = c;
      ok = ok && c >= 0 && c <= 9;
      while ((c = buf[++p]! - 48) >= 0 && c <= 9) r = r * 10 + c;
      if (c === -2) {
        // '.': tenths as an integer so 3.5 is exact before the one division.
        let den = 1;
        while ((c = buf[++p]! - 48) >= 0 && c <= 9) {
          r = r * 10 + c;
          den *= 10;
        }
        r = Math.round((r / den) * 1000) / 1000;
      }
      ok = ok && c === d0 - 48 && (!two || buf[++p] === d0);
      c = buf[++p]! - 48;
      let t = c;
      ok = ok && c >= 0 && c <= 9;
      while ((c = buf[++p]! - 48) >= 0 && c <= 9) t = t * 10 + c;
      if (c === 13 - 48) c = buf[++p]! - 48;
      // r ≥ 0 here (no sign on the fast path); a rating without a half-star code, the first
      // time one comes, takes the checked path, which switches the column to Float32.
      const code = r * 2;
      if (!ok || c !== 10 - 48 || t > 0xffffffff || p >= stop || r < lo || r > hi || (codes !== null && !(code <= 255 && Math.floor(code) === code))) {
        // Off the fast shape: hand the whole line to the checked path.
        p = buf.indexOf(10, s);
        setLengths(out, k);
        this.line += fast;
        this.rows += fast;
        this.kept += fast;
        fast = 0;
        this.parseSlowly(buf, s, p);
        p++;
        users = out.users.data;
        items = out.items.data;
        codes = out.codes?.data ?? null;
        floats = out.floats?.data ?? null;
        days = out.days.data;
        k = out.users.length;
        cap = capacityOf(out);
        continue;
      }
      p++;
      if (k === cap) {
        setLengths(out, k);
        growAll(out, k + 1);
        users = out.users.data;
        items = out.items.data;
        codes = out.codes?.data ?? null;
        floats = out.floats?.data ?? null;
        days = out.days.data;
        cap = capacityOf(out);
      }
      users[k] = u;
      items[k] = it;
      if (codes !== null) codes[k] = code;
      else floats![k] = r;
      days[k] = Math.floor(t / DAY_SECONDS);
      k++;
      fast++;
    }
    setLengths(out, k);
    this.line += fast;
    this.rows += fast;
    this.kept += fast;
    return stop;
  }

  private dropIfTooLong(): void {
    // A "line" over 1 MB is not a rating: it is dropped (and counted) once, and the rest of it
    // up to its line end skipped, rather than carried forever or counted once per megabyte.
    if (this.carry.length > MAX_RATING_LINE_BYTES) {
      this.line++;
      this.rows++;
      this.onDrop('line longer than 1 MB', this.line, latin1.decode(this.carry.subarray(0, 200)));
      this.carry = EMPTY;
      this.skipping = true;
    }
  }

  end(): void {
    if (this.carry.length) {
      const b = this.carry;
      this.carry = EMPTY;
      this.atEnd = true;
      this.parseSlowly(b, 0, b.length);
      this.atEnd = false;
    }
  }

  /** One line buf[s, e) (e at its '\n' or the end), checked; grows the arrays as needed. */
  private parseSlowly(buf: Uint8Array, s: number, e: number): void {
    growAll(this.out, this.out.users.length + 1);
    this.parseLine(buf, s, e);
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
    const rounded = Math.round(r * 1000) / 1000;
    if (rounded < this.lo || rounded > this.hi) return this.slow(buf, s, e);
    this.store(u, it, rounded, t);
  }

  private store(u: number, it: number, r: number, t: number): void {
    const o = this.out;
    const k = o.users.length;
    o.users.data[k] = u;
    o.items.data[k] = it;
    const code = o.codes ? halfStarCode(r) : -1;
    if (code >= 0) o.codes!.data[k] = code;
    else {
      if (o.codes) toFloats(o);
      o.floats!.data[k] = r;
    }
    o.days.data[k] = Math.floor(t / DAY_SECONDS);
    setLengths(o, k + 1);
    this.kept++;
  }

  /** Checked path for anything the fast path did not expect (spaces, signs, exponents, garbage). */
  private slow(buf: Uint8Array, s: number, e: number): void {
    const raw = latin1.decode(buf.subarray(s, Math.min(e, s + 4096)));
    const delim = String.fromCharCode(this.d0).repeat(this.dlen);
    const f = raw.split(delim).map((x) => x.trim());
    // A last line without its line end and short of fields was cut off (`7,12,4` of
    // `7,12,4.5,1260…`): its rating may be a prefix of the real one, so it is not kept.
    if (this.atEnd && f.length < 4) return this.onDrop(`truncated last row (no line end, ${f.length} of 4 fields)`, this.line, raw);
    if (f.length < 3 || f.length > 4) return this.onDrop(`expected 4 fields, found ${f.length}`, this.line, raw);
    const idIssue = (text: string, what: string) =>
      !DIGITS.test(text) ? (/^-\d+$/.test(text) ? `${what} out of range 0..${MAX_ID}` : `${what} not an integer`) : Number(text) > MAX_ID ? `${what} out of range 0..${MAX_ID}` : null;
    const userIssue = idIssue(f[0]!, 'user id');
    if (userIssue) return this.onDrop(userIssue, this.line, raw);
    const itemIssue = idIssue(f[1]!, 'item id');
    if (itemIssue) return this.onDrop(itemIssue, this.line, raw);
    if (!DECIMAL.test(f[2]!)) return this.onDrop('rating not a number', this.line, raw);
    const r = Math.round(Number(f[2]) * 1000) / 1000;
    if (r < this.lo || r > this.hi) return this.onDrop(`rating outside the scale ${this.range!.min}–${this.range!.max}`, this.line, raw);
    const tText = f.length === 4 ? f[3]! : '';
    if (tText !== '' && !DECIMAL.test(tText)) return this.onDrop('timestamp not a number', this.line, raw);
    const t = tText === '' ? 0 : Number(tText);
    if (t < 0 || t > MAX_TIMESTAMP) return this.onDrop(`timestamp out of range 0..${MAX_TIMESTAMP}`, this.line, raw);
    growAll(this.out, this.out.users.length + 1);
    this.store(Number(f[0]), Number(f[1]), r, Math.floor(t));
  }
}
