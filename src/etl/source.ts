// Where bytes come from: a name, a size and a way to open a fresh byte stream. Browser
// Files, fetch bodies, Node's Readable.toWeb and in-memory bytes all fit this shape.

export interface DataSource {
  name: string;
  /** Bytes as stored (compressed size for .gz/.zip); -1 when unknown. */
  size: number;
  open(): ReadableStream<Uint8Array>;
}

/** A File or named Blob (drag and drop, <input type=file>). */
export function sourceFromBlob(blob: Blob, name?: string): DataSource {
  const n = name ?? (blob as Blob & { name?: string }).name ?? 'blob';
  return { name: n, size: blob.size, open: () => blob.stream() as ReadableStream<Uint8Array> };
}

/** In-memory bytes, cut into chunks of chunkSize to behave like a real stream. */
export function sourceFromBytes(name: string, bytes: Uint8Array, chunkSize = 1 << 16): DataSource {
  return {
    name,
    size: bytes.length,
    open: () => {
      let pos = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pos >= bytes.length) {
            controller.close();
            return;
          }
          const end = Math.min(bytes.length, pos + chunkSize);
          controller.enqueue(bytes.subarray(pos, end));
          pos = end;
        },
      });
    },
  };
}

export function sourceFromText(name: string, text: string, chunkSize?: number): DataSource {
  return sourceFromBytes(name, new TextEncoder().encode(text), chunkSize);
}
