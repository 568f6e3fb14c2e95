// Decodes a text file chunk by chunk and says what it did: a file expected in UTF-8 whose first
// non-ASCII byte is not UTF-8 is Latin-1 (a spreadsheet or an old MovieLens file re-saved) and
// is read as windows-1252; later invalid sequences in a UTF-8 file are counted, never silent.

export type TextEncodingName = 'utf-8' | 'latin1';

/** Length of a UTF-8 sequence starting with byte b, 0 when b cannot start one. */
function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Whether a UTF-8 sequence starts at bytes[i] (a sequence cut by the slice's end counts as valid so far). */
function validSequenceAt(bytes: Uint8Array, i: number): boolean {
  const n = sequenceLength(bytes[i]!);
  if (n === 0) return false;
  for (let k = 1; k < n && i + k < bytes.length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
  return true;
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** Literal U+FFFD (EF BF BD) in the input: replacement characters that were there already. */
function countReplacementBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

export class TextDecoding {
  private state: 'undecided' | 'utf-8' | 'latin1';
  private utf8 = new TextDecoder('utf-8');
  private latin1: TextDecoder | null = null;
  private bytes = 0;
  private switchedAt = -1;
  private invalid = 0;

  constructor(declared: TextEncodingName) {
    this.state = declared === 'latin1' ? 'latin1' : 'undecided';
    if (declared === 'latin1') this.latin1 = new TextDecoder('windows-1252');
  }

  decode(chunk: Uint8Array): string {
    const offset = this.bytes;
    this.bytes += chunk.length;
    if (this.state === 'undecided') {
      let i = 0;
      while (i < chunk.length && chunk[i]! < 0x80) i++;
      if (i === chunk.length) return this.utf8.decode(chunk, { stream: true });
      if (validSequenceAt(chunk, i)) this.state = 'utf-8';
      else {
        // Every byte before this one was ASCII, so the UTF-8 decoder holds nothing back.
        this.state = 'latin1';
        this.switchedAt = offset + i;
        this.latin1 = new TextDecoder('windows-1252');
      }
    }
    if (this.state === 'latin1') return this.latin1!.decode(chunk, { stream: true });
    const text = this.utf8.decode(chunk, { stream: true });
    if (text.includes('\ufffd')) this.invalid += countChar(text, '\ufffd') - countReplacementBytes(chunk);
    return text;
  }

  end(): string {
    if (this.state === 'latin1') return this.latin1!.decode();
    const text = this.utf8.decode();
    if (text.includes('\ufffd')) this.invalid += countChar(text, '\ufffd');
    return text;
  }

  /** What the report should say about the encoding, or null when the file was what it claimed. */
  note(): string | null {
    if (this.switchedAt >= 0) return `not UTF-8 (byte ${this.switchedAt} is not part of a UTF-8 character): read as Latin-1 (windows-1252)`;
    if (this.invalid > 0) return `${this.invalid} invalid UTF-8 sequence${this.invalid === 1 ? '' : 's'} shown as "\ufffd" (the file mixes encodings)`;
    return null;
  }
}
