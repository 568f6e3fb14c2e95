// Cuts the embedded demo's slice of the streaming catalogues (maintainers run it; its output is
// committed, since a fresh clone has no ../shared): from each of the four 2021 catalogues
// (Netflix, Prime Video, Disney+, Hulu; Shivam Bansal, CC0 1.0), every movie whose title and
// year (± 1) match a demo film, plus the service's first SERIES_PER_SERVICE series in file order,
// every value kept as published (flaws included: the ETL's handling of them is part of
// what the demo shows). Written gzipped to scripts/data/demo-catalogues/; generate-demo-data.mjs
// unpacks them into public/demo at install.
//
// Usage: node scripts/make-demo-catalogues.mjs [--from DIR] [--demo DIR] [--out DIR]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { isMainModule, parseArgs } from './lib/cli-args.mjs';
import { csvRow } from './lib/csv-field.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CATALOGUE_FILES = ['netflix_titles.csv', 'amazon_prime_titles.csv', 'disney_plus_titles.csv', 'hulu_titles.csv'];
const SERIES_PER_SERVICE = 40;

/**
 * A title reduced for matching only: lower case, no diacritics or punctuation, no leading article.
 * @param {string} title
 */
function matchKey(title) {
  const plain = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return plain.replace(/[^a-z0-9]+/g, ' ').trim().replace(/^(the|a|an) /, '');
}

/**
 * @param {string} text CSV with a header
 * @returns {Record<string, string>[]}
 */
function rows(text) {
  return Papa.parse(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * @param {{ from?: string, demo?: string, out?: string }} options
 * @returns {Array<{ file: string, movies: number, series: number, bytes: number }>}
 */
export function makeDemoCatalogues(options = {}) {
  const from = resolve(options.from ?? join(ROOT, '..', 'shared', 'data', 'streaming-catalogues'));
  const demo = resolve(options.demo ?? join(ROOT, 'public', 'demo'));
  const out = resolve(options.out ?? join(ROOT, 'scripts', 'data', 'demo-catalogues'));
  /** @type {Map<string, number[]>} */
  const demoYears = new Map();
  for (const film of rows(readFileSync(join(demo, 'movies_metadata.csv'), 'utf8'))) {
    const key = matchKey(film.title ?? '');
    demoYears.set(key, [...(demoYears.get(key) ?? []), Number((film.release_date ?? '').slice(0, 4))]);
  }
  mkdirSync(out, { recursive: true });
  return CATALOGUE_FILES.map((file) => {
    const text = readFileSync(join(from, file), 'utf8');
    const header = text.slice(0, text.indexOf('\n'));
    const all = rows(text);
    const movies = all.filter((r) => r.type === 'Movie' && (demoYears.get(matchKey(r.title ?? '')) ?? []).some((y) => Math.abs(y - Number(r.release_year)) <= 1));
    const series = all.filter((r) => r.type === 'TV Show').slice(0, SERIES_PER_SERVICE);
    const kept = new Set([...movies, ...series]);
    const columns = header.split(',');
    const lines = [header, ...all.filter((r) => kept.has(r)).map((r) => csvRow(columns.map((c) => r[c] ?? '')))];
    const bytes = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
    writeFileSync(join(out, `${file}.gz`), bytes);
    return { file, movies: movies.length, series: series.length, bytes: bytes.length };
  });
}

if (isMainModule(import.meta.url)) {
  const flags = parseArgs(process.argv.slice(2));
  /** @type {{ from?: string, demo?: string, out?: string }} */
  const options = {};
  for (const name of /** @type {const} */ (['from', 'demo', 'out'])) {
    const value = flags.get(name);
    if (value) options[name] = value;
  }
  for (const s of makeDemoCatalogues(options)) console.log(`${s.file}: ${s.movies} movies, ${s.series} series, ${s.bytes} bytes gzipped`);
}
