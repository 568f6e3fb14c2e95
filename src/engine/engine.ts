// The engine behind the worker API: owns one session (backend, dataset, jobs).
// Pure of DOM: it runs in the worker and in Node tests alike.
import * as tf from '@tensorflow/tfjs-core';
import { transfer } from 'comlink';
import type { Dataset } from '../dataset/dataset';
import type { Exploration } from '../eda/explore';
import { exportCatalogCsvChunks } from '../etl/export-catalog';
import { loadDataset } from '../etl/load-dataset';
import { sourceFromBlob, type DataSource } from '../etl/source';
import { fallBackToWasm, initBackend, type BackendInfo } from '../model/backend';
import { throwIfAborted } from '../model/abort';
import { trainEase } from '../model/ease';
import { serializeModel } from '../model/serialize-model';
import { exportInterchange, zipInterchange } from '../model/interchange';
import { SUPERSEDED_ERROR } from './api';
import type {
  AppendSummary,
  CacheNotice,
  CatalogPage,
  CatalogQuery,
  DatasetSummary,
  EngineApi,
  EngineInit,
  EpochProgress,
  EvaluateProgress,
  EvaluateRequest,
  EvaluationResult,
  EtlReport,
  FileProgress,
  JobOptions,
  LoadRequest,
  LoadResult,
  MatMulTiming,
  ModelExportFormat,
  ModelImportSummary,
  MovieCard,
  MovieDetails,
  MovieKey,
  RecommendationList,
  RecommendQuery,
  TfCheck,
  TrainRequest,
  TrainResult,
  VisitorRating,
} from './api';
import { withWasmFallback } from './backend-fallback';
import { evaluateSession } from './evaluation';
import { appendToSession } from './append-session';
import { cacheDataset, cachedDataset, cachedModel, cacheModel, dropCachedModel, sourcesKey } from './caches';
import { Jobs, untilAborted, within } from './jobs';
import { importModelFiles } from './model-import';
import { Session } from './session';
import { siteSource } from './site-source';
import { trainModel } from './training';

/**
 * How long a cache read or write may take before the engine goes on without it: IndexedDB can
 * stall (another tab holding an upgrade, a slow disk), and a cache must never hold a load.
 */
const CACHE_WAIT_MS = 60_000;

export function createEngine() {
  const jobs = new Jobs();
  let backend: Promise<BackendInfo> | undefined;
  let baseUrl = '';
  let session: Session | undefined;
  let visitorRatings: VisitorRating[] = [];

  function sourcesOf(request: LoadRequest, signal?: AbortSignal): Promise<DataSource[]> {
    return request.kind === 'site'
      ? Promise.all(request.files.map((f) => siteSource(baseUrl, f, signal)))
      : Promise.resolve(request.files.map((f) => sourceFromBlob(f)));
  }

  function current(): Session {
    if (!session) throw new Error('No dataset is loaded yet: load the demo data or your own files first.');
    return session;
  }

  async function active(): Promise<BackendInfo> {
    if (!backend) throw new Error('Engine not initialised: call init() first.');
    return backend;
  }

  /** The backend every later job uses once a GPU backend has failed. */
  function switchToWasm(from: BackendInfo, reason: string): Promise<BackendInfo> {
    backend = fallBackToWasm(from, reason);
    return backend;
  }

  return {
    init(options: EngineInit) {
      baseUrl = options.baseUrl;
      backend ??= initBackend(new URL('tfjs/', options.baseUrl).href, options.backend);
      return backend;
    },

    /*
     * A load and a training may overlap (files dropped while the first training runs). Neither
     * waits for the other: the load wins the session once it completes; the training finishes
     * against the dataset it started with, its model is cached for that dataset (reopening it
     * restores the model) but not served, and its call rejects with SUPERSEDED_ERROR. Every await
     * of a load ends on cancel: reads are bounded (etl/source-reader.ts), cache steps raced.
     */
    load(request: LoadRequest, onProgress: (p: FileProgress) => void, options?: JobOptions): Promise<LoadResult> {
      return jobs.run(options?.jobId, async (signal) => {
        const sources = await untilAborted(sourcesOf(request, signal), signal);
        const name = request.kind === 'site' ? request.name : undefined;
        const key = sourcesKey(sources, request.kind === 'files' ? request.files.map((f) => `${f.name}@${f.lastModified}`) : [name ?? '']);
        const notices: CacheNotice[] = [];
        const notice = (n: CacheNotice) => notices.push(n);
        const cached = await untilAborted(within(cachedDataset(key, notice), CACHE_WAIT_MS, undefined), signal);
        let loaded: Dataset;
        let report: EtlReport;
        if (cached) {
          // Site sources hold a fetched response: release it (never awaited: a body may not answer).
          for (const s of sources) if (!s.exact) s.open().cancel().catch(() => undefined);
          ({ dataset: loaded, report } = cached);
        } else {
          ({ dataset: loaded, report } = await loadDataset(sources, { signal, onProgress, name }));
          await untilAborted(within(cacheDataset(key, loaded, report), CACHE_WAIT_MS, undefined), signal);
        }
        const synthetic = request.kind === 'site' && request.synthetic;
        const next = new Session(loaded, synthetic);
        let model = await untilAborted(within(cachedModel(loaded, notice), CACHE_WAIT_MS, undefined), signal);
        // The visitor first, so a model whose fold-in fails is caught by setModel below.
        const visitor = next.setVisitorRatings(visitorRatings);
        if (model) {
          try {
            next.setModel(model);
          } catch (error) {
            // A valid-looking model whose fold-in fails is a defect of the model, not of the load.
            model = undefined;
            await untilAborted(within(dropCachedModel(loaded, `the visitor's fold-in failed (${(error as Error).message})`, notice), CACHE_WAIT_MS, undefined), signal);
          }
        }
        // The top-N ranker needs only the dataset's ratings: fitted here, so the first list is already personal.
        throwIfAborted(signal);
        next.setRanker(trainEase(loaded.ratings, loaded.catalog.size));
        // Swapped in only once complete: a failed or cancelled load keeps the previous dataset.
        session = next;
        // The title index is built right after, so the first search is instant.
        setTimeout(() => next.warmSearch(), 0);
        return {
          summary: summarize(loaded, synthetic),
          report,
          fromCache: cached !== undefined,
          model: model ? { params: model.params, k: model.k } : null,
          visitor,
          notices,
        };
      });
    },

    append(request: LoadRequest, onProgress: (p: FileProgress) => void, options?: JobOptions): Promise<AppendSummary> {
      return jobs.run(options?.jobId, async (signal) => {
        const base = current();
        const sources = await sourcesOf(request);
        const { dataset: addition, report } = await loadDataset(sources, { signal, onProgress, name: base.dataset.name });
        const { session: next, added, alreadyPresent } = appendToSession(base, addition, visitorRatings);
        session = next;
        return { summary: summarize(next.dataset, next.synthetic), report, added, alreadyPresent, coldStart: next.trainedModel !== undefined };
      });
    },

    async exportModel(format: ModelExportFormat = 'streamrec'): Promise<Uint8Array> {
      const s = current();
      const model = s.trainedModel;
      if (!model) throw new Error('No model is trained yet: train one first.');
      const users = new Int32Array(model.nUsers).fill(-1);
      users.set(s.dataset.userRawIds.subarray(0, model.nUsers));
      const ids = { fingerprint: s.dataset.fingerprint, userRawIds: users, itemRawIds: s.dataset.catalog.rawIds.subarray(0, model.nItems) };
      const bytes = format === 'interchange'
        ? zipInterchange(exportInterchange(model, { ...ids, ratings: s.dataset.ratings.length }))
        : serializeModel(model, ids);
      return transfer(bytes, [bytes.buffer]);
    },

    /** Validated in full before anything changes; on any failure the model in use and the cache stay as they were. */
    async importModel(files: File[]): Promise<ModelImportSummary> {
      const s = current();
      const { model, summary } = await importModelFiles(s, files);
      // Transactional: setModel keeps the previous model if the visitor's fold-in throws.
      s.setModel(model);
      await within(cacheModel(s.dataset, model), CACHE_WAIT_MS, undefined);
      return { ...summary, k: model.k, params: model.params };
    },

    async explore(): Promise<Exploration> {
      return current().explore();
    },

    train(request: TrainRequest, onEpoch: (e: EpochProgress) => void, options?: JobOptions): Promise<TrainResult> {
      return jobs.run(options?.jobId, async (signal) => {
        const info = await active();
        const trained = current();
        const { value, notice } = await withWasmFallback(info, signal, switchToWasm, (b) => trainModel(trained, b, request, onEpoch, signal));
        trained.setModel(value.model);
        await within(cacheModel(trained.dataset, value.model), CACHE_WAIT_MS, undefined);
        if (session !== trained) {
          // A load replaced the dataset meanwhile (see load): the model stays cached for its own.
          throw Object.assign(new Error(`The dataset changed during training: the model was kept for “${trained.dataset.name}” (restored when it is opened again), not used for the dataset now loaded.`), { name: SUPERSEDED_ERROR });
        }
        return { ...value.result, notice };
      });
    },

    evaluate(request: EvaluateRequest, onProgress: (p: EvaluateProgress) => void, options?: JobOptions): Promise<EvaluationResult> {
      return jobs.run(options?.jobId, async (signal) => {
        const info = await active();
        const session = current();
        const { value, notice } = await withWasmFallback(info, signal, switchToWasm, (b) => evaluateSession(session, b, request, onProgress, signal));
        return { ...value, notice };
      });
    },

    async setVisitorRatings(ratings: VisitorRating[]) {
      visitorRatings = [...ratings];
      return session ? session.setVisitorRatings(visitorRatings) : { matched: 0, unmatched: ratings.length };
    },

    async recommend(query: RecommendQuery): Promise<RecommendationList> {
      return current().recommend(query);
    },

    async catalog(query: CatalogQuery): Promise<CatalogPage> {
      return current().catalogPage(query);
    },

    async exportCatalog(): Promise<Blob> {
      // A Blob of the CSV chunks: no single giant string, and it crosses to the UI by reference.
      return new Blob([...exportCatalogCsvChunks(current().dataset)], { type: 'text/csv;charset=utf-8' });
    },

    async search(text: string, n: number): Promise<MovieCard[]> {
      return current().search(text, n);
    },

    async onboarding(n: number): Promise<MovieCard[]> {
      return current().onboarding(n);
    },

    async movie(key: MovieKey): Promise<MovieDetails | null> {
      return current().movie(key);
    },

    ping(value: number) {
      return value;
    },

    async checkBackend(): Promise<TfCheck> {
      const info = await active();
      const numTensorsBefore = tf.memory().numTensors;
      // Every partial sum of 0..4095 stays below 2^24, so float32 gives it exactly on any backend.
      const n = 4096;
      const [product, sum] = tf.tidy(() => [
        tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])),
        tf.sum(tf.range(0, n, 1, 'float32')),
      ]);
      const [matMul, rangeSum] = await Promise.all([product.data(), sum.data()]);
      tf.dispose([product, sum]);
      return {
        backend: info.backend,
        matMul: Array.from(matMul),
        rangeSum: rangeSum[0],
        n,
        numTensorsBefore,
        numTensorsAfter: tf.memory().numTensors,
      };
    },

    async timeMatMul(size: number, repeats: number): Promise<MatMulTiming> {
      const info = await active();
      const a = tf.randomUniform([size, size]);
      const b = tf.randomUniform([size, size]);
      const ms: number[] = [];
      try {
        // One warm-up run compiles shaders / pages in the wasm heap.
        for (let r = 0; r <= repeats; r++) {
          const start = performance.now();
          const c = tf.matMul(a, b);
          await c.data();
          c.dispose();
          if (r > 0) ms.push(performance.now() - start);
        }
      } finally {
        tf.dispose([a, b]);
      }
      return { backend: info.backend, size, ms };
    },

    cancel(jobId: string) {
      jobs.cancel(jobId);
    },
  } satisfies EngineApi;
}

function summarize(dataset: Dataset, synthetic: boolean): DatasetSummary {
  return {
    name: dataset.name,
    fingerprint: dataset.fingerprint,
    movies: dataset.catalog.size,
    users: dataset.userRawIds.length,
    ratings: dataset.ratings.length,
    genres: dataset.catalog.genreNames,
    scale: dataset.scale,
    synthetic,
  };
}
