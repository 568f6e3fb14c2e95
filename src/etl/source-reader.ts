// Reads a DataSource chunk by chunk so that no await can outlive a cancel or a stall:
// every read races the abort signal and a stall timer, a source of exact size stops at its
// last byte instead of waiting for an end-of-file read, and a stalled Blob falls back to slices.
import { abortError, EtlError } from './errors';
import type { DataSource } from './source';

/**
 * How long a read may bring no byte before the source counts as stalled. Chromium's
 * File stream has been seen never to answer its end-of-file read while a training
 * runs in the same worker (issue 16): without a bound, that load never ends.
 */
export const STALL_MS = 15_000;

/** Bytes read at a time: one reused 64 KB buffer for byte streams (BYOB), as many per slice. */
const READ_BYTES = 64 * 1024;
const SLICE_BYTES = 1 << 20;

export interface ReadBounds {
  signal?: AbortSignal;
  /** No progress for this long ends the read (or switches a Blob to slices); default STALL_MS. */
  stallMs?: number;
}

class Stalled extends Error {}

/**
 * The chunks of one source. With `reuse`, a byte stream is read with a BYOB reader into one
 * buffer, so a chunk is valid only until the next call; without it, each chunk is its own.
 */
export class SourceReader {
  private reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array> | undefined;
  private byob = false;
  private buffer = new ArrayBuffer(READ_BYTES);
  private position = 0;
  private sliced = false;
  private done = false;
  private readonly aborted: Promise<never>;
  private readonly stallMs: number;
  private readonly cleanup: () => void;

  constructor(private readonly src: DataSource, private readonly bounds: ReadBounds, private readonly reuse: boolean) {
    this.stallMs = bounds.stallMs ?? STALL_MS;
    const signal = bounds.signal;
    let onAbort = () => {};
    this.aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError());
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    this.aborted.catch(() => undefined);
    this.cleanup = () => signal?.removeEventListener('abort', onAbort);
  }

  /** Bytes delivered so far. */
  get bytesRead(): number {
    return this.position;
  }

  /** The next chunk, or null at the end; rejects with an AbortError on cancel, an EtlError on a stall. */
  async next(): Promise<Uint8Array | null> {
    if (this.done) return null;
    if (this.bounds.signal?.aborted) return this.fail(abortError());
    // A source that knows its exact size ends at its last byte: the end-of-file read is never awaited.
    if (this.src.exact && this.src.size >= 0 && this.position >= this.src.size) return this.finish();
    try {
      const chunk = this.sliced ? await this.readSlice() : await this.readStream();
      if (!chunk) return this.finish();
      this.position += chunk.length;
      return chunk;
    } catch (e) {
      if (e instanceof Stalled && !this.sliced && this.src.slice && this.src.size >= 0) {
        // The stream stopped answering; a Blob can still be read by slices from where it stopped.
        this.sliced = true;
        this.dropStream();
        return this.next();
      }
      if (e instanceof Stalled) {
        return this.fail(new EtlError(this.src.name, 0, `reading stalled: no bytes arrived for ${Math.round(this.stallMs / 1000)} s after ${this.position} bytes`));
      }
      return this.fail(e);
    }
  }

  /** Stops reading (the underlying stream is cancelled, never awaited: a stuck stream cannot hold us). */
  close(): void {
    this.done = true;
    this.dropStream();
    this.cleanup();
  }

  private finish(): null {
    this.close();
    return null;
  }

  private fail(e: unknown): never {
    this.close();
    throw e;
  }

  private dropStream(): void {
    const reader = this.reader;
    this.reader = undefined;
    if (!reader) return;
    reader.cancel().catch(() => undefined);
    try {
      reader.releaseLock();
    } catch {
      // Older engines refuse to release a reader with a read pending; the cancel above suffices.
    }
  }

  private async readStream(): Promise<Uint8Array | null> {
    if (!this.reader) {
      const stream = this.src.open();
      if (this.reuse) {
        try {
          this.reader = stream.getReader({ mode: 'byob' });
          this.byob = true;
        } catch {
          this.reader = stream.getReader();
        }
      } else this.reader = stream.getReader();
    }
    const reader = this.reader;
    const read = this.byob
      ? (reader as ReadableStreamBYOBReader).read(new Uint8Array(this.buffer, 0, READ_BYTES))
      : (reader as ReadableStreamDefaultReader<Uint8Array>).read();
    const { done, value } = await this.bounded(read);
    if (done || !value) return null;
    if (this.byob) this.buffer = value.buffer as ArrayBuffer;
    // Empty chunks are legal in a stream; skip them rather than report an end.
    return value.length ? value : this.readStream();
  }

  private async readSlice(): Promise<Uint8Array | null> {
    const slice = this.src.slice!;
    if (this.position >= this.src.size) return null;
    const bytes = await this.bounded(slice(this.position, Math.min(this.src.size, this.position + SLICE_BYTES)));
    return bytes.length ? bytes : null;
  }

  /** `work`, unless the signal fires or nothing comes back within the stall bound. */
  private bounded<T>(work: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stall = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Stalled()), this.stallMs);
    });
    return Promise.race([work, this.aborted, stall]).finally(() => clearTimeout(timer));
  }
}

/**
 * Feeds every chunk of a source to `each` (which must not keep a chunk when `reuse`); `each`
 * returning false stops the read there (a rejected file is not read to its end).
 */
export async function readSource(src: DataSource, bounds: ReadBounds, each: (chunk: Uint8Array) => boolean | void, reuse = true): Promise<void> {
  const reader = new SourceReader(src, bounds, reuse);
  try {
    for (let chunk = await reader.next(); chunk; chunk = await reader.next()) if (each(chunk) === false) return;
  } finally {
    reader.close();
  }
}

/** A source as a stream whose every pull is bounded (for piping through DecompressionStream). */
export function boundedStream(src: DataSource, bounds: ReadBounds): ReadableStream<Uint8Array> {
  const reader = new SourceReader(src, bounds, false);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await reader.next();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      reader.close();
    },
  });
}

/** Reads a stream to its end with every read raced against the signal and the stall bound. */
export async function pumpBounded(stream: ReadableStream<Uint8Array>, name: string, bounds: ReadBounds, each: (chunk: Uint8Array) => boolean | void): Promise<void> {
  await readSource({ name, size: -1, open: () => stream }, bounds, each, false);
}
