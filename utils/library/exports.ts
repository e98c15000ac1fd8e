/**
 * Every call the library, popup and options pages make into the exports
 * (`utils/export`) and the import (`utils/import`, written by
 * `utils/db/import.ts`), in one place.
 *
 * An export of any scope (the whole library, a search result, one page) runs
 * here, in the page that asks, never in the background (no message carries
 * the file): its records are read in bulk, ten thousand at a time, the file is
 * written a slice at a time (`utils/steps.ts`) into the parts of a Blob, and
 * its progress is reported as it goes.
 */
import type { GlossDB } from '../db';
import { importParsed, type ImportReport } from '../db/import';
import type { Annotation, Page } from '../db/types';
import { EXPORT_FORMATS, exportSteps, type ExportFile, type ExportScope } from '../export';
import { sourcesToCsv, sourcesToMarkdown } from '../export/sources';
import { ImportError, importRecordCount, importSteps, readJson } from '../import';
import { sendToBackground } from '../messaging/client';
import { MAX_IMPORTED_URLS, MAX_LIBRARY_IMPORT_BYTES, tooLarge } from '../messaging/payloads';
import type { CitedQuote } from '../sources/queries';
import { recordExport, type ExportFormat } from '../preferences';
import { nextTask, runInSlices } from '../steps';

/** How each format is offered (its label). */
export const FORMAT_INFO: Record<ExportFormat, { label: string }> = EXPORT_FORMATS;

/**
 * How far a long export or import has got, for a `<progress>`: what it is
 * doing (a short phrase, for a live region), and `value` of `max` (null
 * while it cannot tell, e.g. while the browser parses the file).
 */
export type TaskProgress = {
  phase: string;
  value: number | null;
  max: number;
  detail: string;
  /** Past the point where it can be cancelled (an import's writes). */
  locked?: boolean;
};

/** Hears a task's progress. */
export type OnProgress = (progress: TaskProgress) => void;

/** How many records one read of an export takes from the database. */
const READ_SLICE = 10_000;

const count = (n: number) => n.toLocaleString('en');

/** Hands a file to the reader as a download. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Which highlights an export takes: every one, these ids (a search result), or one page's. */
export type ExportSelection = { kind: 'all' } | { kind: 'ids'; ids: string[] } | { kind: 'page'; url: string };

/**
 * Reads every highlight (those whose id `keep` accepts), in one read
 * transaction: the primary keys first, then ranges of READ_SLICE records, all
 * asked for at once (one getAll each), so that the database reads a range
 * while this page takes in the one before; `onRead` hears each range. In
 * order of creation.
 */
async function readAll(
  db: GlossDB,
  onRead: (done: number, total: number) => void,
  keep?: (id: string) => boolean,
): Promise<Annotation[]> {
  const slices = await db.transaction('r', db.annotations, async () => {
    const keys = (await db.annotations.toCollection().primaryKeys()) as string[];
    onRead(0, keys.length);
    let done = 0;
    const ranges: [string, string][] = [];
    for (let i = 0; i < keys.length; i += READ_SLICE) {
      ranges.push([keys[i]!, keys[Math.min(i + READ_SLICE, keys.length) - 1]!]);
    }
    return Promise.all(
      ranges.map(async ([lo, hi]) => {
        const slice = await db.annotations.where(':id').between(lo, hi, true, true).toArray();
        done += slice.length;
        onRead(done, keys.length);
        return keep ? slice.filter((a) => keep(a.id)) : slice;
      }),
    );
  });
  const annotations = slices.flat();
  return annotations.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Reads the highlights of `selection` and their pages, reporting each read. */
async function readSelection(
  db: GlossDB,
  selection: ExportSelection,
  onRead: (done: number, total: number) => void,
): Promise<[Page[], Annotation[]]> {
  const pagesOf = async (annotations: Annotation[]) => {
    const pages = (await db.pages.bulkGet([...new Set(annotations.map((a) => a.url))])).filter((p): p is Page => !!p);
    return pages.sort((a, b) => b.lastVisited - a.lastVisited);
  };
  if (selection.kind === 'page') {
    const [page, annotations] = await Promise.all([
      db.pages.get(selection.url),
      db.annotations.where('url').equals(selection.url).toArray(),
    ]);
    onRead(annotations.length, annotations.length);
    return [page ? [page] : [], annotations];
  }
  if (selection.kind === 'all') {
    const [pages, annotations] = await Promise.all([
      db.pages.orderBy('lastVisited').reverse().toArray(),
      readAll(db, onRead),
    ]);
    return [pages, annotations];
  }
  // A search result: a few records by id; most of the library as ranges of it, as a whole export reads them.
  const { ids } = selection;
  if (ids.length > (await db.annotations.count()) / 4) {
    const wanted = new Set(ids);
    const annotations = await readAll(
      db,
      (done, total) => onRead(Math.round((done / total) * ids.length), ids.length),
      (id) => wanted.has(id),
    );
    return [await pagesOf(annotations), annotations];
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < ids.length; i += READ_SLICE) {
    for (const a of await db.annotations.bulkGet(ids.slice(i, i + READ_SLICE))) if (a) annotations.push(a);
    onRead(Math.min(i + READ_SLICE, ids.length), ids.length);
  }
  return [await pagesOf(annotations), annotations];
}

/** What an export did. */
export type ExportDone = { name: string; count: number };

/**
 * Exports the highlights of `selection` in `format` as a file named by date
 * and `scope`, hands it to the reader, and records the time for the backup
 * reminder. The one export of every page and scope. `onProgress` hears the
 * reads and the writing (one bar: the records read, then written, of twice
 * their number); `signal` cancels it between two slices.
 */
export async function exportSelection(
  db: GlossDB,
  format: ExportFormat,
  scope: ExportScope,
  selection: ExportSelection,
  { onProgress, signal }: { onProgress?: OnProgress; signal?: AbortSignal } = {},
): Promise<ExportDone> {
  onProgress?.({ phase: 'Reading your highlights', value: null, max: 1, detail: '' });
  const [pages, annotations] = await readSelection(db, selection, (done, total) =>
    onProgress?.({
      phase: 'Reading your highlights',
      value: done,
      max: 2 * total,
      detail: `${count(done)} of ${count(total)} read`,
    }),
  );
  signal?.throwIfAborted();
  const n = annotations.length;
  const writing = (done: number) =>
    onProgress?.({
      phase: 'Writing the file',
      value: n + done,
      max: 2 * n,
      detail: `${count(done)} of ${count(n)} written`,
    });
  writing(0);
  await nextTask();
  signal?.throwIfAborted();
  const file = await runInSlices(exportSteps(format, pages, annotations, scope), { onProgress: writing, signal });
  writing(n);
  download(new Blob(file.parts as BlobPart[], { type: file.type }), file.name);
  await recordExport();
  return { name: file.name, count: n };
}

/** The whole library in `format` (the popup, the options page and the library's "Whole library"). */
export function exportLibrary(
  db: GlossDB,
  format: ExportFormat,
  options?: { onProgress?: OnProgress; signal?: AbortSignal },
): Promise<ExportDone> {
  return exportSelection(db, format, { kind: 'all' }, { kind: 'all' }, options);
}

/**
 * Imports a Gloss JSON-LD or Hypothesis JSON file in this page (files up to
 * MAX_LIBRARY_IMPORT_BYTES, where a message to the background carries at most
 * MAX_IMPORT_CHARS): read, parsed and every record checked here, a slice at a
 * time, then written by `utils/db/import.ts` in one transaction, all or
 * nothing, as the background would. Then the background is told which pages
 * changed, so their open tabs repaint. Throws an ImportError when the file as
 * a whole cannot be imported (nothing written).
 */
export async function importInPage(
  db: GlossDB,
  file: Blob,
  { onProgress, signal }: { onProgress?: OnProgress; signal?: AbortSignal } = {},
): Promise<ImportReport> {
  if (file.size > MAX_LIBRARY_IMPORT_BYTES) throw new ImportError(tooLarge(file.size, MAX_LIBRARY_IMPORT_BYTES));
  onProgress?.({ phase: 'Reading the file', value: null, max: 1, detail: '' });
  const text = await file.text();
  onProgress?.({ phase: 'Checking the file', value: null, max: 1, detail: '' });
  await nextTask();
  const doc = readJson(text, MAX_LIBRARY_IMPORT_BYTES);
  const total = importRecordCount(doc);
  const checking = (done: number) =>
    onProgress?.({
      phase: 'Checking every record',
      value: done,
      max: 2 * total,
      detail: `${count(done)} of ${count(total)} checked`,
    });
  checking(0);
  await nextTask();
  signal?.throwIfAborted();
  const parsed = await runInSlices(importSteps(doc), { onProgress: checking, signal });
  checking(total);
  signal?.throwIfAborted();
  const report = await importParsed(db, parsed, (written, writes) =>
    onProgress?.({
      phase: 'Saving',
      value: total + Math.round((written / writes) * total),
      max: 2 * total,
      detail: `${count(written)} of ${count(writes)} saved`,
      locked: true,
    }),
  );
  // Written: the report stands even if the background cannot be told (open tabs then show them on reload).
  const urls = report.changedUrls;
  try {
    for (let i = 0; i < urls.length; i += MAX_IMPORTED_URLS) {
      await sendToBackground('annotations:imported', { urls: urls.slice(i, i + MAX_IMPORTED_URLS) });
    }
  } catch (e) {
    console.warn('Gloss: the open tabs could not be told about the import:', e);
  }
  return report;
}

/** Hands a file made at once (remembered quotations) to the reader. */
function downloadFile({ data, name, type }: ExportFile): void {
  download(new Blob([data as BlobPart], { type }), name);
}

/** A name's safe form for a file name: letters and digits joined by `-`. */
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'quotations';

/**
 * Exports remembered quotations (a speaker's, or a search result) as Markdown
 * with citations or as CSV, named by date and what they are
 * (`gloss-sources-2026-12-03-wang-yi.md`). Resolves to the file's name.
 */
export function exportSources(format: 'markdown' | 'csv', heading: string, quotes: CitedQuote[]): string {
  const day = new Date().toISOString().slice(0, 10);
  const name = `gloss-sources-${day}-${slug(heading.toLowerCase())}.${format === 'csv' ? 'csv' : 'md'}`;
  const data = format === 'csv' ? sourcesToCsv(quotes) : sourcesToMarkdown(heading, quotes);
  downloadFile({ data, name, type: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8' });
  return name;
}
