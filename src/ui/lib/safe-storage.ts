// localStorage and sessionStorage that never throw: with storage blocked (a third-party
// frame, a browser setting) reading them raises SecurityError, which at start-up used to
// leave a blank page. Blocked storage reads as empty and writes are kept in memory.

const memory = new Map<string, string>();

/** True once a storage access has thrown in this page. */
export let storageBlocked = false;

function area(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    storageBlocked = true;
    return undefined;
  }
}

export function readSetting(key: string, kind: 'local' | 'session' = 'local'): string | null {
  try {
    return area(kind)?.getItem(key) ?? memory.get(`${kind}:${key}`) ?? null;
  } catch {
    storageBlocked = true;
    return memory.get(`${kind}:${key}`) ?? null;
  }
}

export function writeSetting(key: string, value: string, kind: 'local' | 'session' = 'local'): void {
  memory.set(`${kind}:${key}`, value);
  try {
    area(kind)?.setItem(key, value);
  } catch {
    storageBlocked = true;
  }
}

export function removeSetting(key: string, kind: 'local' | 'session' = 'local'): void {
  memory.delete(`${kind}:${key}`);
  try {
    area(kind)?.removeItem(key);
  } catch {
    storageBlocked = true;
  }
}

/** Every stored key with this prefix (none when storage is blocked). */
export function settingKeys(prefix: string): string[] {
  try {
    return Object.keys(area('local') ?? {}).filter((k) => k.startsWith(prefix));
  } catch {
    storageBlocked = true;
    return [];
  }
}
