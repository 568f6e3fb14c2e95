// The engine's use of the IndexedDB caches: a processed dataset (with its ETL
// report) by the key of its sources, a trained model by the dataset's content
// fingerprint. Caching is best effort: without IndexedDB (private windows,
// Node tests) or on a quota error, the engine simply works uncached.
import type { Dataset } from '../dataset/dataset';
import { deserializeDataset, serializeDataset } from '../dataset/serialize-dataset';
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

/** A key for a set of sources that is known before reading them: names and sizes (and dates for files). */
export function sourcesKey(sources: readonly DataSource[], extra: readonly string[] = []): string {
  const parts = sources.map((s) => `${s.name}:${s.size}`).sort();
  return [...parts, ...extra].join('|');
}

export async function cachedDataset(key: string): Promise<{ dataset: Dataset; report: EtlReport } | undefined> {
  if (!available()) return undefined;
  try {
    const [data, report] = await Promise.all([getCached('datasets', key), getCached('datasets', `${key}#report`)]);
    if (!data || !report) return undefined;
    return { dataset: deserializeDataset(data), report: JSON.parse(new TextDecoder().decode(report)) as EtlReport };
  } catch {
    // A damaged or outdated entry is a cache miss, not an error: the ETL runs again.
    return undefined;
  }
}

export async function cacheDataset(key: string, dataset: Dataset, report: EtlReport): Promise<void> {
  if (!available()) return;
  try {
    await putCached('datasets', key, serializeDataset(dataset));
    await putCached('datasets', `${key}#report`, new TextEncoder().encode(JSON.stringify(report)));
    await pruneCache('datasets', KEEP_DATASETS * 2);
  } catch {
    // Quota exceeded or storage disabled: keep working without the cache.
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
