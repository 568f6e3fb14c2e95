// Settings: the backend choice (applied by reloading with ?backend=), storage
// used, and resetting what this site stored (the ratings only on explicit request).
import { BACKENDS, type BackendName } from '../../model/backend-names';
import { clearStore } from '../../store/cache-store';
import { closeDatabase, DB_NAME } from '../../store/db';
import { removeSetting, settingKeys } from '../lib/safe-storage';
import { errorMessage } from '../lib/format';

class SettingsStore {
  usage = $state.raw<{ usage: number; quota: number } | undefined>(undefined);
  persisted = $state<boolean | undefined>(undefined);
  resetting = $state(false);
  error = $state<string | undefined>(undefined);
  readonly backends = BACKENDS;

  async estimate(): Promise<void> {
    if (!navigator.storage?.estimate) return;
    const e = await navigator.storage.estimate();
    this.usage = { usage: e.usage ?? 0, quota: e.quota ?? 0 };
    this.persisted = await navigator.storage.persisted?.();
  }

  chooseBackend(backend: BackendName | ''): void {
    const url = new URL(location.href);
    if (backend) url.searchParams.set('backend', backend);
    else url.searchParams.delete('backend');
    location.assign(url.href);
  }

  /**
   * Clears what this site stored, then reloads. The visitor's ratings survive unless
   * `deleteRatings` is given explicitly (the separate "also delete my ratings" choice):
   * caches and settings go, the ratings store is left as it is.
   */
  async reset(deleteRatings: boolean): Promise<void> {
    this.resetting = true;
    this.error = undefined;
    try {
      if (deleteRatings) await this.deleteDatabase();
      else await Promise.all([clearStore('datasets'), clearStore('models'), clearStore('settings')]);
      for (const key of settingKeys('streamrec:')) removeSetting(key);
      location.reload();
    } catch (error) {
      this.error = `The reset failed: ${errorMessage(error)}. Your data is unchanged; close other tabs and try again, or clear the site data in the browser settings.`;
      this.resetting = false;
    }
  }

  private async deleteDatabase(): Promise<void> {
    await closeDatabase();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      // The engine worker closes its connection on versionchange; if another tab holds one, say so.
      request.onblocked = () => {
        this.error = 'Another StreamRec tab is open and keeps the data in use; close it and the reset will finish.';
      };
    });
  }
}

export const settings = new SettingsStore();
