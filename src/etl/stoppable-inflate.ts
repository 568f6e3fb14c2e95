// DEFLATE for fflate's streaming Unzip that can be stopped: fflate's own UnzipInflate has no
// terminate, so an entry already rejected (or past a size cap) would still be inflated to its
// end — 30 s of CPU for a 2 MB bomb. Once terminated, the remaining compressed bytes are skipped.
import { Inflate, type AsyncFlateStreamHandler, type FlateError, type FlateStreamHandler, type UnzipDecoder } from 'fflate';

export class StoppableInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  private stopped = false;
  private readonly inflate: Inflate;

  constructor() {
    const forward: FlateStreamHandler = (data, final) => {
      if (!this.stopped) this.ondata(null, data, final);
    };
    this.inflate = new Inflate(forward);
  }

  push(data: Uint8Array, final: boolean): void {
    if (this.stopped) return;
    try {
      this.inflate.push(data, final);
    } catch (e) {
      // fflate's inflate throws its FlateError (a coded Error); the handler expects that type.
      this.ondata(e as FlateError, new Uint8Array(0), final);
    }
  }

  terminate(): void {
    this.stopped = true;
  }
}
