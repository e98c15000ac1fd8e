/**
 * Whole records checked and normalised before they are written: new
 * annotations, full annotations (restore, import) and pages. Derived fields
 * (`exact`, `words`) are always recomputed, never trusted.
 */
import { siteOf } from '../site';
import { color, fail, httpUrl, LIMITS, object, selectors, string, tags, timestamp, uuid } from './validate';
import { pageWords, wordsOf } from './words';
import type { Annotation, NewAnnotation, Page } from './types';

/** The search words of an annotation's quote, note and tags. */
export function annotationWords(a: Pick<Annotation, 'exact' | 'note' | 'tags'>): string[] {
  return wordsOf(a.exact, a.note, ...a.tags);
}

/** Checks a new annotation and completes it into a record stamped `now`. */
export function newAnnotationRecord(input: unknown, now: number, newId: () => string): Annotation {
  const a = object(input, 'annotation') as Partial<Record<keyof NewAnnotation, unknown>>;
  return annotationRecord({ ...a, id: a.id ?? newId(), createdAt: now, updatedAt: now });
}

/** Checks a full annotation (a restored or imported one) and normalises it. */
export function annotationRecord(input: unknown): Annotation {
  const a = object(input, 'annotation');
  const target = object(a.target, 'target');
  const sel = selectors(target.selectors, 'target.selectors');
  const createdAt = timestamp(a.createdAt, 'createdAt');
  const updatedAt = timestamp(a.updatedAt, 'updatedAt');
  if (updatedAt < createdAt) fail('updatedAt', 'must not be before createdAt');
  const record: Annotation = {
    id: uuid(a.id, 'id'),
    url: httpUrl(a.url, 'url'),
    createdAt,
    updatedAt,
    target: { source: httpUrl(target.source, 'target.source'), selectors: sel },
    exact: sel.quote.exact,
    color: a.color === undefined ? 'yellow' : color(a.color, 'color'),
    note: a.note === undefined ? '' : string(a.note, 'note', LIMITS.note),
    tags: a.tags === undefined ? [] : tags(a.tags, 'tags'),
    words: [],
  };
  record.words = annotationWords(record);
  return record;
}

/** Cuts page-provided text to `max` characters: a page's long title must not stop a save. */
function clip(value: unknown, field: string, max: number): string {
  return string(value, field, Number.MAX_SAFE_INTEGER).slice(0, max);
}

/** Checks a page record; metadata from the page is clipped, not refused; the site is derived from the URL. */
export function pageRecord(input: unknown): Page {
  const p = object(input, 'page');
  const url = httpUrl(p.url, 'url');
  const page: Page = {
    url,
    title: clip(p.title ?? '', 'title', LIMITS.title),
    site: siteOf(url),
    byline: p.byline == null ? null : clip(p.byline, 'byline', LIMITS.byline),
    published: p.published == null ? null : clip(p.published, 'published', LIMITS.published),
    lastVisited: timestamp(p.lastVisited, 'lastVisited'),
  };
  page.words = pageWords(page);
  return page;
}
