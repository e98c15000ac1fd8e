/**
 * Import of parsed records (`utils/export`'s `parseWebAnnotationJson`): all
 * checked first, then written in one transaction, all or nothing. Idempotent
 * by id: importing the same file twice changes nothing the second time.
 */
import type { GlossDB } from './database';
import { guard, StoreError } from './errors';
import { annotationRecord, pageRecord } from './records';
import type { Annotation, Page } from './types';

/** How an import went. */
export type ImportResult = {
  /** Annotations that were not in the database. */
  added: number;
  /** Annotations replaced by a newer (or equally new) imported version. */
  updated: number;
  /** Annotations kept because the database had a newer version. */
  skipped: number;
  pages: number;
};

/** Checks every record, naming the first bad one. */
function checkAll<T>(records: unknown[], kind: string, check: (r: unknown) => T, key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return records.map((r, i) => {
    try {
      const checked = check(r);
      if (seen.has(key(checked))) throw new StoreError('invalid', `${key(checked)} appears twice`);
      seen.add(key(checked));
      return checked;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StoreError('invalid', `${kind} ${i + 1}: ${detail}`, { cause: error });
    }
  });
}

/**
 * Writes imported annotations and pages. For an id already present, the
 * version with the later `updatedAt` wins (the imported one on a tie), so a
 * reader's newer edits are never overwritten by an old backup.
 */
export function importAnnotations(
  db: GlossDB,
  parsed: { annotations: Annotation[]; pages: Page[] },
): Promise<ImportResult> {
  return guard(async () => {
    if (!Array.isArray(parsed?.annotations) || !Array.isArray(parsed.pages)) {
      throw new StoreError('invalid', 'import: expected lists of annotations and pages');
    }
    const annotations = checkAll(parsed.annotations, 'annotation', annotationRecord, (a) => a.id);
    const pages = checkAll(parsed.pages, 'page', pageRecord, (p) => p.url);
    return db.transaction('rw', db.annotations, db.pages, async () => {
      const existing = await db.annotations.bulkGet(annotations.map((a) => a.id));
      const result: ImportResult = { added: 0, updated: 0, skipped: 0, pages: pages.length };
      const writes = annotations.filter((a, i) => {
        const old = existing[i];
        if (!old) result.added++;
        else if (old.updatedAt > a.updatedAt) result.skipped++;
        else result.updated++;
        return !old || old.updatedAt <= a.updatedAt;
      });
      const oldPages = await db.pages.bulkGet(pages.map((p) => p.url));
      await db.annotations.bulkPut(writes);
      await db.pages.bulkPut(pages.filter((p, i) => (oldPages[i]?.lastVisited ?? -1) <= p.lastVisited));
      return result;
    });
  });
}
