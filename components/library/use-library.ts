import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createDb, type GlossDB } from '../../utils/db';
import { listTags } from '../../utils/db/store';
import type { Annotation, Page } from '../../utils/db/types';
import { loadCatalog, withEntry, withoutId, type Catalog } from '../../utils/library/catalog';
import { EMPTY_QUERY, runQuery, type LibraryQuery } from '../../utils/library/query';
import { groupRows, type Row } from '../../utils/library/rows';
import { siteOf } from '../../utils/site';

let db: GlossDB | null = null;

/** The library's read handle on the database (writes go through the background, the one writer). */
export function libraryDb(): GlossDB {
  db ??= createDb();
  return db;
}

/** Everything the library page shows, and how to change it. */
export type Library = ReturnType<typeof useLibrary>;

/**
 * The library's state: the catalog of every highlight, the pages, the query
 * and the rows it gives, and the records of the rows on screen (read on demand).
 */
export function useLibrary() {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [pages, setPages] = useState<Map<string, Page>>(new Map());
  const [tags, setTags] = useState<string[]>([]);
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [matches, setMatches] = useState<{ for: LibraryQuery; at: Uint32Array } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const records = useRef(new Map<string, Annotation>());
  const [recordsVersion, setRecordsVersion] = useState(0);
  const sites = useRef(new Map<string, string>());

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
    const database = libraryDb();
    Promise.all([loadCatalog(database), database.pages.toArray(), listTags(database)])
      .then(([c, p, t]) => {
        setPages(new Map(p.map((page) => [page.url, page])));
        setTags(t);
        setCatalog(c);
      })
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, []);

  // Each query runs against the catalog; an answer to an older query is dropped.
  const sequence = useRef(0);
  useEffect(() => {
    if (!catalog) return;
    const mine = ++sequence.current;
    runQuery(libraryDb(), catalog, query, siteOfUrl)
      .then((at) => mine === sequence.current && setMatches({ for: query, at }))
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [catalog, query, siteOfUrl]);

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
    /** After an edit: the new record replaces the old. */
    updated: (a: Annotation) => {
      records.current.set(a.id, a);
      setRecordsVersion((v) => v + 1);
      if (a.tags.some((t) => !tags.includes(t))) setTags([...tags, ...a.tags.filter((t) => !tags.includes(t))]);
    },
    /** After a deletion or an undo. */
    removed: (id: string) => setCatalog((c) => c && withoutId(c, id)),
    restored: (a: Annotation) => {
      records.current.set(a.id, a);
      setCatalog((c) => c && withEntry(c, a));
    },
  };
}
