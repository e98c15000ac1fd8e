/**
 * Every call the library and options pages make into the exports
 * (`utils/export`) and the import (through the background, which runs
 * `utils/db/import.ts`), in one place, so that they follow those modules
 * when they change.
 */
import type { Annotation, Page } from '../db/types';
import type { ImportResult } from '../db/import';
import { toCsv, toMarkdown, toWebAnnotationJson } from '../export';
import { sendToBackground } from '../messaging/client';
import { recordExport, type ExportFormat } from '../preferences';

/** How each format is offered and saved. */
export const FORMAT_INFO: Record<ExportFormat, { label: string; ext: string; type: string }> = {
  markdown: { label: 'Markdown', ext: 'md', type: 'text/markdown' },
  json: { label: 'JSON-LD', ext: 'json', type: 'application/ld+json' },
  csv: { label: 'CSV', ext: 'csv', type: 'text/csv' },
};

/** The file's text for `format`. */
export function renderExport(format: ExportFormat, pages: Page[], annotations: Annotation[]): string {
  if (format === 'markdown') return toMarkdown(pages, annotations);
  if (format === 'json') return toWebAnnotationJson(pages, annotations);
  return '\uFEFF' + toCsv(pages, annotations); // the byte-order mark tells spreadsheets it is UTF-8
}

/** A file name saying what was exported and when: `gloss-library-2026-12-03.md`. */
export function exportFileName(scope: string, format: ExportFormat, now = new Date()): string {
  const slug =
    scope
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'notes';
  return `gloss-${slug}-${now.toISOString().slice(0, 10)}.${FORMAT_INFO[format].ext}`;
}

/** Hands `content` to the reader as a download. */
function download(content: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports `annotations` (with their pages) as a file named for `scope`, and records the time for the backup reminder. */
export async function exportFile(
  format: ExportFormat,
  scope: string,
  pages: Page[],
  annotations: Annotation[],
): Promise<string> {
  const name = exportFileName(scope, format);
  download(renderExport(format, pages, annotations), name, FORMAT_INFO[format].type);
  await recordExport();
  return name;
}

/** Imports a Gloss JSON-LD file through the background, the one writer. */
export function importFile(json: string): Promise<ImportResult> {
  return sendToBackground('annotations:import', { json });
}
