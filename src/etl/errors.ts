// Typed errors of the ETL: a file-level failure names its file, row and reason so the UI
// can show it; cancellation is the standard DOMException 'AbortError' that fetch also uses.

/** A failure the caller can show: which file, which row (0 when file-level), and why. */
export class EtlError extends Error {
  override readonly name = 'EtlError';
  readonly file: string;
  readonly row: number;
  readonly reason: string;
  constructor(file: string, row: number, reason: string) {
    super(file ? `${file}${row > 0 ? ` row ${row}` : ''}: ${reason}` : reason);
    this.file = file;
    this.row = row;
    this.reason = reason;
  }
}

export function abortError(): DOMException {
  return new DOMException('The ETL was cancelled', 'AbortError');
}

/** Throws an AbortError when the signal fired; called between chunks so cancel is prompt. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
