/**
 * What the library should show for a query, worked out in Node from the
 * seeded records by a plain scan (no index): the oracle the browser tests
 * compare the page with.
 */
import type { Annotation, Page } from '../../../utils/db/types';
import { wordsOf } from '../../../utils/db/words';

/** The ids of the highlights matching every word (as a prefix) and the filters, newest first. */
export function expectedIds(
  records: { annotations: Annotation[]; pages: Page[] },
  q: { text?: string; tag?: string; site?: string; from?: number; to?: number },
): string[] {
  const pages = new Map(records.pages.map((p) => [p.url, p]));
  const terms = wordsOf(q.text ?? '');
  return records.annotations
    .filter((a) => {
      const page = pages.get(a.url);
      const words = [...wordsOf(a.exact, a.note, ...a.tags), ...wordsOf(page?.title ?? '', page?.site ?? '')];
      if (!terms.every((t) => words.some((w) => w.startsWith(t)))) return false;
      if (q.tag && !a.tags.includes(q.tag)) return false;
      if (q.site && page?.site !== q.site) return false;
      return a.createdAt >= (q.from ?? -Infinity) && a.createdAt < (q.to ?? Infinity);
    })
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((a) => a.id);
}

/** The highlight ids (UUIDs) of a JSON-LD export, its text or parsed: the collection's `items`, or its first page's. */
export function exportedIds(doc: string | object): string[] {
  const d = (typeof doc === 'string' ? JSON.parse(doc) : doc) as {
    items?: { id: string }[];
    first?: { items: { id: string }[] };
  };
  return (d.items ?? d.first?.items ?? []).map((i) => i.id.replace('urn:uuid:', ''));
}
