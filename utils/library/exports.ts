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
import { EXPORT_FORMATS, type ExportFile, type ExportScope } from '../export';
import { sourcesToCsv, sourcesToMarkdown } from '../export/sources';
import { ImportError, importRecordCount, importSteps, readJson } from '../import';
import { sendToBackground } from '../messaging/client';
import { MAX_IMPORTED_URLS, MAX_LIBRARY_IMPORT_BYTES, tooLarge } from '../messaging/payloads';
import type { CitedQuote } from '../sources/queries';
import { recordExport, type ExportFormat } from '../preferences';
import { nextTask, runInSlices } from '../steps';
import { makeExport, type ExportBlob, type ExportSelection, type OnProgress } from './export-job';
import type { ExportReply, ExportRequest } from './export-worker';

export type { ExportSelection, OnProgress, TaskProgress } from './export-job';

/** How each format is offered (its label). */
export const FORMAT_INFO: Record<ExportFormat, { label: string }> = EXPORT_FORMATS;

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

/** What an export did. */
export type ExportDone = { name: string; count: number };

/**
 * Exports the highlights of `selection` in `format` as a file named by date
 * and `scope`, hands it to the reader, and records the time for the backup
 * reminder: the one export of every page and scope. The reading and writing
 * (`export-job.ts`) run in a worker of this page, away from its own memory
 * (the library's indexes) and its event loop, so the page keeps painting
 * `onProgress`; `signal` ends the worker. Without workers (or when the
 * worker fails), in the page.
 */
export async function exportSelection(
  db: GlossDB,
  format: ExportFormat,
  scope: ExportScope,
  selection: ExportSelection,
  { onProgress, signal }: { onProgress?: OnProgress; signal?: AbortSignal } = {},
): Promise<ExportDone> {
  const inPage = () => makeExport(db, format, scope, selection, { onProgress, signal });
  let file: ExportBlob;
  if (typeof Worker === 'undefined') file = await inPage();
  else {
    try {
      file = await inWorker({ format, scope, selection, now: new Date() }, onProgress, signal);
    } catch (e) {
      // Cancelled, or failed in the worker: then once more in the page (a browser that cannot start the worker).
      if (signal?.aborted) throw e;
      console.warn('Gloss: the export worker failed; exporting in the page:', e);
      file = await inPage();
    }
  }
  download(file.blob, file.name);
  await recordExport();
  return { name: file.name, count: file.count };
}

/** Runs an export in a new worker; resolves its file, rejects with its error or the signal's reason. */
function inWorker(request: ExportRequest, onProgress?: OnProgress, signal?: AbortSignal): Promise<ExportBlob> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ExportBlob>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = ({ data }: MessageEvent<ExportReply>) => {
      if ('progress' in data) return onProgress?.(data.progress);
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if ('file' in data) resolve(data.file);
      else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(e.message || 'The export stopped.'));
    };
    worker.postMessage(request);
  });
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
