// Where bytes come from: a name, a size and a way to open a fresh byte stream. Browser
// Files, fetch bodies, Node's Readable.toWeb and in-memory bytes all fit this shape.

export interface DataSource {
  name: string;
  /** Bytes as stored (compressed size for .gz/.zip); -1 when unknown. */
  size: number;
  open(): ReadableStream<Uint8Array>;
  /** True when open() yields exactly `size` bytes (Blobs, in-memory bytes): reading stops there. */
  exact?: boolean;
  /** Random access to bytes start..end, for a Blob whose stream stalls (see source-reader.ts). */
  slice?(start: number, end: number): Promise<Uint8Array>;
}

/** A File or named Blob (drag and drop, <input type=file>). */
export function sourceFromBlob(blob: Blob, name?: string): DataSource {
  const n = name ?? (blob as Blob & { name?: string }).name ?? 'blob';
  return {
    name: n,
    size: blob.size,
    exact: true,
    open: () => blob.stream() as ReadableStream<Uint8Array>,
    slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/** In-memory bytes, cut into chunks of chunkSize to behave like a real stream. */
export function sourceFromBytes(name: string, bytes: Uint8Array, chunkSize = 1 << 16): DataSource {
  return {
    name,
    size: bytes.length,
    exact: true,
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
