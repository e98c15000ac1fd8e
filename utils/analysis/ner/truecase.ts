/**
 * Truecasing of headlines: in ALL CAPS and Title Case, capitals say little,
 * so words known to be ordinary are read in lower case before the features
 * are taken. The document's own body text is the first witness, the training
 * text's habits (the lexicon) the second.
 */
import type { SentenceMode } from './context';
import { hashString } from './hash';

/**
 * Lower-cases the ordinary words of headline sentences (ALL CAPS, Title Case,
 * or capitalised throughout with no function word): words seen in lower case
 * elsewhere in the document and never capitalised there, or else usually lower
 * case in the training text (`lowerLexicon`, hashes of lower-case forms).
 * Updates `caps` to match. With `clitics`, a clitic ("Here's", "Don't") does not count as a
 * word in lower case (the model's features are taken without it: trained with it, the
 * tagger scored lower; the rules after tagging use it, see `headlineWords`).
 */
export function truecase(
  words: string[],
  lowers: string[],
  caps: Uint8Array,
  casing: Uint8Array,
  sentences: [number, number][],
  modes: SentenceMode[],
  lowerLexicon: ReadonlySet<number> | null,
  clitics = false,
): string[] {
  let out = words;
  const isLower = (i: number) => lowerLexicon !== null && lowerLexicon.has(hashString(lowers[i]));
  sentences.forEach(([a, b], s) => {
    // With `clitics`, only the sentences a clitic changes (the others are read as without).
    if (clitics && (modes[s] !== 0 || !hasClitic(words, a, b))) return;
    if (modes[s] === 0 && !unmarkedHeadline(words, a, b, caps, isLower, clitics)) return;
    for (let i = a; i < b; i++) {
      if (caps[i] !== 1 && caps[i] !== 2) continue;
      const c = casing[i];
      const lower = c & 2 ? false : c & 1 ? true : isLower(i);
      if (!lower) continue;
      if (out === words) out = [...words];
      out[i] = lowers[i];
      caps[i] = 0;
    }
  });
  return out;
}

/**
 * A headline capitalised throughout with no function word to show it
 * ("Biden Says Putin Must Face Consequences"): no word in lower case, and at
 * least two capitalised words past the first that are usually lower case.
 */
function unmarkedHeadline(
  words: string[],
  a: number,
  b: number,
  caps: Uint8Array,
  isLower: (i: number) => boolean,
  clitics: boolean,
): boolean {
  let ordinary = 0;
  for (let i = a; i < b; i++) {
    if (clitics && caps[i] === 0 && (words[i].charCodeAt(0) === 39 || words[i] === "n't")) continue;
    if (caps[i] === 0 || caps[i] === 3) return false;
    if (i > a && caps[i] === 1 && isLower(i)) ordinary++;
  }
  return ordinary >= 2;
}

function hasClitic(words: string[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (words[i].charCodeAt(0) === 39 || words[i] === "n't") return true;
  return false;
}
