// Cooperative cancellation for the async trainers: a DOMException 'AbortError' as
// fetch() raises, checked between epochs after yielding to the event loop.

export function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('Training was cancelled', 'AbortError');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Lets queued messages (a cancel from the UI) run; a macrotask, not a microtask. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
