/**
 * The library's search and filters over the catalog. Each word of the query
 * must start a word of a highlight (quote, note, tags: `annotationWords`) or
 * of its page (title, site: `pageWords`). The words are not stored (schema 4):
 * answered from the in-memory word indexes (`utils/db/word-index.ts`), which
 * the library builds after its catalog; without them (they could not be
 * built), by reading every record, a slow path the library takes only then.
 */
import type { GlossDB } from '../db/database';
import { annotationWords } from '../db/records';
import { forEachBatch, loadWordIndex, WordIndex } from '../db/word-index';
import { matchesPrefixes, pageWords, wordsOf } from '../db/words';
import type { Catalog } from './catalog';
import type { Page } from '../db/types';

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

/** The in-memory word indexes: highlight id → its words, page URL → its words. */
export type SearchIndex = { notes: WordIndex; pages: WordIndex };

/** Builds the in-memory word indexes: the highlights read in batches (`batch` records a read), `pages` as given. */
export async function loadSearchIndex(db: GlossDB, pages: readonly Page[], batch?: number): Promise<SearchIndex> {
  return {
    notes: await loadWordIndex(db.annotations, batch, undefined, annotationWords),
    pages: WordIndex.of(pages.map((page) => [page.url, pageWords(page)])),
  };
}

/** A test on one catalog entry (its id and page URL). */
export type EntryTest = (id: string, url: string) => boolean;

/** Tests already read from the database, by search word: typing "rain c" after "rain" reads "rain" once. */
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

/** Without the in-memory indexes: every highlight and page read, and tested by its words. */
async function readTermTest(db: GlossDB, term: string): Promise<EntryTest> {
  const starts = (words: readonly string[]) => matchesPrefixes(words, [term]);
  const idSet = new Set<string>();
  const urlSet = new Set<string>();
  await Promise.all([
    forEachBatch(db.annotations, (batch) => {
      for (const a of batch) if (starts(annotationWords(a))) idSet.add(a.id);
    }),
    db.pages.toArray().then((pages) => {
      for (const p of pages) if (starts(pageWords(p))) urlSet.add(p.url);
    }),
  ]);
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
