// Test helper: reads MovieLens ratings straight from ../shared/data into a RatingsCoo
// with dense inner indices (raw ids in first-seen order), independent of src/etl.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RatingsCoo } from '../../../src/dataset/dataset';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const dataDir = resolve(repoRoot, process.env.STREAMREC_DATA_DIR ?? '../shared/data');
export const hasData = existsSync(resolve(dataDir, 'ml-100k/u.data'));
export const noDataMessage = `real data not found at ${dataDir} (set STREAMREC_DATA_DIR); skipping`;

export interface IdMap { toInner: Map<number, number>; raw: number[] }
export function newIdMap(): IdMap { return { toInner: new Map(), raw: [] }; }
function inner(map: IdMap, raw: number): number {
  let v = map.toInner.get(raw);
  if (v === undefined) { v = map.raw.length; map.toInner.set(raw, v); map.raw.push(raw); }
  return v;
}

/** Parses MovieLens lines (u.data: tab-separated; ratings.csv: comma-separated with a header). Shared id maps keep base/test aligned. */
export function readRatings(relPath: string, users = newIdMap(), items = newIdMap()): { coo: RatingsCoo; users: IdMap; items: IdMap } {
  const text = readFileSync(resolve(dataDir, relPath), 'utf8');
  const lines = text.split(/\r?\n/);
  const csv = relPath.endsWith('.csv');
  const u: number[] = [], i: number[] = [], r: number[] = [];
  for (let n = csv ? 1 : 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line) continue;
    const f = line.split(csv ? ',' : '\t');
    u.push(inner(users, Number(f[0]))); i.push(inner(items, Number(f[1]))); r.push(Number(f[2]));
  }
  return { coo: { length: u.length, users: Int32Array.from(u), items: Int32Array.from(i), ratings: Float32Array.from(r) }, users, items };
}

/** ml-100k's official split u{n}.base / u{n}.test with one id space (built from u.data so every id is known). */
export function readMl100kSplit(fold = 1): { train: RatingsCoo; test: RatingsCoo; nUsers: number; nItems: number } {
  const all = readRatings('ml-100k/u.data');
  const train = readRatings(`ml-100k/u${fold}.base`, all.users, all.items).coo;
  const test = readRatings(`ml-100k/u${fold}.test`, all.users, all.items).coo;
  return { train, test, nUsers: all.users.raw.length, nItems: all.items.raw.length };
}
