// Number, size and duration formatting shared by the views.

const integer = new Intl.NumberFormat('en');

export function formatInt(n: number): string {
  return integer.format(Math.round(n));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Describes any thrown value for a person: what happened. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A write refused because the browser's storage for this site is full. */
export function isStorageFull(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message));
}

/** Why a rating could not be saved, in words (not the IndexedDB error's own text). */
export function storageErrorMessage(error: unknown): string {
  if (isStorageFull(error)) return "Your browser's storage is full. Free some space (Settings shows what this site uses, and other sites' data can be cleared in the browser's settings), then try again";
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'AbortError') return 'The browser stopped the write before it finished';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'The browser could not open its storage for this site';
  return errorMessage(error);
}

/** A cancel the visitor asked for: the engine rejects with an AbortError for those only (src/engine/jobs.ts). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
