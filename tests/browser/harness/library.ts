/**
 * Seeding Gloss's real database through one of its own pages: records are
 * written with IndexedDB itself, in batches, into the database the extension
 * opened (so at the schema version it created, with its indexes).
 */
import type { Annotation, Page } from '../../../utils/db/types';

/** Run in a Gloss page: puts annotations and pages into the `gloss` database in one transaction; returns the annotation count. */
export function putRecords([annotations, pages]: [Annotation[], Page[]]): Promise<number> {
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['annotations', 'pages'], 'readwrite');
      for (const a of annotations) tx.objectStore('annotations').put(a);
      for (const p of pages) tx.objectStore('pages').put(p);
      tx.oncomplete = () => {
        const count = db.transaction('annotations').objectStore('annotations').count();
        count.onsuccess = () => (db.close(), done(count.result));
      };
      tx.onerror = () => failed(tx.error);
    };
  });
}

/**
 * Run in a Gloss page: records that `sites` have highlights, as the background
 * does after a save (content scripts ask for highlights only on those sites).
 */
export async function markAnnotated(sites: string[]): Promise<void> {
  type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  // Firefox's `chrome` takes callbacks; its `browser` returns promises, as Chromium's `chrome` does.
  type Api = { storage: { local: Local } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const local = (g.browser ?? g.chrome).storage.local;
  const known = ((await local.get('annotatedSites')).annotatedSites ?? {}) as Record<string, true>;
  for (const s of sites) known[s] = true;
  await local.set({ annotatedSites: known });
}

/** Something that runs a function with one argument in a page (Playwright's and Puppeteer's `evaluate`). */
export type Evaluate = (fn: (arg: never) => unknown, arg: unknown) => Promise<unknown>;

/** Writes the records through the page in batches of `batch` annotations (pages go with the first batch). */
export async function seed(
  evaluate: Evaluate,
  records: { annotations: Annotation[]; pages: Page[] },
  batch = 5000,
): Promise<number> {
  const sites = [...new Set(records.pages.map((p) => p.site))];
  await evaluate(markAnnotated, sites);
  let count = 0;
  for (let i = 0; i < Math.max(1, records.annotations.length); i += batch) {
    count = (await evaluate(putRecords, [
      records.annotations.slice(i, i + batch),
      i === 0 ? records.pages : [],
    ])) as number;
  }
  return count;
}
