import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alignToCatalog, exportInterchange, importInterchange, InterchangeFormatError, zipInterchange,
} from '../../../src/model/interchange';
import { predict, resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import { REPO_ROOT } from '../../support/data-dir';
import { tinyProblem } from './tiny-problem';

const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/interchange');
const model = trainSvdLoop(tinyProblem(), 12, 10, [1, 5], { nFactors: 3, nEpochs: 3 });
const meta = { userRawIds: Int32Array.from({ length: 12 }, (_, j) => 100 + j), itemRawIds: Int32Array.from({ length: 10 }, (_, j) => 7 * j + 1), fingerprint: 'abc' };

function readFolder(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).filter((f) => f !== 'README.md').map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

function bitsOf(a: Float32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function expectSameModel(back: SvdModel, original: SvdModel) {
  expect(back).toEqual(original);
  for (const key of ['userFactors', 'itemFactors', 'userBias', 'itemBias'] as const) expect(bitsOf(back[key])).toEqual(bitsOf(original[key]));
}

/** A copy of the files with one replaced (or removed with undefined). */
function withFile(files: Map<string, Uint8Array>, name: string, bytes: Uint8Array | string | undefined): Map<string, Uint8Array> {
  const out = new Map(files);
  if (bytes === undefined) out.delete(name);
  else out.set(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return out;
}

function manifestWith(files: Map<string, Uint8Array>, patch: Record<string, unknown>): Map<string, Uint8Array> {
  const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
  return withFile(files, 'manifest.json', JSON.stringify({ ...m, ...patch }));
}

function errorOf(f: () => unknown): InterchangeFormatError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InterchangeFormatError);
    return e as InterchangeFormatError;
  }
  throw new Error('expected an InterchangeFormatError');
}

describe('interchange export → import', () => {
  it('round-trips bit-exact: factors, biases, μ, scale, params and raw ids', () => {
    const files = exportInterchange(model, meta);
    expect([...files.keys()]).toEqual(['manifest.json', 'user_ids.csv', 'item_ids.csv', 'user_factors.f32', 'item_factors.f32', 'user_bias.f32', 'item_bias.f32']);
    expect(files.get('user_factors.f32')!.length).toBe(12 * 3 * 4);
    const back = importInterchange(files);
    expectSameModel(back.model, model);
    expect(back.userRawIds).toEqual(meta.userRawIds);
    expect(back.itemRawIds).toEqual(meta.itemRawIds);
    expect(back.manifest).toMatchObject({ format: 'streamrec-mf', version: 1, rank: 3, users: 12, items: 10, biased: true, fingerprint: 'abc', itemIdSpace: 'dataset' });
  });

  it('round-trips through one .zip, also with the files under a folder', () => {
    const zipped = zipInterchange(exportInterchange(model, meta));
    expectSameModel(importInterchange(new Map([['model.zip', zipped]])).model, model);
    const nested = new Map(Object.entries(unzipSync(zipped)).map(([name, bytes]) => [`spark-out/${name}`, bytes] as [string, Uint8Array]));
    nested.set('spark-out/_SUCCESS', new Uint8Array(0));
    const back = importInterchange(nested);
    expectSameModel(back.model, model);
    expect(back.ignored).toEqual(['spark-out/_SUCCESS']);
  });

  it('writes no bias files for an unbiased model and reads it back unbiased', () => {
    const unbiased = trainSvdLoop(tinyProblem(), 12, 10, [1, 5], { nFactors: 2, nEpochs: 2, biased: false });
    const files = exportInterchange(unbiased, meta);
    expect(files.has('user_bias.f32')).toBe(false);
    expectSameModel(importInterchange(files).model, unbiased);
  });
});

describe('interchange fixtures written by hand (test/fixtures/interchange/make_fixtures.py, struct.pack)', () => {
  it('tiny-biased: 3 users × 2 items, k = 2, predictions summed by hand', () => {
    const { model: m, userRawIds, itemRawIds, manifest } = importInterchange(readFolder(join(FIXTURES, 'tiny-biased')));
    expect([...userRawIds]).toEqual([10, 20, 30]); // header line "userId" and CRLF endings
    expect([...itemRawIds]).toEqual([7, 3]);
    expect(manifest.itemIdSpace).toBe('movielens');
    expect(m.params).toEqual(resolveSvdParams({ nFactors: 2, regAll: 0.05, nEpochs: 7, biased: true }));
    // μ 3.5; b_u 0.25, −0.5, 0; b_i 0.5, −0.25; p_u (1,0) (0.5,−1) (0,0.25); q_i (0.5,0.5) (−1,2).
    const expected = [[4.75, 2.5], [3.25, 0.5 /* 0.25 clipped to 0.5 */], [4.125, 3.75]];
    for (let u = 0; u < 3; u++) for (let i = 0; i < 2; i++) expect(predict(m, u, i)).toBe(expected[u]![i]);
  });

  it('spark-unbiased: biased false, μ 0, Spark parameter names mapped', () => {
    const { model: m } = importInterchange(readFolder(join(FIXTURES, 'spark-unbiased')));
    expect(m.params.biased).toBe(false);
    expect(m.globalMean).toBe(0);
    expect(m.userBias).toEqual(new Float32Array(2));
    expect(m.params).toMatchObject({ nFactors: 2, nEpochs: 10, regAll: 0.08, seed: 42 });
    // p_u (2,1) (1,1.5); q_i (1.5,1) (2,0.5) (1,2).
    expect([0, 1, 2].map((i) => predict(m, 0, i))).toEqual([4, 4.5, 4]);
    expect([0, 1, 2].map((i) => predict(m, 1, i))).toEqual([3, 2.75, 4]);
  });
});

describe('interchange validation names the file and the fault', () => {
  const good = readFolder(join(FIXTURES, 'tiny-biased'));

  it('a truncated factor file', () => {
    const e = errorOf(() => importInterchange(withFile(good, 'item_factors.f32', good.get('item_factors.f32')!.subarray(0, 14))));
    expect(e.file).toBe('item_factors.f32');
    expect(e.message).toMatch(/item_factors\.f32: has 14 bytes, the manifest implies 2 items × rank 2 × 4 bytes = 16 \(truncated\?\)/);
  });

  it('a factor file of another rank', () => {
    const e = errorOf(() => importInterchange(manifestWith(good, { rank: 3 })));
    expect(e.message).toMatch(/user_factors\.f32: has 24 bytes, the manifest implies 3 users × rank 3 × 4 bytes = 36/);
  });

  it('id counts that disagree with the manifest', () => {
    expect(errorOf(() => importInterchange(withFile(good, 'item_ids.csv', '7\n'))).message).toMatch(/item_ids\.csv: has 1 ids, the manifest says 2 items \(truncated\?\)/);
    expect(errorOf(() => importInterchange(withFile(good, 'user_ids.csv', '1\n2\n3\n4\n'))).message).toMatch(/user_ids\.csv: has 4 ids, the manifest says 3 users/);
  });

  it('bad and duplicate ids', () => {
    expect(errorOf(() => importInterchange(withFile(good, 'item_ids.csv', '7\nx7\n'))).message).toMatch(/item_ids\.csv: line 2: "x7" is not a 32-bit integer id/);
    expect(errorOf(() => importInterchange(withFile(good, 'item_ids.csv', '7\n7\n'))).message).toMatch(/line 2: id 7 repeats line 1/);
    expect(errorOf(() => importInterchange(withFile(good, 'item_ids.csv', '7\n3000000000\n'))).message).toMatch(/not a 32-bit integer/);
  });

  it('missing files, bias files that contradict "biased", a bad manifest', () => {
    expect(errorOf(() => importInterchange(withFile(good, 'manifest.json', undefined))).message).toMatch(/^manifest\.json: missing/);
    expect(errorOf(() => importInterchange(withFile(good, 'user_bias.f32', undefined))).message).toMatch(/user_bias\.f32: missing \(the manifest says biased: true/);
    expect(errorOf(() => importInterchange(manifestWith(good, { biased: false }))).message).toMatch(/user_bias\.f32: present, but the manifest says biased: false/);
    expect(errorOf(() => importInterchange(withFile(good, 'manifest.json', '{"format":'))).message).toMatch(/manifest\.json: is not valid JSON/);
    expect(errorOf(() => importInterchange(manifestWith(good, { format: 'other' }))).message).toMatch(/"format" is "other"/);
    expect(errorOf(() => importInterchange(manifestWith(good, { version: 2 }))).message).toMatch(/version 2 is newer/);
    expect(errorOf(() => importInterchange(manifestWith(good, { dtype: 'float32-be' }))).message).toMatch(/only "float32-le"/);
    expect(errorOf(() => importInterchange(manifestWith(good, { ratingScale: [5, 1] }))).message).toMatch(/"ratingScale" must be \[min, max\]/);
  });

  it('non-finite values (e.g. a big-endian file) and a damaged zip', () => {
    const nan = good.get('user_bias.f32')!.slice();
    new DataView(nan.buffer).setFloat32(4, NaN, true);
    expect(errorOf(() => importInterchange(withFile(good, 'user_bias.f32', nan))).message).toMatch(/user_bias\.f32: value NaN at row 1 is not finite/);
    expect(errorOf(() => importInterchange(new Map([['model.zip', new Uint8Array([1, 2, 3])]]))).file).toBe('model.zip');
    const twice = new Map([...good, ['copy/manifest.json', good.get('manifest.json')!]]);
    expect(errorOf(() => importInterchange(twice)).message).toMatch(/manifest\.json: given twice/);
  });
});

describe('alignToCatalog', () => {
  const imported = importInterchange(readFolder(join(FIXTURES, 'spark-unbiased'))); // items 1, 2, 3

  it('reorders item rows to catalogue order, zero rows for unknown items, drops items not in the catalogue', () => {
    const catalog = Int32Array.from([3, 99, 1, -1]); // item 2 is not in the catalogue; 99 and -1 are unknown
    const { model: m, matched, missing, dropped } = alignToCatalog(imported, catalog);
    expect({ matched, missing, dropped }).toEqual({ matched: 2, missing: 2, dropped: 1 });
    expect(m.nItems).toBe(4);
    expect([...m.itemFactors]).toEqual([1, 2, 0, 0, 1.5, 1, 0, 0]);
    expect(m.userFactors).toBe(imported.model.userFactors);
    expect(predict(m, 0, 0)).toBe(4); // user 1 × item 3, as before alignment
    expect(predict(m, 0, 1)).toBe(0.5); // unknown item: μ 0 + 0, clipped to the scale
  });

  it('carries item biases along', () => {
    const biased = importInterchange(readFolder(join(FIXTURES, 'tiny-biased'))); // items 7, 3
    const { model: m, matched } = alignToCatalog(biased, Int32Array.from([3, 7]));
    expect(matched).toBe(2);
    expect([...m.itemBias]).toEqual([-0.25, 0.5]);
    expect(predict(m, 0, 1)).toBe(4.75);
  });
});

// The Python writer (scripts/spark/streamrec_interchange.py) and this importer implement the spec
// independently: output of one must load in the other.
const python = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!python) console.warn('interchange.test.ts: python3 not found, skipping the Python writer → TypeScript importer test');

describe.skipIf(!python)('Python writer → importInterchange (python3 scripts/spark/streamrec_interchange.py)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamrec-interchange-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports what write_interchange wrote, biased and unbiased', () => {
    const script = `
import sys
sys.path.insert(0, sys.argv[1])
from streamrec_interchange import write_interchange
out = sys.argv[2]
write_interchange(out + '/plain', [(11, [0.5, -2.0]), (12.0, [1.0, 0.1])], [(5, [2.0, 1.0]), (9, [0.25, 0.75]), (4, [1.0, -1.0])],
                  rank=2, global_mean=0, rating_scale=(0.5, 5),
                  hyperparameters={'rank': 2, 'maxIter': 5, 'regParam': 0.07, 'implicitPrefs': False, 'seed': 3})
write_interchange(out + '/biased', [(1, [1.0], 0.25)], [(2, [0.5], -0.5)], rank=1, global_mean=3.5, rating_scale=(1, 5), biased=True,
                  algorithm='spark-als+biases', hyperparameters={'rank': 1})
`;
    execFileSync('python3', ['-c', script, resolve(REPO_ROOT, 'scripts/spark'), dir], { stdio: 'pipe' });
    const plain = importInterchange(readFolder(join(dir, 'plain')));
    expect([...plain.userRawIds]).toEqual([11, 12]);
    expect([...plain.itemRawIds]).toEqual([5, 9, 4]);
    expect(plain.model.params).toMatchObject({ nFactors: 2, nEpochs: 5, regAll: 0.07, seed: 3, biased: false });
    expect([...plain.model.userFactors]).toEqual([0.5, -2, 1, Math.fround(0.1)]);
    expect(predict(plain.model, 0, 1)).toBe(0.5); // 0.5·0.25 − 2·0.75 = −1.375, clipped to the scale's 0.5
    expect(predict(plain.model, 1, 0)).toBeCloseTo(2 + 0.1, 6);
    const biased = importInterchange(readFolder(join(dir, 'biased')));
    expect(biased.model.params.biased).toBe(true);
    expect(predict(biased.model, 0, 0)).toBe(3.5 + 0.25 - 0.5 + 0.5);
  });
});
