import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CATALOG_CSV_COLUMNS, exportCatalogCsv } from '../../../src/etl/export-catalog';
import { fixture, loadDataset } from './helpers';

describe('exportCatalogCsv', () => {
  it('writes one row per movie with lists joined by |, readable back as CSV', async () => {
    const { dataset } = await loadDataset(['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => fixture(f)));
    const csv = exportCatalogCsv(dataset);
    const rows = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(rows[0]).toEqual([...CATALOG_CSV_COLUMNS]);
    expect(rows).toHaveLength(dataset.catalog.size + 1);
    const toy = rows.find((r) => r[1] === '862')!;
    expect(toy.slice(4, 10)).toEqual(['Toy Story', '1995', 'Animation|Comedy', 'John Lasseter', "Tom Hanks|Second Billed|Laurie O'Metcalf", 'jealousy|toy']);
    expect(toy[2]).toBe('');
    expect(Number(toy[14])).toBeGreaterThan(0);
  });
});
