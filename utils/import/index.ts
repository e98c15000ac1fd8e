/**
 * Import files: Gloss's JSON-LD export or a Hypothesis JSON export, read and
 * every record checked (nothing written here; `utils/db/import.ts` writes).
 */
import { runAll, type Steps } from '../steps';
import { glossExportSteps, isGlossExport } from './gloss';
import { hypothesisExportSteps, hypothesisRows } from './hypothesis';
import type { ParsedImport } from './items';
import { ImportError, readJson } from './read-json';

export { ImportError, readJson } from './read-json';
export type { ImportItem, ParsedImport } from './items';
export { uuidFromName } from './hypothesis';

/**
 * Reads an import file's text. Throws an ImportError (with a message for the
 * reader) when the file as a whole cannot be imported: too large, not JSON, a
 * forbidden key, or neither format; a bad record is reported in the result.
 */
export function readImportFile(text: string, maxChars?: number): ParsedImport {
  return runAll(importSteps(readJson(text, maxChars)));
}

/**
 * Checks every record of a parsed import file (`readJson`), a thousand at a
 * time (`utils/steps.ts`), yielding the records checked so far (annotations,
 * then pages; `importRecordCount` is the total). Throws an ImportError when
 * the file is neither format.
 */
export function importSteps(doc: unknown): Steps<ParsedImport> {
  if (isGlossExport(doc)) return glossExportSteps(doc);
  const rows = hypothesisRows(doc);
  if (rows) return hypothesisExportSteps(rows);
  throw new ImportError(
    'This file is neither a Gloss export (a Web Annotation AnnotationCollection) nor a Hypothesis export.',
  );
}

/** How many records `importSteps` checks in a parsed file (0 when it is neither format). */
export function importRecordCount(doc: unknown): number {
  const length = (x: unknown) => (Array.isArray(x) ? x.length : 0);
  if (isGlossExport(doc)) {
    if (Array.isArray(doc)) return doc.length;
    const c = doc as Record<string, unknown>;
    const first = c.first as Record<string, unknown> | null | undefined;
    return length(typeof first === 'object' && first !== null ? first.items : c.items) + length(c['gloss:pages']);
  }
  return length(hypothesisRows(doc));
}
