/**
 * Every call the library and options pages make into the exports
 * (`utils/export`) and the import (through the background, which runs
 * `utils/db/import.ts`), in one place.
 */
import type { ImportReport } from '../db/import';
import type { Annotation, Page } from '../db/types';
import { EXPORT_FORMATS, exportFile as makeExportFile, type ExportFile, type ExportScope } from '../export';
import { sourcesToCsv, sourcesToMarkdown } from '../export/sources';
import { sendToBackground } from '../messaging/client';
import type { CitedQuote } from '../sources/queries';
import { recordExport, type ExportFormat } from '../preferences';

/** How each format is offered (its label). */
export const FORMAT_INFO: Record<ExportFormat, { label: string }> = EXPORT_FORMATS;

/** Hands an export file to the reader as a download. */
function download({ data, name, type }: ExportFile): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports `annotations` (with their pages) of `scope` as a file named by date
 * and scope, and records the time for the backup reminder. Resolves to the
 * file's name.
 */
export async function exportFile(
  format: ExportFormat,
  scope: ExportScope,
  pages: Page[],
  annotations: Annotation[],
): Promise<string> {
  const file = makeExportFile(format, pages, annotations, scope);
  download(file);
  await recordExport();
  return file.name;
}

/** Imports a Gloss JSON-LD or Hypothesis JSON file through the background, the one writer. */
export function importFile(json: string): Promise<ImportReport> {
  return sendToBackground('annotations:import', { json });
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
  download({ data, name, type: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8' });
  return name;
}
