import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createDb, type GlossDB } from '../../utils/db';
import { listTags } from '../../utils/db/store';
import type { Annotation, Page } from '../../utils/db/types';
import { loadCatalog, newestCatalog, withEntry, withoutId, type Catalog } from '../../utils/library/catalog';
import { annotationWords } from '../../utils/db/records';
import {
  EMPTY_QUERY,
  loadSearchIndex,
  prepareSearch,
  runQuery,
  searchTerms,
  type LibraryQuery,
  type SearchIndex,
  type TermCache,
} from '../../utils/library/query';
import type { WordIndex } from '../../utils/db/word-index';
import { groupRows, type Row } from '../../utils/library/rows';
import { siteOf } from '../../utils/site';

let db: GlossDB | null = null;

/** The library's read handle on the database (writes go through the background, the one writer). */
export function libraryDb(): GlossDB {
  db ??= createDb();
  return db;
}

/** How many of the newest highlights are shown while the whole catalog loads. */
const FIRST_SCREEN = 60;

/** Everything the library page shows, and how to change it. */
export type Library = ReturnType<typeof useLibrary>;

/**
 * The library's state: the catalog of every highlight, the pages, the query
 * and the rows it gives, and the records of the rows on screen (read on demand).
 */
export function useLibrary() {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  /** False while `catalog` holds only the newest highlights (the first screen). */
  const [complete, setComplete] = useState(false);
  const terms = useRef<TermCache>(new Map());
  /**
   * The words of the highlights and pages in memory (read with the whole
   * catalog), for search at every keystroke; null until read (a search waits
   * for it), or if it could not be read (a search then reads every record).
   */
  const [index, setIndex] = useState<SearchIndex | null>(null);
  /** The word indexes could not be read: the search reads the records instead. */
  const [indexFailed, setIndexFailed] = useState(false);
  const notesIndex = useRef<WordIndex | null>(null);
  /** Edits made while the index is read, applied to it once read: id → new words, or null when deleted. */
  const editsWhileReading = useRef(new Map<string, string[] | null>());
  const reindex = (id: string, a: Annotation | null) => {
    const words = a ? annotationWords(a) : null;
    const notes = notesIndex.current;
    if (!notes) editsWhileReading.current.set(id, words);
    else if (words) notes.set(id, words);
    else notes.remove(id);
  };
  const [pages, setPages] = useState<Map<string, Page>>(new Map());
  const [tags, setTags] = useState<string[]>([]);
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [matches, setMatches] = useState<{ for: LibraryQuery; at: Uint32Array } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const records = useRef(new Map<string, Annotation>());
  const [recordsVersion, setRecordsVersion] = useState(0);
  const sites = useRef(new Map<string, string>());
  /** Bumped to read everything again (after an import). */
  const [generation, setGeneration] = useState(0);

  const siteOfUrl = useCallback(
    (url: string) => {
      let site = sites.current.get(url);
      if (site === undefined) {
        site = pages.get(url)?.site ?? siteOf(url);
        sites.current.set(url, site);
      }
      return site;
    },
    [pages],
  );

  useEffect(() => {
    if (generation > 0) {
      // Read again after an import: what is on screen stays until the new catalog replaces it.
      records.current.clear();
      terms.current.clear();
      sites.current.clear();
      notesIndex.current = null;
      editsWhileReading.current.clear();
    }
    const database = libraryDb();
    const fail = (e: unknown) => setProblem(e instanceof Error ? e.message : String(e));
    // The newest highlights first, so the page shows something at once; then the whole catalog, the pages, the tags.
    void newestCatalog(database, FIRST_SCREEN)
      .then(async (first) => {
        for (const a of first.records) records.current.set(a.id, a);
        const firstPages = await database.pages.bulkGet([...new Set(first.catalog.urls)]);
        setPages((known) => (known.size ? known : new Map(firstPages.filter((x) => !!x).map((x) => [x!.url, x!]))));
        setCatalog((c) => c ?? first.catalog);
      })
      .catch(fail);
    // The word index is read after the catalog, so that the whole list comes first; a search waits for it.
    Promise.all([loadCatalog(database), database.pages.toArray()])
      .then(([c, p]) => {
        setPages(new Map(p.map((page) => [page.url, page])));
        setCatalog(c);
        setComplete(true);
        return Promise.all([
          listTags(database).then(setTags),
          loadSearchIndex(database, p)
            .then((searchIndex) => {
              const { notes } = searchIndex;
              for (const [id, words] of editsWhileReading.current) {
                if (words) notes.set(id, words);
                else notes.remove(id);
              }
              notesIndex.current = notes;
              prepareSearch(c, searchIndex);
              setIndex(searchIndex);
            })
            // Not read: the search reads every record instead (slowly).
            .catch(() => setIndexFailed(true)),
        ]);
      })
      .catch(fail);
  }, [generation]);

  // Each query runs against the catalog; an answer to an older query is dropped.
  const sequence = useRef(0);
  useEffect(() => {
    if (!catalog) return;
    const mine = ++sequence.current;
    // A search or filter waits for the whole catalog; the first screen answers only "everything".
    if (!complete && JSON.stringify(query) !== JSON.stringify(EMPTY_QUERY)) return;
    // A search waits for the word indexes in memory (the database has no index of words), unless they cannot be read.
    if (!index && !indexFailed && searchTerms(query.text).length) return;
    runQuery(libraryDb(), catalog, query, siteOfUrl, terms.current, index ?? undefined)
      .then((at) => mine === sequence.current && setMatches({ for: query, at }))
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [catalog, complete, query, siteOfUrl, index, indexFailed]);

  const rows: Row[] = useMemo(() => (catalog && matches ? groupRows(catalog, matches.at) : []), [catalog, matches]);

  /** Reads the records of rows `first`..`last` that are not read yet. */
  const load = useCallback(
    (first: number, last: number) => {
      if (!catalog) return;
      const missing: string[] = [];
      for (let i = first; i <= last; i++) {
        const r = rows[i];
        if (r?.kind === 'note' && !records.current.has(catalog.ids[r.at])) missing.push(catalog.ids[r.at]);
      }
      if (!missing.length) return;
      void libraryDb()
        .annotations.bulkGet(missing)
        .then((found) => {
          for (const a of found) if (a) records.current.set(a.id, a);
          setRecordsVersion((v) => v + 1);
        });
    },
    [catalog, rows],
  );

  return {
    catalog,
    complete,
    /** Whether the word indexes are in memory (the search answers from them). */
    indexed: index !== null,
    pages,
    tags,
    query,
    setQuery,
    /** The query the rows answer (the newest finished one). */
    answered: matches?.for ?? null,
    matches: matches?.at ?? null,
    rows,
    problem,
    setProblem,
    siteOfUrl,
    recordsVersion,
    record: (id: string) => records.current.get(id),
    load,
    /** Reads the whole library again (after an import). */
    reload: () => setGeneration((g) => g + 1),
    /** After an edit: the new record replaces the old. */
    updated: (a: Annotation) => {
      terms.current.clear();
      reindex(a.id, a);
      records.current.set(a.id, a);
      setRecordsVersion((v) => v + 1);
      if (a.tags.some((t) => !tags.includes(t))) setTags([...tags, ...a.tags.filter((t) => !tags.includes(t))]);
    },
    /** After a deletion or an undo. */
    removed: (id: string) => {
      terms.current.clear();
      reindex(id, null);
      setCatalog((c) => c && withoutId(c, id));
    },
    restored: (a: Annotation) => {
      terms.current.clear();
      reindex(a.id, a);
      records.current.set(a.id, a);
      setCatalog((c) => c && withEntry(c, a));
    },
  };
}
