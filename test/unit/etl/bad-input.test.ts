// Hostile and broken input: every case must end in a report entry or an EtlError, never a
// crash or a hang. Includes a seeded property test over random bytes and chunk sizes.
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ratingValues } from '../../../src/dataset/dataset';
import { EtlError } from '../../../src/etl/errors';
import { counts, fileReport, fixture, loadDataset, rng, sourceFromBytes, sourceFromText } from './helpers';

const RATINGS = 'userId,movieId,rating,timestamp\n1,10,4.0,100\n2,10,3.5,200\n2,20,1.0,300\n';
const ratings = () => sourceFromText('ratings.csv', RATINGS);

describe('unusable files become report entries', () => {
  it('reports an empty file', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('movies.csv', '')]);
    expect(fileReport(report.files, 'movies.csv')).toMatchObject({ format: 'unknown', used: false, error: expect.stringContaining('empty file') });
  });
  it('reports binary content', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) & 255);
    const { report } = await loadDataset([ratings(), sourceFromBytes('movies_metadata.csv', bytes)]);
    expect(fileReport(report.files, 'movies_metadata.csv').error).toContain('binary');
  });
  it('reports an unknown header', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('notes.csv', 'a,b,c\n1,2,3\n')]);
    expect(fileReport(report.files, 'notes.csv').error).toContain('unrecognised header');
  });
  it('reports a wrong delimiter', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('links.csv', 'movieId;imdbId;tmdbId\n1;2;3\n')]);
    expect(fileReport(report.files, 'links.csv').error).toContain('wrong delimiter');
  });
  it('fails with an EtlError when nothing usable is given', async () => {
    await expect(loadDataset([sourceFromText('x.bin', '\u0000\u0001')])).rejects.toBeInstanceOf(EtlError);
    await expect(loadDataset([])).rejects.toBeInstanceOf(EtlError);
  });
  it('accepts a header-only file with zero rows', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('links.csv', 'movieId,imdbId,tmdbId\n')]);
    expect(fileReport(report.files, 'links.csv')).toMatchObject({ format: 'links', rowsRead: 0, note: 'no data rows' });
  });
  it('reports a corrupt gzip file', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('links.csv.gz', 'not gzip at all')]);
    expect(fileReport(report.files, 'links.csv.gz').error).toMatch(/gzip/);
  });
  it('reports a corrupt zip file', async () => {
    const { report } = await loadDataset([ratings(), sourceFromText('data.zip', 'PK\u0003\u0004garbage')]);
    expect(fileReport(report.files, 'data.zip').error).toMatch(/zip/);
  });
});

describe('text quirks', () => {
  it('strips a UTF-8 BOM before the header', async () => {
    const { dataset } = await loadDataset([sourceFromText('ratings.csv', '\uFEFF' + RATINGS)]);
    expect(dataset.ratings.length).toBe(3);
  });
  it('reads CRLF line endings', async () => {
    const { dataset } = await loadDataset([sourceFromText('ratings.csv', RATINGS.replace(/\n/g, '\r\n'))]);
    expect(Array.from(ratingValues(dataset.ratings.ratings))).toEqual([4, 3.5, 1]);
  });
  it('reads a last line without its line end when it has all 4 fields, drops it as truncated otherwise', async () => {
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', RATINGS + '3,20,2.0,400\n4,2')]);
    expect(dataset.ratings.length).toBe(4);
    expect(counts(fileReport(report.files, 'ratings.csv').dropReasons)).toEqual({ 'truncated last row (no line end, 2 of 4 fields)': 1 });
  });
  it('handles doubled quotes inside quoted fields', async () => {
    const csv = 'movieId,title,genres\n1,"The ""Great"" Escape (1963)",Drama\n';
    const { dataset } = await loadDataset([sourceFromText('movies.csv', csv)]);
    expect(dataset.catalog.titles[0]).toBe('The "Great" Escape');
  });
  it('reads a 10 MB single field in linear time (and keeps its first 500 characters)', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const csv = `movieId,title,genres\n1,"${big} (2000)",Drama\n2,Short (2001),Comedy\n`;
    const t = performance.now();
    const { dataset } = await loadDataset([sourceFromText('movies.csv', csv, 1 << 14)]);
    // MAX_TITLE_CHARS (src/etl/text-limits.ts): 499 characters and the '…' that marks the cut.
    expect(dataset.catalog.titles[0]).toBe('x'.repeat(499) + '…');
    expect(dataset.catalog.size).toBe(2);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
  it('drops the row of an unterminated quote and reads the lines after it, not a hang', async () => {
    const csv = 'movieId,title,genres\n1,"never closed,Drama\n2,x,y\n';
    const { dataset, report } = await loadDataset([ratings(), sourceFromText('movies.csv', csv)]);
    const f = fileReport(report.files, 'movies.csv');
    expect([f.rowsRead, f.kept, f.dropped]).toEqual([2, 1, 1]);
    expect(dataset.catalog.titles).toEqual(['x']);
  });
  it('decodes Latin-1 u.item bytes', async () => {
    const line = new Uint8Array([...new TextEncoder().encode('1|Mis'), 0xe9, ...new TextEncoder().encode('rables (1995)|01-Jan-1995||u|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n')]);
    const { dataset } = await loadDataset([sourceFromBytes('u.item', line), sourceFromText('u.data', '1\t1\t5\t1\n')]);
    expect(dataset.catalog.titles[0]).toBe('Misérables');
  });
});

describe('compressed input', () => {
  it('streams a .csv.gz', async () => {
    const { dataset } = await loadDataset([sourceFromBytes('ratings.csv.gz', gzipSync(new TextEncoder().encode(RATINGS)))]);
    expect(dataset.ratings.length).toBe(3);
  });
  it('streams every entry of a .zip', async () => {
    const zip = zipSync({
      'ml/ratings.csv': new TextEncoder().encode(RATINGS),
      'ml/movies.csv': new TextEncoder().encode('movieId,title,genres\n10,Ten (2000),Drama\n20,Twenty (2001),Comedy\n'),
      '__MACOSX/ml/._ratings.csv': new Uint8Array([0, 1, 2]),
    });
    const { dataset, report } = await loadDataset([sourceFromBytes('ml.zip', zip, 100)]);
    expect(report.files.map((f) => f.file).sort()).toEqual(['ml.zip/ml/movies.csv', 'ml.zip/ml/ratings.csv']);
    expect(dataset.catalog.titles).toEqual(['Ten', 'Twenty']);
    expect(dataset.ratings.length).toBe(3);
  });
});

describe('cancel and progress', () => {
  it('rejects with AbortError when the signal fires', async () => {
    const ac = new AbortController();
    const big = RATINGS + '5,10,4.0,1\n'.repeat(200_000);
    const p = loadDataset([sourceFromText('ratings.csv', big, 1024)], {
      signal: ac.signal,
      onProgress: (pr) => {
        if (pr.bytesRead > 10_000) ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
  it('reports progress per file with bytes and rows', async () => {
    const seen: { file: string; bytesRead: number; bytesTotal: number; rows: number }[] = [];
    await loadDataset([ratings()], { onProgress: (p) => seen.push(p) });
    expect(seen.some((p) => p.file === 'ratings.csv' && p.bytesRead === p.bytesTotal && p.rows === 3)).toBe(true);
  });
});

describe('property: chunking never changes the result', () => {
  it('gives the same report for every chunk size on the Kaggle fixtures', async () => {
    const summary = async (chunk: number) => {
      const files = ['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => fixture(f, f, chunk));
      const { report, dataset } = await loadDataset(files);
      return JSON.stringify([report.files.map((f) => [f.rowsRead, f.kept, counts(f.dropReasons), counts(f.repairs)]), dataset.catalog.titles, report.fingerprint]);
    };
    const expected = await summary(1 << 16);
    const r = rng(42);
    for (let k = 0; k < 12; k++) expect(await summary(1 + Math.floor(r() * 300))).toBe(expected);
  });
  it('survives random bytes under every known file name', async () => {
    const r = rng(7);
    const names = ['ratings.csv', 'movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv', 'movies.csv', 'u.data', 'u.item', 'ratings.dat', 'movies.dat', 'x.zip', 'y.csv.gz'];
    for (let k = 0; k < 40; k++) {
      const n = Math.floor(r() * 3000);
      const bytes = new Uint8Array(n);
      // Mix printable text (with separators, quotes, newlines) and raw bytes.
      const alphabet = '0123456789,,,\t|::"\'\n\r[{}]abcNoneTrue';
      for (let i = 0; i < n; i++) bytes[i] = r() < 0.9 ? alphabet.charCodeAt(Math.floor(r() * alphabet.length)) : Math.floor(r() * 256);
      const name = names[k % names.length]!;
      try {
        const { report } = await loadDataset([ratings(), sourceFromBytes(name, bytes, 1 + Math.floor(r() * 512))]);
        expect(report.files.length).toBeGreaterThanOrEqual(2);
      } catch (e) {
        expect(e).toBeInstanceOf(EtlError);
      }
    }
  });
  it('survives truncation of a real-format file at any byte', async () => {
    const full = 'movieId,title,genres\n1,"A, B (1999)",Drama\n2,C (2000),Comedy|Drama\n';
    for (let cut = 0; cut <= full.length; cut += 3) {
      const { report } = await loadDataset([ratings(), sourceFromText('movies.csv', full.slice(0, cut))]);
      expect(report.files).toHaveLength(2);
    }
  });
});
