// A model file brought by the visitor: StreamRec's own binary (SRMF), or the
// interchange layout (streamrec-mf: manifest, id lists, float32 factors; written
// by the Spark job for catalogues past one browser). Interchange rows are
// aligned to the loaded dataset by raw id; unknown films get zero factors (they
// score by their bias until a retrain) and unknown users are left out. Everything is
// validated here, before the engine changes anything: a refused file changes nothing.
import { alignToCatalog, importInterchange, INTERCHANGE_FILES } from '../model/interchange';
import { deserializeModel, MODEL_MAGIC } from '../model/serialize-model';
import type { SvdModel } from '../model/svd-model';
import { modelProblem } from '../model/validate-model';
import type { ModelImportSummary } from './api';
import type { Session } from './session';

export async function importModelFiles(session: Session, files: File[]): Promise<{ model: SvdModel; summary: Omit<ModelImportSummary, 'k' | 'params'> }> {
  const { dataset } = session;
  const items = dataset.catalog.rawIds;
  if (files.length === 1) {
    const name = files[0].name;
    const bytes = new Uint8Array(await files[0].arrayBuffer());
    if (new TextDecoder().decode(bytes.subarray(0, 4)) === MODEL_MAGIC) {
      const { model, fingerprint, userRawIds, itemRawIds } = readModel(name, bytes);
      const users = dataset.userRawIds;
      if (model.nItems !== items.length || (itemRawIds && itemRawIds.some((id, i) => id !== items[i]))) {
        throw new Error(`${name}: this model was trained on another dataset (${model.nItems} movies; the loaded one has ${items.length}). Load that dataset first.`);
      }
      if (fingerprint !== dataset.fingerprint) {
        throw new Error(`${name}: this model was trained on another dataset (fingerprint ${fingerprint.slice(0, 12)}, the loaded one is ${dataset.fingerprint.slice(0, 12)}), though its movies are the same. Load that dataset first.`);
      }
      // One extra row is the visitor's, when they trained with ratings (exported with id -1).
      const sameUsers = (model.nUsers === users.length || model.nUsers === users.length + 1) && (!userRawIds || users.every((id, u) => userRawIds[u] === id));
      if (!sameUsers) throw new Error(`${name}: this model's ${model.nUsers} users are not the loaded dataset's ${users.length}. Load the dataset it was trained on.`);
      return { model, summary: { format: 'streamrec', matchedItems: model.nItems, missingItems: 0, droppedItems: 0, matchedUsers: Math.min(model.nUsers, users.length) } };
    }
  }
  const contents = new Map<string, Uint8Array>();
  for (const f of files) contents.set(f.name, new Uint8Array(await f.arrayBuffer()));
  const imported = importInterchange(contents);
  const problem = modelProblem(imported.model);
  if (problem) throw new Error(`${INTERCHANGE_FILES.manifest}: the model cannot be used: ${problem}`);
  const declared = imported.manifest.fingerprint;
  if (declared !== undefined && declared !== dataset.fingerprint) {
    throw new Error(`${INTERCHANGE_FILES.manifest}: this model was exported from another dataset (fingerprint ${String(declared).slice(0, 12)}, the loaded one is ${dataset.fingerprint.slice(0, 12)}). Load that dataset first.`);
  }
  const space = imported.manifest.itemIdSpace ?? 'movielens';
  const catalogIds = space === 'tmdb' ? dataset.catalog.tmdbIds : space === 'movielens' ? dataset.catalog.movieLensIds : items;
  const aligned = alignToCatalog(imported, catalogIds);
  if (aligned.matched === 0) {
    throw new Error(`The model's ${imported.itemRawIds.length} movies (${space} ids) match none of the loaded dataset's: load the dataset it was trained on.`);
  }
  const { model, matchedUsers } = alignUsers(aligned.model, imported.userRawIds, dataset.userRawIds);
  // A model of other ratings over the same films would give most users zero factors: a
  // "personalised" list that is only popularity. At least half the users must be the model's.
  if (dataset.userRawIds.length > 0 && matchedUsers * 2 < dataset.userRawIds.length) {
    throw new Error(`The model knows ${matchedUsers} of the loaded dataset's ${dataset.userRawIds.length} users: it was trained on other ratings. Load the dataset it was trained on.`);
  }
  return {
    model,
    summary: { format: 'interchange', matchedItems: aligned.matched, missingItems: aligned.missing, droppedItems: aligned.dropped, matchedUsers },
  };
}

/** Reorders user rows to the dataset's users by raw id; dataset users the model lacks get zeros. */
function alignUsers(model: SvdModel, modelUserIds: Int32Array, datasetUserIds: Int32Array): { model: SvdModel; matchedUsers: number } {
  const k = model.k;
  const rowOf = new Map<number, number>();
  modelUserIds.forEach((id, row) => rowOf.set(id, row));
  const userFactors = new Float32Array(datasetUserIds.length * k);
  const userBias = new Float32Array(datasetUserIds.length);
  let matchedUsers = 0;
  datasetUserIds.forEach((id, u) => {
    const row = rowOf.get(id);
    if (row === undefined) return;
    matchedUsers++;
    userBias[u] = model.userBias[row] ?? 0;
    userFactors.set(model.userFactors.subarray(row * k, row * k + k), u * k);
  });
  return { model: { ...model, nUsers: datasetUserIds.length, userFactors, userBias }, matchedUsers };
}

/** Reads and validates a StreamRec model file, naming the file in any refusal. */
function readModel(name: string, bytes: Uint8Array): ReturnType<typeof deserializeModel> {
  let read: ReturnType<typeof deserializeModel>;
  try {
    read = deserializeModel(bytes);
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
  const problem = modelProblem(read.model);
  if (problem) throw new Error(`${name}: the model cannot be used: ${problem}`);
  return read;
}
