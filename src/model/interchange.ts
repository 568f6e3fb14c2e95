// The model interchange layout ("streamrec-mf" v1, docs/scale.md): a manifest.json, raw ids as
// one-integer-per-line text, and factors/biases as raw little-endian float32, so a Spark job (or
// numpy, or R) can write a model StreamRec loads without our code. Files arrive by drop, one by
// one or as a single .zip; import validates every file and names the file and what is wrong.

import { Unzip, UnzipPassThrough, zipSync, type Zippable } from 'fflate';
import { StoppableInflate } from '../etl/stoppable-inflate';
import { resolveSvdParams, SVD_DEFAULTS, type SvdModel, type SvdParams } from './svd-model';

export const INTERCHANGE_FORMAT = 'streamrec-mf';

/**
 * Most bytes a model .zip may unpack to, all entries together. 1 GiB holds a k = 100 float32
 * model of 2.5 million users and films; a zip that claims or reaches more is refused as it
 * unpacks (a 1.5 GB entry used to be inflated whole in memory first).
 */
export const MODEL_ZIP_MAX_BYTES = 1 << 30;
export const INTERCHANGE_VERSION = 1;

/** The fixed file names of the layout (a zip may hold them under one folder). */
export const INTERCHANGE_FILES = {
  manifest: 'manifest.json',
  userIds: 'user_ids.csv',
  itemIds: 'item_ids.csv',
  userFactors: 'user_factors.f32',
  itemFactors: 'item_factors.f32',
  userBias: 'user_bias.f32',
  itemBias: 'item_bias.f32',
} as const;

/** Which id space item_ids.csv uses; the engine picks the catalogue column to align to from it. */
export type ItemIdSpace = 'movielens' | 'tmdb' | 'dataset';

export interface InterchangeManifest {
  format: typeof INTERCHANGE_FORMAT;
  version: number;
  /** Free text naming the trainer, e.g. "spark-als", "streamrec-als". */
  algorithm: string;
  /** k: floats per row of the factor files (0 allowed: a bias-only baseline). */
  rank: number;
  /** Rows of user_ids.csv / user_factors.f32 (and user_bias.f32). */
  users: number;
  /** Rows of item_ids.csv / item_factors.f32 (and item_bias.f32). */
  items: number;
  /** True: user_bias.f32 and item_bias.f32 are present. Spark's ALS is unbiased MF: false. */
  biased: boolean;
  /** μ added to every prediction: r̂ = μ + b_u + b_i + p_u·q_i (0 for plain Spark ALS, whose factors predict the rating). */
  globalMean: number;
  /** [min, max] predictions are clipped to, e.g. [0.5, 5]. */
  ratingScale: [number, number];
  /** Always "float32-le": IEEE-754 binary32, little-endian, row-major, no header. */
  dtype: 'float32-le';
  /** Id space of item_ids.csv; default "movielens" (ratings.csv movieId). */
  itemIdSpace?: ItemIdSpace;
  /** Trainer settings. SvdParams names are used as such; Spark's rank/maxIter/regParam/seed are mapped. */
  hyperparameters?: Record<string, unknown>;
  /** Informational: training ratings and their mean (the mean is not used for prediction). */
  ratings?: number;
  ratingMean?: number;
  /** Informational: e.g. { "testRmse": 0.81 }. */
  metrics?: Record<string, number>;
  /** Fingerprint of the StreamRec dataset a model was exported from. */
  fingerprint?: string;
  createdBy?: string;
}

export interface ImportedModel {
  model: SvdModel;
  userRawIds: Int32Array;
  itemRawIds: Int32Array;
  manifest: InterchangeManifest;
  /** Files present but not part of the layout (e.g. Spark's _SUCCESS), ignored. */
  ignored: string[];
}

/** A file of the layout that is missing, malformed or inconsistent with the manifest; `file` names it. */
export class InterchangeFormatError extends Error {
  override readonly name = 'InterchangeFormatError';
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

export interface InterchangeExportMeta {
  userRawIds: Int32Array;
  itemRawIds: Int32Array;
  fingerprint?: string;
  /** Default "dataset": the catalogue's own raw ids. */
  itemIdSpace?: ItemIdSpace;
  algorithm?: string;
  ratings?: number;
}

const encoder = new TextEncoder();
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The model as the interchange layout: file name → bytes, manifest first. */
export function exportInterchange(model: SvdModel, meta: InterchangeExportMeta): Map<string, Uint8Array> {
  const { nUsers, nItems, k } = model;
  if (meta.userRawIds.length !== nUsers || meta.itemRawIds.length !== nItems) {
    throw new RangeError(`id maps have ${meta.userRawIds.length}/${meta.itemRawIds.length} entries, model has ${nUsers}/${nItems}`);
  }
  const biased = model.params.biased;
  if (!biased && (model.userBias.some((b) => b !== 0) || model.itemBias.some((b) => b !== 0))) {
    throw new RangeError('model says biased: false but has non-zero biases');
  }
  const manifest: InterchangeManifest = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    algorithm: meta.algorithm ?? `streamrec-${model.params.solver}`,
    rank: k,
    users: nUsers,
    items: nItems,
    biased,
    globalMean: model.globalMean,
    ratingScale: [model.scale[0], model.scale[1]],
    dtype: 'float32-le',
    itemIdSpace: meta.itemIdSpace ?? 'dataset',
    hyperparameters: { ...model.params },
    ...(meta.ratings !== undefined ? { ratings: meta.ratings } : {}),
    ...(meta.fingerprint !== undefined ? { fingerprint: meta.fingerprint } : {}),
    createdBy: 'StreamRec',
  };
  const files = new Map<string, Uint8Array>();
  files.set(INTERCHANGE_FILES.manifest, encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  files.set(INTERCHANGE_FILES.userIds, idsText(meta.userRawIds));
  files.set(INTERCHANGE_FILES.itemIds, idsText(meta.itemRawIds));
  files.set(INTERCHANGE_FILES.userFactors, float32le(model.userFactors));
  files.set(INTERCHANGE_FILES.itemFactors, float32le(model.itemFactors));
  if (biased) {
    files.set(INTERCHANGE_FILES.userBias, float32le(model.userBias));
    files.set(INTERCHANGE_FILES.itemBias, float32le(model.itemBias));
  }
  return files;
}

/** One .zip of the layout (text deflated, float files stored: random mantissas barely compress). */
export function zipInterchange(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, bytes] of files) entries[name] = [bytes, { level: name.endsWith('.f32') ? 0 : 6 }];
  return zipSync(entries);
}

/**
 * Reads the layout from dropped files: names may carry folders ("model/manifest.json") and any
 * `.zip` among them is expanded. Validates everything before building the model.
 */
export function importInterchange(files: Map<string, Uint8Array>): ImportedModel {
  const { byName, ignored } = collectFiles(files);
  const F = INTERCHANGE_FILES;
  const manifest = readManifest(required(byName, F.manifest));
  const { rank: k, users: nUsers, items: nItems } = manifest;
  const userRawIds = readIds(F.userIds, required(byName, F.userIds), nUsers, 'users');
  const itemRawIds = readIds(F.itemIds, required(byName, F.itemIds), nItems, 'items');
  const userFactors = readFloats(F.userFactors, required(byName, F.userFactors), nUsers, k, 'users');
  const itemFactors = readFloats(F.itemFactors, required(byName, F.itemFactors), nItems, k, 'items');
  let userBias: Float32Array, itemBias: Float32Array;
  if (manifest.biased) {
    userBias = readFloats(F.userBias, required(byName, F.userBias, 'the manifest says biased: true'), nUsers, 1, 'users');
    itemBias = readFloats(F.itemBias, required(byName, F.itemBias, 'the manifest says biased: true'), nItems, 1, 'items');
  } else {
    for (const name of [F.userBias, F.itemBias]) {
      if (byName.has(name)) throw new InterchangeFormatError(name, 'present, but the manifest says biased: false (set biased: true to use the biases, or remove the file)');
    }
    userBias = new Float32Array(nUsers);
    itemBias = new Float32Array(nItems);
  }
  const model: SvdModel = {
    params: paramsOf(manifest),
    nUsers, nItems, k,
    globalMean: manifest.globalMean,
    userBias, itemBias, userFactors, itemFactors,
    scale: [manifest.ratingScale[0], manifest.ratingScale[1]],
  };
  return { model, userRawIds, itemRawIds, manifest, ignored };
}

/**
 * Reorders an imported model's item rows into catalogue order. Catalogue items the model does
 * not know get zero factors and bias (they score μ + b_u until content factors or a retrain fill
 * them); imported items absent from the catalogue are dropped. A catalogue id of -1 ("unknown",
 * as in Catalog.movieLensIds) never matches. User rows are shared with the input, not copied.
 */
export function alignToCatalog(
  imported: { model: SvdModel; itemRawIds: Int32Array },
  catalogRawIds: Int32Array,
): { model: SvdModel; matched: number; missing: number; dropped: number } {
  const src = imported.model, k = src.k, n = catalogRawIds.length;
  const rowOf = new Map<number, number>();
  imported.itemRawIds.forEach((id, row) => rowOf.set(id, row));
  const itemFactors = new Float32Array(n * k);
  const itemBias = new Float32Array(n);
  const used = new Uint8Array(src.nItems);
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const id = catalogRawIds[i]!;
    const row = id === -1 ? undefined : rowOf.get(id);
    if (row === undefined) continue;
    matched++;
    used[row] = 1;
    itemBias[i] = src.itemBias[row]!;
    itemFactors.set(src.itemFactors.subarray(row * k, row * k + k), i * k);
  }
  let usedRows = 0;
  for (let r = 0; r < used.length; r++) usedRows += used[r]!;
  return {
    model: { ...src, nItems: n, itemBias, itemFactors },
    matched,
    missing: n - matched,
    dropped: src.nItems - usedRows,
  };
}

// ---------------------------------------------------------------------------------------------

function idsText(ids: Int32Array): Uint8Array {
  let s = '';
  const parts: string[] = [];
  for (let j = 0; j < ids.length; j++) {
    s += `${ids[j]}\n`;
    if (s.length > 1 << 16) { parts.push(s); s = ''; }
  }
  parts.push(s);
  return encoder.encode(parts.join(''));
}

function float32le(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN_HOST) return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let j = 0; j < values.length; j++) view.setFloat32(j * 4, values[j]!, true);
  return out;
}

function collectFiles(files: Map<string, Uint8Array>): { byName: Map<string, Uint8Array>; ignored: string[] } {
  const byName = new Map<string, Uint8Array>();
  const from = new Map<string, string>();
  const ignored: string[] = [];
  const known = new Set<string>(Object.values(INTERCHANGE_FILES));
  const add = (path: string, bytes: Uint8Array, origin: string) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!known.has(base)) { if (base) ignored.push(origin); return; }
    const previous = from.get(base);
    if (previous !== undefined) throw new InterchangeFormatError(base, `given twice (${previous} and ${origin}): drop one model at a time`);
    byName.set(base, bytes);
    from.set(base, origin);
  };
  for (const [path, bytes] of files) {
    if (!/\.zip$/i.test(path)) { add(path.replaceAll('\\', '/'), bytes, path); continue; }
    const entries = unzipBounded(path, bytes, MODEL_ZIP_MAX_BYTES);
    for (const [entry, data] of Object.entries(entries)) {
      // Folder entries, macOS resource forks and dotfiles are not part of any model.
      if (entry.endsWith('/') || entry.startsWith('__MACOSX/') || /(^|\/)\./.test(entry)) continue;
      add(entry, data, `${path}:${entry}`);
    }
  }
  return { byName, ignored };
}

/** The entries of a zip, unpacked with a cap on their total size (checked as they inflate). */
export function unzipBounded(path: string, bytes: Uint8Array, maxBytes: number): Record<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: string | undefined;
  const tooBig = () => `unpacks to more than ${maxBytes} bytes (the cap for a model archive); unpack it and drop the files instead`;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (file.originalSize !== undefined && total + file.originalSize > maxBytes) {
      failure = `${file.name} ${tooBig()}`;
      return;
    }
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data) => {
      if (failure) return;
      if (err) {
        failure = `${file.name}: ${err.message}`;
        file.terminate();
        return;
      }
      total += data.length;
      // Checked as it inflates too: a header can understate an entry's size.
      if (total > maxBytes) {
        failure = `${file.name} ${tooBig()}`;
        file.terminate();
        return;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(StoppableInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    failure ??= (e as Error).message;
  }
  if (!failure && chunks.size === 0) failure = 'no entries found';
  if (failure) throw new InterchangeFormatError(path, failure.includes('cap for a model archive') ? failure : `not a readable zip archive (${failure})`);
  // No prototype: an entry named "__proto__" is just a (then ignored) file name.
  const out = Object.create(null) as Record<string, Uint8Array>;
  for (const [name, parts] of chunks) {
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    out[name] = joined;
  }
  return out;
}

function required(byName: Map<string, Uint8Array>, name: string, why = 'every model needs it'): Uint8Array {
  const bytes = byName.get(name);
  if (!bytes) {
    const present = byName.size ? `found only ${[...byName.keys()].join(', ')}` : 'no file of the layout was given';
    throw new InterchangeFormatError(name, `missing (${why}; ${present})`);
  }
  return bytes;
}

function readManifest(bytes: Uint8Array): InterchangeManifest {
  const file = INTERCHANGE_FILES.manifest;
  const fail = (message: string): never => { throw new InterchangeFormatError(file, message); };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return fail(`is not valid JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('must be a JSON object');
  const m = parsed as Record<string, unknown>;
  if (m.format !== INTERCHANGE_FORMAT) fail(`"format" is ${JSON.stringify(m.format)}, expected "${INTERCHANGE_FORMAT}"`);
  if (!Number.isInteger(m.version) || (m.version as number) < 1) fail(`"version" must be a positive integer, got ${JSON.stringify(m.version)}`);
  if ((m.version as number) > INTERCHANGE_VERSION) fail(`version ${m.version} is newer than this build reads (${INTERCHANGE_VERSION})`);
  for (const key of ['rank', 'users', 'items'] as const) {
    if (!Number.isInteger(m[key]) || (m[key] as number) < 0) fail(`"${key}" must be a non-negative integer, got ${JSON.stringify(m[key])}`);
  }
  if (typeof m.biased !== 'boolean') fail(`"biased" must be true or false, got ${JSON.stringify(m.biased)}`);
  if (typeof m.globalMean !== 'number' || !Number.isFinite(m.globalMean)) fail(`"globalMean" must be a finite number (0 for plain ALS), got ${JSON.stringify(m.globalMean)}`);
  const scale = m.ratingScale;
  if (!Array.isArray(scale) || scale.length !== 2 || !scale.every((x) => typeof x === 'number' && Number.isFinite(x)) || !((scale[0] as number) < (scale[1] as number))) {
    fail(`"ratingScale" must be [min, max] with min < max, got ${JSON.stringify(scale)}`);
  }
  if (m.dtype !== 'float32-le') fail(`"dtype" is ${JSON.stringify(m.dtype)}; only "float32-le" (little-endian IEEE float32) is supported`);
  if (m.itemIdSpace !== undefined && !['movielens', 'tmdb', 'dataset'].includes(m.itemIdSpace as string)) {
    fail(`"itemIdSpace" must be "movielens", "tmdb" or "dataset", got ${JSON.stringify(m.itemIdSpace)}`);
  }
  if (m.hyperparameters !== undefined && (typeof m.hyperparameters !== 'object' || m.hyperparameters === null || Array.isArray(m.hyperparameters))) {
    fail('"hyperparameters" must be an object');
  }
  if (typeof m.algorithm !== 'string') fail(`"algorithm" must be a string, got ${JSON.stringify(m.algorithm)}`);
  return m as unknown as InterchangeManifest;
}

const INT_LINE = /^-?\d+(\.0*)?$/;

/** One integer per line (LF or CRLF); an optional non-numeric header line ("id", "movieId") is skipped. */
function readIds(file: string, bytes: Uint8Array, expected: number, what: string): Int32Array {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InterchangeFormatError(file, 'is not UTF-8 text');
  }
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  let first = 0;
  if (lines.length && !INT_LINE.test(lines[0]!.trim())) {
    if (/^[-+\d.eE]+$/.test(lines[0]!.trim())) throw new InterchangeFormatError(file, `line 1: ${JSON.stringify(lines[0]!.trim())} is not an integer id`);
    first = 1;
  }
  const count = lines.length - first;
  if (count !== expected) {
    throw new InterchangeFormatError(file, `has ${count} ids, the manifest says ${expected} ${what}${count < expected ? ' (truncated?)' : ''}`);
  }
  const ids = new Int32Array(count);
  const seen = new Map<number, number>();
  for (let j = 0; j < count; j++) {
    const line = lines[first + j]!.trim();
    const lineNo = first + j + 1;
    const v = INT_LINE.test(line) ? Number.parseInt(line, 10) : NaN;
    if (!(v >= -2147483648 && v <= 2147483647)) {
      throw new InterchangeFormatError(file, `line ${lineNo}: ${JSON.stringify(line.slice(0, 40))} is not a 32-bit integer id`);
    }
    const before = seen.get(v);
    if (before !== undefined) throw new InterchangeFormatError(file, `line ${lineNo}: id ${v} repeats line ${before}; ids must be unique`);
    seen.set(v, lineNo);
    ids[j] = v;
  }
  return ids;
}

function readFloats(file: string, bytes: Uint8Array, rows: number, width: number, what: string): Float32Array {
  const expected = rows * width * 4;
  if (bytes.length !== expected) {
    const shape = width === 1 ? `${rows} ${what} × 4 bytes` : `${rows} ${what} × rank ${width} × 4 bytes`;
    const hint = bytes.length < expected ? ' (truncated?)' : width > 0 && bytes.length % (width * 4) === 0 ? ` (${bytes.length / (width * 4)} rows: rank or row count wrong?)` : '';
    throw new InterchangeFormatError(file, `has ${bytes.length} bytes, the manifest implies ${shape} = ${expected}${hint}`);
  }
  let out: Float32Array;
  if (LITTLE_ENDIAN_HOST) {
    out = new Float32Array(rows * width);
    new Uint8Array(out.buffer).set(bytes);
  } else {
    out = new Float32Array(rows * width);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let j = 0; j < out.length; j++) out[j] = view.getFloat32(j * 4, true);
  }
  for (let j = 0; j < out.length; j++) {
    if (!Number.isFinite(out[j]!)) {
      const row = Math.floor(j / width), col = j % width;
      throw new InterchangeFormatError(file, `value ${out[j]} at row ${row}${width > 1 ? `, column ${col}` : ''} is not finite (big-endian or wrong dtype?)`);
    }
  }
  return out;
}

/** Names StreamRec knows under Spark ALS's parameter names. */
const SPARK_NAMES: Record<string, keyof SvdParams> = { rank: 'nFactors', maxIter: 'nEpochs', regParam: 'regAll', seed: 'seed' };
/** Settings scripts/spark/train_als.py records that have no StreamRec counterpart: accepted, not used. */
const SPARK_INFORMATIONAL = new Set(['implicitPrefs', 'coldStartStrategy', 'biasIters', 'regUserBias', 'regItemBias', 'alpha', 'nonnegative']);

/**
 * SvdParams from the manifest: SvdParams keys are taken as such, Spark's names are mapped
 * (Spark's regParam is weighted-λ, λ·n_u, like regAll with regCountExponent 1), and the
 * manifest's rank and biased win. An unknown key, a value of the wrong type or out of its range
 * refuses the model: a setting silently dropped would serve a model other than the one described.
 */
function paramsOf(m: InterchangeManifest): SvdParams {
  const hp = m.hyperparameters ?? {};
  const fail = (message: string): never => {
    throw new InterchangeFormatError(INTERCHANGE_FILES.manifest, `"hyperparameters": ${message}`);
  };
  const partial: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(hp)) {
    // Own keys only: "__proto__" or "constructor" would otherwise reach the prototype chain.
    const own = Object.hasOwn(SVD_DEFAULTS, key) ? (key as keyof SvdParams) : undefined;
    const target = own ?? (Object.hasOwn(SPARK_NAMES, key) ? SPARK_NAMES[key] : undefined);
    if (!target) {
      if (SPARK_INFORMATIONAL.has(key)) continue;
      fail(`unknown hyperparameter ${JSON.stringify(key)} (known: the StreamRec names, and Spark's ${Object.keys(SPARK_NAMES).join(', ')})`);
    }
    // A StreamRec name wins over the Spark name of the same parameter.
    if (own === undefined && Object.hasOwn(hp, target!)) continue;
    const def = SVD_DEFAULTS[target!];
    const ok = def === null ? value === null || typeof value === 'number' : typeof value === typeof def;
    if (!ok) fail(`${key} must be ${def === null ? 'a number or null' : `a ${typeof def}`}, got ${JSON.stringify(value)}`);
    partial[target!] = value;
  }
  if (m.rank >= 1) partial.nFactors = m.rank;
  partial.biased = m.biased;
  try {
    return resolveSvdParams({ ...partial } as Partial<SvdParams>);
  } catch (e) {
    return fail((e as Error).message);
  }
}
