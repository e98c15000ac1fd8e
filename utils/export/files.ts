/**
 * Export files ready to download: any scope (the whole library, a search
 * result, one page) in any format, named by date and scope. Pure: give it the
 * annotations and the page records (extra pages are ignored), get a file.
 */
import type { Annotation, Page } from '../db/types';
import { siteOf } from '../site';
import { runAll, type Steps } from '../steps';
import { csvSteps, csvTail } from './csv';
import { highlightMarkdown, markdownSteps } from './markdown';
import { concatBytes, Parts } from './parts';
import { vaultSteps } from './vault';
import { annotationJson, webAnnotationSteps } from './web-annotation';

/** The export formats. */
export const EXPORT_FORMATS = {
  markdown: { label: 'Markdown', ext: 'md', type: 'text/markdown;charset=utf-8' },
  vault: { label: 'Obsidian or Logseq vault (zip)', ext: 'zip', type: 'application/zip' },
  jsonld: { label: 'Web Annotation (JSON-LD)', ext: 'jsonld', type: 'application/ld+json;charset=utf-8' },
  csv: { label: 'CSV', ext: 'csv', type: 'text/csv;charset=utf-8' },
} as const;

/** An export format's name. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** What is exported: everything, the result of a search, or one page (by its URL). */
export type ExportScope = { kind: 'all' } | { kind: 'search'; query: string } | { kind: 'page'; url: string };

/** A file to hand to the reader. */
export type ExportFile = { name: string; type: string; data: string | Uint8Array };

/** A file to hand to the reader, as the parts of a Blob (`new Blob(parts, { type })`). */
export type ExportParts = { name: string; type: string; parts: (string | Uint8Array)[] };

/** The reader's local date, YYYY-MM-DD. */
function localDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A scope as a file-name part: `all`, `search-<words>`, or the page's site. */
export function scopeName(scope: ExportScope): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40);
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'search') return ['search', safe(scope.query)].filter(Boolean).join('-');
  return safe(siteOf(scope.url) || scope.url) || 'page';
}

/** The file name for an export, e.g. `gloss-2026-12-03-all.md`, `gloss-2026-12-03-example.com.zip`. */
export function exportFileName(format: ExportFormat, scope: ExportScope, now = new Date()): string {
  return `gloss-${localDay(now)}-${scopeName(scope)}.${EXPORT_FORMATS[format].ext}`;
}

/**
 * Writes the export file of `annotations` (any scope) with their `pages`, a
 * page or a thousand highlights at a time (see `utils/steps.ts`), yielding the
 * highlights written so far. CSV starts with a byte-order mark so spreadsheets
 * read it as UTF-8. `now` names and dates the file.
 */
export function* exportSteps(
  format: ExportFormat,
  pages: Page[],
  annotations: Annotation[],
  scope: ExportScope = { kind: 'all' },
  now = new Date(),
  prepared?: ReadonlyMap<string, string>,
): Steps<ExportParts> {
  const wanted = new Set(annotations.map((a) => a.url));
  const used = pages.filter((p) => wanted.has(p.url));
  const out = new Parts();
  const own = highlightWriter(format);
  const text = prepared ? (a: Annotation) => prepared.get(a.id) ?? own(a) : own;
  if (format === 'markdown') yield* markdownSteps(used, annotations, out, text);
  else if (format === 'vault') yield* vaultSteps(used, annotations, out, now, text);
  else if (format === 'jsonld') yield* webAnnotationSteps(used, annotations, out, text);
  else {
    out.write('\uFEFF');
    yield* csvSteps(used, annotations, out, text);
  }
  out.flush();
  return { name: exportFileName(format, scope, now), type: EXPORT_FORMATS[format].type, parts: out.parts };
}

/**
 * What a format writes for each highlight on its own (no page needed; for CSV the fields after the page's):
 * `makeExport` writes it ahead, as the records come in, while the database reads the next ones; the file
 * is then `exportSteps` with these texts (`prepared`, by id), the same bytes as written at once.
 */
export function highlightWriter(format: ExportFormat): (a: Annotation) => string {
  if (format === 'markdown' || format === 'vault') return highlightMarkdown;
  if (format === 'jsonld') return annotationJson;
  return csvTail;
}

/** The export file of `annotations` (any scope) with their `pages`, written at once (`exportSteps`). */
export function exportFile(
  format: ExportFormat,
  pages: Page[],
  annotations: Annotation[],
  scope: ExportScope = { kind: 'all' },
  now = new Date(),
): ExportFile {
  const { name, type, parts } = runAll(exportSteps(format, pages, annotations, scope, now));
  const data = format === 'vault' ? concatBytes(parts) : parts.join('');
  return { name, type, data };
}
