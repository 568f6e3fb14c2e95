// Cancellation across the worker boundary: AbortSignals cannot be transferred,
// so each long call registers an AbortController under the UI's job id.

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
    } finally {
      if (this.running.get(id) === controller) this.running.delete(id);
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort(new DOMException('Cancelled', 'AbortError'));
  }
}
