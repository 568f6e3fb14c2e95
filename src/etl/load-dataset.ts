// The ETL entry point: streams every source (plain, .gz through DecompressionStream, .zip
// through fflate's streaming Unzip) chunk by chunk into its reader, then joins the tables
// into a Dataset and an EtlReport. Cancel via AbortSignal rejects with an AbortError.

import { Unzip, type UnzipFile } from 'fflate';
import type { Dataset } from '../dataset/dataset';
import { Fingerprint } from '../dataset/fingerprint';
import { assembleDataset } from './assemble';
import { abortError, EtlError, throwIfAborted } from './errors';
import { FileIngest, type ParsedFile } from './file-ingest';
import type { EtlReport } from './report';
import type { DataSource } from './source';
import { boundedStream, pumpBounded, readSource } from './source-reader';
import { StoppableInflate } from './stoppable-inflate';

export interface EtlProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  elapsedMs: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: EtlProgress) => void;
  name?: string;
  /** A read bringing no byte for this long ends it (see source-reader.ts); default STALL_MS. */
  stallMs?: number;
}

/**
 * Bumped when the same files give a different Dataset (cleaning, joins), so datasets cached by
 * an older ETL are not reused. 2: one rating per (user, movie); MovieLens tags as keywords.
 * 3: out-of-scale ratings dropped, unbalanced quotes recovered, text caps, Latin-1 detection.
 * 4: IMDb ids kept (links.csv, movies_metadata.imdb_id).
 */
export const ETL_VERSION = 4;

/** Progress is reported at most this often per file (plus once at each file's end). */
const PROGRESS_INTERVAL_MS = 50;

export async function loadDataset(
  sources: DataSource[],
  options: LoadOptions = {},
): Promise<{ dataset: Dataset; report: EtlReport }> {
  const { signal, onProgress } = options;
  const t0 = performance.now();
  throwIfAborted(signal);
  const fp = new Fingerprint();
  const parsed: ParsedFile[] = [];
  // Sorted by name so the fingerprint and the report do not depend on drop order.
  const ordered = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const src of ordered) {
    throwIfAborted(signal);
    // Name and bytes only: the size a transport reports (Content-Length, absent behind a
    // service worker or with compression) must not change the identity of the same data.
    fp.updateText(`${src.name}\u0000`);
    const lower = src.name.toLowerCase();
    if (lower.endsWith('.zip')) parsed.push(...(await readZip(src, fp, t0, options)));
    else parsed.push(await readPlain(src, fp, t0, options));
  }
  throwIfAborted(signal);
  const name = options.name ?? guessName(ordered);
  const fingerprint = fp.digest();
  if (!parsed.some((p) => p.report.report.used && !p.report.report.error && (p.payload.kind === 'ratings' || p.payload.kind === 'tmdb-movies' || p.payload.kind === 'ml-movies'))) {
    const summary = parsed.map((p) => `${p.file}: ${p.report.report.error ?? p.report.report.note ?? p.report.report.formatLabel}`).join('; ');
    throw new EtlError('', 0, `no ratings or movie list found among the files${summary ? ` (${summary})` : ''}`);
  }
  const a = assembleDataset(parsed, name, fingerprint);
  // The tables are consumed by the join (the Dataset shares some of their arrays): drop the
  // rest now rather than when this function returns.
  for (const p of parsed) p.payload = { kind: 'none' };
  onProgress?.({ file: '', bytesRead: 0, bytesTotal: 0, rows: a.dataset.ratings.length, elapsedMs: performance.now() - t0 });
  const report: EtlReport = {
    name,
    fingerprint,
    durationMs: Math.round(performance.now() - t0),
    catalogSource: a.catalogSource,
    files: parsed.map((p) => p.report.report),
    joins: a.joins,
    datasetDrops: a.datasetDrops,
    dataset: {
      movies: a.dataset.catalog.size,
      users: a.dataset.userRawIds.length,
      ratings: a.dataset.ratings.length,
      typedArrayBytes: typedArrayBytes(a.dataset),
      stringTableBytes: stringTableBytes(a.dataset),
      scale: [a.dataset.scale[0], a.dataset.scale[1]],
    },
    notes: a.notes,
  };
  return { dataset: a.dataset, report };
}

function guessName(sources: DataSource[]): string {
  const dirs = new Set(sources.map((s) => s.name.split(/[\\/]/).slice(-2, -1)[0] ?? '').filter(Boolean));
  if (dirs.size === 1) return [...dirs][0]!;
  if (sources.length === 1) return sources[0]!.name.replace(/\.(zip|gz)$/i, '');
  return sources.map((s) => s.name.split(/[\\/]/).pop()).join(' + ');
}

function typedArrayBytes(d: Dataset): number {
  let n = 0;
  const add = (x: unknown) => {
    if (ArrayBuffer.isView(x)) n += x.byteLength;
  };
  for (const v of Object.values(d.catalog)) add(v);
  for (const v of Object.values(d.ratings)) add(v);
  add(d.userRawIds);
  return n;
}

/**
 * V8's footprint of the string tables, estimated: a 16-byte header per string plus one byte
 * per character (two when any character is beyond Latin-1), and a 4-byte slot in its array.
 */
function stringTableBytes(d: Dataset): number {
  let n = 0;
  const c = d.catalog;
  for (const table of [c.titles, c.people, c.keywordNames, c.genreNames]) {
    for (const s of table) {
      let wide = false;
      for (let i = 0; i < s.length && !wide; i++) wide = s.charCodeAt(i) > 0xff;
      n += 20 + s.length * (wide ? 2 : 1);
    }
  }
  return n;
}

type Reporter = (ing: FileIngest, bytesRead: number, total: number, force?: boolean) => void;

function reporter(t0: number, options: LoadOptions): Reporter {
  let last = 0;
  return (ing, bytesRead, total, force = false) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    options.onProgress({ file: ing.file, bytesRead, bytesTotal: total, rows: ing.rows, elapsedMs: now - t0 });
  };
}

function hashing(stream: ReadableStream<Uint8Array>, fp: Fingerprint, counter: { bytes: number }): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        fp.update(chunk);
        counter.bytes += chunk.length;
        c.enqueue(chunk);
      },
    }),
  );
}

async function readPlain(src: DataSource, fp: Fingerprint, t0: number, options: LoadOptions): Promise<ParsedFile> {
  const gz = /\.(gz|gzip)$/i.test(src.name);
  const ing = new FileIngest(src.name, gz ? -1 : src.size);
  const progress = reporter(t0, options);
  const counter = { bytes: 0 };
  try {
    if (gz) {
      // A rejected .gz (unknown format, a limit reached) is not decompressed further: a bomb
      // costs only what was inflated so far. Its fingerprint then covers the bytes read till there.
      const stream = hashing(boundedStream(src, options), fp, counter).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
      await pumpBounded(stream, src.name, options, (chunk) => {
        ing.push(chunk);
        progress(ing, counter.bytes, src.size);
        return !ing.rejected;
      });
    } else {
      // Byte streams are read into one reused 64 KB buffer: FileIngest's readers copy what they keep.
      await readSource(src, options, (chunk) => {
        fp.update(chunk);
        counter.bytes += chunk.length;
        ing.push(chunk);
        progress(ing, counter.bytes, src.size);
      });
    }
  } catch (e) {
    if (options.signal?.aborted) throw abortError();
    ing.fail(new Error(`${gz ? 'gzip stream' : 'read'} failed: ${e instanceof Error ? e.message : String(e)}`));
  }
  const result = ing.end();
  if (gz) result.report.report.note = [result.report.report.note, `gzip: ${counter.bytes} compressed bytes`].filter(Boolean).join('; ');
  progress(ing, counter.bytes, src.size, true);
  return result;
}

async function readZip(src: DataSource, fp: Fingerprint, t0: number, options: LoadOptions): Promise<ParsedFile[]> {
  const results: ParsedFile[] = [];
  const progress = reporter(t0, options);
  const counter = { bytes: 0 };
  let current: FileIngest | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    // Directories and macOS resource forks are not data.
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || /(^|\/)\._/.test(file.name)) return;
    const ing = new FileIngest(`${src.name}/${file.name}`, file.originalSize ?? -1);
    if (current) results.push(current.end());
    current = ing;
    file.ondata = (err, data, final) => {
      if (err) {
        ing.fail(new Error(`zip entry: ${err.message}`));
        file.terminate();
        return;
      }
      ing.push(data);
      // A rejected entry is not inflated any further: a bomb costs only the bytes read so far.
      if (ing.rejected) file.terminate();
      progress(ing, counter.bytes, src.size);
      if (final && current === ing) {
        results.push(ing.end());
        current = null;
      }
    };
    try {
      file.start();
    } catch (e) {
      ing.fail(new Error(`zip entry ${file.name}: ${e instanceof Error ? e.message : String(e)} (compression ${file.compression})`));
    }
  });
  unzip.register(StoppableInflate);
  let failure: string | null = null;
  try {
    await readSource(src, options, (chunk) => {
      fp.update(chunk);
      counter.bytes += chunk.length;
      if (failure) return;
      try {
        unzip.push(chunk, false);
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
    }, false);
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    if (options.signal?.aborted) throw abortError();
    failure = e instanceof Error ? e.message : String(e);
  }
  const open = current as FileIngest | null;
  if (open) results.push(open.end());
  if (failure || results.length === 0) {
    const ing = new FileIngest(src.name, src.size);
    ing.fail(new Error(failure ? `zip archive unreadable: ${failure}` : 'zip archive holds no files (or is not a zip)'));
    const r = ing.end();
    r.report.report.bytes = counter.bytes;
    results.push(r);
  }
  return results;
}
