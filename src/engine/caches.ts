// The engine's use of the IndexedDB caches: a processed dataset (with its ETL
// report) by the key of its sources, a trained model by the dataset's content
// fingerprint. Caching is best effort: without IndexedDB (private windows,
// Node tests) or on a quota error, the engine simply works uncached.
import type { Dataset } from '../dataset/dataset';
import { DatasetReader, serializedParts } from '../dataset/serialize-dataset';
import { ETL_VERSION } from '../etl/load-dataset';
import type { EtlReport } from '../etl/report';
import type { DataSource } from '../etl/source';
import { deserializeModel, serializeModel } from '../model/serialize-model';
import type { SvdModel } from '../model/svd-model';
import { getCached, pruneCache, putCached } from '../store/cache-store';

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

async function getParts(key: string): Promise<Dataset | undefined> {
  const head = await getCached('datasets', `${key}#parts`);
  if (!head) return undefined;
  const { count, length } = JSON.parse(new TextDecoder().decode(head)) as { count: number; length: number };
  const reader = new DatasetReader();
  let at = 0;
  for (let i = 0; i < count; i++) {
    const part = await getCached('datasets', `${key}#part${i}`);
    if (!part || at + part.length > length) return undefined;
    reader.push(part);
    at += part.length;
  }
  return at === length ? reader.finish() : undefined;
}

export async function cachedDataset(key: string): Promise<{ dataset: Dataset; report: EtlReport } | undefined> {
  if (!available()) return undefined;
  try {
    const [dataset, report] = await Promise.all([getParts(key), getCached('datasets', `${key}#report`)]);
    if (!dataset || !report) return undefined;
    return { dataset, report: JSON.parse(new TextDecoder().decode(report)) as EtlReport };
  } catch {
    // A damaged or outdated entry is a cache miss, not an error: the ETL runs again.
    return undefined;
  }
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

export async function cachedModel(dataset: Dataset): Promise<SvdModel | undefined> {
  if (!available()) return undefined;
  try {
    const bytes = await getCached('models', dataset.fingerprint);
    if (!bytes) return undefined;
    const { model, fingerprint } = deserializeModel(bytes);
    if (fingerprint !== dataset.fingerprint || model.nItems !== dataset.catalog.size) return undefined;
    return model;
  } catch {
    return undefined;
  }
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
