/**
 * Sentence- and document-level context for the features: whether a sentence
 * is a headline in capitals or title case (where capitals say little), runs of
 * capitalised words, and how the same word is cased elsewhere in the document.
 */

/** 0: ordinary sentence, 1: ALL CAPS, 2: Title Case headline. */
export type SentenceMode = 0 | 1 | 2;

const SMALL = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'for',
  'on',
  'at',
  'by',
  'and',
  'or',
  'with',
  'from',
  'as',
  'but',
  'is',
  'vs',
]);

/** Casing class of a word: 0 lower, 1 Capitalised, 2 ALLCAPS, 3 mIxed, 4 digits, 5 other. */
export function capClass(w: string): number {
  let letters = 0;
  let upper = 0;
  let first = -1;
  let digit = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let isUp: boolean;
    if (c >= 65 && c <= 90) isUp = true;
    else if (c >= 97 && c <= 122) isUp = false;
    else if (c < 128) {
      if (c >= 48 && c <= 57) digit = true;
      continue;
    } else {
      // Non-ASCII: letters are the characters that have case ("Ñ", "ö", "Ж").
      const ch = w[i];
      const lo = ch.toLowerCase();
      if (lo === ch.toUpperCase()) continue;
      isUp = ch !== lo;
    }
    letters++;
    if (isUp) upper++;
    if (first < 0) first = isUp ? 1 : 0;
  }
  if (letters === 0) return digit ? 4 : 5;
  if (first === 1) return upper === letters && letters > 1 ? 2 : 1;
  return upper > 0 ? 3 : 0;
}

/** The mode of each sentence; needs at least three words so bylines and scores stay ordinary. */
export function sentenceModes(words: string[], sentences: [number, number][]): SentenceMode[] {
  return sentences.map(([a, b]) => {
    let alpha = 0;
    let allUp = 0;
    let content = 0;
    let capContent = 0;
    let smallLower = 0;
    for (let i = a; i < b; i++) {
      const c = capClass(words[i]);
      if (c > 3) continue;
      const w = words[i];
      if (w.length > 1) {
        alpha++;
        if (c === 2) allUp++;
      }
      const small = SMALL.has(w.toLowerCase());
      if (small && c === 0) smallLower++;
      if (!small && w.length > 3) {
        content++;
        if (c === 1 || c === 2) capContent++;
      }
    }
    if (alpha >= 3 && allUp >= 0.8 * alpha) return 1;
    // Title case: every content word capitalised, yet function words in lower case
    // (sports tables and name lists have no lower-case function words).
    if (content >= 3 && capContent === content && smallLower > 0) return 2;
    return 0;
  });
}

/** Runs of capitalised words in ordinary sentences: position code and the hashes of the run's first and last words. */
export function capRuns(
  lowerHashes: Uint32Array,
  caps: Uint8Array,
  sentences: [number, number][],
  modes: SentenceMode[],
): { pos: Uint8Array; first: Uint32Array; last: Uint32Array } {
  const n = lowerHashes.length;
  const pos = new Uint8Array(n);
  const first = new Uint32Array(n);
  const last = new Uint32Array(n);
  sentences.forEach(([a, b], s) => {
    if (modes[s] !== 0) return;
    let i = a;
    while (i < b) {
      if (caps[i] !== 1 && caps[i] !== 2) {
        i++;
        continue;
      }
      let j = i;
      while (j < b && (caps[j] === 1 || caps[j] === 2)) j++;
      const len = Math.min(j - i, 4);
      const hf = lowerHashes[i];
      const hl = lowerHashes[j - 1];
      for (let k = i; k < j; k++) {
        const p = j - i === 1 ? 1 : k === i ? 2 : k === j - 1 ? 4 : 3;
        pos[k] = p + 8 * len;
        first[k] = hf;
        last[k] = hl;
      }
      i = j;
    }
  });
  return { pos, first, last };
}

/**
 * How each word is cased elsewhere in the document (its own occurrence left out):
 * bit 0 seen lower case mid-sentence, bit 1 seen capitalised mid-sentence,
 * bit 2 seen inside a run of two or more capitalised words. Only ordinary sentences count.
 */
export function docCasing(
  lowers: string[],
  caps: Uint8Array,
  sentences: [number, number][],
  modes: SentenceMode[],
): Uint8Array {
  const n = lowers.length;
  const stats = new Map<string, [number, number, number]>();
  const own = new Uint8Array(n);
  sentences.forEach(([a, b], s) => {
    if (modes[s] !== 0) return;
    for (let i = a; i < b; i++) {
      const c = caps[i];
      if (c > 3) continue;
      let st = stats.get(lowers[i]);
      if (!st) stats.set(lowers[i], (st = [0, 0, 0]));
      const inRun =
        (c === 1 || c === 2) &&
        ((i > a && (caps[i - 1] === 1 || caps[i - 1] === 2)) ||
          (i + 1 < b && (caps[i + 1] === 1 || caps[i + 1] === 2)));
      if (inRun) {
        st[2]++;
        own[i] |= 4;
      }
      if (i === a) continue;
      if (c === 0) {
        st[0]++;
        own[i] |= 1;
      } else if (c === 1 || c === 2) {
        st[1]++;
        own[i] |= 2;
      }
    }
  });
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const st = stats.get(lowers[i]);
    if (!st) continue;
    const o = own[i];
    out[i] =
      (st[0] - (o & 1) > 0 ? 1 : 0) | (st[1] - ((o >> 1) & 1) > 0 ? 2 : 0) | (st[2] - ((o >> 2) & 1) > 0 ? 4 : 0);
  }
  return out;
}
