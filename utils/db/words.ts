/**
 * Search words, for the in-memory word indexes (highlights and pages, derived
 * when an index is built) and the quotations' `*words` index: lower-cased, diacritics
 * folded (so "Zurich" finds "Zürich"), de-duplicated. Scripts written without
 * spaces (Chinese, Japanese) are indexed one character per word, so a query
 * split the same way still finds them.
 */

/** Longest word indexed; longer runs (URLs, hashes) are cut, and still match by prefix. */
const MAX_WORD = 64;

// One ideograph or kana at a time, or a run of other letters and digits.
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;

/** Lower-cases and strips diacritics (NFKD, then combining marks dropped). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct search words of some texts, in order of first appearance. */
export function wordsOf(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const match of fold(text).matchAll(WORD)) words.add(match[0].slice(0, MAX_WORD));
  }
  return [...words];
}

/** Whether each search term (a word of `wordsOf(query)`) starts one of `words`: how every search matches. */
export function matchesPrefixes(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/** The search words of a page: its title and its site (so "bbc" finds every page of bbc.co.uk). */
export function pageWords(page: { title: string; site: string }): string[] {
  return wordsOf(page.title, page.site);
}
