/**
 * Names learned from the training text (hashes of lower-cased word sequences
 * with the entity types they were seen as), matched against a document to give
 * each token a code: for each type, whether it begins, continues, ends or is a
 * whole known name. Training computes these from the other folds' names only,
 * so the model learns how far to trust a match rather than memorising it.
 */
import { mix1, mix2 } from './hash';

/**
 * Hash of a lower-cased word sequence → bit mask: bit i < 4 for TYPES[i] as the
 * training text named it, bits 4-6 for the lists of data packages (`LISTS`).
 */
export type Gazetteer = ReadonlyMap<number, number>;

/** The lists from data packages, in mask bit order from bit 4 (scripts/lib/ner-lists.ts builds them). */
export const LISTS = ['given name', 'country', 'city'] as const;

/** Mask bit of list `k` of `LISTS`. */
export function listBit(k: number): number {
  return 1 << (4 + k);
}

/** Longest name looked up, in tokens. */
export const MAX_NAME = 6;

/** Key of a one-word sequence, from the hash of the lower-cased word. */
export function firstKey(word: number): number {
  return mix1(98, word);
}

/** Key of a sequence extended by one word. */
export function nextKey(key: number, word: number): number {
  return mix2(99, key, word);
}

/**
 * Per-token codes of known names in the sentences: bit 4*kind + position,
 * position 0 whole, 1 first, 2 middle, 3 last word, for the kinds of the mask
 * (four types, then the lists). Names start at capitalised words (`caps` 1 or 2),
 * which keeps the look-ups few.
 */
export function gazetteerCodes(
  lowerHashes: Uint32Array,
  caps: Uint8Array,
  sentences: [number, number][],
  gaz: Gazetteer,
): Uint32Array {
  const codes = new Uint32Array(lowerHashes.length);
  if (gaz.size === 0) return codes;
  for (const [a, b] of sentences) {
    for (let i = a; i < b; i++) {
      if (caps[i] !== 1 && caps[i] !== 2) continue;
      let key = firstKey(lowerHashes[i]);
      for (let j = i; j < b && j - i < MAX_NAME; j++) {
        if (j > i) key = nextKey(key, lowerHashes[j]);
        const mask = gaz.get(key);
        if (!mask) continue;
        for (let t = 0; t < 4 + LISTS.length; t++) {
          if (!(mask & (1 << t))) continue;
          if (j === i) codes[i] |= 1 << (4 * t);
          else {
            codes[i] |= 1 << (4 * t + 1);
            for (let k = i + 1; k < j; k++) codes[k] |= 1 << (4 * t + 2);
            codes[j] |= 1 << (4 * t + 3);
          }
        }
      }
    }
  }
  return codes;
}
