// Streams text to a file in large batches, honouring backpressure, so multi-hundred-MB
// generators run in bounded memory: callers append lines, the writer flushes every ~1 MB.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export class BatchedWriter {
  /** @param {string} file @param {number} [batchChars] */
  constructor(file, batchChars = 1 << 20) {
    this.stream = createWriteStream(file);
    this.batchChars = batchChars;
    this.buffer = '';
    this.bytes = 0;
  }

  /**
   * Append text; resolves immediately unless the batch was flushed into a full stream.
   * @param {string} text
   * @returns {Promise<void> | undefined}
   */
  write(text) {
    this.buffer += text;
    if (this.buffer.length >= this.batchChars) return this.flush();
    return undefined;
  }

  /** @returns {Promise<void> | undefined} */
  flush() {
    if (!this.buffer) return undefined;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) return once(this.stream, 'drain').then(() => undefined);
    return undefined;
  }

  /** @returns {Promise<number>} bytes written */
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.bytes;
  }
}
