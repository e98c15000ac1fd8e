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
