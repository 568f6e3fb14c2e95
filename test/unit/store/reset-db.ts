// Each store test starts from an empty database: close the shared connection and delete it.
import { closeDatabase, DB_NAME } from '../../../src/store/db';

export async function resetDatabase(): Promise<void> {
  await closeDatabase();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}
