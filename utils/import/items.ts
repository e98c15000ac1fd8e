/** What an import file's reader makes of each record, before anything is written. */
import * as v from 'valibot';
import type { Annotation, Page } from '../db/types';
import { StoreError } from '../db/errors';
import type { Steps } from '../steps';

/** One record of the file: checked and ready to write, rejected (invalid), or skipped (valid, but not a highlight Gloss keeps). */
export type ImportItem<T> =
  { name: string; record: T } | { name: string; rejected: string } | { name: string; skipped: string };

/** The file's records, all checked. */
export type ParsedImport = {
  format: 'gloss' | 'hypothesis';
  annotations: ImportItem<Annotation>[];
  pages: ImportItem<Page>[];
};

/** Runs `read` on a record, turning its failure into a rejection with the reason. */
export function readItem<T>(name: string, read: () => T): ImportItem<T> {
  try {
    return { name, record: read() };
  } catch (error) {
    if (error instanceof Skip) return { name, skipped: error.message };
    const reason = error instanceof StoreError || error instanceof Error ? error.message : String(error);
    return { name, rejected: reason };
  }
}

/** Thrown by a reader for a valid record that Gloss does not import (a reply, a page note). */
export class Skip extends Error {}

/** Marks records whose key appears earlier in the file as rejected. */
export function rejectRepeats<T>(items: ImportItem<T>[], key: (r: T) => string): ImportItem<T>[] {
  const seen = new Map<string, string>();
  return items.map((item) => {
    if (!('record' in item)) return item;
    const k = key(item.record);
    const first = seen.get(k);
    if (first !== undefined) return { name: item.name, rejected: `the same record as ${first}` };
    seen.set(k, item.name);
    return item;
  });
}

/** A record's name in messages: its kind, its place in the file and its id when it has a readable one. */
export function itemName(kind: string, index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return `${kind} ${index + 1}${typeof id === 'string' ? ` (${id.slice(0, 100)})` : ''}`;
}

/**
 * An ISO 8601 date-time, as ms since the epoch. Fractions of a second past
 * milliseconds (Hypothesis writes microseconds) are cut first: not every
 * browser's Date.parse reads them.
 */
export const IsoTime = v.pipe(
  v.string('must be an ISO 8601 date-time'),
  v.maxLength(64, 'must be an ISO 8601 date-time'),
  v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d/, 'must be an ISO 8601 date-time'),
  v.transform((s) => Date.parse(s.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d+/, '$1'))),
  v.check((ms) => Number.isFinite(ms), 'must be an ISO 8601 date-time'),
);

/** Maps `items` with `read`, yielding (after every thousand) `before` plus the items done. */
export function* mapInSteps<T, U>(items: T[], before: number, read: (item: T, index: number) => U): Steps<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(read(items[i]!, i));
    if (i % 1000 === 999) yield before + i + 1;
  }
  return out;
}
