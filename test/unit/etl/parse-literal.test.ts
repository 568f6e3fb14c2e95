import { describe, expect, it } from 'vitest';
import { extractNames, extractRecords, parseLiteral } from '../../../src/etl/parse-literal';

const ok = (text: string) => {
  const r = parseLiteral(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parseLiteral', () => {
  it('reads single-quoted Python dicts', () => {
    expect(ok("{'id': 16, 'name': 'Animation'}")).toEqual({ id: 16, name: 'Animation' });
  });
  it('reads JSON with double quotes, true/false/null', () => {
    expect(ok('[{"a": true, "b": false, "c": null}]')).toEqual([{ a: true, b: false, c: null }]);
  });
  it('maps None/True/False', () => {
    expect(ok('[None, True, False]')).toEqual([null, true, false]);
  });
  it('keeps apostrophes inside double-quoted strings', () => {
    expect(ok(`{'name': "based on children's book"}`)).toEqual({ name: "based on children's book" });
  });
  it('unescapes escaped quotes and backslashes', () => {
    expect(ok(String.raw`['It\'s', "say \"hi\"", 'a\\b']`)).toEqual(["It's", 'say "hi"', 'a\\b']);
  });
  it('decodes \\x, \\u and \\U escapes', () => {
    expect(ok(String.raw`['caf\xe9', '\u00e9t\u00e9', '\U0001F600']`)).toEqual(['café', 'été', '😀']);
  });
  it('keeps unknown escapes verbatim as Python does', () => {
    expect(ok(String.raw`'a\d'`)).toBe('a\\d');
  });
  it('preserves non-ASCII text', () => {
    expect(ok("{'name': 'Les Misérables – 東京'}")).toEqual({ name: 'Les Misérables – 東京' });
  });
  it('parses nested lists and dicts', () => {
    expect(ok("{'a': [1, [2, {'b': (3, 4)}]], 'c': {}}")).toEqual({ a: [1, [2, { b: [3, 4] }]], c: {} });
  });
  it('parses ints, floats, negatives and exponents', () => {
    expect(ok('[0, -12, 3.5, 8.20E-05, 1e3, .5]')).toEqual([0, -12, 3.5, 8.2e-5, 1000, 0.5]);
  });
  it('accepts trailing commas', () => {
    expect(ok('[1, 2,]')).toEqual([1, 2]);
  });
  it('treats __proto__ as a plain key', () => {
    const v = ok("{'__proto__': {'polluted': 1}}") as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it.each([
    ["[{'id': 1, 'name': 'x'", 'unexpected end'],
    ["{'name': 'unterminated}", 'unterminated string'],
    ['[1 2]', "expected ','"],
    ["[{'a': 1}] extra", 'trailing characters'],
    ['__import__("os")', 'unexpected'],
    ['', 'unexpected end'],
    ['[1.2.3]', 'bad number'],
  ])('returns an error value for malformed input %j', (text, reason) => {
    const r = parseLiteral(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
  it('rejects hostile nesting without overflowing the stack', () => {
    const r = parseLiteral('['.repeat(100000));
    expect(r).toMatchObject({ ok: false, reason: 'nesting too deep' });
  });
});

describe('extractRecords', () => {
  it('keeps only the requested scalar keys', () => {
    const r = extractRecords("[{'name': 'A', 'order': 1, 'profile_path': None, 'x': [1, {'y': 'z'}]}]", ['name', 'order', 'x']);
    expect(r).toEqual({ ok: true, value: [{ name: 'A', order: 1 }] });
  });
  it('treats empty, None and [] as an empty list', () => {
    for (const t of ['', '  ', 'None', '[]']) expect(extractRecords(t, ['name'])).toEqual({ ok: true, value: [] });
  });
  it('reports a list of non-dicts as an error', () => {
    expect(extractRecords('[1, 2]', ['name']).ok).toBe(false);
  });
  it('reports truncated input as an error, not a throw', () => {
    expect(extractRecords("[{'name': 'Tom Hanks', 'order': 0}, {'name': 'Tim", ['name'])).toMatchObject({ ok: false });
  });
});

describe('extractNames', () => {
  it('returns names in order', () => {
    expect(extractNames("[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]")).toEqual({ ok: true, value: ['Animation', 'Comedy'] });
  });
});
