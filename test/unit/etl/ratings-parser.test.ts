// The byte parser's fast loop and its checked fallback must agree whatever the chunking: lines
// split anywhere (inside a number, between \r and \n, in the BOM) give the same arrays and the
// same drops as one whole buffer, and match values computed independently with split/Number.
import { describe, expect, it } from 'vitest';
import { newRawRatings, RatingsByteParser } from '../../../src/etl/ratings-parser';
import { rng } from './helpers';

function parse(text: Uint8Array, chunk: number, delimiter: ',' | '\t' | '::', header: boolean, capacity = 16) {
  const raw = newRawRatings(capacity);
  const drops: string[] = [];
  const p = new RatingsByteParser(raw, delimiter, header, (reason, row) => drops.push(`${row}:${reason}`));
  for (let o = 0; o < text.length; o += chunk) p.push(text.subarray(o, Math.min(text.length, o + chunk)));
  p.end();
  const n = raw.users.length;
  return {
    rows: p.rows,
    kept: p.kept,
    drops,
    users: Array.from(raw.users.data.subarray(0, n)),
    items: Array.from(raw.items.data.subarray(0, n)),
    ratings: raw.codes ? Array.from(raw.codes.data.subarray(0, n), (c) => c / 2) : Array.from(raw.floats!.data.subarray(0, n)),
    codes: raw.codes !== null,
    days: Array.from(raw.days.data.subarray(0, n)),
  };
}

function randomFile(rand: () => number, d: string): { text: string; expected: number[][]; bad: number } {
  const lines: string[] = [];
  const expected: number[][] = [];
  let bad = 0;
  for (let k = 0; k < 400; k++) {
    const u = Math.floor(rand() * 300000);
    const it = Math.floor(rand() * 200000);
    const r = Math.round(rand() * 10) / 2;
    const t = Math.floor(rand() * 2 ** 32);
    const x = rand();
    const eol = rand() < 0.3 ? '\r\n' : '\n';
    if (x < 0.05) {
      lines.push(pickBad(rand, d) + eol);
      bad++;
    } else if (x < 0.1) {
      // Slow-path shapes that are still valid: padded fields, a 3-field row (no timestamp).
      lines.push(rand() < 0.5 ? ` ${u}${d}${it}${d}${r}${d}${t}${eol}` : `${u}${d}${it}${d}${r}${eol}`);
      expected.push(lines[lines.length - 1]!.startsWith(' ') ? [u, it, r, t] : [u, it, r, 0]);
    } else {
      lines.push(`${u}${d}${it}${d}${Number.isInteger(r) && rand() < 0.5 ? String(r) : r.toFixed(1)}${d}${t}${eol}`);
      expected.push([u, it, r, t]);
    }
  }
  return { text: lines.join(''), expected, bad };
}

function pickBad(rand: () => number, d: string): string {
  const options = [`x${d}1${d}2${d}3`, `1${d}y${d}2${d}3`, `1${d}2${d}abc${d}3`, `1${d}2`, '', `1${d}2${d}3${d}4${d}5`, `-1${d}2${d}3${d}4`];
  return options[Math.floor(rand() * options.length)]!;
}

describe('RatingsByteParser', () => {
  for (const d of [',', '\t', '::'] as const) {
    it(`gives the same rows for every chunk size (delimiter ${JSON.stringify(d)}) and the values split/Number give`, () => {
      const rand = rng(d.length * 31 + d.charCodeAt(0));
      const { text, expected, bad } = randomFile(rand, d);
      const header = d === ',';
      const bytes = new TextEncoder().encode((header ? '\uFEFFuserId,movieId,rating,timestamp\r\n' : '') + text);
      const whole = parse(bytes, bytes.length, d, header);
      // Timestamps are kept as whole days since 1970 (Uint16).
      expect(whole.users.map((u, i) => [u, whole.items[i], whole.ratings[i], whole.days[i]])).toEqual(expected.map(([u, it, r, t]) => [u, it, r, Math.floor(t! / 86400)]));
      expect(whole.codes).toBe(true);
      expect(whole.drops).toHaveLength(bad);
      expect(whole.rows).toBe(expected.length + bad);
      for (const chunk of [1, 2, 3, 5, 13, 64, 1000]) expect(parse(bytes, chunk, d, header), `chunk ${chunk}`).toEqual(whole);
      // A small initial capacity makes the hot loop grow its arrays mid-chunk.
      expect(parse(bytes, 4096, d, header, 1)).toEqual(whole);
    });
  }

  it('keeps a last line without a newline', () => {
    const r = parse(new TextEncoder().encode('1,2,3.5,4\n5,6,4.5,7'), 3, ',', false);
    expect([r.users, r.items, r.ratings, r.days]).toEqual([[1, 5], [2, 6], [3.5, 4.5], [0, 0]]);
  });

  it('stores half-star ratings as one-byte codes and timestamps as days', () => {
    const raw = newRawRatings(4);
    const p = new RatingsByteParser(raw, ',', false, () => undefined);
    p.push(new TextEncoder().encode('1,2,0.5,86399\n1,3,5.0,86400\n2,2,10,1500000000\n'));
    p.end();
    expect(raw.floats).toBeNull();
    expect(Array.from(raw.codes!.data.subarray(0, 3))).toEqual([1, 10, 20]);
    expect(Array.from(raw.days.data.subarray(0, 3))).toEqual([0, 1, 17361]);
  });

  for (const chunk of [1, 7, 4096]) {
    it(`switches to Float32 at the first rating that is not a multiple of 0.5, keeping the earlier ones (chunk ${chunk})`, () => {
      // 3.25 comes through the fast path's shape, ' 2.7' through the checked path; both switch.
      for (const odd of ['3.25', ' 2.7']) {
        const text = `1,2,4.5,10\n1,3,2,20\n2,4,${odd},30\n3,5,1.5,40\n`;
        const r = parse(new TextEncoder().encode(text), chunk, ',', false, 1);
        expect(r.codes).toBe(false);
        expect(r.ratings).toEqual([4.5, 2, Math.fround(Number(odd)), 1.5]);
        expect(r.users).toEqual([1, 1, 2, 3]);
        expect(r.kept).toBe(4);
      }
    });
  }

  it('keeps ratings above 127.5 or below 0 as Float32 values', () => {
    expect(parse(new TextEncoder().encode('1,2,3,4\n1,3,200,5\n'), 64, ',', false).ratings).toEqual([3, 200]);
    const neg = parse(new TextEncoder().encode('1,2,3,4\n1,3,-1,5\n'), 64, ',', false);
    expect([neg.codes, neg.ratings]).toEqual([false, [3, -1]]);
  });
});
