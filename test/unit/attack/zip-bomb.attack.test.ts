// Issue 16, case 14: a zip entry the ETL has already rejected is not decompressed any further.
import { Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/etl/load-dataset';
import { sourceFromBytes, sourceFromText } from '../../../src/etl/source';
import { datasetTexts } from './attack-kit';

/** A zip whose one entry is `mb` MB of zero bytes (about 1 KB compressed per MB). */
function zeroBomb(name: string, mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  const zeros = new Uint8Array(16 << 20);
  for (let i = 0; i < mb / 16; i++) entry.push(zeros, i === mb / 16 - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe('zip bombs', () => {
  it('stops inflating a 512 MB entry of zeros once it is rejected as unrecognised', async () => {
    const bomb = zeroBomb('ratings.csv', 512);
    const t = datasetTexts(20, 30);
    const start = performance.now();
    const { report } = await loadDataset([sourceFromText('movies.csv', t.movies), sourceFromBytes('bomb.zip', bomb)]);
    const ms = performance.now() - start;
    console.info(`zip bomb: ${bomb.length} compressed bytes (512 MB inflated) → rejected in ${ms.toFixed(0)} ms`);
    const entry = report.files.find((f) => f.file === 'bomb.zip/ratings.csv');
    expect(entry?.used).toBe(false);
    expect(entry?.error).toBe('named like ratings.csv but the content is binary');
    // Inflating all 512 MB takes several seconds even without parsing; stopped, it takes a fraction.
    expect(ms).toBeLessThan(3_000);
  });
});
