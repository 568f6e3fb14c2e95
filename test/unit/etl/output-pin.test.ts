// REGRESSION PINS, not a specification. Each test hashes the ETL's whole output (every catalogue
// column and string table in order, the ratings, the report's counts) and compares it with a
// SHA-256 taken from the code as it was (the row-object readers, before they were made
// columnar): they say "nothing changed", never "this is right". A failing pin after a deliberate
// change is re-taken, once the specifying tests pass. What the output should be is specified by
// independently obtained numbers elsewhere: kaggle-cleaning.test.ts and movielens.test.ts (the
// fixtures, by hand), real-data.test.ts (counts) and real-data-values.test.ts (rating values,
// records), both computed from the raw files with python3.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/dataset';
import type { EtlReport } from '../../../src/etl/report';
import { sourceFromBlob } from '../../../src/etl/source';
import { counts, dataDir, fixture, fixtureDir, hasRealData, loadDataset, realFile } from './helpers';
import { NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

/** A file as a Blob, whose stream is a byte stream: the ETL reads it through a BYOB reader. */
const blob = (file: string, name: string) => sourceFromBlob(new Blob([readFileSync(file)]), name);

function digest({ dataset, report }: { dataset: Dataset; report: EtlReport }): string {
  const plain = (v: unknown): unknown => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isNaN(x) ? 'NaN' : x)) : v);
  const c = dataset.catalog;
  const catalog = Object.keys(c).sort().map((k) => [k, plain(c[k as keyof typeof c])]);
  const r = dataset.ratings;
  const ratings = [r.length, plain(r.users), plain(r.items), plain(r.ratings), plain(r.days), plain(dataset.userRawIds), dataset.scale];
  const files = report.files.map((f) => [f.file, f.format, f.used, f.note ?? '', f.error ?? '', f.rowsRead, f.kept, f.dropped, counts(f.dropReasons), counts(f.repairs)]);
  const rest = [report.catalogSource, report.joins, counts(report.datasetDrops), report.notes, report.dataset];
  return createHash('sha256').update(JSON.stringify([catalog, ratings, files, rest])).digest('hex');
}

describe('regression pin: ETL output digests on the fixtures', () => {
  it('pins Kaggle fixtures (metadata, credits, keywords in 37-byte chunks)', async () => {
    const files = ['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => fixture(f, f, 37));
    expect(digest(await loadDataset(files, { name: 'fixture' }))).toBe('22cfaf9a146a7bc4488642afe89b5d6bc1554723a6a010a55e63d945d3f07fee');
  });
  it('pins Kaggle fixtures as Blobs (byte streams read into one reused buffer)', async () => {
    const files = ['movies_metadata.csv', 'credits.csv', 'keywords.csv'].map((f) => blob(path.join(fixtureDir, `tiny-${f}`), f));
    expect(digest(await loadDataset(files, { name: 'fixture' }))).toBe('22cfaf9a146a7bc4488642afe89b5d6bc1554723a6a010a55e63d945d3f07fee');
  });
  it('pins MovieLens fixtures (movies.csv + links + ratings; u.item + u.genre + u.data)', async () => {
    const latest = await loadDataset([fixture('ml-movies.csv', 'movies.csv'), fixture('ml-links.csv', 'links.csv'), fixture('ml-ratings.csv', 'ratings.csv')], { name: 'ml' });
    const m100k = await loadDataset([fixture('u.item'), fixture('u.genre'), fixture('u.data')], { name: 'ml100k' });
    expect([digest(latest), digest(m100k)]).toEqual([
      '3324563608792a68289d98944f3220016b7ed3ad0230b3c54d4d62627f334493',
      '11842f6f248b7ba564be9b422223ef3cc3332569424723d2911b3b71b7e2d400',
    ]);
  });
});

describeIf(hasRealData, NO_DATA_REASON)('regression pin: ETL output digests on the real files', () => {
  const TMD = 'the-movies-dataset/';
  const SAMPLE = TMD + 'excel-resaved-sample/';
  it('pins The Movies Dataset: sample metadata + credits, full keywords, links, ratings_small', async () => {
    const files = [SAMPLE + 'movies_metadata.csv', SAMPLE + 'credits.csv', TMD + 'keywords.csv', TMD + 'links.csv', TMD + 'ratings_small.csv'].map((f) => realFile(f));
    expect(digest(await loadDataset(files, { name: 'tmd' }))).toBe('912e3562523eb287efed965761c002adc3dbe3ec8cc2a73090b2aaefad41226b');
  });
  it('pins the same files as Blobs (byte streams read 64 KB at a time into one reused buffer)', async () => {
    const files = [SAMPLE + 'movies_metadata.csv', SAMPLE + 'credits.csv', TMD + 'keywords.csv', TMD + 'links.csv', TMD + 'ratings_small.csv'].map((f) => blob(path.join(dataDir, f), f));
    expect(digest(await loadDataset(files, { name: 'tmd' }))).toBe('912e3562523eb287efed965761c002adc3dbe3ec8cc2a73090b2aaefad41226b');
  });
  it('pins ml-latest-small without tags, and ml-100k', async () => {
    const latest = await loadDataset(['movies.csv', 'links.csv', 'ratings.csv'].map((f) => realFile('ml-latest-small/' + f)), { name: 'mls' });
    const m100k = await loadDataset(['u.data', 'u.item', 'u.genre'].map((f) => realFile('ml-100k/' + f)), { name: 'ml100k' });
    expect([digest(latest), digest(m100k)]).toEqual([
      '4ca71524e0d7901d21b6230fde41c2944ebf9e688d1fcc3ec19bd9980ee32e6b',
      '74aee5690d7ff763d550373a06f43f87980ae1bf546a96f7ff343835b488bb0d',
    ]);
  });
});
