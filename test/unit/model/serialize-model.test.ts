import { describe, expect, it } from 'vitest';
import { deserializeModel, ModelFormatError, serializeModel } from '../../../src/model/serialize-model';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import { tinyProblem } from './tiny-problem';

const model = trainSvdLoop(tinyProblem(), 12, 10, [1, 5], { nFactors: 3, nEpochs: 3 });
const meta = { fingerprint: 'abc123', userRawIds: Int32Array.from({ length: 12 }, (_, j) => 100 + j), itemRawIds: Int32Array.from({ length: 10 }, (_, j) => 7 * j) };

describe('model serialisation', () => {
  it('round-trips bit-exact, with params, scale, fingerprint and id maps', () => {
    const bytes = serializeModel(model, meta);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('SRMF');
    const back = deserializeModel(bytes);
    expect(back.model).toEqual(model);
    expect(new Uint8Array(back.model.userFactors.buffer)).toEqual(new Uint8Array(model.userFactors.buffer));
    expect(back.fingerprint).toBe('abc123');
    expect(back.userRawIds).toEqual(meta.userRawIds);
    expect(back.itemRawIds).toEqual(meta.itemRawIds);
  });

  it('reads from a Uint8Array view at an unaligned offset', () => {
    const bytes = serializeModel(model, meta);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(deserializeModel(shifted.subarray(1)).model).toEqual(model);
  });

  it('can leave the id maps out', () => {
    const back = deserializeModel(serializeModel(model, meta, { includeIdMaps: false }));
    expect(back.userRawIds).toBeNull();
    expect(back.model).toEqual(model);
  });

  it('rejects wrong magic, newer versions, truncation, trailing bytes and a corrupt header with a clear error', () => {
    const bytes = serializeModel(model, meta);
    const bad = (mutate: (b: Uint8Array) => Uint8Array) => () => deserializeModel(mutate(bytes.slice()));
    expect(bad((b) => { b[0] = 0x58; return b; })).toThrow(/not a StreamRec model/);
    expect(bad((b) => { b[4] = 9; return b; })).toThrow(/version 9 is not supported/);
    expect(bad((b) => b.subarray(0, b.length - 5))).toThrow(/truncated/);
    expect(bad((b) => b.subarray(0, 20))).toThrow(ModelFormatError);
    expect(bad((b) => b.subarray(0, 3))).toThrow(/shorter than/);
    expect(bad((b) => { const c = new Uint8Array(b.length + 4); c.set(b); return c; })).toThrow(/trailing/);
    expect(bad((b) => { b[12] = 0x7b + 1; return b; })).toThrow(/header is corrupt/);
  });
});
