// One safe parser for the Python-literal / JSON strings of The Movies Dataset (genres,
// cast, crew, keywords): single or double quotes, escapes, None/True/False, nesting.
// Never evaluates anything; malformed input is a { ok: false, reason } value, not a throw.

export type LiteralValue = null | boolean | number | string | LiteralValue[] | { [key: string]: LiteralValue };
export type LiteralScalar = null | boolean | number | string;
export type LiteralResult<T> = { ok: true; value: T } | { ok: false; reason: string; offset: number };

/** Deeper nesting than this is rejected, so hostile input cannot blow the call stack. */
const MAX_DEPTH = 64;

class LiteralSyntaxError {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {}
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', '/': '/',
};

class Scanner {
  i = 0;
  readonly n: number;
  constructor(readonly s: string) {
    this.n = s.length;
  }
  fail(reason: string): never {
    throw new LiteralSyntaxError(reason, this.i);
  }
  ws(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }
  peek(): number {
    return this.i < this.n ? this.s.charCodeAt(this.i) : -1;
  }
  expect(c: number, what: string): void {
    this.ws();
    if (this.peek() !== c) this.fail(this.i >= this.n ? `unexpected end, expected ${what}` : `expected ${what}`);
    this.i++;
  }

  value(depth: number): LiteralValue {
    this.ws();
    const c = this.peek();
    if (c === 39 || c === 34) return this.string();
    if (c === 91 || c === 40) return this.list(depth);
    if (c === 123) return this.dict(depth);
    if (c === 45 || c === 43 || c === 46 || (c >= 48 && c <= 57)) return this.number();
    if (c === 117 || c === 85) {
      // u'...' string prefix (Python 2 repr)
      const q = this.s.charCodeAt(this.i + 1);
      if (q === 39 || q === 34) {
        this.i++;
        return this.string();
      }
    }
    return this.word();
  }

  word(): LiteralScalar {
    const s = this.s;
    const start = this.i;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) this.i++;
      else break;
    }
    const w = s.slice(start, this.i);
    switch (w) {
      case 'None':
      case 'null':
        return null;
      case 'True':
      case 'true':
        return true;
      case 'False':
      case 'false':
        return false;
      case 'nan':
      case 'NaN':
        return NaN;
    }
    this.i = start;
    if (start >= this.n) this.fail('unexpected end, expected a value');
    return this.fail(`unexpected ${JSON.stringify(w || s[start])}`);
  }

  number(): number {
    const s = this.s;
    const start = this.i;
    let c = s.charCodeAt(this.i);
    if (c === 45 || c === 43) c = s.charCodeAt(++this.i);
    while (this.i < this.n) {
      c = s.charCodeAt(this.i);
      if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 95) this.i++;
      else if ((c === 45 || c === 43) && (s.charCodeAt(this.i - 1) | 32) === 101) this.i++;
      else break;
    }
    let text = s.slice(start, this.i);
    if (text.includes('_')) text = text.replace(/_/g, '');
    const v = Number(text);
    if (text === '' || text === '-' || text === '+' || !Number.isFinite(v)) {
      this.i = start;
      this.fail(`bad number ${JSON.stringify(text)}`);
    }
    return v;
  }

  /** Position of the next backslash at or after i (cached: indexOf per string would be O(n²)). */
  private bs = -2;
  nextBackslash(from: number): number {
    if (this.bs !== -1 && this.bs < from) this.bs = this.s.indexOf('\\', from);
    return this.bs;
  }

  /** Reads a quoted string; runs without backslashes are found with indexOf and sliced. */
  string(): string {
    const s = this.s;
    const qc = s[this.i]!;
    const open = this.i;
    let start = ++this.i;
    let out = '';
    for (;;) {
      const q = s.indexOf(qc, this.i);
      if (q < 0) {
        this.i = open;
        this.fail('unterminated string');
      }
      const b = this.nextBackslash(this.i);
      if (b < 0 || b > q) {
        out += s.slice(start, q);
        this.i = q + 1;
        return out;
      }
      out += s.slice(start, b);
      this.i = b;
      out += this.escape();
      start = this.i;
    }
  }

  /** Skips a quoted string without building it (for values nobody asked for). */
  skipString(): void {
    const s = this.s;
    const qc = s[this.i]!;
    const open = this.i++;
    for (;;) {
      const q = s.indexOf(qc, this.i);
      if (q < 0) {
        this.i = open;
        this.fail('unterminated string');
      }
      const b = this.nextBackslash(this.i);
      if (b < 0 || b > q) {
        this.i = q + 1;
        return;
      }
      this.i = b + 2;
    }
  }

  escape(): string {
    const s = this.s;
    this.i++; // backslash
    if (this.i >= this.n) this.fail('unterminated escape');
    const e = s[this.i]!;
    this.i++;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    if (e === '\n') return ''; // line continuation
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = s.slice(this.i, this.i + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex)) this.fail(`bad \\${e} escape`);
      this.i += hexLen;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) this.fail('code point out of range');
      return String.fromCodePoint(cp);
    }
    // Python keeps unknown escapes verbatim ('\d' is backslash + d).
    return '\\' + e;
  }

  list(depth: number): LiteralValue[] {
    if (depth >= MAX_DEPTH) this.fail('nesting too deep');
    const close = this.peek() === 91 ? 93 : 41;
    this.i++;
    const out: LiteralValue[] = [];
    for (;;) {
      this.ws();
      if (this.peek() === close) {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.peek();
      if (c === 44) this.i++;
      else if (c !== close) this.fail(c < 0 ? 'unexpected end inside a list' : "expected ',' or end of list");
    }
  }

  dict(depth: number): { [key: string]: LiteralValue } {
    if (depth >= MAX_DEPTH) this.fail('nesting too deep');
    this.i++;
    const out: { [key: string]: LiteralValue } = {};
    for (;;) {
      this.ws();
      if (this.peek() === 125) {
        this.i++;
        return out;
      }
      const key = this.value(depth + 1);
      if (typeof key === 'object' && key !== null) this.fail('dict key must be a scalar');
      this.expect(58, "':'");
      const v = this.value(depth + 1);
      // defineProperty so a key named __proto__ stays plain data
      Object.defineProperty(out, String(key), { value: v, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.peek();
      if (c === 44) this.i++;
      else if (c !== 125) this.fail(c < 0 ? 'unexpected end inside a dict' : "expected ',' or '}'");
    }
  }

  /** Skips any value without building it: strings by indexOf, numbers/words by char class. */
  skip(depth: number): void {
    this.ws();
    const c = this.peek();
    if (c === 39 || c === 34) return this.skipString();
    if (c === 91 || c === 40 || c === 123) {
      if (depth >= MAX_DEPTH) this.fail('nesting too deep');
      const close = c === 91 ? 93 : c === 40 ? 41 : 125;
      this.i++;
      for (;;) {
        this.ws();
        const d = this.peek();
        if (d === close) {
          this.i++;
          return;
        }
        if (d < 0) this.fail('unexpected end inside a container');
        if (d === 44 || d === 58) {
          this.i++;
          continue;
        }
        this.skip(depth + 1);
      }
    }
    // Scalars: consume [-+.0-9a-zA-Z_]; validate only when it is not a plain token.
    const s = this.s;
    const start = this.i;
    while (this.i < this.n) {
      const d = s.charCodeAt(this.i);
      if ((d >= 48 && d <= 57) || d === 46 || d === 45 || d === 43 || d === 95 || ((d | 32) >= 97 && (d | 32) <= 122)) this.i++;
      else break;
    }
    if (this.i === start) this.fail(start >= this.n ? 'unexpected end, expected a value' : `unexpected ${JSON.stringify(s[start])}`);
    const d0 = s.charCodeAt(start);
    if (!((d0 >= 48 && d0 <= 57) || d0 === 45)) {
      this.i = start;
      this.value(depth);
    }
  }

  /** A dict key: quoted keys without escapes are sliced directly (every TMDB key is). */
  key(): LiteralScalar {
    this.ws();
    const s = this.s;
    const c = this.peek();
    if (c === 39 || c === 34) {
      const q = s.indexOf(c === 39 ? "'" : '"', this.i + 1);
      const b = this.nextBackslash(this.i + 1);
      if (q > 0 && (b < 0 || b > q)) {
        const k = s.slice(this.i + 1, q);
        this.i = q + 1;
        return k;
      }
    }
    const k = this.value(2);
    if (typeof k === 'object' && k !== null) this.fail('dict key must be a scalar');
    return k;
  }
}

function wrap<T>(text: string, body: (sc: Scanner) => T): LiteralResult<T> {
  const sc = new Scanner(text);
  try {
    const value = body(sc);
    sc.ws();
    if (sc.i < sc.n) sc.fail('trailing characters');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof LiteralSyntaxError) return { ok: false, reason: e.reason, offset: e.offset };
    return { ok: false, reason: e instanceof Error ? e.message : 'parse failed', offset: sc.i };
  }
}

/** Parses a whole Python literal or JSON value. */
export function parseLiteral(text: string): LiteralResult<LiteralValue> {
  return wrap(text, (sc) => sc.value(0));
}

export type LiteralRecord = Record<string, LiteralScalar>;

/**
 * Reads a list of dicts keeping only the scalar values of `keys`; everything else is
 * skipped without building strings or objects (credits.csv's crew is ~190 MB of this).
 * An empty cell, 'None' or '[]' is an empty list.
 */
export function extractRecords(text: string, keys: readonly string[]): LiteralResult<LiteralRecord[]> {
  const t = text.trim();
  if (t === '' || t === 'None' || t === 'null' || t === '[]') return { ok: true, value: [] };
  const fast = flatRecords(t, keys);
  if (fast) return { ok: true, value: fast };
  return extractRecordsGeneral(t, keys);
}

/** extractRecords without the fast path (exported for the test that compares the two). */
export function extractRecordsGeneral(text: string, keys: readonly string[]): LiteralResult<LiteralRecord[]> {
  const t = text.trim();
  if (t === '' || t === 'None' || t === 'null' || t === '[]') return { ok: true, value: [] };
  const wanted = new Set(keys);
  return wrap(t, (sc) => {
    const out: LiteralRecord[] = [];
    sc.ws();
    const open = sc.peek();
    if (open !== 91 && open !== 40) sc.fail('expected a list');
    const close = open === 91 ? 93 : 41;
    sc.i++;
    for (;;) {
      sc.ws();
      const c = sc.peek();
      if (c === close) {
        sc.i++;
        return out;
      }
      if (c !== 123) sc.fail(c < 0 ? 'unexpected end inside a list' : 'expected a dict in the list');
      sc.i++;
      const rec: LiteralRecord = {};
      for (;;) {
        sc.ws();
        if (sc.peek() === 125) {
          sc.i++;
          break;
        }
        const key = sc.key();
        sc.expect(58, "':'");
        sc.ws();
        const kc = sc.peek();
        // Only listed keys are assigned (never '__proto__'); containers were excluded above, so the value is a scalar.
        if (typeof key === 'string' && wanted.has(key) && key !== '__proto__' && kc !== 91 && kc !== 123 && kc !== 40)
          rec[key] = sc.value(2) as LiteralScalar;
        else sc.skip(2);
        sc.ws();
        const d = sc.peek();
        if (d === 44) sc.i++;
        else if (d !== 125) sc.fail(d < 0 ? 'unexpected end inside a dict' : "expected ',' or '}'");
      }
      out.push(rec);
      sc.ws();
      const d = sc.peek();
      if (d === 44) sc.i++;
      else if (d !== close) sc.fail(d < 0 ? 'unexpected end inside a list' : "expected ',' or end of list");
    }
  });
}

/**
 * The common shape in one pass with no method calls: a list of flat dicts with quoted keys and
 * scalar values (plain strings, numbers, None/True/False). Gives exactly what the general path
 * gives for such input; anything else (escapes in a kept value, containers, u'' prefixes,
 * NaN, odd numbers, any syntax error) returns null and the general path decides.
 */
function flatRecords(s: string, keys: readonly string[]): LiteralRecord[] | null {
  const n = s.length;
  if (s.charCodeAt(0) !== 91) return null;
  let i = 1;
  let bs = s.indexOf('\\');
  const out: LiteralRecord[] = [];
  let c = 0;
  while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
  if (c === 93) return ws(s, i + 1) === n ? out : null;
  for (;;) {
    if (s.charCodeAt(i) !== 123) return null;
    i++;
    const rec: LiteralRecord = {};
    while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
    if (c === 125) i++;
    else {
      for (;;) {
        // key: a quoted string without escapes
        const q = s.charCodeAt(i);
        if (q !== 39 && q !== 34) return null;
        const ke = s.indexOf(q === 39 ? "'" : '"', i + 1);
        if (ke < 0) return null;
        if (bs >= 0 && bs < ke) {
          if (bs > i) return null;
          bs = s.indexOf('\\', ke);
        }
        const key = s.slice(i + 1, ke);
        i = ke + 1;
        while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
        if (c !== 58) return null;
        i++;
        while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
        const keep = keys.includes(key) && key !== '__proto__';
        let value: LiteralScalar;
        if (c === 39 || c === 34) {
          const quote = c === 39 ? "'" : '"';
          let e = s.indexOf(quote, i + 1);
          if (e < 0) return null;
          if (bs >= 0 && bs < e) {
            if (keep) return null;
            // A skipped value with escapes: step over each escaped character.
            let j = i + 1;
            for (;;) {
              e = s.indexOf(quote, j);
              if (e < 0) return null;
              if (bs < 0 || bs > e) break;
              j = bs + 2;
              bs = s.indexOf('\\', j);
            }
          }
          value = keep ? s.slice(i + 1, e) : null;
          i = e + 1;
          if (bs >= 0 && bs < i) bs = s.indexOf('\\', i);
        } else if ((c >= 48 && c <= 57) || c === 45) {
          const start = i;
          i++;
          while (i < n && (((c = s.charCodeAt(i)) >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45)) i++;
          if (keep) {
            const text = s.slice(start, i);
            const v = Number(text);
            if (!Number.isFinite(v) || text === '-') return null;
            value = v;
          } else value = null;
        } else if (c === 78 && s.startsWith('None', i)) {
          value = null;
          i += 4;
        } else if (c === 84 && s.startsWith('True', i)) {
          value = true;
          i += 4;
        } else if (c === 70 && s.startsWith('False', i)) {
          value = false;
          i += 5;
        } else return null;
        // A word must end here (NoneX is not None).
        c = s.charCodeAt(i);
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return null;
        if (keep) rec[key] = value;
        while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
        if (c === 44) {
          i++;
          while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
          if (c === 125) {
            i++;
            break;
          }
          continue;
        }
        if (c === 125) {
          i++;
          break;
        }
        return null;
      }
    }
    out.push(rec);
    while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
    if (c === 44) {
      i++;
      while (i < n && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
      if (c === 93) return ws(s, i + 1) === n ? out : null;
      continue;
    }
    if (c === 93) return ws(s, i + 1) === n ? out : null;
    return null;
  }
}

function ws(s: string, i: number): number {
  let c: number;
  while (i < s.length && ((c = s.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9)) i++;
  return i;
}

/** The `name` of every dict in a list ([{'id': 16, 'name': 'Animation'}, …]). */
export function extractNames(text: string): LiteralResult<string[]> {
  const r = extractRecords(text, ['name']);
  if (!r.ok) return r;
  const names: string[] = [];
  for (const rec of r.value) {
    const n = rec['name'];
    if (typeof n === 'string' && n.trim() !== '') names.push(n);
  }
  return { ok: true, value: names };
}
