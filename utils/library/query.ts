/**
 * The library's search and filters over the catalog. Each word of the query
 * must start a word of a highlight (quote, note, tags: the `*words` index of
 * annotations) or of its page (title, site: the `*words` index of pages).
 * Answered from the in-memory word indexes (`utils/db/word-index.ts`) once they are
 * loaded; before that, from the database indexes' keys alone.
 */
import type { GlossDB } from '../db/database';
import { wordsOf } from '../db/words';
import type { Catalog } from './catalog';
import type { WordIndex } from '../db/word-index';

/** What the reader narrowed the library to; empty fields do not filter. */
export type LibraryQuery = {
  text: string;
  tag: string;
  site: string;
  /** Inclusive day bounds as `YYYY-MM-DD` (the reader's local days), or ''. */
  from: string;
  to: string;
};

/** No search, no filter. */
export const EMPTY_QUERY: LibraryQuery = { text: '', tag: '', site: '', from: '', to: '' };

/** Milliseconds at the start of a local day `YYYY-MM-DD` (`end`: the start of the next day), or null. */
export function dayBound(day: string, end = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)).getTime();
}

/** The words of a query that are searched: every one, from the first letter. */
export function searchTerms(text: string): string[] {
  return wordsOf(text);
}

/**
 * Whether the database indexes would read too many keys for this query to
 * answer it at once (a lone letter or digit starts a tenth of all words):
 * such a query waits for the in-memory indexes. An ideograph or kana is a
 * word of its own and is not too short.
 */
export function tooShortForDb(text: string): boolean {
  return searchTerms(text).some((t) => t.length === 1 && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(t));
}

/** The in-memory word indexes: highlight id → its words, page URL → its words. */
export type SearchIndex = { notes: WordIndex; pages: WordIndex };

/** A test on one catalog entry (its id and page URL). */
export type EntryTest = (id: string, url: string) => boolean;

/** Tests already read from the indexes, by search word: typing "rain c" after "rain" reads "rain" once. */
export type TermCache = Map<string, Promise<EntryTest>>;

/** The test for one search word: the highlight's own words, or its page's. */
function termTest(db: GlossDB, term: string, cache?: TermCache): Promise<EntryTest> {
  const known = cache?.get(term);
  if (known) return known;
  const test = readTermTest(db, term);
  cache?.set(term, test);
  // A failed read is not kept.
  test.catch(() => cache?.delete(term));
  return test;
}

/** The catalog's highlights and pages as numbers of the in-memory indexes, kept while they stay valid. */
type Numbered = { index: SearchIndex; notesAt: number; pagesAt: number; notes: Int32Array; pages: Int32Array };
const numberedCatalogs = new WeakMap<Catalog, Numbered>();

/** Numbers the catalog for `index` ahead of the first search (it is done again only when either changes). */
export function prepareSearch(catalog: Catalog, index: SearchIndex): void {
  numbered(catalog, index);
}

function numbered(catalog: Catalog, index: SearchIndex): Numbered {
  const known = numberedCatalogs.get(catalog);
  if (known?.index === index && known.notesAt === index.notes.numbered && known.pagesAt === index.pages.numbered)
    return known;
  const fresh = {
    index,
    notesAt: index.notes.numbered,
    pagesAt: index.pages.numbered,
    notes: index.notes.numbers(catalog.ids),
    pages: index.pages.numbers(catalog.urls),
  };
  numberedCatalogs.set(catalog, fresh);
  return fresh;
}

async function readTermTest(db: GlossDB, term: string): Promise<EntryTest> {
  const [ids, urls] = await Promise.all([
    db.annotations.where('words').startsWith(term).primaryKeys(),
    db.pages.where('words').startsWith(term).primaryKeys(),
  ]);
  const idSet = new Set(ids);
  const urlSet = new Set(urls);
  return (id, url) => urlSet.has(url) || idSet.has(id);
}

/**
 * The positions in `catalog` (so still newest first) of the highlights that
 * match `query`. `siteOf` gives a page's site (from the page records);
 * `cache` keeps each word's test for the next keystrokes (clear it after an
 * edit, and when `index` comes); `index`: the in-memory word indexes, when loaded.
 */
export async function runQuery(
  db: GlossDB,
  catalog: Catalog,
  query: LibraryQuery,
  siteOf: (url: string) => string,
  cache?: TermCache,
  index?: SearchIndex,
): Promise<Uint32Array> {
  const terms = searchTerms(query.text);
  // From the in-memory indexes: one mark per number for each term, tested by catalog position.
  const marked: ((at: number) => boolean)[] = [];
  if (index && terms.length) {
    const { notes, pages } = numbered(catalog, index);
    for (const term of terms) {
      const notesMarks = index.notes.marks(term);
      const pagesMarks = index.pages.marks(term);
      marked.push((at) => pagesMarks[pages[at]!] === 1 || notesMarks[notes[at]!] === 1);
    }
  }
  const tests: EntryTest[] = index ? [] : await Promise.all(terms.map((t) => termTest(db, t, cache)));
  if (query.tag) {
    const tagged = new Set(await db.annotations.where('tags').equals(query.tag).primaryKeys());
    tests.push((id) => tagged.has(id));
  }
  const site = query.site.trim().toLowerCase();
  if (site) tests.push((_, url) => siteOf(url) === site);
  const from = dayBound(query.from) ?? -Infinity;
  const to = dayBound(query.to, true) ?? Infinity;
  const out = new Uint32Array(catalog.ids.length);
  let n = 0;
  for (let i = 0; i < catalog.ids.length; i++) {
    const at = catalog.dates[i];
    if (at < from || at >= to) continue;
    if (!marked.every((t) => t(i))) continue;
    const id = catalog.ids[i];
    const url = catalog.urls[i];
    if (tests.every((t) => t(id, url))) out[n++] = i;
  }
  return out.slice(0, n);
}
