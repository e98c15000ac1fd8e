/**
 * A full backup in Chromium with the built extension and its real IndexedDB:
 * a JSON-LD file larger than a message to the background may carry (48 MB)
 * imported through the library page, the whole library exported with its
 * progress bar and parsed back, and a bad file of that size refused with its
 * message while the database stays as it was.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary } from '../../scripts/lib/library-seed';
import type { Annotation } from '../../utils/db/types';
import { exportFile } from '../../utils/export';
import { MAX_IMPORT_CHARS } from '../../utils/messaging/payloads';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { exportedIds } from './harness/library-oracle';

/** Highlights in the file: few enough to import quickly, with notes long enough to pass 48 MB. */
const COUNT = 12_000;

let session: ChromiumSession;
let lib: Page;
let dir: string;
let good: string;
let bad: string;
const records = makeLibrary(COUNT, 1200, { seed: 21 });

/** A long note as readers write them: a few paragraphs of Markdown about the passage. */
function longNote(a: Annotation, i: number): string {
  const words = a.exact.split(' ');
  const paragraphs = Array.from(
    { length: 18 },
    (_, p) =>
      `${p % 4 === 0 ? '- ' : ''}On “${words.slice(p % 3, (p % 3) + 4).join(' ')}”: ${a.exact}. See [[note ${i}-${p}]], **${words[0]}**, ${a.target.selectors.quote.suffix}.`,
  );
  return paragraphs.join('\n\n').slice(0, 9_000);
}

/** Run in the library: the number of stored highlights and the one with `id`. */
function countAndGet(id: string): Promise<{ count: number; record: Annotation | undefined }> {
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('annotations').objectStore('annotations');
      const count = store.count();
      const get = store.get(id);
      get.onsuccess = () => (open.result.close(), done({ count: count.result, record: get.result as Annotation }));
      get.onerror = () => failed(get.error);
    };
  });
}

/** Run in the library: watches the task's `<progress>` until the status says the task ended; its values seen. */
function watchTask(): Promise<{ values: number[]; max: number; status: string; phases: string[] }> {
  return new Promise((resolve) => {
    const values: number[] = [];
    const phases: string[] = [];
    let max = 0;
    const observer = new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.export-bar progress');
      if (bar?.hasAttribute('value') && bar.value !== values.at(-1)) {
        values.push(bar.value);
        max = bar.max;
      }
      const phase = document.getElementById('library-task-phase')?.textContent ?? '';
      if (phase && phase !== phases.at(-1)) phases.push(phase);
      const status = document.querySelector('.snackbar-area')?.textContent ?? '';
      if (/^(Exported|Imported|Nothing was)/.test(status)) {
        observer.disconnect();
        resolve({ values, max, status, phases });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Chooses `file` in the library's import button and waits for the report. */
async function importThrough(file: string) {
  // The status an earlier task left stays until this one reports: it is not this one's.
  await lib.evaluate(() => {
    const area = document.querySelector('.snackbar-area');
    if (area) area.textContent = '';
  });
  const done = lib.evaluate(watchTask);
  await lib.setInputFiles('#library-import', file);
  return done;
}

beforeAll(async () => {
  records.annotations.forEach((a, i) => (a.note = longNote(a, i)));
  dir = mkdtempSync(join(tmpdir(), 'gloss-backup-'));
  good = join(dir, 'backup.jsonld');
  writeFileSync(good, exportFile('jsonld', records.pages, records.annotations).data as string);
  // The same highlights, edited since (each would be updated), and one with a colour Gloss does not have.
  const edited = records.annotations.map((a) => ({ ...a, note: `${a.note} (edited)`, updatedAt: a.updatedAt + 1 }));
  edited[7_000] = { ...edited[7_000]!, color: 'chartreuse' as Annotation['color'] };
  bad = join(dir, 'bad.jsonld');
  writeFileSync(bad, exportFile('jsonld', records.pages, edited).data as string);
  session = await launchChromium();
  lib = session.context.pages()[0] ?? (await session.context.newPage());
  await lib.goto(`chrome-extension://${session.extensionId}/library.html`);
  await lib.waitForSelector('.summary');
});

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a full backup, in Chromium', () => {
  it('imports a JSON-LD file over 48 MB through the library page, with progress, every record there', async () => {
    expect(statSync(good).size).toBeGreaterThan(MAX_IMPORT_CHARS);
    const { values, max, status, phases } = await importThrough(good);
    expect(status).toBe(`Imported: ${COUNT.toLocaleString('en')} new, 0 updated, 0 unchanged.`);
    expect(phases).toEqual(expect.arrayContaining(['Checking every record…', 'Saving…']));
    expect(values.some((v) => v > 0 && v < max)).toBe(true);
    const sample = records.annotations[5_432]!;
    const { count, record } = await lib.evaluate(countAndGet, sample.id);
    expect(count).toBe(COUNT);
    expect(record).toMatchObject({ id: sample.id, url: sample.url, note: sample.note, tags: sample.tags });
    // The library reads itself again and lists them all.
    await lib.waitForFunction(
      (n) => document.querySelector('.summary')?.textContent?.startsWith(`${n} of ${n} highlights`),
      COUNT.toLocaleString('en'),
      { timeout: 60_000 },
    );
  });

  it('exports the whole library with a progress bar, to a file parsed back to every highlight', async () => {
    await lib.getByLabel('Export as').selectOption('jsonld');
    const watching = lib.evaluate(watchTask);
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.click('button[data-scope="library"]')]);
    const { values, max, status, phases } = await watching;
    expect(status).toMatch(/^Exported 12,000 highlights to gloss-\d{4}-\d{2}-\d{2}-all\.jsonld\.$/);
    expect(phases.filter((p) => p !== 'Starting…')).toEqual(['Reading your highlights…', 'Writing the file…']);
    expect(max).toBe(2 * COUNT);
    expect(values.some((v) => v > 0 && v < max)).toBe(true);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      total: number;
      first: { items: { id: string; body?: { value: string; purpose: string }[] }[] };
    };
    expect(doc.total).toBe(COUNT);
    expect(new Set(exportedIds(doc))).toEqual(new Set(records.annotations.map((a) => a.id)));
    const sample = doc.first.items.find((i) => i.id === `urn:uuid:${records.annotations[99]!.id}`)!;
    expect(sample.body?.find((b) => b.purpose === 'commenting')?.value).toBe(records.annotations[99]!.note);
    // The bar is gone once the file is handed over.
    expect(await lib.locator('.export-bar progress').count()).toBe(0);
  });

  it('refuses a bad file of that size with its message, and the database stays as it was', async () => {
    expect(statSync(bad).size).toBeGreaterThan(MAX_IMPORT_CHARS);
    const sample = records.annotations[7_001]!;
    const before = await lib.evaluate(countAndGet, sample.id);
    const { status } = await importThrough(bad);
    expect(status).toMatch(
      /^Nothing was imported: 1 record is not valid \(annotation 7,?001 \(urn:uuid:[\w-]+\): color: .+\)\.$/,
    );
    expect(await lib.evaluate(countAndGet, sample.id)).toEqual(before);
    expect(before.record!.note).not.toMatch(/\(edited\)$/);
    // Not JSON at all (cut short), as large: refused as a whole.
    const cut = join(dir, 'cut.jsonld');
    writeFileSync(cut, readFileSync(bad, 'utf8').slice(0, -100));
    expect((await importThrough(cut)).status).toMatch(/^Nothing was imported: This file is not JSON \(/);
    expect(await lib.evaluate(countAndGet, sample.id)).toEqual(before);
  });
});
