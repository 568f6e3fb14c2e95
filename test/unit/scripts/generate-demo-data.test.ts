// The demo data written at `npm install`: deterministic bytes, Kaggle schema, valid Python
// literals, half-star ratings with signal. Generated twice into temp dirs (~1.5 s each).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LABEL, generateDemoData, parseVegaDate, tmdbGenres } from '../../../scripts/generate-demo-data.mjs';
import { pyRepr, pyStr } from '../../../scripts/lib/python-literal.mjs';
import { parsePythonLiteral } from './python-literal-check';
import { itIf } from '../../support/skip';

const MOVIES_HEADER =
  'adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,original_title,overview,popularity,poster_path,production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,title,video,vote_average,vote_count';

/** Whether python3 runs here: the cross-check against Python's own literal parser needs it. */
const HAS_PYTHON = (() => {
  try {
    execFileSync('python3', ['-c', 'pass']);
    return true;
  } catch {
    return false;
  }
})();

let dirA = '';
let dirB = '';
let manifest: ReturnType<typeof generateDemoData>;

const read = (name: string) => readFileSync(join(dirA, name), 'utf8');
const parse = (name: string) => Papa.parse<string[]>(read(name), { skipEmptyLines: true });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'demo-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'demo-b-'));
  manifest = generateDemoData({ out: dirA });
  generateDemoData({ out: dirB });
  // ~3 s on an idle machine; the default 10 s hook timeout failed it on a busy shared 2-core box.
}, 120_000);
afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('generate-demo-data', () => {
  it('writes byte-identical files on every run', () => {
    const files = readdirSync(dirA).sort();
    expect(files).toEqual(['credits.csv', 'demo.json', 'keywords.csv', 'links.csv', 'movies_metadata.csv', 'ratings.csv']);
    for (const f of files) expect(sha(join(dirB, f)), f).toBe(sha(join(dirA, f)));
  });

  it('labels the set and lists every file with its size, row count and hash', () => {
    expect(manifest).not.toBeNull();
    const m = JSON.parse(read('demo.json'));
    expect(m.label).toBe(DEMO_LABEL);
    expect(m.label).toBe('demo data, synthetic ratings');
    for (const f of m.files) {
      const bytes = readFileSync(join(dirA, f.name));
      expect(bytes.length).toBe(f.bytes);
      expect(sha(join(dirA, f.name))).toBe(f.sha256);
      expect(parse(f.name).data.length - 1).toBe(f.rows);
    }
  });

  it('keeps about 3,000 real films and ~60k ratings from 600 users', () => {
    expect(manifest!.films).toBeGreaterThan(2900);
    expect(manifest!.films).toBeLessThan(3100);
    expect(manifest!.users).toBe(600);
    expect(manifest!.ratings).toBeGreaterThan(50_000);
    expect(manifest!.ratings).toBeLessThan(70_000);
  });

  it('writes movies_metadata.csv with the 24 Kaggle columns on every row', () => {
    const { data, errors } = parse('movies_metadata.csv');
    expect(errors).toEqual([]);
    expect(data[0].join(',')).toBe(MOVIES_HEADER);
    for (const row of data) expect(row).toHaveLength(24);
  });

  it('quotes titles that hold commas and keeps non-ASCII titles intact', () => {
    const rows = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    const titles = new Set(rows.map((r) => r.title));
    expect(titles).toContain('First Love, Last Rites');
    expect(titles).toContain('Léon'); // vega has "LÈon" (Mac Roman mojibake), repaired
    expect(titles).toContain('1776'); // numeric in vega's JSON
    expect(rows.find((r) => r.title === 'Titanic')).toMatchObject({ vote_average: '7.4', release_date: '1997-12-19', budget: '200000000' });
  });

  it('has unique ids, YYYY-MM-DD dates, unique title+year and Kaggle-style floats', () => {
    const rows = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.title + r.release_date.slice(0, 4))).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.release_date).toMatch(/^(19[1-9]\d|20[01]\d)-\d\d-\d\d$/);
      expect(r.adult).toBe('False');
      expect(r.video).toBe('False');
      expect(r.vote_count).toMatch(/^\d+\.0$/);
      expect(r.revenue).toMatch(/^\d+\.0$/);
      expect(r.runtime).toMatch(/^(\d+\.0)?$/);
      expect(Number(r.vote_average)).toBeGreaterThan(0);
      expect(Number(r.popularity)).toBeGreaterThan(0);
    }
  });

  it('writes every nested field as a Python literal that ast.literal_eval accepts', () => {
    const rows = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) {
      for (const col of ['genres', 'production_companies', 'production_countries', 'spoken_languages']) parsePythonLiteral(r[col]);
      if (r.belongs_to_collection) parsePythonLiteral(r.belongs_to_collection);
    }
    const first = rows[0].genres;
    expect(first).toMatch(/^\[\{'id': \d+, 'name': '[A-Za-z ]+'\}(, \{'id': \d+, 'name': '[A-Za-z ]+'\})*\]$/);
    const credits = Papa.parse<Record<string, string>>(read('credits.csv'), { header: true, skipEmptyLines: true }).data;
    for (const c of credits) {
      const cast = parsePythonLiteral(c.cast) as Array<Record<string, unknown>>;
      const crew = parsePythonLiteral(c.crew) as Array<Record<string, unknown>>;
      expect(Object.keys(cast[0])).toEqual(['cast_id', 'character', 'credit_id', 'gender', 'id', 'name', 'order', 'profile_path']);
      expect(crew.filter((p) => p.job === 'Director')).toHaveLength(1);
    }
    const keywords = Papa.parse<Record<string, string>>(read('keywords.csv'), { header: true, skipEmptyLines: true }).data;
    for (const k of keywords) expect((parsePythonLiteral(k.keywords) as unknown[]).length).toBeGreaterThan(0);
  });

  itIf(HAS_PYTHON, 'python3 is not on PATH or does not run')('agrees with Python itself on the genres, cast and crew literals', () => {
    const script =
      'import ast,csv,sys\n' +
      'n=0\n' +
      'for name,cols in (("movies_metadata.csv",("genres","production_companies","spoken_languages")),("credits.csv",("cast","crew")),("keywords.csv",("keywords",))):\n' +
      '  for row in csv.DictReader(open(sys.argv[1]+"/"+name,encoding="utf-8")):\n' +
      '    for c in cols:\n' +
      '      assert isinstance(ast.literal_eval(row[c]),list); n+=1\n' +
      'print(n)\n';
    const out = execFileSync('python3', ['-c', script, dirA], { encoding: 'utf8' });
    expect(Number(out)).toBe(6 * manifest!.films); // 3 + 2 + 1 literals per film
  });

  it('uses the real director from vega-datasets', () => {
    const movies = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    const credits = Papa.parse<Record<string, string>>(read('credits.csv'), { header: true, skipEmptyLines: true }).data;
    const titanic = movies.find((r) => r.title === 'Titanic')!;
    const crew = parsePythonLiteral(credits.find((c) => c.id === titanic.id)!.crew) as Array<Record<string, unknown>>;
    expect(crew.find((p) => p.job === 'Director')?.name).toBe('James Cameron');
  });

  it('recasts actors across films, so "same actor" signals exist', () => {
    const credits = Papa.parse<Record<string, string>>(read('credits.csv'), { header: true, skipEmptyLines: true }).data;
    const films = new Map<number, number>();
    for (const c of credits) for (const a of parsePythonLiteral(c.cast) as Array<{ id: number }>) films.set(a.id, (films.get(a.id) ?? 0) + 1);
    const recurring = [...films.values()].filter((n) => n >= 5).length;
    expect(recurring).toBeGreaterThan(500);
  });

  it('writes ratings on the half-star grid, sorted by user then movie, for known movies', () => {
    const ids = new Set(parse('movies_metadata.csv').data.slice(1).map((r) => r[5]));
    const { data } = parse('ratings.csv');
    expect(data[0]).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    const bad: string[] = [];
    let prev = [0, 0];
    for (const row of data.slice(1)) {
      const [u, m, r, t] = row;
      const rating = Number(r);
      const key = [Number(u), Number(m)];
      const sorted = key[0] > prev[0] || (key[0] === prev[0] && key[1] > prev[1]);
      // Timestamps after 1996-01-01 (820,454,400 s).
      if (rating * 2 !== Math.round(rating * 2) || rating < 0.5 || rating > 5 || !ids.has(m) || !sorted || !(Number(t) >= 820_454_400)) bad.push(row.join(','));
      prev = key;
    }
    expect(bad).toEqual([]);
  });

  it('calibrates ratings to IMDB: mean near 3.5 and film means track the IMDB rating', () => {
    const movies = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    const imdb = new Map(movies.map((r) => [r.id, Number(r.vote_average)]));
    const sums = new Map<string, [number, number]>();
    let total = 0;
    const rows = parse('ratings.csv').data.slice(1);
    for (const [, m, r] of rows) {
      const s = sums.get(m) ?? [0, 0];
      s[0] += Number(r);
      s[1]++;
      sums.set(m, s);
      total += Number(r);
    }
    expect(total / rows.length).toBeGreaterThan(3.3);
    expect(total / rows.length).toBeLessThan(3.7);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [m, [s, n]] of sums) if (n >= 10) xs.push(imdb.get(m)!), ys.push(s / n);
    const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, i) => ((sxy += (x - mx) * (ys[i] - my)), (sxx += (x - mx) ** 2), (syy += (ys[i] - my) ** 2)));
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.8);
  });

  it('maps each movieId to itself in links.csv', () => {
    const { data } = parse('links.csv');
    expect(data[0]).toEqual(['movieId', 'imdbId', 'tmdbId']);
    for (const [movieId, imdbId, tmdbId] of data.slice(1)) {
      expect(tmdbId).toBe(movieId);
      expect(imdbId).toMatch(/^\d{7}$/);
    }
  });
});

describe('demo helpers', () => {
  it('parses vega dates and repairs the wrong century', () => {
    expect(parseVegaDate('Jun 12 1998')).toEqual({ date: '1998-06-12', year: 1998 });
    expect(parseVegaDate('Dec 15 2039')).toEqual({ date: '1939-12-15', year: 1939 });
    expect(parseVegaDate('TBD')).toBeNull();
    expect(parseVegaDate(null)).toBeNull();
  });

  it('maps vega genres to TMDB genres', () => {
    const names = (g: string | null, extra = {}) => tmdbGenres({ Title: 'x', 'Major Genre': g, ...extra }).map((x) => x.name);
    expect(names('Thriller/Suspense')).toEqual(['Thriller', 'Mystery']);
    expect(names('Romantic Comedy')).toEqual(['Romance', 'Comedy']);
    expect(names('Black Comedy')).toEqual(['Comedy', 'Crime']);
    expect(names('Concert/Performance')).toEqual(['Music', 'Documentary']);
    expect(names('Musical')).toEqual(['Music']);
    expect(names(null)).toEqual(['Drama']);
    expect(names(null, { 'Creative Type': 'Science Fiction' })).toEqual(['Science Fiction']);
  });

  it('writes strings the way Python repr does', () => {
    expect(pyStr('Tom Hanks')).toBe("'Tom Hanks'");
    expect(pyStr("O'Brien")).toBe('"O\'Brien"');
    expect(pyStr('He said "hi" and it\'s fine')).toBe("'He said \"hi\" and it\\'s fine'");
    expect(pyStr('back\\slash\nnew')).toBe("'back\\\\slash\\nnew'");
    expect(pyStr('Zoë 北野武')).toBe("'Zoë 北野武'");
    expect(pyRepr([{ id: 18, name: 'Drama' }, { id: 80, name: 'Crime' }])).toBe("[{'id': 18, 'name': 'Drama'}, {'id': 80, 'name': 'Crime'}]");
    expect(pyRepr({ a: null, b: true, c: false })).toBe("{'a': None, 'b': True, 'c': False}");
  });
});
