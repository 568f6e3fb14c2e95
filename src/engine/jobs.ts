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
