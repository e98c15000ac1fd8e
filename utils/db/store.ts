/**
 * The store: every read and write of annotations and pages, validated. Each
 * operation returns a typed result or throws a StoreError; a write that fails
 * leaves the database as it was (one transaction per operation).
 */
import type { GlossDB } from './database';
import { guard, StoreError } from './errors';
import { sameAnnotation } from './import';
import { annotationRecord, annotationWords, newAnnotationRecord, pageRecord } from './records';
import type { Annotation, AnnotationInput, AnnotationPatch, NewAnnotation, Page, PageInput } from './types';
import { AnnotationPatchSchema, IdSchema, parse, QuerySchema, UrlQuerySchema } from './schema';
import { loadWordIndex, WordIndex } from './word-index';
import { matchesPrefixes, wordsOf } from './words';

export { importFile, importParsed, sameAnnotation, type ImportReport } from './import';

/** Saves a new highlight; fills in id (if absent), timestamps, exact and search words. */
export function saveAnnotation(db: GlossDB, input: NewAnnotation): Promise<Annotation> {
  return guard(async () => {
    const record = newAnnotationRecord(input, Date.now(), () => crypto.randomUUID());
    await db.transaction('rw', db.annotations, async () => {
      if (await db.annotations.get(record.id)) throw new StoreError('invalid', `id: ${record.id} already exists`);
      await db.annotations.add(record);
    });
    return record;
  });
}

/** One annotation by id. */
export function getAnnotation(db: GlossDB, id: string): Promise<Annotation> {
  return guard(async () => {
    const found = await db.annotations.get(parse(IdSchema, id, 'id'));
    if (!found) throw new StoreError('not-found', `No highlight with id ${id}.`);
    return found;
  });
}

/** A caller's check of the stored record before it is changed (it throws to refuse). */
export type RecordCheck = (stored: Annotation) => void;

/**
 * Runs a write under `guard`, except that the caller's refusal (an error its
 * `check` threw) reaches the caller as it was, not as a database failure.
 */
async function guardChecked<T>(check: RecordCheck, write: (checked: RecordCheck) => Promise<T>): Promise<T> {
  let refusal: { error: unknown } | null = null;
  const checked: RecordCheck = (stored) => {
    try {
      check(stored);
    } catch (error) {
      refusal = { error };
      throw error;
    }
  };
  try {
    return await guard(() => write(checked));
  } catch (error) {
    if (refusal) throw (refusal as { error: unknown }).error;
    throw error;
  }
}

/**
 * Changes the note, tags or colour of a highlight; returns the updated record.
 * `check` sees the stored record inside the same transaction before anything changes.
 */
export function updateAnnotation(
  db: GlossDB,
  id: string,
  patch: AnnotationPatch,
  check: RecordCheck = () => {},
): Promise<Annotation> {
  return guardChecked(check, (checked) =>
    db.transaction('rw', db.annotations, async () => {
      const changes = parse(AnnotationPatchSchema, patch, 'patch');
      const old = await getAnnotation(db, id);
      checked(old);
      const updated: Annotation = { ...old, ...changes, updatedAt: Math.max(Date.now(), old.updatedAt) };
      await db.annotations.put(updated);
      return updated;
    }),
  );
}

/** Deletes a highlight and returns it, so the caller can undo with `restoreAnnotation`; `check` as for updates. */
export function deleteAnnotation(db: GlossDB, id: string, check: RecordCheck = () => {}): Promise<Annotation> {
  return guardChecked(check, (checked) =>
    db.transaction('rw', db.annotations, async () => {
      const old = await getAnnotation(db, id);
      checked(old);
      await db.annotations.delete(old.id);
      return old;
    }),
  );
}

/**
 * Puts back a record returned by `deleteAnnotation` (checked like any input).
 * A record with that id that is still there is never replaced: restoring it
 * again is a no-op when it is the same, and a conflict when it differs.
 */
export function restoreAnnotation(db: GlossDB, record: AnnotationInput): Promise<Annotation> {
  return guard(() =>
    db.transaction('rw', db.annotations, async () => {
      const checked = annotationRecord(record);
      const present = await db.annotations.get(checked.id);
      if (!present) await db.annotations.add(checked);
      else if (!sameAnnotation(present, checked)) {
        throw new StoreError('conflict', `A different highlight with id ${checked.id} is already saved.`);
      }
      return present ?? checked;
    }),
  );
}

/** A page's highlights, in text order. */
export function listAnnotations(db: GlossDB, url: string): Promise<Annotation[]> {
  return guard(async () => {
    const found = await db.annotations
      .where('url')
      .equals(parse(UrlQuerySchema, url, 'url'))
      .toArray();
    return found.sort(
      (a, b) => a.target.selectors.position.start - b.target.selectors.position.start || a.createdAt - b.createdAt,
    );
  });
}

/** Answers searches of every highlight's words; see `annotationSearch`. */
export type AnnotationSearch = (query: string, limit?: number) => Promise<Annotation[]>;

/**
 * A search of every highlight by the words of its quote, note and tags
 * (folded like the library's search): the highlights whose words start with
 * every word of `query`, most recently changed first; an empty query finds
 * nothing. The words are not stored (schema 4), so the first search reads
 * every highlight once, in batches, into an in-memory word index; later
 * searches of the same searcher read only their matches. Matches are read
 * again and tested on their current words, so a highlight edited or deleted
 * since the index was built is not listed wrongly (one saved since is found
 * by a new searcher: the popup makes one each time it opens).
 */
export function annotationSearch(db: GlossDB): AnnotationSearch {
  let built: Promise<{ index: WordIndex; ids: string[]; changed: Map<string, number> }> | null = null;
  const build = async () => {
    const ids: string[] = [];
    const changed = new Map<string, number>();
    const index = await loadWordIndex(
      db.annotations,
      undefined,
      (keys) => ids.push(...keys),
      (a) => {
        changed.set(a.id, a.updatedAt);
        return annotationWords(a);
      },
    );
    return { index, ids, changed };
  };
  return (query, limit = 200) =>
    guard(async () => {
      const terms = wordsOf(parse(QuerySchema, query, 'query'));
      if (terms.length === 0) return [];
      built ??= build();
      built.catch(() => (built = null));
      const { index, ids, changed } = await built;
      const tests = terms.map((t) => index.matching(t));
      const hits = ids.filter((id) => tests.every((test) => test(id)));
      hits.sort((a, b) => changed.get(b)! - changed.get(a)!);
      const found = (await db.annotations.bulkGet(hits.slice(0, limit))).filter(
        (a): a is Annotation => a !== undefined && matchesPrefixes(annotationWords(a), terms),
      );
      return found.sort((a, b) => b.updatedAt - a.updatedAt);
    });
}

/** One search of every highlight (`annotationSearch` for a single query). */
export function searchAnnotations(db: GlossDB, query: string, limit = 200): Promise<Annotation[]> {
  return annotationSearch(db)(query, limit);
}

/** How many tags `listTags` gives at most: enough for completion, bounded for a message. */
export const MAX_LISTED_TAGS = 500;

/**
 * The tags the reader has used, most used first (ties alphabetically), for
 * completion. Tags that differ only in case count as one, spelled as most
 * highlights spell it.
 */
export function listTags(db: GlossDB, limit = MAX_LISTED_TAGS): Promise<string[]> {
  return guard(async () => {
    // The multi-entry index holds one key per (record, tag): counting keys counts uses.
    const keys = (await db.annotations.orderBy('tags').keys()) as string[];
    const byFolded = new Map<string, { count: number; spellings: Map<string, number> }>();
    for (const tag of keys) {
      const folded = tag.toLowerCase();
      const entry = byFolded.get(folded) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count++;
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
      byFolded.set(folded, entry);
    }
    const commonest = (spellings: Map<string, number>) =>
      [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    return [...byFolded.values()]
      .map((e) => ({ tag: commonest(e.spellings), count: e.count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, limit)
      .map((e) => e.tag);
  });
}

/** Every highlight, oldest first. */
export function allAnnotations(db: GlossDB): Promise<Annotation[]> {
  return guard(() => db.annotations.orderBy('createdAt').toArray());
}

/**
 * Records a visit to a page. Metadata the page did not give this time (null
 * byline or date, empty title) keeps what an earlier visit found.
 */
export function upsertPage(db: GlossDB, page: PageInput): Promise<Page> {
  return guard(() =>
    db.transaction('rw', db.pages, async () => {
      const next = pageRecord(page);
      const old = await db.pages.get(next.url);
      const merged: Page = old
        ? {
            ...next,
            title: next.title || old.title,
            byline: next.byline ?? old.byline,
            publisher: next.publisher ?? old.publisher ?? null,
            published: next.published ?? old.published,
            lastVisited: Math.max(next.lastVisited, old.lastVisited),
          }
        : next;
      await db.pages.put(merged);
      return merged;
    }),
  );
}

/** Every page, most recently visited first. */
export function listPages(db: GlossDB): Promise<Page[]> {
  return guard(() => db.pages.orderBy('lastVisited').reverse().toArray());
}
