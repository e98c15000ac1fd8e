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

const WORD_END = /[\p{L}\p{N}]+$/u;
const WORD_START = /^[\p{L}\p{N}]+/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * One value of the directive, percent-encoded as the spec asks: what
 * `encodeURIComponent` encodes, plus `-` (the prefix/suffix marker), and the
 * parentheses that would end a Markdown link. `&` and `,` are encoded by it.
 */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/[-()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The `text=` directive's value for a quote (unencoded parts joined as the spec says). */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  let exact = quote.exact;
  let prefix = quote.prefix;
  let suffix = quote.suffix;
  // A text fragment matches whole words: a passage that starts or ends inside a word takes the rest of it.
  const head = WORD_END.exec(prefix);
  if (head && WORD_START.test(exact)) {
    exact = head[0] + exact;
    prefix = prefix.slice(0, head.index);
  }
  const tail = WORD_START.exec(suffix);
  if (tail && WORD_END.test(exact)) {
    exact += tail[0];
    suffix = suffix.slice(tail[0].length);
  }
  // Context counts only within the passage's own paragraph (a fragment's context must be next to it), and
  // is cut from the page at any character: drop a word it may have cut, keep a few whole ones with letters.
  const ownPrefix = prefix.split(/\r?\n/).at(-1)!;
  const ownSuffix = suffix.split(/\r?\n/)[0]!;
  const prefixWords = squash(ownPrefix).trim().split(' ').filter(Boolean);
  if (prefixWords.length > 0 && ownPrefix === prefix && !/^\s/.test(prefix)) prefixWords.shift();
  while (prefixWords.length > 0 && !HAS_WORD.test(prefixWords[0]!)) prefixWords.shift();
  const suffixWords = squash(ownSuffix).trim().split(' ').filter(Boolean);
  if (suffixWords.length > 0 && ownSuffix === suffix && !/\s$/.test(suffix)) suffixWords.pop();
  while (suffixWords.length > 0 && !HAS_WORD.test(suffixWords.at(-1)!)) suffixWords.pop();
  const before = prefixWords.slice(-CONTEXT_WORDS).join(' ');
  const after = suffixWords.slice(0, CONTEXT_WORDS).join(' ');

  const text = squash(exact).trim();
  const words = text.split(' ');
  const parts: string[] = [];
  if (before) parts.push(`${encodeFragmentText(before)}-`);
  if ((text.length > MAX_SINGLE || /[\r\n]/.test(exact)) && words.length > END_WORDS * 2) {
    // A fragment's single string must lie within one block: link a long or multi-paragraph passage by its ends.
    const firstLine = exact.split(/\r?\n/)[0]!.trim().split(/\s+/);
    const lastLine = exact.split(/\r?\n/).at(-1)!.trim().split(/\s+/);
    parts.push(encodeFragmentText(firstLine.slice(0, END_WORDS).join(' ')));
    parts.push(encodeFragmentText(lastLine.slice(-END_WORDS).join(' ')));
  } else {
    parts.push(encodeFragmentText(text));
  }
  if (after) parts.push(`-${encodeFragmentText(after)}`);
  return parts.join(',');
}

/** The page's URL with a text fragment for the passage (any fragment the URL had is replaced). */
export function passageUrl(url: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  return `${url.replace(/#.*$/s, '')}#:~:text=${textDirective(quote)}`;
}
