// Shared pieces of the attack suite: a small synthetic MovieLens-format dataset as Files, a
// File whose stream never answers its end-of-file read (the hang of issue 16), and reads of
// the IndexedDB stores so a test can compare them before and after an attack.
import 'fake-indexeddb/auto';
import { mulberry32 } from '../../../src/model/rng';
import { database } from '../../../src/store/db';

/** movies.csv and ratings.csv: `users` users rating 25 of `movies` films each (all when fewer), seeded. */
export function datasetTexts(users = 120, movies = 80, seed = 1): { movies: string; ratings: string } {
  const rand = mulberry32(seed);
  const genres = ['Drama', 'Comedy', 'Action', 'Horror'];
  const movieLines = ['movieId,title,genres'];
  for (let m = 1; m <= movies; m++) movieLines.push(`${m},Film ${m} (${1990 + (m % 30)}),${genres[m % 4]}`);
  const ratingLines = ['userId,movieId,rating,timestamp'];
  for (let u = 1; u <= users; u++) {
    const seen = new Set<number>();
    while (seen.size < Math.min(25, movies)) seen.add(1 + Math.floor(rand() * movies));
    for (const m of seen) ratingLines.push(`${u},${m},${1 + Math.floor(rand() * 9) * 0.5},${1_000_000 + m}`);
  }
  return { movies: movieLines.join('\n') + '\n', ratings: ratingLines.join('\n') + '\n' };
}

export function datasetFiles(users?: number, movies?: number, seed?: number, lastModified = 1): File[] {
  const t = datasetTexts(users, movies, seed);
  return [new File([t.movies], 'movies.csv', { lastModified }), new File([t.ratings], 'ratings.csv', { lastModified })];
}

/**
 * A File whose stream delivers every byte and then never answers the next read, as Chromium's
 * File stream did while a training ran (issue 16, case 1). Its slice() still works.
 */
export class StallingFile extends File {
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const whole = this.slice();
    let sent = false;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        if (sent) return new Promise<void>(() => {});
        sent = true;
        controller.enqueue(new Uint8Array(await whole.arrayBuffer()));
      },
    });
  }
}

/** Every stored value of an IndexedDB store, keyed, to compare before and after an attack. */
export async function storeSnapshot(store: 'ratings' | 'models' | 'datasets' | 'settings'): Promise<Map<string, unknown>> {
  const tx = (await database()).transaction(store);
  const keys = await tx.store.getAllKeys();
  const values = await tx.store.getAll();
  return new Map(keys.map((k, i) => [String(k), values[i]]));
}

/** Milliseconds `work` took, with its outcome. */
export async function timed<T>(work: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await work;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}
