// Cancellation across the worker boundary: AbortSignals cannot be transferred,
// so each long call registers an AbortController under the UI's job id.
// A job rejects with an 'AbortError' only when it was cancelled: an AbortError that
// nobody asked for (a WebGPU buffer mapping that failed, a stream that aborted) is a
// failure and is reported as one, so the UI never shows a fault as "cancelled".

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  /** Runs work with a signal that cancel(jobId) aborts; the id is freed when it settles. */
  async run<T>(jobId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const id = jobId ?? crypto.randomUUID();
    this.running.get(id)?.abort();
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      if (error instanceof Error && error.name === 'AbortError') throw new Error(`aborted without a cancel: ${error.message || 'no reason given'}`);
      throw error;
    } finally {
      if (this.running.get(id) === controller) this.running.delete(id);
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort(new DOMException('Cancelled', 'AbortError'));
  }
}

/**
 * `work`, or an AbortError as soon as the signal fires: an await that a cancel can always end,
 * for steps that take no signal themselves (IndexedDB, a fold-in). `work` itself runs on.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('Cancelled', 'AbortError'));
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DOMException('Cancelled', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** `work`, or `fallback` after `ms`: a best-effort step (a cache read or write) that must not hold a job. */
export function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
