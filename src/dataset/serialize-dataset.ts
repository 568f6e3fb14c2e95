// A processed Dataset as one compact binary, for the IndexedDB cache: the magic
// "SRDS", a format version, a JSON header (name, fingerprint, scale, string
// tables, the layout of the arrays), then every typed array 8-byte aligned.
// Loading it back is a few copies, far cheaper than re-running the ETL. Both ways
// work part by part, so a large dataset is never held twice.
import type { Catalog, Dataset, RatingsCoo } from './dataset';

const MAGIC = 0x53445253; // "SRDS" little-endian
/**
 * 2: ratings as stored by the ETL since the compact layout (items Uint16 or Int32, ratings
 * Uint8 half-star codes or Float32, days Uint16 instead of Uint32 timestamps). Version 1
 * entries are refused (DatasetFormatError), which the engine treats as a cache miss.
 */
export const DATASET_FORMAT_VERSION = 3;

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
  'rawIds', 'tmdbIds', 'imdbIds', 'movieLensIds', 'years', 'genreBits', 'voteAverage', 'voteCount',
  'popularity', 'adult', 'director', 'castOffsets', 'castIds', 'keywordOffsets', 'keywordIds',
] as const satisfies readonly (keyof Catalog)[];

interface Header {
  version: number;
  name: string;
  fingerprint: string;
  scale: [number, number];
  scaleStep?: number;
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

/** Where everything goes in the binary: the 12-byte prefix and JSON header, then the arrays. */
interface Layout {
  prefix: Uint8Array;
  dataStart: number;
  length: number;
  named: [string, AnyArray][];
  offsets: number[];
}

function layoutOf(dataset: Dataset): Layout {
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
    ...(dataset.scaleStep === undefined ? {} : { scaleStep: dataset.scaleStep }),
    catalogSize: catalog.size,
    titles: catalog.titles,
    genreNames: catalog.genreNames,
    people: catalog.people,
    keywordNames: catalog.keywordNames,
    ratingsLength: ratings.length,
    arrays,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(12 + json.length);
  const view = new DataView(prefix.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, DATASET_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  prefix.set(json, 12);
  const dataStart = align8(prefix.length);
  return { prefix, dataStart, length: dataStart + offset, named, offsets: arrays.map((a) => a.offset) };
}

/** Bytes [from, to) of the binary, copied from the prefix and the arrays they overlap. */
function bytesOf(layout: Layout, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  const copy = (src: Uint8Array, at: number) => {
    const lo = Math.max(from, at), hi = Math.min(to, at + src.length);
    if (lo < hi) out.set(src.subarray(lo - at, hi - at), lo - from);
  };
  copy(layout.prefix, 0);
  layout.named.forEach(([, a], j) => copy(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout.dataStart + layout.offsets[j]!));
  return out;
}

export function serializeDataset(dataset: Dataset): Uint8Array {
  const layout = layoutOf(dataset);
  return bytesOf(layout, 0, layout.length);
}

/**
 * The same binary in parts of at most `partBytes`, made one at a time as the caller iterates:
 * caching a 26M-rating dataset holds one part (32 MB) next to the dataset, not a second copy of it.
 */
export function serializedParts(dataset: Dataset, partBytes: number): { length: number; parts: Iterable<Uint8Array> } {
  const layout = layoutOf(dataset);
  function* parts(): Generator<Uint8Array> {
    for (let at = 0; at < layout.length; at += partBytes) yield bytesOf(layout, at, Math.min(layout.length, at + partBytes));
  }
  return { length: layout.length, parts: parts() };
}

/**
 * Reads the binary part by part (parts in order, any sizes): the header once its bytes are in, then
 * each part's bytes straight into the typed arrays they belong to, so loading never holds the
 * whole binary next to the dataset.
 */
export class DatasetReader {
  /** The bytes before the header is complete (usually the first part). */
  private head = new Uint8Array(0);
  private header: Header | null = null;
  private readonly arrays = new Map<string, { array: AnyArray; bytes: Uint8Array; at: number }>();
  private received = 0;

  push(part: Uint8Array): void {
    const at = this.received;
    this.received += part.length;
    if (this.header) return this.copy(part, at);
    const joined = new Uint8Array(this.head.length + part.length);
    joined.set(this.head);
    joined.set(part, this.head.length);
    this.head = joined;
    if (!this.readHeader()) return;
    this.copy(this.head, 0);
    this.head = new Uint8Array(0);
  }

  /** The dataset, once every byte has been pushed. */
  finish(): Dataset {
    const header = this.header;
    if (!header) throw new DatasetFormatError('cached dataset is truncated');
    for (const [name, { bytes, at }] of this.arrays) {
      if (this.received < at + bytes.length) throw new DatasetFormatError(`cached dataset is truncated in ${name}`);
    }
    return assemble(header, (name) => this.arrays.get(name)?.array);
  }

  /** Copies the bytes of `part` (which starts at offset `at`) into the arrays they belong to. */
  private copy(part: Uint8Array, at: number): void {
    for (const { bytes, at: start } of this.arrays.values()) {
      const lo = Math.max(at, start), hi = Math.min(at + part.length, start + bytes.length);
      if (lo < hi) bytes.set(part.subarray(lo - at, hi - at), lo - start);
    }
  }

  /** Parses the header and allocates the arrays once the header's bytes are in; false until then. */
  private readHeader(): boolean {
    if (this.head.length < 12) return false;
    const view = new DataView(this.head.buffer);
    if (view.getUint32(0, true) !== MAGIC) throw new DatasetFormatError('not a StreamRec dataset');
    const version = view.getUint32(4, true);
    if (version !== DATASET_FORMAT_VERSION) throw new DatasetFormatError(`dataset format ${version} is not supported (expected ${DATASET_FORMAT_VERSION})`);
    const jsonLength = view.getUint32(8, true);
    if (this.head.length < 12 + jsonLength) return false;
    let header: Header;
    try {
      header = JSON.parse(new TextDecoder().decode(this.head.subarray(12, 12 + jsonLength))) as Header;
    } catch {
      throw new DatasetFormatError('cached dataset header is not valid JSON');
    }
    const dataStart = align8(12 + jsonLength);
    for (const a of header.arrays) {
      const Ctor = CONSTRUCTORS[a.kind];
      if (!Ctor || !(Number.isInteger(a.length) && a.length >= 0)) throw new DatasetFormatError(`cached dataset has a bad entry for ${a.name}`);
      const array = new Ctor(a.length);
      this.arrays.set(a.name, { array, bytes: new Uint8Array(array.buffer), at: dataStart + a.offset });
    }
    this.header = header;
    return true;
  }
}

export function deserializeDataset(bytes: Uint8Array): Dataset {
  const reader = new DatasetReader();
  reader.push(bytes);
  return reader.finish();
}

function assemble(header: Header, array: (name: string) => AnyArray | undefined): Dataset {
  const get = <T extends AnyArray>(name: string): T => {
    const a = array(name);
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
  if (array('ratings.days')) ratings.days = get('ratings.days');
  if (array('catalog.writerOffsets')) {
    catalog.writerOffsets = get('catalog.writerOffsets');
    catalog.writerIds = get('catalog.writerIds');
  }
  return { name: header.name, fingerprint: header.fingerprint, catalog, ratings, userRawIds: get('userRawIds'), scale: header.scale, ...(typeof header.scaleStep === 'number' ? { scaleStep: header.scaleStep } : {}) };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
