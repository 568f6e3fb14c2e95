// The engine's use of the IndexedDB caches: a processed dataset (with its ETL
// report) by the key of its sources, a trained model by the dataset's content
// fingerprint. Caching is best effort: without IndexedDB (private windows,
// Node tests) or on a quota error, the engine simply works uncached. Every entry is
// validated when read; a damaged one is deleted and reported, never served.
import type { Dataset } from '../dataset/dataset';
import { DatasetFormatError, DatasetReader, serializedParts } from '../dataset/serialize-dataset';
import { datasetProblem } from '../dataset/validate-dataset';
import { ETL_VERSION } from '../etl/load-dataset';
import type { EtlReport } from '../etl/report';
import type { DataSource } from '../etl/source';
import { deserializeModel, ModelFormatError, serializeModel } from '../model/serialize-model';
import type { SvdModel } from '../model/svd-model';
import { modelProblem } from '../model/validate-model';
import { deleteCached, getCached, pruneCache, putCached } from '../store/cache-store';
import type { CacheNotice } from './api';

/** Where a damaged entry is reported (the load result's notices). */
export type NoticeSink = (notice: CacheNotice) => void;

const KEEP_DATASETS = 3;
const KEEP_MODELS = 5;

function available(): boolean {
  return typeof indexedDB !== 'undefined';
}

/**
 * A key for a set of sources that is known before reading them: names and sizes (and dates for
 * files), and the ETL's version, since a newer ETL makes another Dataset of the same files.
 */
export function sourcesKey(sources: readonly DataSource[], extra: readonly string[] = []): string {
  const parts = sources.map((s) => `${s.name}:${s.size}`).sort();
  return [...parts, ...extra, `etl${ETL_VERSION}`].join('|');
}

/**
 * A processed dataset is stored in parts of at most 32 MB: one IndexedDB value of a
 * few hundred MB (26M ratings) aborts its transaction in Chromium. The part count is
 * written last, so a half-written dataset is never read.
 */
const PART_BYTES = 32 << 20;
const datasetGroup = (key: string) => key.split('#')[0];

async function putParts(key: string, dataset: Dataset): Promise<void> {
  const { length, parts } = serializedParts(dataset, PART_BYTES);
  let count = 0;
  for (const part of parts) await putCached('datasets', `${key}#part${count++}`, part);
  await putCached('datasets', `${key}#parts`, new TextEncoder().encode(JSON.stringify({ count, length })));
}

/** The stored parts, joined; undefined when absent or incomplete (a write that did not finish). */
async function getParts(key: string): Promise<Dataset | undefined> {
  const head = await getCached('datasets', `${key}#parts`);
  if (!head) return undefined;
  let count: unknown, length: unknown;
  try {
    ({ count, length } = JSON.parse(new TextDecoder().decode(head)) as { count: unknown; length: unknown });
  } catch {
    throw new DatasetFormatError('the list of parts is not valid JSON');
  }
  if (!(Number.isSafeInteger(count) && Number.isSafeInteger(length))) throw new DatasetFormatError('the list of parts is damaged');
  const reader = new DatasetReader();
  let at = 0;
  for (let i = 0; i < (count as number); i++) {
    const part = await getCached('datasets', `${key}#part${i}`);
    if (!part || at + part.length > (length as number)) throw new DatasetFormatError(`part ${i} is missing or too long`);
    reader.push(part);
    at += part.length;
  }
  if (at !== length) throw new DatasetFormatError(`${at} bytes stored, ${length} expected`);
  return reader.finish();
}

/**
 * The cached dataset under `key`, validated. A missing entry is a miss; a damaged one (unreadable,
 * inconsistent, values out of range) is deleted, reported through `notice`, and is a miss too.
 * Storage errors (IndexedDB blocked or failing) are misses without a notice: nothing is deleted.
 */
export async function cachedDataset(key: string, notice: NoticeSink = () => {}): Promise<{ dataset: Dataset; report: EtlReport } | undefined> {
  if (!available()) return undefined;
  try {
    const [dataset, reportBytes] = await Promise.all([getParts(key), getCached('datasets', `${key}#report`)]);
    if (!dataset && !reportBytes) return undefined;
    let problem: string | undefined;
    let report: EtlReport | undefined;
    if (!dataset || !reportBytes) problem = dataset ? 'its report is missing' : 'its data is missing';
    else {
      try {
        report = JSON.parse(new TextDecoder().decode(reportBytes)) as EtlReport;
      } catch {
        problem = 'its report is not valid JSON';
      }
      problem ??= datasetProblem(dataset);
      if (!problem && report?.fingerprint !== dataset.fingerprint) problem = 'its report belongs to another dataset';
    }
    if (problem || !dataset || !report) return drop('datasets', key, { code: 'cached-dataset-invalid', detail: problem ?? 'incomplete' }, notice);
    return { dataset, report };
  } catch (error) {
    if (error instanceof DatasetFormatError || error instanceof RangeError || error instanceof TypeError) {
      return drop('datasets', key, { code: 'cached-dataset-invalid', detail: error.message }, notice);
    }
    // Storage unavailable: work uncached, as without IndexedDB.
    return undefined;
  }
}

async function drop(store: 'datasets' | 'models', key: string, what: CacheNotice, notice: NoticeSink): Promise<undefined> {
  notice(what);
  await deleteCached(store, key).catch((error: unknown) => console.warn('StreamRec: a damaged cache entry could not be deleted', error));
  return undefined;
}

export async function cacheDataset(key: string, dataset: Dataset, report: EtlReport): Promise<void> {
  if (!available()) return;
  try {
    await putCached('datasets', `${key}#report`, new TextEncoder().encode(JSON.stringify(report)));
    await putParts(key, dataset);
    await pruneCache('datasets', KEEP_DATASETS, datasetGroup);
  } catch (error) {
    // Quota exceeded or storage disabled: keep working without the cache, but say so.
    console.warn('StreamRec: the processed dataset could not be cached', error);
  }
}

/**
 * The model cached for this dataset, validated: its fingerprint, its sizes (the dataset's users,
 * plus one row for the visitor when they trained with ratings), finite plausible values. A model
 * that fails is deleted and reported through `notice`, so it cannot brick the next start.
 */
export async function cachedModel(dataset: Dataset, notice: NoticeSink = () => {}): Promise<SvdModel | undefined> {
  if (!available()) return undefined;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await getCached('models', dataset.fingerprint);
  } catch {
    return undefined;
  }
  if (!bytes) return undefined;
  let problem: string | undefined;
  let model: SvdModel | undefined;
  try {
    const read = deserializeModel(bytes);
    model = read.model;
    const users = dataset.userRawIds.length;
    if (read.fingerprint !== dataset.fingerprint) problem = 'it belongs to another dataset';
    else if (model.nItems !== dataset.catalog.size) problem = `it has ${model.nItems} movies, the dataset ${dataset.catalog.size}`;
    else if (model.nUsers !== users && model.nUsers !== users + 1) problem = `it has ${model.nUsers} users, the dataset ${users}`;
    else problem = modelProblem(model);
  } catch (error) {
    if (!(error instanceof ModelFormatError || error instanceof RangeError)) throw error;
    problem = error.message;
  }
  if (problem || !model) return drop('models', dataset.fingerprint, { code: 'cached-model-invalid', detail: problem ?? 'unreadable' }, notice);
  return model;
}

/** Deletes the model cached for a dataset (one that failed when it was put to use). */
export async function dropCachedModel(dataset: Dataset, detail: string, notice: NoticeSink): Promise<void> {
  if (!available()) return;
  await drop('models', dataset.fingerprint, { code: 'cached-model-invalid', detail }, notice);
}

export async function cacheModel(dataset: Dataset, model: SvdModel): Promise<void> {
  if (!available()) return;
  try {
    const bytes = serializeModel(model, { fingerprint: dataset.fingerprint, userRawIds: new Int32Array(0), itemRawIds: new Int32Array(0) }, { includeIdMaps: false });
    await putCached('models', dataset.fingerprint, bytes);
    await pruneCache('models', KEEP_MODELS);
  } catch (error) {
    // Best effort, as above, but said: a model that is not cached is retrained on reload.
    console.warn('StreamRec: the trained model could not be cached', error);
  }
}
