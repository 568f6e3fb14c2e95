// Attack suite, exports (issue 16 case 9): titles and names that a spreadsheet would run as
// formulas. Every export writes them as text (a leading apostrophe); numbers, negative ones
// included, stay numbers. The files are read back with papaparse, independently of the writer.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCatalogCsv } from '../../../src/etl/export-catalog';
import { csvNumberCell, csvTextCell } from '../../../src/shared/csv-cell';
import type { VisitorRating } from '../../../src/engine/api';
import { ratingsFromCsv, ratingsToCsv } from '../../../src/ui/lib/ratings-csv';
import { loadDataset, sourceFromText } from '../etl/helpers';

const FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3+cmd', '\tTAB', '=1+1'];
const cells = (csv: string) => (Papa.parse(csv.trim(), { header: false }) as { data: string[][] }).data;

describe('attack: CSV formula injection (case 9)', () => {
  it('the catalogue export writes formula-leading titles as text and keeps -1.5 a number', async () => {
    const rows = ['id,title,release_date,vote_average,vote_count'];
    FORMULAS.forEach((t, k) => rows.push(`${k + 1},"${t.replace(/"/g, '""')}",2000-01-01,${k === 0 ? '-1.5' : '7.25'},10`));
    const { dataset } = await loadDataset([sourceFromText('movies_metadata.csv', rows.join('\n') + '\n')]);
    const table = cells(exportCatalogCsv(dataset));
    const col = (name: string) => table[0]!.indexOf(name);
    // The ETL trims the tab of '\tTAB' (whitespace cleaning), so that title arrives as 'TAB'.
    expect(table.slice(1).map((r) => r[col('title')])).toEqual(FORMULAS.map((t) => (t === '\tTAB' ? 'TAB' : `'${t}`)));
    expect(table.slice(1).map((r) => r[col('vote_average')])).toEqual(['-1.5', '7.25', '7.25', '7.25', '7.25', '7.25']);
    expect(table.slice(1).map((r) => r[col('movie_id')])).toEqual(['1', '2', '3', '4', '5', '6']);
  });
  it('the ratings export writes formula-leading titles as text, and its import reads them back unchanged', () => {
    const ratings: VisitorRating[] = FORMULAS.map((title, k) => ({ key: `tmdb:${k + 1}`, rating: 4, title, year: 2000, ratedAt: 1_700_000_000_000 + k * 1000 }));
    const csv = ratingsToCsv(ratings);
    const table = cells(csv);
    expect(table.slice(1).map((r) => r[4])).toEqual(FORMULAS.map((t) => `'${t}`));
    expect(ratingsFromCsv(csv)).toEqual({ ok: true, ratings });
  });
  it('one helper: text cells starting with = + - @ tab or CR are neutralised, numeric cells never', () => {
    expect(['=A1', '+1', '-x', '@x', '\tx', '\rx', 'plain', ''].map(csvTextCell)).toEqual(["'=A1", "'+1", "'-x", "'@x", "'\tx", '"\'\rx"', 'plain', '']);
    expect([-1.5, 0, 3.25, Number.NaN].map(csvNumberCell)).toEqual(['-1.5', '0', '3.25', '']);
  });
});
