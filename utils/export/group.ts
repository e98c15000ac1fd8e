import { siteOf } from '../site';
import type { Annotation, Page } from '../db/types';

/** A page with its highlights, as the exports present them. */
export type PageNotes = { page: Page; annotations: Annotation[] };

/** Highlights in the order their text appears on the page (then by creation). */
export function inTextOrder(annotations: Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      a.target.selectors.position.start - b.target.selectors.position.start ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Highlights grouped by page, pages most recently visited first. A highlight
 * whose page has no record (an import from elsewhere, a failed page save)
 * still gets a section, titled by its URL; pages without highlights are left out.
 */
export function groupByPage(pages: Page[], annotations: Annotation[]): PageNotes[] {
  const byUrl = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byUrl.get(a.url);
    if (list) list.push(a);
    else byUrl.set(a.url, [a]);
  }
  const known = new Map(pages.map((p) => [p.url, p]));
  const groups: PageNotes[] = [];
  for (const [url, list] of byUrl) {
    const page = known.get(url) ?? {
      url,
      title: url,
      site: siteOf(url),
      byline: null,
      publisher: null,
      published: null,
      lastVisited: Math.max(...list.map((a) => a.updatedAt)),
    };
    groups.push({ page, annotations: inTextOrder(list) });
  }
  return groups.sort((a, b) => b.page.lastVisited - a.page.lastVisited || a.page.url.localeCompare(b.page.url));
}

/** A timestamp as an ISO date (UTC), e.g. 2025-02-25. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
