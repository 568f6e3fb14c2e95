// The visitor's ratings in IndexedDB. Every change is committed before the
// engine hears of it, so a crash, a reload or a failed import never loses one.
// An import replaces the list in one transaction: all or nothing.
import type { VisitorRating } from '../engine/api';
import { database } from './db';

export async function loadVisitorRatings(): Promise<VisitorRating[]> {
  const all = await (await database()).getAll('ratings');
  return all.sort((a, b) => a.ratedAt - b.ratedAt || a.key.localeCompare(b.key));
}

export async function putVisitorRating(rating: VisitorRating): Promise<void> {
  await (await database()).put('ratings', rating);
}

export async function deleteVisitorRating(key: string): Promise<void> {
  await (await database()).delete('ratings', key);
}

/** Replaces every rating atomically; if the transaction fails, the old list stays. */
export async function replaceVisitorRatings(ratings: VisitorRating[]): Promise<void> {
  const tx = (await database()).transaction('ratings', 'readwrite');
  try {
    await tx.store.clear();
    for (const r of ratings) await tx.store.put(r);
  } catch (error) {
    // A synchronous DataError does not abort the transaction by itself; a full disk already
    // has (abort() would then throw InvalidStateError and leave tx.done's rejection unhandled).
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    await tx.done.catch(() => undefined);
    // The transaction's own error says why (QuotaExceededError); the request's is only "aborted".
    throw tx.error ?? error;
  }
  await tx.done;
}
