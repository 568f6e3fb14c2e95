// extractRecords' one-pass fast path must give exactly what the general scanner gives: same
// records for the flat lists it accepts, and the general path's answer (value or error) for
// everything else. Compared on generated literals (escapes, None/True/False, numbers, nesting,
// whitespace) and on corrupted copies of them.
import { describe, expect, it } from 'vitest';
import { extractRecords, extractRecordsGeneral } from '../../../src/etl/parse-literal';
import { rng } from './helpers';

const KEYS = ['name', 'order', 'job', 'department'];

function literal(rand: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const str = (): string => {
    const body = pick(['Tom Hanks', "O'Brien", 'Zoë Ørnås', 'a\\\\b', 'it\\\'s', 'x\\ny', '北野武', '', 'Director', 'Writing', '  spaced  out ']);
    return body.includes("'") && !body.includes("\\'") ? `"${body}"` : `'${body}'`;
  };
  const scalar = (): string => pick([str(), str(), String(Math.floor(rand() * 100)), '-3', '1.5e3', '0.0', 'None', 'True', 'False', 'nan', '1_000', "u'x'"]);
  const value = (): string => (rand() < 0.05 ? pick(['[1, 2]', "{'a': 1}", '()']) : scalar());
  const sp = () => pick(['', ' ', '  ', '\n']);
  const dict = (): string => {
    const n = Math.floor(rand() * 6);
    const parts: string[] = [];
    for (let k = 0; k < n; k++) parts.push(`${pick(["'name'", "'order'", "'job'", "'department'", "'id'", "'credit_id'", '"name"', "'__proto__'"])}:${sp()}${value()}`);
    return `{${sp()}${parts.join(`,${sp()}`)}${rand() < 0.1 ? ',' : ''}}`;
  };
  const n = Math.floor(rand() * 5);
  const items: string[] = [];
  for (let k = 0; k < n; k++) items.push(dict());
  return `[${items.join(`,${sp()}`)}${rand() < 0.1 ? ',' : ''}]`;
}

function corrupt(s: string, rand: () => number): string {
  const at = Math.floor(rand() * (s.length + 1));
  const op = rand();
  if (op < 0.4) return s.slice(0, at) + s.slice(at + 1);
  if (op < 0.8) return s.slice(0, at) + "[]{}(),:'\"\\ Nx1-"[Math.floor(rand() * 17)] + s.slice(at);
  return s.slice(0, at);
}

describe('extractRecords fast path', () => {
  it('agrees with the general scanner on 20,000 generated and corrupted literals', () => {
    const rand = rng(7);
    let fastAccepted = 0;
    for (let n = 0; n < 20_000; n++) {
      const base = literal(rand);
      const text = n % 2 ? corrupt(base, rand) : base;
      const got = extractRecords(text, KEYS);
      const want = extractRecordsGeneral(text, KEYS);
      if (got.ok && want.ok) fastAccepted++;
      expect(got, text).toEqual(want);
    }
    expect(fastAccepted).toBeGreaterThan(5_000);
  });

  it('keeps a credits-shaped crew list exactly', () => {
    const crew = "[{'credit_id': '52fe4284c3a36847f8024f49', 'department': 'Directing', 'gender': 2, 'id': 7879, 'job': 'Director', 'name': 'John Lasseter', 'profile_path': '/7EdqiNbr4FRjIhKHyPPdFfEEEFG.jpg'}, {'credit_id': '52fe4284c3a36847f8024f4f', 'department': 'Writing', 'gender': 2, 'id': 12891, 'job': 'Screenplay', 'name': 'Joss Whedon', 'profile_path': None}]";
    expect(extractRecords(crew, ['name', 'job', 'department'])).toEqual({
      ok: true,
      value: [
        { department: 'Directing', job: 'Director', name: 'John Lasseter' },
        { department: 'Writing', job: 'Screenplay', name: 'Joss Whedon' },
      ],
    });
  });
});
