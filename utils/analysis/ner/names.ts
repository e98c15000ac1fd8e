/** Comparable forms of entity names for coreference: keys, words, initials. */
import { normalizeChars } from './tokenize';

/** Function words that acronyms and short forms may skip ("Food and Agriculture Organization"). */
const CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'at',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'der',
  'von',
  'van',
  '&',
]);

/** A name reduced for comparison. */
export type NameForm = {
  /** Case-folded words of the name, without a leading "the" or a trailing possessive. */
  words: string[];
  /** The words joined by single spaces. */
  key: string;
  /** Letters of an acronym ("U.N." → "un"), or null if the name is not one. */
  acronym: string | null;
};

/** Normalises a mention's text into comparable words. */
export function nameForm(text: string): NameForm {
  let s = normalizeChars(text).replace(/\s+/g, ' ').trim();
  s = s.replace(/'s$|'$/i, '');
  let words = s.toLowerCase().split(' ').filter(Boolean);
  if (words.length > 1 && words[0] === 'the') words = words.slice(1);
  const compact = s.replace(/\./g, '');
  const acronym = words.length === 1 && /^[A-Z][A-Z&]{1,7}$/.test(compact) ? compact.toLowerCase() : null;
  return { words, key: words.join(' '), acronym };
}

/** Initials of a multi-word name, with and without its connector words ("united nations" → "un"). */
export function initials(words: string[]): string[] {
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const content = words
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => w[0])
    .join('');
  return all === content ? [all] : [all, content];
}

/** True if `short` is a person's first or last name in `full` ("Wang" in "Wang Yi", "Clinton" in "Bill Clinton"). */
export function isPersonShortForm(short: string[], full: string[]): boolean {
  if (short.length >= full.length || short.length === 0) return false;
  if (short.length === 1) return short[0] === full[0] || short[0] === full[full.length - 1];
  // "Hillary Clinton" within "Hillary Rodham Clinton": same first and last word.
  return short[0] === full[0] && short[short.length - 1] === full[full.length - 1];
}

/**
 * True if `short` is a shortened organisation or place name within `full`:
 * its tail ("Human Rights Council" of "United Nations Human Rights Council") or
 * the part before a connector ("Communist Party" of "Communist Party of China").
 */
export function isNameShortForm(short: string[], full: string[]): boolean {
  const n = short.length;
  if (n === 0 || n >= full.length) return false;
  if (n === 1 && CONNECTORS.has(short[0])) return false;
  const tail = short.every((w, i) => w === full[full.length - n + i]);
  if (tail) return true;
  const head = short.every((w, i) => w === full[i]);
  return head && CONNECTORS.has(full[n]);
}
