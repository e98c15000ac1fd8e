/**
 * Import files: Gloss's JSON-LD export or a Hypothesis JSON export, read and
 * every record checked (nothing written here; `utils/db/import.ts` writes).
 */
import { isGlossExport, readGlossExport } from './gloss';
import { hypothesisRows, readHypothesisExport } from './hypothesis';
import type { ParsedImport } from './items';
import { ImportError, readJson } from './read-json';

export { ImportError } from './read-json';
export type { ImportItem, ParsedImport } from './items';
export { uuidFromName } from './hypothesis';

/**
 * Reads an import file's text. Throws an ImportError (with a message for the
 * reader) when the file as a whole cannot be imported: too large, not JSON, a
 * forbidden key, or neither format; a bad record is reported in the result.
 */
export function readImportFile(text: string, maxChars?: number): ParsedImport {
  const doc = readJson(text, maxChars);
  if (isGlossExport(doc)) return readGlossExport(doc);
  const rows = hypothesisRows(doc);
  if (rows) return readHypothesisExport(rows);
  throw new ImportError(
    'This file is neither a Gloss export (a Web Annotation AnnotationCollection) nor a Hypothesis export.',
  );
}
