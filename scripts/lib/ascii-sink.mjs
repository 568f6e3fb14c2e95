// Writes ASCII rows straight into large Buffers and hands full ones to a file stream: no
// per-row strings, so 26M-row files are not dominated by string allocation and GC
// (building each row as a string spent ~60% of the run in the garbage collector).

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export class AsciiSink {
  /** @param {string} file @param {number} [chunkBytes] */
  constructor(file, chunkBytes = 4 << 20) {
    this.stream = createWriteStream(file);
    this.chunkBytes = chunkBytes;
    this.buf = Buffer.allocUnsafe(chunkBytes);
    this.pos = 0;
    this.bytes = 0;
    this.digits = new Uint8Array(24);
  }

  /**
   * Bytes of an ASCII string, to pass to {@link put} many times.
   * @param {string} text
   * @returns {Uint8Array}
   */
  static encode(text) {
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }

  /** @param {Uint8Array} bytes */
  put(bytes) {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[pos++] = bytes[i];
    this.pos = pos;
  }

  /** @param {number} value a non-negative integer */
  putInt(value) {
    const digits = this.digits;
    let n = 0;
    let v = value;
    do {
      digits[n++] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    const buf = this.buf;
    let pos = this.pos;
    while (n > 0) buf[pos++] = digits[--n];
    this.pos = pos;
  }

  /** @param {number} byte */
  putByte(byte) {
    this.buf[this.pos++] = byte;
  }

  /**
   * Call between rows: hands the chunk to the stream once it is nearly full (a row must fit
   * in the remaining `reserve` bytes); resolves when the stream wants more.
   * @param {number} [reserve]
   * @returns {Promise<void> | undefined}
   */
  maybeFlush(reserve = 4096) {
    if (this.pos + reserve <= this.chunkBytes) return undefined;
    return this.flush();
  }

  /** @returns {Promise<void> | undefined} */
  flush() {
    if (this.pos === 0) return undefined;
    const chunk = this.buf.subarray(0, this.pos);
    this.bytes += this.pos;
    this.buf = Buffer.allocUnsafe(this.chunkBytes);
    this.pos = 0;
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
