/**
 * The library's catalog: the id, page and date of every highlight, read from
 * the `[url+createdAt]` index alone (no record is read), newest first. Search
 * and filters narrow it; the records themselves are read only for the rows on
 * screen.
 */
import type { GlossDB } from '../db/database';

/** Parallel columns, one entry per highlight, newest first. */
export type Catalog = { ids: string[]; urls: string[]; dates: Float64Array };

/** Reads the catalog of every highlight. */
export async function loadCatalog(db: GlossDB): Promise<Catalog> {
  const ids: string[] = [];
  const urls: string[] = [];
  const created: number[] = [];
  await db.annotations.orderBy('[url+createdAt]').eachKey((key, cursor) => {
    const [url, at] = key as unknown as [string, number];
    ids.push(cursor.primaryKey as string);
    urls.push(url);
    created.push(at);
  });
  const order = Array.from(created.keys()).sort((a, b) => created[b] - created[a]);
  return {
    ids: order.map((i) => ids[i]),
    urls: order.map((i) => urls[i]),
    dates: Float64Array.from(order, (i) => created[i]),
  };
}

/** The catalog without the highlight `id` (after a deletion). */
export function withoutId(catalog: Catalog, id: string): Catalog {
  const at = catalog.ids.indexOf(id);
  if (at < 0) return catalog;
  const keep = (_: unknown, i: number) => i !== at;
  return {
    ids: catalog.ids.filter(keep),
    urls: catalog.urls.filter(keep),
    dates: catalog.dates.filter(keep),
  };
}

/** The catalog with a highlight put back (after an undo), in date order. */
export function withEntry(catalog: Catalog, entry: { id: string; url: string; createdAt: number }): Catalog {
  if (catalog.ids.includes(entry.id)) return catalog;
  let at = 0;
  while (at < catalog.dates.length && catalog.dates[at] > entry.createdAt) at++;
  const dates = new Float64Array(catalog.dates.length + 1);
  dates.set(catalog.dates.subarray(0, at));
  dates[at] = entry.createdAt;
  dates.set(catalog.dates.subarray(at), at + 1);
  return {
    ids: [...catalog.ids.slice(0, at), entry.id, ...catalog.ids.slice(at)],
    urls: [...catalog.urls.slice(0, at), entry.url, ...catalog.urls.slice(at)],
    dates,
  };
}
