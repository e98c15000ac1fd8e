/**
 * The fixed tuning / held-back splits of the corpus, chosen once and never tuned on.
 * A held-back item is one whose FNV-1a hash (32 bits, of the key below) is odd:
 * - CoNLL-2003 eng.testa: key = the document's text (tokens joined by spaces, sentences by
 *   new lines); the tagger itself trains on eng.train only.
 * - PolNeAR: the whole of train.jsonl is for tuning, the whole of dev.jsonl is held back.
 * - Readability pages: key = the folder's name.
 * - Snippets pages: key = the page id (the file name without `.html.gz`).
 */

/** FNV-1a, 32 bits, of a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The part an item belongs to. */
export type Part = 'tuning' | 'held-back';

/** Which part the item with this key is in. */
export function partOf(key: string): Part {
  return fnv1a(key) % 2 === 1 ? 'held-back' : 'tuning';
}
