// Issue 16, cases 3, 4 and the model half of 14: an import is validated in full before anything
// changes. Each refused file leaves the model in use, the model cache and the visitor's ratings
// exactly as they were, and the error says what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine';
import { exportInterchange, MODEL_ZIP_MAX_BYTES, unzipBounded, zipInterchange } from '../../../src/model/interchange';
import { deserializeModel, serializeModel } from '../../../src/model/serialize-model';
import { Zip, ZipDeflate } from 'fflate';
import { putVisitorRating } from '../../../src/store/visitor-store';
import { resetDatabase } from '../store/reset-db';
import { datasetFiles, storeSnapshot } from './attack-kit';

const engine = createEngine();
let trained: Uint8Array;

beforeAll(async () => {
  await resetDatabase();
  await putVisitorRating({ key: 'ml:3', rating: 4.5, ratedAt: 1, title: 'Film 3', year: 1993 });
  await engine.init({ baseUrl: 'http://127.0.0.1/', backend: 'cpu' });
  await engine.load({ kind: 'files', files: datasetFiles(40, 30) }, () => {});
  await engine.setVisitorRatings([{ key: 'ml:3', rating: 4.5, ratedAt: 1, title: 'Film 3', year: 1993 }]);
  await engine.train({ params: { nFactors: 3, nEpochs: 3 }, holdout: 0 }, () => {});
  trained = new Uint8Array(await engine.exportModel());
});
afterAll(resetDatabase);

/** Imports `files`, expects the refusal `message`, and checks that nothing changed. */
async function refused(files: File[], message: RegExp | string): Promise<void> {
  const [models, ratings] = [await storeSnapshot('models'), await storeSnapshot('ratings')];
  const error = await engine.importModel(files).then(() => undefined, (e: Error) => e);
  expect(error?.message).toMatch(message);
  expect(new Uint8Array(await engine.exportModel())).toEqual(trained);
  expect(await storeSnapshot('models')).toEqual(models);
  expect(await storeSnapshot('ratings')).toEqual(ratings);
}

function srmf(edit: (m: ReturnType<typeof deserializeModel>) => void, name = 'model.srmf'): File {
  const read = deserializeModel(trained);
  edit(read);
  const bytes = serializeModel(read.model, { fingerprint: read.fingerprint, userRawIds: read.userRawIds!, itemRawIds: read.itemRawIds! });
  return new File([bytes as BlobPart], name);
}

function interchange(manifest: (m: Record<string, unknown>) => void, meta: { fingerprint?: string; users?: Int32Array } = {}): File[] {
  const read = deserializeModel(trained);
  const files = exportInterchange(read.model, {
    userRawIds: meta.users ?? read.userRawIds!, itemRawIds: read.itemRawIds!, itemIdSpace: 'dataset',
    ...(meta.fingerprint !== undefined ? { fingerprint: meta.fingerprint } : {}),
  });
  const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
  manifest(m);
  // Written as text so keys such as "__proto__" arrive as JSON carries them.
  files.set('manifest.json', new TextEncoder().encode(typeof m.raw === 'string' ? m.raw : JSON.stringify(m)));
  return [...files].map(([name, bytes]) => new File([bytes as BlobPart], name));
}

describe('model imports are validated before anything changes', () => {
  it('refuses NaN factors in a StreamRec file', async () => {
    await refused([srmf((r) => r.model.itemFactors.fill(NaN))], 'model.srmf: the model cannot be used: movie factors: value NaN at index 0 is not a finite number within ±1000000');
  });

  it('refuses a reversed scale [5, 0.5]', async () => {
    await refused([srmf((r) => { r.model.scale = [5, 0.5]; })], 'model.srmf: the model cannot be used: rating scale [5,0.5] is not [min, max] with min < max');
  });

  it('refuses a mean rating of 1e30', async () => {
    await refused([srmf((r) => { r.model.globalMean = 1e30; })], 'model.srmf: the model cannot be used: mean rating 1e+30 lies outside the scale 1–5');
  });

  it('refuses a StreamRec model of another dataset with the same movies', async () => {
    await refused([srmf((r) => { r.fingerprint = 'another-dataset'; })], /model\.srmf: this model was trained on another dataset \(fingerprint another-data, the loaded one is .+\), though its movies are the same/);
  });

  it('refuses "__proto__" among the hyperparameters', async () => {
    await refused(interchange((m) => { m.raw = JSON.stringify(m).replace('"hyperparameters":{', '"hyperparameters":{"__proto__":{"nFactors":2},'); }), 'manifest.json: "hyperparameters": unknown hyperparameter "__proto__" (known: the StreamRec names, and Spark\'s rank, maxIter, regParam, seed)');
  });

  it("refuses solver 'evil'", async () => {
    await refused(interchange((m) => { (m.hyperparameters as Record<string, unknown>).solver = 'evil'; }), 'manifest.json: "hyperparameters": solver must be "als" or "sgd", got "evil"');
  });

  it('refuses regAll -5', async () => {
    await refused(interchange((m) => { (m.hyperparameters as Record<string, unknown>).regAll = -5; }), 'manifest.json: "hyperparameters": regAll must be a finite number ≥ 0, got -5');
  });

  it('refuses an interchange model exported from another dataset', async () => {
    await refused(interchange(() => {}, { fingerprint: 'elsewhere' }), /manifest\.json: this model was exported from another dataset \(fingerprint elsewhere, the loaded one is/);
  });

  it('refuses an interchange model of other users over the same movies', async () => {
    // One id per user row of the model (the visitor is no row of it: 40 dataset users).
    const others = Int32Array.from({ length: 40 }, (_, i) => 1000 + i);
    await refused(interchange(() => {}, { users: others }), "The model knows 0 of the loaded dataset's 40 users: it was trained on other ratings. Load the dataset it was trained on.");
  });

  it('accepts the same model back (the checks refuse only what is wrong)', async () => {
    const summary = await engine.importModel([new File([trained as BlobPart], 'model.srmf')]);
    expect(summary).toMatchObject({ format: 'streamrec', k: 3, matchedItems: 30, matchedUsers: 40 });
  });
});

describe('a model zip is unpacked with a size cap', () => {
  it('stops a 256 MB entry at a 1 MB cap with a clear message, without inflating the rest', () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    });
    const entry = new ZipDeflate('user_factors.f32', { level: 1 });
    zip.add(entry);
    const zeros = new Uint8Array(16 << 20);
    for (let i = 0; i < 16; i++) entry.push(zeros, i === 15);
    zip.end();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    const start = performance.now();
    expect(() => unzipBounded('model.zip', bytes, 1 << 20)).toThrow('model.zip: user_factors.f32 unpacks to more than 1048576 bytes (the cap for a model archive); unpack it and drop the files instead');
    const ms = performance.now() - start;
    console.info(`model zip bomb: ${bytes.length} compressed bytes → refused in ${ms.toFixed(0)} ms`);
    // Inflated whole, the same archive took 20 s here before the cap was checked as it inflates.
    expect(ms).toBeLessThan(3_000);
    expect(MODEL_ZIP_MAX_BYTES).toBe(1 << 30);
  });

  it('still reads a model zip under the cap', () => {
    const read = deserializeModel(trained);
    const zipped = zipInterchange(exportInterchange(read.model, { userRawIds: read.userRawIds!, itemRawIds: read.itemRawIds! }));
    expect(Object.keys(unzipBounded('model.zip', zipped, MODEL_ZIP_MAX_BYTES)).sort()).toEqual(['item_bias.f32', 'item_factors.f32', 'item_ids.csv', 'manifest.json', 'user_bias.f32', 'user_factors.f32', 'user_ids.csv']);
  });
});
