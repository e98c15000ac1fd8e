/**
 * A small capitalised-name finder, so that speakers come out right even without the
 * statistical tagger: name phrases next to a cue, titles stripped, and the article's names.
 */
import { NOT_NAMES, PERSON_NOUNS, TITLES } from './lexicon';

/** A name phrase found in the text. */
export type NameSpan = { start: number; end: number; text: string };

/** One word of a name: Wang, O'Brien, McCain, al-Assad, H.W., or an initial. */
const ABBR = String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Sgt|Capt|Prof|Rev|Ft|Mt|Adm|Maj|Cmdr|Pres|Hon)\.`;
const WORD = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)+|${ABBR}|\p{Lu}\.|\p{Lu}[\p{L}'’-]*)`;
const PARTICLE = String.raw`(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|dos|das)`;
/** A name phrase: capitalised words, with lowercase particles inside (Ludwig van Beethoven). */
const PHRASE = String.raw`${WORD}(?:[ \u00a0](?:${PARTICLE}[ \u00a0])?${WORD})*`;
const PHRASE_AT = new RegExp(`^${PHRASE}`, 'u');
const PHRASE_END = new RegExp(`${PHRASE}$`, 'u');
const ALL_PHRASES = new RegExp(PHRASE, 'gu');

/** Removes leading titles ("Chinese Foreign Minister Wang Yi" → "Wang Yi") and a possessive. */
export function stripTitles(name: string): string {
  const words = name.replace(/['’]s?$/, '').split(/[ \u00a0]+/);
  let last = -1;
  words.forEach((w, i) => {
    if (TITLES.has(w.toLowerCase().replace(/\.$/, ''))) last = i;
  });
  const rest = words.slice(last + 1);
  while (rest.length && /^(?:Jr|Sr|II|III)\.?$/.test(rest[0])) rest.shift();
  // A role word capitalised at a sentence's start is no part of the name: "Voter Dan Price".
  while (rest.length > 2 && PERSON_NOUNS.has(rest[0].toLowerCase())) rest.shift();
  return rest.join(' ');
}

/** Drops words that cannot start a name ("But Wang" → "Wang"); null when nothing is left. */
function clean(text: string, start: number): NameSpan | null {
  const words = text.split(/(?<=[ \u00a0])/);
  let s = start,
    i = 0;
  while (i < words.length && NOT_NAMES.has(words[i].trim().toLowerCase().replace(/\.$/, ''))) {
    s += words[i].length;
    i++;
  }
  const rest = words.slice(i).join('').trim();
  return rest ? { start: s, end: s + rest.length, text: rest } : null;
}

/** The name phrase that starts exactly at `at`, if any. */
export function nameAfter(text: string, at: number): NameSpan | null {
  const m = PHRASE_AT.exec(text.slice(at, at + 80));
  if (!m) return null;
  const t = m[0].replace(/[.,]$/, (c) => (/\b\p{Lu}\.$/u.test(m[0]) || /(?:Jr|Sr)\.$/.test(m[0]) ? c : ''));
  return clean(t, at);
}

/** The name phrase that ends exactly at `end`, if any. */
export function nameBefore(text: string, end: number): NameSpan | null {
  const from = Math.max(0, end - 80);
  const m = PHRASE_END.exec(text.slice(from, end));
  if (!m) return null;
  const start = from + (m.index ?? 0);
  if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) return null;
  return clean(m[0], start);
}

/** Every multi-word name phrase of the article, titles stripped, in text order. */
export function articleNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(ALL_PHRASES)) {
    const c = clean(m[0].replace(/[.,]$/, ''), m.index ?? 0);
    if (!c) continue;
    const name = stripTitles(c.text);
    if (!name.includes(' ')) continue;
    const at = c.start + Math.max(0, c.text.indexOf(name));
    out.push({ start: at, end: at + name.length, text: name });
  }
  return out;
}

/** The article's multi-word names, looked up by their first and last words. */
export type NameIndex = Map<string, NameSpan[]>;

/** Indexes names by first and last word, for `fullestName`. */
export function indexNames(names: NameSpan[]): NameIndex {
  const index: NameIndex = new Map();
  for (const n of names) {
    const w = n.text.split(' ');
    for (const key of new Set([`<${w[0]}`, `>${w[w.length - 1]}`])) {
      const list = index.get(key) ?? [];
      list.push(n);
      index.set(key, list);
    }
  }
  return index;
}

/** How many of the latest mentions before a name `fullestName` weighs: bounds its work. */
const RECENT = 200;

/** Index of the first name in `list` (in text order) that starts at or after `pos`. */
function firstAt(list: NameSpan[], pos: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The fullest earlier name that a short name stands for: "Obama" → "Barack Obama",
 * "Wang" → "Wang Yi". A name ending with it beats one starting with it; then the name
 * used most often (among the latest mentions), then the most recent.
 */
export function fullestName(short: string, index: NameIndex, before: number): string {
  const words = short.split(' ');
  const last = words[words.length - 1];
  const recent = (list: NameSpan[] | undefined) => {
    if (!list) return [];
    const end = firstAt(list, before);
    return list.slice(Math.max(0, end - RECENT), end);
  };
  const candidates = [...recent(index.get(`>${last}`)), ...(words.length === 1 ? recent(index.get(`<${last}`)) : [])];
  const counts = new Map<string, { n: number; at: number; ends: boolean }>();
  for (const n of candidates) {
    const w = n.text.split(' ');
    if (w.length <= words.length) continue;
    const ends = w.slice(-words.length).join(' ') === short;
    const starts = words.length === 1 && w[0] === last;
    if (!ends && !starts) continue;
    const c = counts.get(n.text) ?? { n: 0, at: 0, ends };
    counts.set(n.text, { n: c.n + 1, at: Math.max(c.at, n.start), ends });
  }
  let best = short,
    score = -1;
  for (const [name, c] of counts) {
    const s = (c.ends ? 1e6 : 0) + c.n * 1e4 + c.at / 1e4;
    if (s > score) [best, score] = [name, s];
  }
  return best;
}

/** Whether the UTF-16 unit at `i` is an ASCII word character, as `\w` and `\b` see it. */
export function wordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Positions just after a space that `accept` admits. */
export function* afterSpaces(text: string, accept: (text: string, pos: number) => boolean): Iterable<number> {
  for (let p = text.indexOf(' '); p >= 0; p = text.indexOf(' ', p + 1)) if (accept(text, p + 1)) yield p + 1;
}

/** Positions where a word starts, as `\b\w` sees it. */
export function* wordStarts(text: string): Iterable<number> {
  for (const m of text.matchAll(/\b\w/g)) yield m.index ?? 0;
}

/**
 * Where words stand in a text (at the given positions), grouped by a key (the run of ASCII
 * word characters there, or the one character when it is none), so that "`X Word\b`"
 * searches for many words cost one pass over the text, not one per word.
 */
export class WordStarts {
  private readonly at = new Map<string, number[]>();

  constructor(
    private readonly text: string,
    starts: Iterable<number>,
  ) {
    for (const p of starts) {
      if (p >= text.length) continue;
      const k = this.key(text, p);
      const list = this.at.get(k);
      if (list) list.push(p);
      else this.at.set(k, [p]);
    }
  }

  private key(s: string, p: number): string {
    let e = p + 1;
    if (wordAt(s, p)) while (e < s.length && wordAt(s, e)) e++;
    return s.slice(p, e);
  }

  /** Positions (in text order) where `word` stands, ending at a word boundary as `\b` sees it. */
  find(word: string): number[] {
    if (!word) return [];
    const lastWord = wordAt(word, word.length - 1);
    return (this.at.get(this.key(word, 0)) ?? []).filter(
      (p) =>
        this.text.startsWith(word, p) &&
        lastWord !== (p + word.length < this.text.length && wordAt(this.text, p + word.length)),
    );
  }
}

let seenText = '';
let properStarts: WordStarts | null = null;
const proper = new Map<string, boolean>();

/**
 * Whether a capitalised word is a proper noun in this article: it also appears capitalised
 * after a lowercase word, so a sentence-initial "Hours" or "Purchase" is not taken for a name.
 */
export function isProperWord(text: string, word: string): boolean {
  if (text !== seenText || !properStarts) {
    seenText = text;
    proper.clear();
    properStarts = new WordStarts(
      text,
      afterSpaces(text, (t, p) => /[\p{Ll},]/u.test(t[p - 2] ?? '')),
    );
  }
  let known = proper.get(word);
  if (known === undefined) {
    known = properStarts.find(word).length > 0;
    proper.set(word, known);
  }
  return known;
}
