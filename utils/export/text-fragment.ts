/**
 * Links to a highlight's exact passage with a URL text fragment
 * (`#:~:text=[prefix-,]start[,end][,-suffix]`, WICG Scroll to Text Fragment),
 * so a click in Obsidian or a browser lands on it. Built from the stored quote
 * selector alone (no page text needed).
 */
import type { TextQuoteSelector } from '../db/types';

/** Past this many characters, or across a line break, the passage is linked by its first and last words. */
const MAX_SINGLE = 80;
/** Words kept at each end of a long passage, and of the context either side. */
const END_WORDS = 4;
const CONTEXT_WORDS = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAS_WORD = WORD_CHAR;

/** Whether the character at `i` is a letter or digit (a surrogate pair's half counts with its pair). */
function wordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  const c = code >= 0xdc00 && code <= 0xdfff && i > 0 ? text.slice(i - 1, i + 1) : text.slice(i, i + 2);
  return WORD_CHAR.test(c.codePointAt(0)! > 0xffff ? c : c[0]!);
}

/** Length of the run of word characters that ends `text`. */
function trailingWord(text: string): number {
  let i = text.length;
  while (i > 0 && wordAt(text, i - 1)) i--;
  return text.length - i;
}

/** Length of the run of word characters that starts `text`. */
function leadingWord(text: string): number {
  let i = 0;
  while (i < text.length && wordAt(text, i)) i++;
  return i;
}

/**
 * One value of the directive, percent-encoded as the spec asks: what
 * `encodeURIComponent` encodes, plus `-` (the prefix/suffix marker), and the
 * parentheses that would end a Markdown link. `&` and `,` are encoded by it.
 */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/[-()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Runs of white space (between the words of a trimmed text). */
const SPACES = /\s+/g;

/** Whether `text` (words joined by single spaces) has more than `n` words. */
function moreWordsThan(text: string, n: number): boolean {
  if (!text) return false;
  let at = -1;
  for (let spaces = 0; spaces < n; spaces++) {
    at = text.indexOf(' ', at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** Whether the UTF-16 code `c` is white space as `\s` matches it (JavaScript's WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The words of `text` (split at white space), none empty: `text.trim().split(/\s+/)`, without the regex. */
function wordsIn(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** `text.trim().replace(/\s+/g, ' ')`: the text itself when it is so already (most passages). */
function singleSpaced(text: string): string {
  const n = text.length;
  let plain = n === 0 || (!isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1)));
  for (let i = 0; plain && i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) plain = text.charCodeAt(i + 1) !== 32 && !isSpace(text.charCodeAt(i + 1));
    else if (isSpace(c)) plain = false;
  }
  return plain ? text : text.trim().replace(SPACES, ' ');
}

/** The first `n` words of `text` (`wordsIn(text).slice(0, n)`), read from its start only as far as they go. */
function firstWords(text: string, n: number): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length && words.length < n; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0 && words.length < n) words.push(text.slice(start));
  return words;
}

/** The last `n` words of `text` (`wordsIn(text).slice(-n)`), read from its end only as far as they go. */
function lastWords(text: string, n: number): string[] {
  const words: string[] = [];
  let end = -1;
  for (let i = text.length - 1; i >= 0 && words.length < n; i--) {
    if (isSpace(text.charCodeAt(i))) {
      if (end >= 0) words.push(text.slice(i + 1, end));
      end = -1;
    } else if (end < 0) end = i + 1;
  }
  if (end >= 0 && words.length < n) words.push(text.slice(0, end));
  return words.reverse();
}

/** `text` up to its first line break (CR LF or LF). */
function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return text;
  return text.slice(0, nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
}

/** The `text=` directive's value for a quote (unencoded parts joined as the spec says). */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  let exact = quote.exact;
  let prefix = quote.prefix;
  let suffix = quote.suffix;
  // A text fragment matches whole words: a passage that starts or ends inside a word takes the rest of it.
  const head = trailingWord(prefix);
  if (head > 0 && leadingWord(exact) > 0) {
    exact = prefix.slice(prefix.length - head) + exact;
    prefix = prefix.slice(0, prefix.length - head);
  }
  const tail = leadingWord(suffix);
  if (tail > 0 && trailingWord(exact) > 0) {
    exact += suffix.slice(0, tail);
    suffix = suffix.slice(tail);
  }
  // Context counts only within the passage's own paragraph (a fragment's context must be next to it), and
  // is cut from the page at any character: drop a word it may have cut, keep a few whole ones with letters.
  const ownPrefix = prefix.slice(prefix.lastIndexOf('\n') + 1);
  const ownSuffix = firstLine(suffix);
  const prefixWords = wordsIn(ownPrefix);
  if (prefixWords.length > 0 && ownPrefix === prefix && !isSpace(prefix.charCodeAt(0))) prefixWords.shift();
  while (prefixWords.length > 0 && !HAS_WORD.test(prefixWords[0]!)) prefixWords.shift();
  const suffixWords = wordsIn(ownSuffix);
  if (suffixWords.length > 0 && ownSuffix === suffix && !isSpace(suffix.charCodeAt(suffix.length - 1)))
    suffixWords.pop();
  while (suffixWords.length > 0 && !HAS_WORD.test(suffixWords.at(-1)!)) suffixWords.pop();
  const before = prefixWords.slice(-CONTEXT_WORDS).join(' ');
  const after = suffixWords.slice(0, CONTEXT_WORDS).join(' ');

  // The passage's words joined by single spaces (as `wordsIn(exact).join(' ')`, without the array).
  const text = singleSpaced(exact);
  const parts: string[] = [];
  if (before) parts.push(`${encodeFragmentText(before)}-`);
  const lineBreak = exact.includes('\n') || exact.includes('\r');
  if ((text.length > MAX_SINGLE || lineBreak) && moreWordsThan(text, END_WORDS * 2)) {
    // A fragment's single string must lie within one block: link a long or multi-paragraph passage by its ends.
    const lastLine = exact.slice(exact.lastIndexOf('\n') + 1);
    parts.push(encodeFragmentText(firstWords(firstLine(exact), END_WORDS).join(' ')));
    parts.push(encodeFragmentText(lastWords(lastLine, END_WORDS).join(' ')));
  } else {
    parts.push(encodeFragmentText(text));
  }
  if (after) parts.push(`-${encodeFragmentText(after)}`);
  return parts.join(',');
}

/** The page's URL with a text fragment for the passage (any fragment the URL had is replaced). */
export function passageUrl(url: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  const hash = url.indexOf('#');
  return `${hash < 0 ? url : url.slice(0, hash)}#:~:text=${textDirective(quote)}`;
}
