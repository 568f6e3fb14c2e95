// Cleaning rules of The Movies Dataset readers, one behaviour per test, on the hand-written
// fixtures in test/fixtures/etl (tiny-movies_metadata.csv rows are commented in the generator).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/dataset';
import type { EtlReport } from '../../../src/etl/report';
import { counts, fileReport, fixture, loadDataset } from './helpers';

let dataset: Dataset;
let report: EtlReport;
const idx = (tmdb: number) => Array.from(dataset.catalog.tmdbIds).indexOf(tmdb);

beforeAll(async () => {
  // 37-byte chunks: rows and quoted fields straddle chunk boundaries.
  const files = ['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => fixture(f, f, 37));
  ({ dataset, report } = await loadDataset(files, { name: 'fixture' }));
});

describe('movies_metadata.csv cleaning', () => {
  it('recognises the three Kaggle files', () => {
    expect(report.files.map((f) => f.format).sort()).toEqual(['tmdb-credits', 'tmdb-keywords', 'tmdb-movies-metadata']);
  });
  it('reads 12 rows and keeps 7', () => {
    const f = fileReport(report.files, 'movies_metadata.csv');
    expect([f.rowsRead, f.kept, f.dropped]).toEqual([12, 7, 5]);
  });
  it('drops each broken row under its own reason', () => {
    expect(counts(fileReport(report.files, 'movies_metadata.csv').dropReasons)).toEqual({
      'id is not a positive integer (shifted columns)': 1,
      'duplicate id': 1,
      'missing title': 1,
      'empty row': 1,
      'wrong column count': 1,
    });
  });
  it('keeps the first of duplicate ids', () => {
    expect(dataset.catalog.titles[idx(862)]).toBe('Toy Story');
  });
  it('samples the dropped row with its row number and a short excerpt', () => {
    const s = fileReport(report.files, 'movies_metadata.csv').dropReasons['id is not a positive integer (shifted columns)']!.samples[0]!;
    expect(s.row).toBe(3);
    expect(s.excerpt).toContain('1997-08-20');
    expect(s.excerpt.length).toBeLessThanOrEqual(200);
  });
  it('falls back to original_title when title is empty', () => {
    expect(dataset.catalog.titles[idx(100)]).toBe('Les Misérables');
  });
  it('keeps adult titles with the adult flag', () => {
    expect(dataset.catalog.adult[idx(102)]).toBe(1);
    expect(dataset.catalog.adult[idx(862)]).toBe(0);
  });
  it('takes the year from ISO and M/D/YYYY dates, 0 when missing or unparsable', () => {
    expect([862, 8844, 103, 104, 105].map((t) => dataset.catalog.years[idx(t)])).toEqual([1995, 1995, 0, 0, 2010]);
  });
  it('collapses whitespace in titles and keeps non-ASCII', () => {
    expect(dataset.catalog.titles[idx(103)]).toBe("Pharaoh's Army");
    expect(dataset.catalog.titles[idx(104)]).toBe('Amélie');
  });
  it('stores non-numeric numbers as NaN / 0 and exponents as numbers', () => {
    const i = idx(104);
    expect(dataset.catalog.voteAverage[i]).toBeNaN();
    expect(dataset.catalog.voteCount[i]).toBe(0);
    expect(dataset.catalog.popularity[i]).toBeCloseTo(8.2e-5);
  });
  it('counts every repair', () => {
    expect(counts(fileReport(report.files, 'movies_metadata.csv').repairs)).toEqual({
      'missing title, original_title used': 1,
      'adult title flagged': 1,
      'whitespace trimmed/collapsed in title': 1,
      'unparsable release date (year 0)': 1,
      'missing release date (year 0)': 1,
      'non-numeric vote_average': 1,
      'non-numeric vote_count': 1,
      'malformed genres literal (no genres)': 1,
    });
  });
  it('keeps a row whose genres literal is malformed, without genres', () => {
    expect(dataset.catalog.genreBits[idx(105)]).toBe(0);
  });
  it('builds genre bits from the genres literal', () => {
    const names = dataset.catalog.genreNames;
    const bits = dataset.catalog.genreBits[idx(862)]!;
    expect(names.filter((_, g) => bits & (1 << g))).toEqual(['Animation', 'Comedy']);
  });
});

describe('credits.csv', () => {
  it('keeps 4 rows, drops a date id and a duplicate', () => {
    const f = fileReport(report.files, 'credits.csv');
    expect([f.rowsRead, f.kept]).toEqual([6, 4]);
    expect(counts(f.dropReasons)).toEqual({ 'id is not a positive integer': 1, 'duplicate id': 1 });
  });
  it('orders cast by billing order and keeps apostrophes', () => {
    const c = dataset.catalog;
    const i = idx(862);
    const cast = Array.from(c.castIds.subarray(c.castOffsets[i], c.castOffsets[i + 1])).map((p) => c.people[p]);
    expect(cast).toEqual(['Tom Hanks', 'Second Billed', "Laurie O'Metcalf"]);
  });
  it('takes the first director and the writers from crew', () => {
    const c = dataset.catalog;
    expect(c.people[c.director[idx(862)]!]).toBe('John Lasseter');
    expect(c.people[c.director[idx(8844)]!]).toBe('Joe Johnston');
    const i = idx(862);
    expect(Array.from(c.writerIds!.subarray(c.writerOffsets![i], c.writerOffsets![i + 1])).map((p) => c.people[p])).toEqual(['Joss Whedon', 'Pete Docter']);
  });
  it('keeps a row with a malformed cast literal, reporting it as a repair', () => {
    expect(counts(fileReport(report.files, 'credits.csv').repairs)).toEqual({ 'malformed cast literal (no cast)': 1 });
  });
  it('reports the credits join rate (3 of 4 credit ids are movies)', () => {
    expect(report.joins.find((j) => j.name.startsWith('credits → movies'))).toMatchObject({ total: 4, matched: 3, rate: 0.75 });
  });
});

describe('keywords.csv', () => {
  it('drops duplicates and malformed literals', () => {
    const f = fileReport(report.files, 'keywords.csv');
    expect([f.rowsRead, f.kept]).toEqual([6, 4]);
    expect(counts(f.dropReasons)).toEqual({ 'duplicate id': 1, 'malformed keywords literal': 1 });
  });
  it('attaches keywords to movies on TMDB id', () => {
    const c = dataset.catalog;
    const i = idx(8844);
    expect(Array.from(c.keywordIds.subarray(c.keywordOffsets[i], c.keywordOffsets[i + 1])).map((k) => c.keywordNames[k])).toEqual(["based on children's book"]);
  });
  it('reports the keywords join rate', () => {
    expect(report.joins.find((j) => j.name.startsWith('keywords → movies'))).toMatchObject({ total: 4, matched: 3 });
  });
});
