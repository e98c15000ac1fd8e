/**
 * A file being written, as a list of parts for `new Blob(parts)`: small
 * pieces of text are gathered and joined about every megabyte, so that a file
 * of 80 MB is a few dozen strings, never one string grown by concatenation.
 */
export class Parts {
  /** The file's parts, in order (text is UTF-8 in the Blob). */
  readonly parts: (string | Uint8Array)[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  /** Adds text. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 1 << 20) this.flush();
  }

  /** Adds bytes. */
  bytes(data: Uint8Array): void {
    this.flush();
    this.parts.push(data);
  }

  /** Moves the gathered text into the parts. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** The whole text (for a file written as text only). */
  text(): string {
    this.flush();
    return this.parts.join('');
  }

  /** The whole file as bytes (for a file written as bytes). */
  concat(): Uint8Array {
    this.flush();
    return concatBytes(this.parts);
  }
}

/** The size of `ByteBatch`'s parts. */
const BATCH_BYTES = 1 << 20;

/** Gathers small pieces of bytes into `out` in parts of about a megabyte (each piece copied: it may be reused). */
export class ByteBatch {
  private buffer = new Uint8Array(BATCH_BYTES);
  private at = 0;

  constructor(private readonly out: Parts) {}

  /** Adds a copy of `data`. */
  add(data: Uint8Array): void {
    if (data.length > this.buffer.length - this.at) {
      this.flush();
      if (data.length > this.buffer.length) {
        this.out.bytes(data.slice());
        return;
      }
    }
    this.buffer.set(data, this.at);
    this.at += data.length;
  }

  /** Moves the gathered bytes into `out`. */
  flush(): void {
    if (this.at === 0) return;
    this.out.bytes(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(BATCH_BYTES);
    this.at = 0;
  }
}

/** Parts joined into one array of bytes (text as UTF-8). */
export function concatBytes(parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
