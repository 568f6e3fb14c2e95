// The full-size Kaggle generator, run small (400 movies): row counts, schema, the real
// file's defects (3 shifted rows with a date in `id`, duplicate ids), literals, determinism.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMoviesDataset } from '../../../scripts/generate-movies-dataset.mjs';
import { parsePythonLiteral } from './python-literal-check';

const N = 400;
let dirA = '';
let dirB = '';
let summary: Awaited<ReturnType<typeof generateMoviesDataset>>;
const read = (name: string) => readFileSync(join(dirA, name), 'utf8');
const sha = (dir: string, name: string) => createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
const FILES = ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv'];

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'mds-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'mds-b-'));
  summary = await generateMoviesDataset({ out: dirA, movies: N, seed: 3 });
  await generateMoviesDataset({ out: dirB, movies: N, seed: 3 });
});
afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('generate-movies-dataset', () => {
  it('is deterministic for a seed', () => {
    for (const f of FILES) expect(sha(dirB, f), f).toBe(sha(dirA, f));
  });

  it('writes the requested number of movies_metadata rows, as a CSV parser counts them', () => {
    const rows = Papa.parse<string[]>(read('movies_metadata.csv'), { skipEmptyLines: true }).data;
    expect(rows[0]).toHaveLength(24);
    expect(rows.length - 1).toBe(N);
    expect(summary.files['movies_metadata.csv'].rows).toBe(N);
  });

  it('reproduces the three broken records: 10 fields, then a shifted row with a date in id', () => {
    const rows = Papa.parse<string[]>(read('movies_metadata.csv'), { skipEmptyLines: true }).data.slice(1);
    const short = rows.filter((r) => r.length === 10);
    const shifted = rows.filter((r) => r.length === 15);
    expect(short).toHaveLength(3);
    expect(shifted).toHaveLength(3);
    expect(rows.filter((r) => r.length !== 24 && r.length !== 10 && r.length !== 15)).toEqual([]);
    expect(shifted.map((r) => r[5])).toEqual(['1997-08-20', '2012-09-29', '2014-01-01']); // `id` column
    expect(shifted[0][0]).toBe(' - Written by Ørnås'); // `adult` column
  });

  it('repeats some ids, like the real file', () => {
    const rows = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data;
    const ids = rows.map((r) => r.id).filter((id) => /^\d+$/.test(id));
    expect(ids.length - new Set(ids).size).toBe(summary.duplicateRows);
    expect(summary.distinctMovies).toBe(new Set(ids).size);
  });

  it('writes nested fields as Python literals and Kaggle formats for the rest', () => {
    const rows = Papa.parse<Record<string, string>>(read('movies_metadata.csv'), { header: true, skipEmptyLines: true }).data.filter((r) => r.title !== undefined && /^\d+$/.test(r.id));
    for (const r of rows) {
      for (const col of ['genres', 'production_companies', 'production_countries', 'spoken_languages']) parsePythonLiteral(r[col]);
      if (r.belongs_to_collection) parsePythonLiteral(r.belongs_to_collection);
      expect(r.release_date).toMatch(/^(\d{4}-\d\d-\d\d)?$/);
      expect(['True', 'False']).toContain(r.video);
      expect(r.vote_count).toMatch(/^\d+\.0$/);
    }
  });

  it('writes credits with Kaggle field order and realistic list lengths', () => {
    const rows = Papa.parse<Record<string, string>>(read('credits.csv'), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(summary.files['credits.csv'].rows);
    let castTotal = 0;
    let crewTotal = 0;
    for (const r of rows) {
      const cast = parsePythonLiteral(r.cast) as Array<Record<string, unknown>>;
      const crew = parsePythonLiteral(r.crew) as Array<Record<string, unknown>>;
      castTotal += cast.length;
      crewTotal += crew.length;
      if (cast.length) expect(Object.keys(cast[0])).toEqual(['cast_id', 'character', 'credit_id', 'gender', 'id', 'name', 'order', 'profile_path']);
      if (crew.length) expect(Object.keys(crew[0])).toEqual(['credit_id', 'department', 'gender', 'id', 'job', 'name', 'profile_path']);
      for (const c of crew) expect(c.credit_id).toMatch(/^[0-9a-f]{24}$/);
    }
    expect(castTotal / rows.length).toBeGreaterThan(8);
    expect(crewTotal / rows.length).toBeGreaterThan(6);
  });

  it('writes keywords with duplicate ids and links with CRLF and some empty tmdbIds', () => {
    const kw = Papa.parse<string[]>(read('keywords.csv'), { skipEmptyLines: true }).data.slice(1);
    expect(kw.length).toBe(summary.files['keywords.csv'].rows);
    expect(kw.length).toBeGreaterThan(new Set(kw.map((r) => r[0])).size);
    for (const [, list] of kw) parsePythonLiteral(list);
    const linksText = read('links.csv');
    expect(linksText.startsWith('movieId,imdbId,tmdbId\r\n')).toBe(true);
    const links = Papa.parse<string[]>(linksText, { skipEmptyLines: true }).data.slice(1);
    expect(links.length).toBe(summary.files['links.csv'].rows);
    expect(links.some((r) => r[2] === '')).toBe(true);
    for (const [movieId, imdbId] of links) {
      expect(movieId).toMatch(/^\d+$/);
      expect(imdbId).toMatch(/^\d{7}$/);
    }
  });
});
