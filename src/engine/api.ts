// The one worker API, imported by both sides: the worker checks its object
// against EngineApi with `satisfies`, the UI wraps the worker as Remote<EngineApi>.
// Only plain data crosses: numbers, strings, typed arrays — never tensors.
import type { BackendInfo } from '../model/backend';
import type { BackendName } from '../model/backend-names';
import type { EtlReport } from '../etl/report';
import type { Exploration } from '../eda/explore';
import type { SvdParams } from '../model/svd-model';
import type { RecommendFilter } from '../shared/recommend-filter';
import type { RatingScale } from '../shared/rating-scale';

export type { BackendInfo, BackendName, EtlReport, Exploration, RecommendFilter, SvdParams };

export interface EngineInit {
  /** Absolute URL of the site's root folder (holds tfjs/*.wasm, demo/, data/). */
  baseUrl: string;
  /** Backend asked for by ?backend= or settings; else the best that initialises. */
  backend?: BackendName;
}

/** A job id lets the UI cancel a long call: cancel(jobId) aborts it in the worker. */
export interface JobOptions {
  jobId?: string;
}

export interface TfCheck {
  backend: BackendName;
  /** [[1,2],[3,4]] · [[5,6],[7,8]] computed by the backend. */
  matMul: number[];
  /** sum of 0..n-1 computed by the backend, for a large n. */
  rangeSum: number;
  n: number;
  numTensorsBefore: number;
  numTensorsAfter: number;
}

export interface MatMulTiming {
  backend: BackendName;
  size: number;
  ms: number[];
}

/** Progress of one input file, as the ETL streams it. */
export interface FileProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  elapsedMs: number;
}

/** What the UI shows of a loaded dataset; the big arrays stay in the worker. */
export interface DatasetSummary {
  name: string;
  fingerprint: string;
  movies: number;
  users: number;
  ratings: number;
  genres: string[];
  scale: readonly [number, number];
  synthetic: boolean;
}

/** A file the worker can fetch from the site (demo data or the configured data directory). */
export interface SiteFile {
  /** Path relative to baseUrl, e.g. "demo/ratings.csv" or "data/ml-latest-small/ratings.csv". */
  path: string;
  size?: number;
}

/** What to load: files served by the site, or files the visitor dropped (Files clone across). */
export type LoadRequest =
  | { kind: 'site'; name: string; synthetic: boolean; files: SiteFile[] }
  | { kind: 'files'; files: File[] };

export interface AppendSummary {
  summary: DatasetSummary;
  report: EtlReport;
  added: number;
  alreadyPresent: number;
  /** Whether the new items got content-based factors (a model was trained). */
  coldStart: boolean;
}

export interface ModelImportSummary {
  format: 'streamrec' | 'interchange';
  k: number;
  params: SvdParams;
  /** Catalogue films that got the model's factors; the missing ones score by their bias alone. */
  matchedItems: number;
  missingItems: number;
  /** The model's films that are not in the loaded catalogue. */
  droppedItems: number;
  matchedUsers: number;
}

export interface LoadResult {
  summary: DatasetSummary;
  report: EtlReport;
  /** True when the processed dataset came from the IndexedDB cache (no ETL ran). */
  fromCache: boolean;
  /** The cached model restored for this dataset, if any (no training needed). */
  model: { params: SvdParams; k: number } | null;
  /** How many of the visitor's ratings name a film of this dataset ("9 of your 16 ratings are in …"). */
  visitor: VisitorMatchCounts;
  /** Cache entries found damaged during this load: dropped (and rebuilt), never fatal. */
  notices: CacheNotice[];
}

/** The visitor's ratings found in the loaded dataset (by movie key, else title + year) and not found. */
export interface VisitorMatchCounts {
  matched: number;
  unmatched: number;
}

/** A cached dataset or model that failed validation and was dropped; `detail` says what was wrong. */
export interface CacheNotice {
  code: 'cached-dataset-invalid' | 'cached-model-invalid';
  detail: string;
}

/**
 * The name of the error a train call rejects with when a load replaced the dataset while it
 * ran: the model was trained and cached for the dataset it started with, but is not in use.
 */
export const SUPERSEDED_ERROR = 'SupersededError';

/**
 * A movie's identity that survives a change of dataset: "tmdb:603", else
 * "ml:2571" (MovieLens movieId), else "raw:<id>". Visitor ratings are kept by key.
 */
export type MovieKey = string;

/** What a list shows of a movie. */
export interface MovieCard {
  /** Inner item index in the current dataset. */
  item: number;
  key: MovieKey;
  title: string;
  year: number;
  genres: string[];
  /** TMDB vote average and count when known (else the ratings' own mean and count). */
  voteAverage: number | null;
  voteCount: number;
  /** Mean of this movie's ratings in the dataset, on its rating scale; null with none. */
  meanRating: number | null;
  /** Ratings of this movie in the dataset. */
  ratingCount: number;
  /** Added after the model was trained: its factors come from its content. */
  isNew: boolean;
}

export interface MovieDetails extends MovieCard {
  director: string | null;
  cast: string[];
  keywords: string[];
  weightedScore: number;
  similar: MovieCard[];
  similarMethod: 'factors' | 'content';
  /** Why it would be recommended to the visitor, when they have rated something. */
  reason: string | null;
  /** The visitor's predicted rating, when a model is trained. */
  predicted: number | null;
}

export interface RecommendQuery {
  /** The visitor (fold-in of their ratings), or a user of the dataset by raw id. */
  user: { kind: 'visitor' } | { kind: 'dataset'; userId: number };
  n: number;
  filter: RecommendFilter;
}

export interface Recommendation extends MovieCard {
  /** The ranking score the list is ordered by (its meaning: RecommendationList.orderedBy). */
  score: number;
  /** Predicted rating on the dataset's scale (the SVD's); null when the list is not personalised. */
  predicted: number | null;
  reason: string;
}

export interface RecommendationList {
  items: Recommendation[];
  /** False when no model or no ratings: the list is the weighted score ("popular and well rated"). */
  personalised: boolean;
  /** For dataset users: whether the id exists. */
  userFound: boolean;
  /** What `score` is, in words, e.g. "Popular and well rated: the weighted score"; empty with no list. */
  orderedBy: string;
  ms: number;
}

/** A visitor's rating as the UI persists it. */
/** `streamrec`: the .srmf binary the app caches; `interchange`: the documented layout as a .zip (docs/scale.md). */
export type ModelExportFormat = 'streamrec' | 'interchange';

export interface VisitorRating {
  key: MovieKey;
  rating: number;
  /** Title and year, so the rating is understandable and matchable in another dataset. */
  title: string;
  year: number;
  ratedAt: number;
  /** The scale `rating` is on (a 1–10 IMDb import keeps 1–10); absent on ratings stored before scales: half stars. */
  scale?: RatingScale;
}

export interface EpochProgress {
  epoch: number;
  nEpochs: number;
  trainLoss: number;
  validRmse?: number;
  ms: number;
}

export interface TrainRequest {
  params?: Partial<SvdParams>;
  /** Fraction of ratings held out for validation RMSE/MAE (default 0.1; 0 = none). */
  holdout?: number;
  /** Warm start from the current model and include the visitor's ratings. */
  warm?: boolean;
}

export interface TrainResult {
  params: SvdParams;
  epochs: EpochProgress[];
  validRmse: number | null;
  validMae: number | null;
  fitMs: number;
  backend: BackendName;
  ratings: number;
  /** Set when a GPU backend failed and the training ran again on wasm: what failed. */
  notice: string | null;
}

export type AlgorithmName = 'svd' | 'svd-loop' | 'baseline-only' | 'global-mean' | 'most-popular' | 'random';

export interface EvaluateRequest {
  /** 'cv': shuffled k-fold RMSE/MAE/FCP (Surprise's protocol); 'ranking': one seeded split, full ranking@k. */
  kind: 'cv' | 'ranking';
  params?: Partial<SvdParams>;
  /** cv: number of folds, default 5. */
  nFolds?: number;
  /** ranking: held-out fraction, default 0.2. */
  testSize?: number;
  /** ranking: cut-off k, default 10. */
  k?: number;
  seed?: number;
  /** Algorithms to compare; default: svd and every baseline that applies. */
  algorithms?: AlgorithmName[];
}

export interface EvaluationRow {
  algorithm: AlgorithmName;
  rmse?: number;
  rmseStd?: number;
  mae?: number;
  fcp?: number;
  precision?: number;
  recall?: number;
  ndcg?: number;
  map?: number;
  coverage?: number;
  /** Mean fit time per fold (cv) or of the one fit (ranking). */
  fitMs: number;
  /** Mean time per training epoch, for the iterative trainers. */
  msPerEpoch?: number;
}

export interface EvaluationResult {
  kind: EvaluateRequest['kind'];
  rows: EvaluationRow[];
  ratings: number;
  backend: BackendName;
  /** Set when a GPU backend failed and the evaluation ran again on wasm: what failed. */
  notice: string | null;
}

export interface EvaluateProgress {
  step: string;
  done: number;
  total: number;
}

export interface CatalogQuery {
  sort: 'score' | 'title' | 'year' | 'votes';
  /** Rows [start, start + count) of the sorted catalogue. */
  start: number;
  count: number;
}

export interface CatalogPage {
  total: number;
  start: number;
  rows: MovieCard[];
}

export interface EngineApi {
  /** Starts TensorFlow.js on the chosen backend; idempotent. */
  init(options: EngineInit): Promise<BackendInfo>;
  /** Echo, for the round-trip benchmark. */
  ping(value: number): number;
  /** A real TensorFlow.js computation on the active backend, with known answers. */
  checkBackend(): Promise<TfCheck>;
  /** Times an n×n matMul `repeats` times on the active backend. */
  timeMatMul(size: number, repeats: number): Promise<MatMulTiming>;
  /** Streams the files through the ETL; the previous dataset stays if this fails or is cancelled. */
  load(request: LoadRequest, onProgress: (p: FileProgress) => void, options?: JobOptions): Promise<LoadResult>;
  /** Merges new movies or series (any format the ETL reads) into the loaded dataset; they are marked new. */
  append(request: LoadRequest, onProgress: (p: FileProgress) => void, options?: JobOptions): Promise<AppendSummary>;
  /**
   * The trained model for download, transferred, not copied: StreamRec's versioned binary, or
   * the interchange layout zipped (manifest.json, id lists, .f32 factors) for numpy, Spark or another StreamRec.
   */
  exportModel(format?: ModelExportFormat): Promise<Uint8Array>;
  /**
   * Loads a model: one StreamRec model file, or the interchange layout (manifest.json,
   * id lists, .f32 factors; or a .zip of them) as written by the Spark job. Rows are
   * matched to the loaded dataset by id. A failed import changes nothing.
   */
  importModel(files: File[]): Promise<ModelImportSummary>;
  /** Exploratory analysis of the loaded dataset: small arrays ready to chart. */
  explore(): Promise<Exploration>;
  /** Trains the SVD model on the loaded dataset in the worker, reporting each epoch. */
  train(request: TrainRequest, onEpoch: (e: EpochProgress) => void, options?: JobOptions): Promise<TrainResult>;
  /** Cross-validation or ranking metrics of the SVD against the baselines, in the worker. */
  evaluate(request: EvaluateRequest, onProgress: (p: EvaluateProgress) => void, options?: JobOptions): Promise<EvaluationResult>;
  /** Replaces the visitor's ratings (the UI has persisted them first); solves their fold-in at once. */
  setVisitorRatings(ratings: VisitorRating[]): Promise<VisitorMatchCounts>;
  /** Top-N for the visitor or a dataset user, with filters and one-line reasons. */
  recommend(query: RecommendQuery): Promise<RecommendationList>;
  /** A window of the whole catalogue in a given order, for a virtualised list. */
  catalog(query: CatalogQuery): Promise<CatalogPage>;
  /** The cleaned, merged catalogue as CSV (movies + credits, one row per movie, lists joined with |). */
  exportCatalog(): Promise<Blob>;
  /** Title search: typo-tolerant, diacritics-insensitive. */
  search(text: string, n: number): Promise<MovieCard[]>;
  /** Popular, well-rated movies across several genres, for a first visit's ratings. */
  onboarding(n: number): Promise<MovieCard[]>;
  /** A movie's details, similar movies, and why it would be recommended. */
  movie(key: MovieKey): Promise<MovieDetails | null>;
  /** Aborts the long call started with this job id; it rejects with an AbortError. */
  cancel(jobId: string): void;
}
