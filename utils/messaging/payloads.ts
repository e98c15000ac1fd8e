/**
 * The schema of every request's payload to the background, from the one
 * schema module (`utils/db/schema.ts`): the router checks each message with
 * it before any handler runs, and the protocol's payload types are inferred
 * from it. Records are checked in full here, and again by the store.
 */
import * as v from 'valibot';
import {
  AnnotationInputSchema,
  AnnotationPatchSchema,
  IdSchema,
  LIMITS,
  NewAnnotationSchema,
  PageInputSchema,
} from '../db/schema';
import { MAX_ANALYSED_TEXT } from './protocol';

/** Largest import file sent to the background, in characters (Chrome carries at most 64 MiB in one message). */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024;

/** Largest import file the library page reads and imports itself, in bytes (a JavaScript string holds at most 512 Mi characters). */
export const MAX_LIBRARY_IMPORT_BYTES = 500 * 1024 * 1024;

/** The most page URLs in one `annotations:imported` message (the library page sends more in several). */
export const MAX_IMPORTED_URLS = 10_000;

/** A string of at most `max` characters. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A count or offset of a listing. */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
/** An id of a remembered quotation or identity. */
const SourceId = v.pipe(v.string(), v.minLength(1), v.maxLength(1200));
/** The article beside an analysis request: its URL and a few metadata strings (remembered when the reader chose so). */
const AnalysedArticleSchema = v.strictObject({
  url: text(LIMITS.url),
  metadata: v.strictObject({
    title: v.nullable(text(2000)),
    publisher: v.nullable(text(2000)),
    byline: v.nullable(text(2000)),
    published: v.nullable(text(2000)),
    canonicalUrl: v.nullable(text(LIMITS.url)),
    language: v.nullable(text(2000)),
  }),
});

/** Request name → schema of its payload. */
export const BACKGROUND_PAYLOADS = {
  analyze: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_ANALYSED_TEXT * 4)),
    names: v.optional(v.boolean()),
    article: v.optional(AnalysedArticleSchema),
  }),
  'annotations:list': v.strictObject({ url: v.pipe(v.string(), v.maxLength(LIMITS.url)) }),
  'annotation:save': v.strictObject({ annotation: NewAnnotationSchema }),
  'annotation:update': v.strictObject({ id: IdSchema, patch: AnnotationPatchSchema }),
  'annotation:delete': v.strictObject({ id: IdSchema }),
  'annotation:restore': v.strictObject({ annotation: AnnotationInputSchema }),
  'annotations:import': v.strictObject({
    json: v.pipe(
      v.string('must be the file’s text'),
      v.maxLength(MAX_IMPORT_CHARS, (issue) => tooLarge(String(issue.input).length)),
    ),
  }),
  'annotations:imported': v.strictObject({
    urls: v.pipe(v.array(text(LIMITS.url)), v.maxLength(MAX_IMPORTED_URLS)),
  }),
  'page:visit': v.strictObject({ page: PageInputSchema }),
  'tags:list': v.strictObject({}),
  'sources:settings': v.strictObject({
    remember: v.optional(v.boolean()),
    exclude: v.optional(v.strictObject({ site: text(300), excluded: v.boolean() })),
  }),
  'sources:speakers': v.strictObject({
    offset: v.optional(Count),
    limit: v.optional(Count),
    name: v.optional(text(300)),
  }),
  'sources:entities': v.strictObject({
    type: v.picklist(['PER', 'ORG', 'LOC', 'MISC']),
    offset: v.optional(Count),
    limit: v.optional(Count),
    name: v.optional(text(300)),
  }),
  'sources:identity-articles': v.strictObject({ id: SourceId, offset: v.optional(Count), limit: v.optional(Count) }),
  'sources:speaker-quotes': v.strictObject({ id: SourceId }),
  'sources:search': v.strictObject({
    query: text(1000),
    speakerId: v.optional(SourceId),
    offset: v.optional(Count),
    limit: v.optional(Count),
  }),
  'sources:keep': v.strictObject({ quoteId: SourceId }),
  'sources:prepare': v.strictObject({}),
  'sources:articles': v.strictObject({ offset: v.optional(Count), limit: v.optional(Count) }),
  'sources:reassign': v.strictObject({
    quoteId: SourceId,
    speaker: v.nullable(v.union([v.strictObject({ id: SourceId }), v.strictObject({ name: text(200) })])),
  }),
  'sources:drop': v.strictObject({ quoteId: SourceId }),
  'sources:merge': v.strictObject({ from: SourceId, into: SourceId }),
  'sources:split': v.strictObject({ id: SourceId, name: text(300) }),
  'sources:forget': v.union([
    v.strictObject({ article: text(LIMITS.url) }),
    v.strictObject({ site: text(300) }),
    v.strictObject({ everything: v.literal(true) }),
  ]),
} as const;

/** The message for an import file over the limit (`max`: the popup's, by default). */
export function tooLarge(chars: number, max = MAX_IMPORT_CHARS): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const where = max === MAX_IMPORT_CHARS ? '; the library page imports larger files' : '';
  return `This file is too large to import (${mb(chars)} MB; at most ${mb(max)} MB${where}).`;
}

/** A background request's payload as its sender writes it. */
export type PayloadOf<K extends keyof typeof BACKGROUND_PAYLOADS> = v.InferInput<(typeof BACKGROUND_PAYLOADS)[K]>;
