// A processed Dataset as one compact binary, for the IndexedDB cache: the magic
// "SRDS", a format version, a JSON header (name, fingerprint, scale, string
// tables, the layout of the arrays), then every typed array 8-byte aligned.
// Loading it back is a few copies, far cheaper than re-running the ETL.
import type { Catalog, Dataset, RatingsCoo } from './dataset';

const MAGIC = 0x53445253; // "SRDS" little-endian
/**
 * 2: ratings as stored by the ETL since the compact layout (items Uint16 or Int32, ratings
 * Uint8 half-star codes or Float32, days Uint16 instead of Uint32 timestamps). Version 1
 * entries are refused (DatasetFormatError), which the engine treats as a cache miss.
 */
export const DATASET_FORMAT_VERSION = 2;

type ArrayKind = 'i16' | 'i32' | 'u8' | 'u16' | 'u32' | 'f32';
type AnyArray = Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array;

const CONSTRUCTORS = { i16: Int16Array, i32: Int32Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array } as const;

function kindOf(a: AnyArray): ArrayKind {
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Float32Array) return 'f32';
  throw new TypeError(`cannot serialise a ${Object.prototype.toString.call(a)}`);
}

const CATALOG_ARRAYS = [
  'rawIds', 'tmdbIds', 'movieLensIds', 'years', 'genreBits', 'voteAverage', 'voteCount',
  'popularity', 'adult', 'director', 'castOffsets', 'castIds', 'keywordOffsets', 'keywordIds',
] as const satisfies readonly (keyof Catalog)[];

interface Header {
  version: number;
  name: string;
  fingerprint: string;
  scale: [number, number];
  catalogSize: number;
  titles: string[];
  genreNames: string[];
  people: string[];
  keywordNames: string[];
  ratingsLength: number;
  arrays: { name: string; kind: ArrayKind; offset: number; length: number }[];
}

export class DatasetFormatError extends Error {
  override name = 'DatasetFormatError';
}

export function serializeDataset(dataset: Dataset): Uint8Array {
  const { catalog, ratings } = dataset;
  const named: [string, AnyArray][] = [
    ...CATALOG_ARRAYS.map((k): [string, AnyArray] => [`catalog.${k}`, catalog[k]]),
    ['ratings.users', ratings.users],
    ['ratings.items', ratings.items],
    ['ratings.ratings', ratings.ratings],
    ['userRawIds', dataset.userRawIds],
  ];
  if (ratings.days) named.push(['ratings.days', ratings.days]);
  if (catalog.writerOffsets && catalog.writerIds) {
    named.push(['catalog.writerOffsets', catalog.writerOffsets], ['catalog.writerIds', catalog.writerIds]);
  }
  let offset = 0;
  const arrays = named.map(([name, a]) => {
    const entry = { name, kind: kindOf(a), offset, length: a.length };
    offset += align8(a.byteLength);
    return entry;
  });
  const header: Header = {
    version: DATASET_FORMAT_VERSION,
    name: dataset.name,
    fingerprint: dataset.fingerprint,
    scale: [dataset.scale[0], dataset.scale[1]],
    catalogSize: catalog.size,
    titles: catalog.titles,
    genreNames: catalog.genreNames,
    people: catalog.people,
    keywordNames: catalog.keywordNames,
    ratingsLength: ratings.length,
    arrays,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(12 + json.length);
  const out = new Uint8Array(dataStart + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, DATASET_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  named.forEach(([, a], j) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + arrays[j].offset));
  return out;
}

export function deserializeDataset(bytes: Uint8Array): Dataset {
  if (bytes.length < 12) throw new DatasetFormatError('cached dataset is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new DatasetFormatError('not a StreamRec dataset');
  const version = view.getUint32(4, true);
  if (version !== DATASET_FORMAT_VERSION) throw new DatasetFormatError(`dataset format ${version} is not supported (expected ${DATASET_FORMAT_VERSION})`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new DatasetFormatError('cached dataset header is truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  } catch {
    throw new DatasetFormatError('cached dataset header is not valid JSON');
  }
  const dataStart = align8(12 + jsonLength);
  const arrays = new Map<string, AnyArray>();
  for (const a of header.arrays) {
    const Ctor = CONSTRUCTORS[a.kind];
    const start = dataStart + a.offset;
    const byteLength = a.length * Ctor.BYTES_PER_ELEMENT;
    if (start + byteLength > bytes.length) throw new DatasetFormatError(`cached dataset is truncated in ${a.name}`);
    // A copy: aligned for the typed array and independent of the cache's buffer.
    arrays.set(a.name, new Ctor(bytes.slice(start, start + byteLength).buffer));
  }
  const get = <T extends AnyArray>(name: string): T => {
    const a = arrays.get(name);
    if (!a) throw new DatasetFormatError(`cached dataset lacks ${name}`);
    return a as T;
  };
  const catalog = {
    size: header.catalogSize,
    titles: header.titles,
    genreNames: header.genreNames,
    people: header.people,
    keywordNames: header.keywordNames,
    ...Object.fromEntries(CATALOG_ARRAYS.map((k) => [k, get(`catalog.${k}`)])),
  } as Catalog;
  const ratings: RatingsCoo = {
    length: header.ratingsLength,
    users: get('ratings.users'),
    items: get('ratings.items'),
    ratings: get('ratings.ratings'),
  };
  if (!(ratings.ratings instanceof Uint8Array || ratings.ratings instanceof Float32Array) || !(ratings.items instanceof Uint16Array || ratings.items instanceof Int32Array)) {
    throw new DatasetFormatError('cached dataset has ratings of an unknown layout');
  }
  if (arrays.has('ratings.days')) ratings.days = get('ratings.days');
  if (arrays.has('catalog.writerOffsets')) {
    catalog.writerOffsets = get('catalog.writerOffsets');
    catalog.writerIds = get('catalog.writerIds');
  }
  return { name: header.name, fingerprint: header.fingerprint, catalog, ratings, userRawIds: get('userRawIds'), scale: header.scale };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
