// Attack suite, text files (issue 16 cases 6, 8, 10, 12, 13): a stray quote, huge titles, a
// genre list that would fill the genre table, a right-to-left override, Latin-1 bytes in a
// UTF-8 file and a header naming a column twice. Each ends in kept values checked one by one
// and a report entry with its exact reason and count.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/dataset/dataset';
import { UNBALANCED_QUOTE } from '../../../src/etl/row-streams';
import { counts, fileReport, loadDataset, sourceFromBytes, sourceFromText } from '../etl/helpers';

const MOVIES_HEADER = 'movieId,title,genres';

/** Genre names of catalogue row i, from its bits. */
const genreNamesOf = (c: Catalog, i: number) => c.genreNames.filter((_, g) => c.genreBits[i]! & (1 << g));

describe('attack: an unbalanced quote (case 6)', () => {
  it('costs its own row in a 40-row movies.csv, reported with its row; the other 39 movies load', async () => {
    const rows = [MOVIES_HEADER];
    for (let i = 1; i <= 40; i++) rows.push(i === 3 ? '3,"Broken (1995),Comedy' : i === 10 ? '10,"Matrix, The (1999)",Action' : `${i},Movie ${i} (1990),Drama`);
    const { dataset, report } = await loadDataset([sourceFromText('movies.csv', rows.join('\n') + '\n')]);
    const f = fileReport(report.files, 'movies.csv');
    expect([f.rowsRead, f.kept, f.dropped]).toEqual([40, 39, 1]);
    expect(f.dropReasons[UNBALANCED_QUOTE]!.samples).toEqual([{ row: 3, reason: UNBALANCED_QUOTE, excerpt: '3,"Broken (1995),Comedy' }]);
    expect(Array.from(dataset.catalog.rawIds)).toEqual([1, 2, ...Array.from({ length: 37 }, (_, k) => k + 4)]);
    expect(dataset.catalog.titles[8]).toBe('Matrix, The');
  });
});

describe('attack: text without a length limit (case 8)', () => {
  it('cuts a 10 MB title and 5 KB titles to 500 characters, counted as repairs', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const five = 'y'.repeat(5 * 1024);
    const csv = `${MOVIES_HEADER}\n1,${big} (2000),Drama\n2,${five},Comedy\n3,${five} (2003),Comedy\n4,Short (2001),Comedy\n`;
    const t0 = performance.now();
    const { dataset, report } = await loadDataset([sourceFromText('movies.csv', csv, 1 << 16)]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(dataset.catalog.titles).toEqual(['x'.repeat(499) + '…', 'y'.repeat(499) + '…', 'y'.repeat(499) + '…', 'Short']);
    expect(Array.from(dataset.catalog.years)).toEqual([2000, 0, 2003, 2001]);
    expect(counts(fileReport(report.files, 'movies.csv').repairs)['title cut to 500 characters']).toBe(3);
  });
});

describe('attack: a genre list that fills the genre table (case 10)', () => {
  it('keeps Drama on its 36 films when one 5 MB literal and two long lists name 60 other genres', async () => {
    const junk = (from: number, n: number) => Array.from({ length: n }, (_, k) => `{'id': ${from + k}, 'name': 'Junk ${from + k}'}`).join(', ');
    const rows = ['id,title,genres,release_date'];
    // ~5 MB: 170,000 entries; only the first 20 are kept (MAX_GENRES_PER_MOVIE).
    rows.push(`1,Flood,"[${junk(0, 170_000)}]",2000-01-01`);
    rows.push(`2,Flood Two,"[${junk(1_000_000, 20)}]",2000-01-01`);
    rows.push(`3,Flood Three,"[${junk(2_000_000, 20)}]",2000-01-01`);
    for (let i = 0; i < 36; i++) rows.push(`${100 + i},Drama ${i},"[{'id': 18, 'name': 'Drama'}]",1999-01-01`);
    const { dataset, report } = await loadDataset([sourceFromText('movies_metadata.csv', rows.join('\n') + '\n', 1 << 16)]);
    const c = dataset.catalog;
    expect(counts(fileReport(report.files, 'movies_metadata.csv').repairs)['genres beyond 20 per movie ignored']).toBe(1);
    // 61 genres: Drama (36 films) and the first 31 junk genres by first use are kept, 29 dropped.
    expect(c.genreNames.length).toBe(32);
    const drama = c.genreNames.indexOf('Drama');
    expect(drama).toBeGreaterThanOrEqual(0);
    for (let i = 3; i < 39; i++) expect(genreNamesOf(c, i)).toEqual(['Drama']);
    expect(c.genreNames.filter((g) => g !== 'Drama')).toEqual([
      ...Array.from({ length: 20 }, (_, k) => `Junk ${k}`), ...Array.from({ length: 11 }, (_, k) => `Junk ${1_000_000 + k}`),
    ]);
    const dropped = [...Array.from({ length: 9 }, (_, k) => `Junk ${1_000_011 + k}`), ...Array.from({ length: 20 }, (_, k) => `Junk ${2_000_000 + k}`)];
    expect(report.notes).toContain(
      `more than 32 genres: kept the 32 most frequent; dropped 29: ${dropped.slice(0, 10).map((g) => `"${g}" (1 film)`).join(', ')}, and 19 more`,
    );
  });
});

describe('attack: a right-to-left override in a title (case 12)', () => {
  it('removes bidi embedding/override/isolate controls from titles and names, counted', async () => {
    const csv = `${MOVIES_HEADER}\n1,Evil\u202e Title (2001),Drama\n2,\u2067Isolated\u2069 (1999),Drama\n3,Plain (1998),Drama\n`;
    const { dataset, report } = await loadDataset([sourceFromText('movies.csv', csv)]);
    expect(dataset.catalog.titles).toEqual(['Evil Title', 'Isolated', 'Plain']);
    expect(Array.from(dataset.catalog.years)).toEqual([2001, 1999, 1998]);
    expect(counts(fileReport(report.files, 'movies.csv').repairs)['bidi control characters removed from title']).toBe(2);
  });
});

describe('attack: silent or wrong reports (case 13)', () => {
  const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  it('reads a Latin-1 movies.csv as windows-1252 and says so, instead of "\ufffd"', async () => {
    const bytes = latin1(`${MOVIES_HEADER}\n1,Les Mis\u00e9rables (1995),Drama\n2,Caf\u00e9 (2001),Comedy\n`);
    const { dataset, report } = await loadDataset([sourceFromBytes('movies.csv', bytes)]);
    expect(dataset.catalog.titles).toEqual(['Les Mis\u00e9rables', 'Caf\u00e9']);
    // The offset of the 0xE9 of "Misérables".
    const at = `${MOVIES_HEADER}\n1,Les Mis`.length;
    expect(fileReport(report.files, 'movies.csv').note).toBe(`not UTF-8 (byte ${at} is not part of a UTF-8 character): read as Latin-1 (windows-1252)`);
  });
  it('counts invalid UTF-8 sequences in a file that started as valid UTF-8', async () => {
    const head = new TextEncoder().encode(`${MOVIES_HEADER}\n1,Am\u00e9lie (2001),Comedy\n`);
    const tail = latin1('2,Caf\u00e9 (2001),Comedy\n');
    const bytes = new Uint8Array([...head, ...tail]);
    const { dataset, report } = await loadDataset([sourceFromBytes('movies.csv', bytes)]);
    expect(dataset.catalog.titles).toEqual(['Am\u00e9lie', 'Caf\ufffd']);
    expect(fileReport(report.files, 'movies.csv').note).toBe('1 invalid UTF-8 sequence shown as "\ufffd" (the file mixes encodings)');
  });
  it('warns about a header naming `title` twice and uses the first', async () => {
    const csv = 'id,title,release_date,title\n1,First,2000-01-01,Second\n';
    const { dataset, report } = await loadDataset([sourceFromText('movies_metadata.csv', csv)]);
    expect(dataset.catalog.titles).toEqual(['First']);
    expect(fileReport(report.files, 'movies_metadata.csv').note).toBe('duplicate column "title" in the header: the first is used');
  });
});
