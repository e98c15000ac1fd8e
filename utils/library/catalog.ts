/**
 * The library's catalog: the id, page and date of every highlight, read from
 * the `[url+createdAt]` index alone (no record is read), newest first. Search
 * and filters narrow it; the records themselves are read only for the rows on
 * screen.
 */
import type { GlossDB } from '../db/database';
import type { Annotation } from '../db/types';

/** Parallel columns, one entry per highlight, newest first. */
export type Catalog = { ids: string[]; urls: string[]; dates: Float64Array };

/**
 * Reads the catalog of every highlight: one key cursor over the
 * `[url+createdAt]` index, with IndexedDB itself (Dexie's per-step wrapping
 * costs more than the step at 100,000 keys).
 */
export async function loadCatalog(db: GlossDB): Promise<Catalog> {
  await db.open();
  const ids: string[] = [];
  const urls: string[] = [];
  const created: number[] = [];
  await new Promise<void>((done, failed) => {
    const tx = db.backendDB().transaction('annotations', 'readonly');
    const request = tx.objectStore('annotations').index('[url+createdAt]').openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return done();
      const [url, at] = cursor.key as [string, number];
      ids.push(cursor.primaryKey as string);
      urls.push(url);
      created.push(at);
      cursor.continue();
    };
    request.onerror = () => failed(request.error);
  });
  const order = Array.from(created.keys()).sort((a, b) => created[b] - created[a]);
  return {
    ids: order.map((i) => ids[i]),
    urls: order.map((i) => urls[i]),
    dates: Float64Array.from(order, (i) => created[i]),
  };
}

/**
 * The newest `n` highlights as a catalog (their records are read, and
 * returned), for a first screen while the whole catalog loads.
 */
export async function newestCatalog(db: GlossDB, n: number): Promise<{ catalog: Catalog; records: Annotation[] }> {
  const records = await db.annotations.orderBy('createdAt').reverse().limit(n).toArray();
  return {
    catalog: {
      ids: records.map((a) => a.id),
      urls: records.map((a) => a.url),
      dates: Float64Array.from(records, (a) => a.createdAt),
    },
    records,
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
