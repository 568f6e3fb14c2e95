// A model file brought by the visitor: StreamRec's own binary (SRMF), or the
// interchange layout (streamrec-mf: manifest, id lists, float32 factors; written
// by the Spark job for catalogues past one browser). Interchange rows are
// aligned to the loaded dataset by raw id; unknown films get zero factors (they
// score by their bias until a retrain) and unknown users are left out.
import { alignToCatalog, importInterchange } from '../model/interchange';
import { deserializeModel, MODEL_MAGIC } from '../model/serialize-model';
import type { SvdModel } from '../model/svd-model';
import type { ModelImportSummary } from './api';
import type { Session } from './session';

export async function importModelFiles(session: Session, files: File[]): Promise<{ model: SvdModel; summary: Omit<ModelImportSummary, 'k' | 'params'> }> {
  const { dataset } = session;
  const items = dataset.catalog.rawIds;
  if (files.length === 1) {
    const bytes = new Uint8Array(await files[0].arrayBuffer());
    if (new TextDecoder().decode(bytes.subarray(0, 4)) === MODEL_MAGIC) {
      const { model, itemRawIds } = deserializeModel(bytes);
      if (model.nItems !== items.length || (itemRawIds && itemRawIds.some((id, i) => id !== items[i]))) {
        throw new Error(`${files[0].name}: this model was trained on another dataset (${model.nItems} movies; the loaded one has ${items.length}). Load that dataset first.`);
      }
      return { model, summary: { format: 'streamrec', matchedItems: model.nItems, missingItems: 0, droppedItems: 0, matchedUsers: model.nUsers } };
    }
  }
  const contents = new Map<string, Uint8Array>();
  for (const f of files) contents.set(f.name, new Uint8Array(await f.arrayBuffer()));
  const imported = importInterchange(contents);
  const space = imported.manifest.itemIdSpace ?? 'movielens';
  const catalogIds = space === 'tmdb' ? dataset.catalog.tmdbIds : space === 'movielens' ? dataset.catalog.movieLensIds : items;
  const aligned = alignToCatalog(imported, catalogIds);
  if (aligned.matched === 0) {
    throw new Error(`The model's ${imported.itemRawIds.length} movies (${space} ids) match none of the loaded dataset's: load the dataset it was trained on.`);
  }
  const { model, matchedUsers } = alignUsers(aligned.model, imported.userRawIds, dataset.userRawIds);
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
