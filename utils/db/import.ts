/**
 * Writes an import (`utils/import` reads and checks the file): all or
 * nothing, in one transaction. A file with any rejected record writes nothing
 * and its report says why for each. Idempotent by id: importing the same file
 * again reports every record "unchanged" and writes nothing.
 */
import { readImportFile, type ParsedImport } from '../import';
import type { GlossDB } from './database';
import { guard } from './errors';
import { readAllAnnotations } from './read-all';
import type { Annotation, Page } from './types';

/** The most rejections and skips a report lists one by one (their counts are always whole). */
export const MAX_LISTED = 1000;

/** How many annotations one write of an import puts (progress is reported after each). */
const WRITE_SLICE = 5000;

/** How an import went. */
export type ImportReport = {
  /** Which file format was read. */
  format: 'gloss' | 'hypothesis';
  /** Whether the records were written: false when any record was rejected (then nothing was). */
  imported: boolean;
  /** Ids of annotations that were not in the database (or would not have been, when `imported` is false). */
  added: string[];
  /** Ids of annotations replaced by a newer (or equally new) imported version that differs. */
  updated: string[];
  /** How many annotations were already there exactly as in the file. */
  unchanged: number;
  /** Ids of annotations kept as they were because the database's version is newer. */
  kept: string[];
  /** Records that are wrong, each with its reason (at most MAX_LISTED listed; `rejectedCount` counts all). */
  rejected: { record: string; reason: string }[];
  rejectedCount: number;
  /** Valid records Gloss does not keep (replies, page notes), each with the reason. */
  skipped: { record: string; reason: string }[];
  skippedCount: number;
  /** Pages added or updated. */
  pages: { added: number; updated: number; unchanged: number };
  /** URLs of the pages whose highlights changed (for telling their open tabs). */
  changedUrls: string[];
  /** One sentence for the reader. */
  message: string;
};

/** Whether two records hold the same data (stored records may list their keys in another order). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  const qa = a.target.selectors.quote;
  const qb = b.target.selectors.quote;
  const pa = a.target.selectors.position;
  const pb = b.target.selectors.position;
  return (
    a.id === b.id &&
    a.url === b.url &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.target.source === b.target.source &&
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix &&
    pa.start === pb.start &&
    pa.end === pb.end &&
    a.color === b.color &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

function samePage(a: Page, b: Page): boolean {
  return (
    a.url === b.url &&
    a.title === b.title &&
    a.byline === b.byline &&
    (a.publisher ?? null) === (b.publisher ?? null) &&
    a.published === b.published &&
    a.lastVisited === b.lastVisited
  );
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function summary(r: Omit<ImportReport, 'message'>): string {
  if (!r.imported) {
    const first = r.rejected[0];
    return (
      `Nothing was imported: ${plural(r.rejectedCount, 'record')} ${r.rejectedCount === 1 ? 'is' : 'are'} not valid` +
      (first ? ` (${first.record}: ${first.reason})` : '') +
      '.'
    );
  }
  const parts = [`${r.added.length.toLocaleString('en')} new`, `${r.updated.length.toLocaleString('en')} updated`];
  parts.push(`${r.unchanged.toLocaleString('en')} unchanged`);
  if (r.kept.length) parts.push(`${r.kept.length.toLocaleString('en')} kept as they were (yours are newer)`);
  if (r.skippedCount) parts.push(`${r.skippedCount.toLocaleString('en')} skipped (replies or page notes)`);
  return `Imported: ${parts.join(', ')}.`;
}

/**
 * The stored version of each annotation (undefined where there is none). The
 * stored keys are read first (one request): a file of new highlights reads
 * nothing more; one that is mostly in the database already reads the whole
 * table in a few ranges asked for at once (`readAllAnnotations`), not one
 * request per record.
 */
async function storedVersions(db: GlossDB, annotations: Annotation[]): Promise<(Annotation | undefined)[]> {
  const keys = new Set((await db.annotations.toCollection().primaryKeys()) as string[]);
  const present = annotations.filter((a) => keys.has(a.id)).map((a) => a.id);
  if (present.length === 0) return annotations.map(() => undefined);
  if (present.length < keys.size / 4) {
    const found = new Map(present.map((id, i) => [id, i]));
    const records = await db.annotations.bulkGet(present);
    return annotations.map((a) => {
      const at = found.get(a.id);
      return at === undefined ? undefined : records[at];
    });
  }
  const all = new Map<string, Annotation>();
  for (const slice of await readAllAnnotations(db)) for (const a of slice) all.set(a.id, a);
  return annotations.map((a) => all.get(a.id));
}

/**
 * Writes checked records (from `readImportFile`). For an id already present,
 * the version with the later `updatedAt` wins (the imported one on a tie), so
 * a reader's newer edits are never overwritten by an old backup; a page keeps
 * its newer visit. Resolves a report; rejects (StoreError) only when the
 * database fails, and then nothing was written either. `onWritten` hears
 * how many of the annotations to write are written, as the writes go.
 */
export function importParsed(
  db: GlossDB,
  parsed: ParsedImport,
  onWritten?: (written: number, total: number) => void,
): Promise<ImportReport> {
  return guard(async () => {
    const rejected: { record: string; reason: string }[] = [];
    const skipped: { record: string; reason: string }[] = [];
    const annotations: Annotation[] = [];
    const pages: Page[] = [];
    for (const item of [...parsed.annotations, ...parsed.pages]) {
      if ('rejected' in item) rejected.push({ record: item.name, reason: item.rejected });
      else if ('skipped' in item) skipped.push({ record: item.name, reason: item.skipped });
    }
    for (const item of parsed.annotations) if ('record' in item) annotations.push(item.record);
    for (const item of parsed.pages) if ('record' in item) pages.push(item.record);
    const imported = rejected.length === 0;
    const base = {
      format: parsed.format,
      imported,
      rejected: rejected.slice(0, MAX_LISTED),
      rejectedCount: rejected.length,
      skipped: skipped.slice(0, MAX_LISTED),
      skippedCount: skipped.length,
    };
    const report = await db.transaction('rw', db.annotations, db.pages, async () => {
      const existing = await storedVersions(db, annotations);
      const added: string[] = [];
      const updated: string[] = [];
      const kept: string[] = [];
      let unchanged = 0;
      const writes: Annotation[] = [];
      const changed = new Set<string>();
      annotations.forEach((a, i) => {
        const old = existing[i];
        if (!old) added.push(a.id);
        else if (sameAnnotation(old, a)) unchanged++;
        else if (old.updatedAt > a.updatedAt) kept.push(a.id);
        else updated.push(a.id);
        if (!old || (!sameAnnotation(old, a) && old.updatedAt <= a.updatedAt)) {
          writes.push(a);
          changed.add(a.url);
          if (old) changed.add(old.url);
        }
      });
      const oldPages = await db.pages.bulkGet(pages.map((p) => p.url));
      const pageCounts = { added: 0, updated: 0, unchanged: 0 };
      const pageWrites = pages.filter((p, i) => {
        const old = oldPages[i];
        if (!old) pageCounts.added++;
        else if (samePage(old, p) || old.lastVisited > p.lastVisited) pageCounts.unchanged++;
        else pageCounts.updated++;
        return !old || (!samePage(old, p) && old.lastVisited <= p.lastVisited);
      });
      if (imported) {
        // In slices, all in this one transaction, so that a page can show how far it got.
        for (let i = 0; i < writes.length; i += WRITE_SLICE) {
          await db.annotations.bulkPut(writes.slice(i, i + WRITE_SLICE));
          onWritten?.(Math.min(i + WRITE_SLICE, writes.length), writes.length);
        }
        await db.pages.bulkPut(pageWrites);
      }
      return { added, updated, kept, unchanged, pages: pageCounts, changedUrls: imported ? [...changed] : [] };
    });
    const full = { ...base, ...report };
    return { ...full, message: summary(full) };
  });
}

/**
 * Reads and writes an import file (Gloss JSON-LD or Hypothesis JSON) in one
 * go. Throws an ImportError when the file as a whole cannot be read; resolves
 * a report otherwise, with `imported: false` and nothing written when any
 * record was rejected.
 */
export async function importFile(db: GlossDB, text: string, maxChars?: number): Promise<ImportReport> {
  return importParsed(db, readImportFile(text, maxChars));
}
