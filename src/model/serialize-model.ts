// A compact, versioned binary for trained models (IndexedDB caches, downloads):
// 'SRMF', u32 version, u32 header byte length, a UTF-8 JSON header, zero padding to a
// 4-byte boundary, then the Float32 arrays (userBias, itemBias, userFactors, itemFactors,
// little-endian) and, when the header says so, the Int32 raw-id maps.

import { resolveSvdParams, type SvdModel, type SvdParams } from './svd-model';

export const MODEL_MAGIC = 'SRMF';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelMeta {
  /** Fingerprint of the dataset the model was trained on. */
  fingerprint: string;
  userRawIds: Int32Array;
  itemRawIds: Int32Array;
}

interface Header {
  params: SvdParams;
  nUsers: number; nItems: number; k: number;
  globalMean: number;
  scale: [number, number];
  fingerprint: string;
  /** Whether the raw-id maps follow the factor arrays. */
  idMaps: boolean;
  /** Byte length of the payload after the header padding, to detect truncation. */
  payloadBytes: number;
}

/** Thrown for files that are not a model, are from a newer version, or are damaged. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
}

const le = true;

export function serializeModel(model: SvdModel, meta: ModelMeta, options: { includeIdMaps?: boolean } = {}): Uint8Array {
  const includeIdMaps = options.includeIdMaps ?? true;
  if (includeIdMaps && (meta.userRawIds.length !== model.nUsers || meta.itemRawIds.length !== model.nItems)) {
    throw new RangeError(`id maps have ${meta.userRawIds.length}/${meta.itemRawIds.length} entries, model has ${model.nUsers}/${model.nItems}`);
  }
  const floats = model.nUsers + model.nItems + (model.nUsers + model.nItems) * model.k;
  const ints = includeIdMaps ? model.nUsers + model.nItems : 0;
  const header: Header = {
    params: model.params, nUsers: model.nUsers, nItems: model.nItems, k: model.k,
    globalMean: model.globalMean, scale: model.scale, fingerprint: meta.fingerprint,
    idMaps: includeIdMaps, payloadBytes: 4 * (floats + ints),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = align4(12 + json.length);
  const bytes = new Uint8Array(headerEnd + header.payloadBytes);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MODEL_MAGIC), 0);
  view.setUint32(4, MODEL_FORMAT_VERSION, le);
  view.setUint32(8, json.length, le);
  bytes.set(json, 12);
  let at = headerEnd;
  for (const arr of [model.userBias, model.itemBias, model.userFactors, model.itemFactors]) {
    for (let j = 0; j < arr.length; j++, at += 4) view.setFloat32(at, arr[j]!, le);
  }
  if (includeIdMaps) {
    for (const arr of [meta.userRawIds, meta.itemRawIds]) for (let j = 0; j < arr.length; j++, at += 4) view.setInt32(at, arr[j]!, le);
  }
  return bytes;
}

export function deserializeModel(bytes: Uint8Array): { model: SvdModel; fingerprint: string; userRawIds: Int32Array | null; itemRawIds: Int32Array | null } {
  if (bytes.length < 12) throw new ModelFormatError(`not a StreamRec model: ${bytes.length} bytes is shorter than the 12-byte preamble`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MODEL_MAGIC) throw new ModelFormatError(`not a StreamRec model: magic is ${JSON.stringify(magic)}, expected ${JSON.stringify(MODEL_MAGIC)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, le);
  if (version !== MODEL_FORMAT_VERSION) throw new ModelFormatError(`model format version ${version} is not supported (this build reads version ${MODEL_FORMAT_VERSION})`);
  const jsonLength = view.getUint32(8, le);
  if (12 + jsonLength > bytes.length) throw new ModelFormatError(`model file is truncated: header needs ${12 + jsonLength} bytes, file has ${bytes.length}`);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  } catch (e) {
    throw new ModelFormatError(`model header is corrupt: ${(e as Error).message}`);
  }
  const { nUsers, nItems, k } = header;
  if (![nUsers, nItems, k].every((n) => Number.isInteger(n) && n >= 0) || !Array.isArray(header.scale) || typeof header.globalMean !== 'number') {
    throw new ModelFormatError('model header is corrupt: sizes, scale or mean missing');
  }
  const floats = nUsers + nItems + (nUsers + nItems) * k;
  const ints = header.idMaps ? nUsers + nItems : 0;
  const headerEnd = align4(12 + jsonLength);
  const expected = headerEnd + 4 * (floats + ints);
  if (header.payloadBytes !== 4 * (floats + ints)) throw new ModelFormatError('model header is corrupt: payload size does not match the sizes');
  if (bytes.length < expected) throw new ModelFormatError(`model file is truncated: ${bytes.length} bytes, expected ${expected}`);
  if (bytes.length > expected) throw new ModelFormatError(`model file has ${bytes.length - expected} unexpected trailing bytes`);
  let at = headerEnd;
  const readF32 = (n: number) => { const out = new Float32Array(n); for (let j = 0; j < n; j++, at += 4) out[j] = view.getFloat32(at, le); return out; };
  const readI32 = (n: number) => { const out = new Int32Array(n); for (let j = 0; j < n; j++, at += 4) out[j] = view.getInt32(at, le); return out; };
  const userBias = readF32(nUsers), itemBias = readF32(nItems), userFactors = readF32(nUsers * k), itemFactors = readF32(nItems * k);
  const userRawIds = header.idMaps ? readI32(nUsers) : null;
  const itemRawIds = header.idMaps ? readI32(nItems) : null;
  const model: SvdModel = {
    params: resolveSvdParams(header.params), nUsers, nItems, k, globalMean: header.globalMean,
    userBias, itemBias, userFactors, itemFactors, scale: [header.scale[0], header.scale[1]],
  };
  return { model, fingerprint: header.fingerprint, userRawIds, itemRawIds };
}

function align4(n: number): number { return (n + 3) & ~3; }
