/**
 * The library's rows: highlights grouped by page, the page whose newest
 * highlight is newest first, each page's highlights newest first. A page row
 * heads its highlights.
 */
import type { Catalog } from './catalog';

/** One row of the list: a page heading, or a highlight (its position in the catalog). */
export type Row = { kind: 'page'; url: string; count: number } | { kind: 'note'; at: number; url: string };

/** Groups the matching positions (newest first, as `runQuery` gives them) into rows. */
export function groupRows(catalog: Catalog, matches: Uint32Array): Row[] {
  const byPage = new Map<string, number[]>();
  for (const at of matches) {
    const url = catalog.urls[at];
    const list = byPage.get(url);
    if (list) list.push(at);
    else byPage.set(url, [at]);
  }
  const rows: Row[] = [];
  for (const [url, list] of byPage) {
    rows.push({ kind: 'page', url, count: list.length });
    for (const at of list) rows.push({ kind: 'note', at, url });
  }
  return rows;
}
