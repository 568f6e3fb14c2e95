// Where the ETL's memory goes, in Node (seconds, where the browser benchmark takes minutes):
// loads files through loadDataset and, at a progress call at most every 250 ms (as the browser
// benchmark's live samples) and at the last one, forces a full GC and records V8 heap used +
// ArrayBuffers. Prints the baseline, the live peak per file (while it streams, with the earlier
// files' tables held), the live heap at the ETL's last progress call (the tables are joined and
// dropped by then) and once loadDataset has returned. Node has no pointer compression, so
// objects and strings take more here than in Chromium; typed arrays the same.
//
// Usage: node --expose-gc --import tsx test/bench/etl-heap-node.ts [FILE...]
//   (default: the generated Kaggle files of etl-movies in .cache/generated/kaggle)
import { openAsBlob } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadDataset } from '../../src/etl/load-dataset';
import { sourceFromBlob } from '../../src/etl/source';
import { GENERATED, MB } from './etl-load';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function live(): number {
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const args = process.argv.slice(2);
const files = args.length ? args : ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv'].map((f) => resolve(GENERATED, 'kaggle', f));
const sources = await Promise.all(files.map(async (f) => sourceFromBlob(await openAsBlob(f), basename(f))));

const baseline = live();
const peaks = new Map<string, number>();
let atEnd = 0;
let sampledAt = -Infinity;
const t0 = performance.now();
let { dataset, report } = await loadDataset(sources, {
  onProgress: (p) => {
    if (p.file !== '' && performance.now() - sampledAt < 250) return;
    const bytes = live() - baseline;
    sampledAt = performance.now();
    if (p.file === '') atEnd = bytes;
    else peaks.set(p.file, Math.max(peaks.get(p.file) ?? 0, bytes));
  },
});
const ms = performance.now() - t0;
const datasetOnly = live() - baseline;
const output = report.dataset.typedArrayBytes + report.dataset.stringTableBytes;
const mb = (b: number) => `${(b / MB).toFixed(2)} MB`;
console.log(`baseline ${mb(baseline)}; ETL ${Math.round(ms)} ms with forced GCs`);
for (const [file, peak] of peaks) console.log(`  live while reading ${file}: ${mb(peak)}`);
console.log(`  live at the ETL's last progress call: ${mb(atEnd)}`);
console.log(`  after loadDataset returned (Dataset and report): ${mb(datasetOnly)}`);
console.log(`output (typedArrayBytes + stringTableBytes) ${mb(output)}; peak live / output ${(Math.max(atEnd, ...peaks.values()) / output).toFixed(2)}`);
// Keeps the Dataset reachable until after the last measurement.
({ dataset, report } = { dataset, report });
