/**
 * Whole records checked (by the schema, `schema.ts`) and normalised before
 * they are written: new annotations, full annotations (restore, import) and
 * pages. Derived fields (`exact`, `site`) are always recomputed, never trusted;
 * search words are not stored (`annotationWords` and `pageWords` derive them for the in-memory indexes).
 */
import { siteOf } from '../site';
import { AnnotationInputSchema, NewAnnotationSchema, PageInputSchema, parse } from './schema';
import { wordsOf } from './words';
import type { Annotation, Page } from './types';

/** The search words of an annotation's quote, note and tags (never stored: the word indexes are built in memory). */
export function annotationWords(a: Pick<Annotation, 'exact' | 'note' | 'tags'>): string[] {
  return wordsOf(a.exact, a.note, ...a.tags);
}

/** Checks a new annotation and completes it into a record stamped `now`. */
export function newAnnotationRecord(input: unknown, now: number, newId: () => string): Annotation {
  const a = parse(NewAnnotationSchema, input, 'annotation');
  return complete({ ...a, id: a.id ?? newId(), createdAt: now, updatedAt: now });
}

/** Checks a full annotation (a restored or imported one) and normalises it. */
export function annotationRecord(input: unknown): Annotation {
  return complete(parse(AnnotationInputSchema, input, 'annotation'));
}

/** A checked annotation with its derived fields (re)computed, keys in one order (records compare as JSON). */
function complete(a: Omit<Annotation, 'exact'>): Annotation {
  const exact = a.target.selectors.quote.exact;
  return {
    id: a.id,
    url: a.url,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    target: {
      source: a.target.source,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact, ...pick(a.target.selectors.quote) },
        position: { ...a.target.selectors.position },
      },
    },
    exact,
    color: a.color,
    note: a.note,
    tags: a.tags,
  };
}

function pick(q: { prefix: string; suffix: string }): { prefix: string; suffix: string } {
  return { prefix: q.prefix, suffix: q.suffix };
}

/** Checks a page record; metadata from the page is clipped, not refused; the site is derived from the URL. */
export function pageRecord(input: unknown): Page {
  const p = parse(PageInputSchema, input, 'page');
  return {
    url: p.url,
    title: p.title,
    site: siteOf(p.url),
    byline: p.byline,
    publisher: p.publisher,
    published: p.published,
    lastVisited: p.lastVisited,
  };
}
