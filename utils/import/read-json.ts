/**
 * The first step of every import: the file's text as JSON, refused whole (a
 * clear message, nothing written) when it is too large, not JSON, or carries
 * keys that attack programs reading JSON (`__proto__`, `constructor`, `prototype`).
 */
import { MAX_IMPORT_CHARS, tooLarge } from '../messaging/payloads';

/** A file that cannot be imported at all; nothing was written. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** For callers that forward error codes (the background's replies). */
  readonly code = 'invalid';
}

/** Keys that could change an object's prototype when a program copies parsed JSON. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses an import file's text, or throws an ImportError saying why it cannot be read. */
export function readJson(text: string, maxChars = MAX_IMPORT_CHARS): unknown {
  if (typeof text !== 'string') throw new ImportError('The file could not be read as text.');
  if (text.length > maxChars) throw new ImportError(tooLarge(text.length, maxChars));
  let forbidden: string | null = null;
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`This file is not JSON (${detail.slice(0, 200)}).`);
  }
  if (forbidden !== null) {
    throw new ImportError(`This file has a "${forbidden}" key, which Gloss never writes and refuses to read.`);
  }
  return doc;
}
