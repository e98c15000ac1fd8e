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

/** Largest import file, in characters (Chrome carries at most 64 MiB in one message). */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024;

/** Request name → schema of its payload. */
export const BACKGROUND_PAYLOADS = {
  analyze: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_ANALYSED_TEXT * 4)),
    names: v.optional(v.boolean()),
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
  'page:visit': v.strictObject({ page: PageInputSchema }),
  'tags:list': v.strictObject({}),
} as const;

/** The message for an import file over the limit. */
export function tooLarge(chars: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `This file is too large to import (${mb(chars)} MB; at most ${mb(MAX_IMPORT_CHARS)} MB).`;
}

/** A background request's payload as its sender writes it. */
export type PayloadOf<K extends keyof typeof BACKGROUND_PAYLOADS> = v.InferInput<(typeof BACKGROUND_PAYLOADS)[K]>;
