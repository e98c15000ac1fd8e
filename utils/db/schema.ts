/**
 * The one schema of what Gloss stores and accepts (valibot): the stored record
 * types are inferred from it (`types.ts`), and the router, the store and the
 * import all check their input with it. Each rule carries the message a reader
 * sees, naming the field, e.g. `note: must be at most 10000 characters`.
 *
 * Only Gloss's extension pages and the background import this module; the
 * content script imports its types only, so valibot never reaches web pages.
 */
import * as v from 'valibot';
import { StoreError } from './errors';
import { HIGHLIGHT_COLORS } from './colors';

/** Bounds on what one annotation may hold: a highlight is a passage, not a book. */
export const LIMITS = {
  note: 10_000,
  tags: 32,
  tag: 64,
  exact: 5_000,
  context: 256,
  url: 8_192,
  title: 1_000,
  byline: 500,
  publisher: 500,
  published: 100,
  id: 128,
} as const;

/** Latest time a JavaScript Date can hold, in ms since the epoch. */
const MAX_TIME = 8.64e15;

/** How far ahead of this computer's clock a record's time may be (another device's clock may run fast). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An HTML element or comment (`<b>`, `</div>`, `<img src=x onerror=…>`, `<!--`).
 * Notes are the reader's Markdown and are exported as written, so HTML in one
 * would be live in their vault; "a < b" and "<3" are not tags and pass.
 */
const HTML = /<\/?[a-z][a-z0-9-]*(?:[\s/][^>]*)?>|<!--/i;

/** A string of at most `max` characters. */
function text(max: number) {
  return v.pipe(
    v.string('must be a string'),
    v.maxLength(max, (issue) => `must be at most ${max} characters (got ${String(issue.input).length})`),
  );
}

/** A string of 1 to `max` characters. */
function filled(max: number) {
  return v.pipe(text(max), v.minLength(1, 'must not be empty'));
}

/** A non-negative safe integer. */
const count = v.pipe(
  v.number('must be a whole number ≥ 0'),
  v.safeInteger('must be a whole number ≥ 0'),
  v.minValue(0, 'must be a whole number ≥ 0'),
);

/** Milliseconds since the epoch that a Date can represent. */
const timestamp = v.pipe(count, v.maxValue(MAX_TIME, 'is not a representable date'));

/** Whether `url` parses as an absolute URL. */
function parsesAsUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL, kept as given: normalising is the caller's job. */
export const HttpUrlSchema = v.pipe(
  filled(LIMITS.url),
  v.check(parsesAsUrl, 'must be an absolute URL'),
  v.check((url) => !parsesAsUrl(url) || /^https?:$/.test(new URL(url).protocol), 'must be an http(s) URL'),
);

/** A UUID, lower-cased. */
export const UuidSchema = v.pipe(
  v.string('must be a UUID'),
  v.regex(UUID, 'must be a UUID'),
  v.transform((id) => id.toLowerCase()),
);

/** A highlight colour. */
export const ColorSchema = v.picklist(HIGHLIGHT_COLORS, `must be one of ${HIGHLIGHT_COLORS.join(', ')}`);

/** A reader's note: their Markdown, without HTML. */
export const NoteSchema = v.pipe(
  text(LIMITS.note),
  v.check((note) => !HTML.test(note), 'must not contain HTML tags (write Markdown instead)'),
);

/** One tag: trimmed, inner white space collapsed, leading '#'s dropped (all of them: "# #a" is "a", as is "a" again). */
const TagSchema = v.pipe(
  text(LIMITS.tag * 4),
  v.transform((tag) =>
    tag
      .replace(/^[\s#]+/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  ),
  v.maxLength(LIMITS.tag, `must be at most ${LIMITS.tag} characters`),
);

/**
 * Tags: each normalised, empty ones skipped, duplicates (ignoring case)
 * dropped. Idempotent, so stored tags survive an export and import unchanged.
 */
export const TagsSchema = v.pipe(
  v.array(TagSchema, 'must be a list of strings'),
  v.transform((list) => {
    const seen = new Set<string>();
    return list.filter((tag) => {
      const folded = tag.toLowerCase();
      if (tag === '' || seen.has(folded)) return false;
      seen.add(folded);
      return true;
    });
  }),
  v.maxLength(LIMITS.tags, (issue) => `at most ${LIMITS.tags} tags (got ${(issue.input as unknown[]).length})`),
);

/** The quoted text with some context on each side (W3C TextQuoteSelector). */
export const TextQuoteSelectorSchema = v.strictObject(
  {
    type: v.literal('TextQuoteSelector', 'must be "TextQuoteSelector"'),
    exact: filled(LIMITS.exact),
    prefix: v.optional(text(LIMITS.context), ''),
    suffix: v.optional(text(LIMITS.context), ''),
  },
  unknownField,
);

/** The quoted text's offsets, `end` exclusive (W3C TextPositionSelector). */
export const TextPositionSelectorSchema = v.pipe(
  v.strictObject(
    {
      type: v.literal('TextPositionSelector', 'must be "TextPositionSelector"'),
      start: count,
      end: count,
    },
    unknownField,
  ),
  v.check((p) => p.end > p.start, 'end must be after start'),
);

/** Both selectors Gloss saves for every highlight. */
export const TextSelectorsSchema = v.strictObject(
  {
    quote: TextQuoteSelectorSchema,
    position: TextPositionSelectorSchema,
  },
  unknownField,
);

/** What an annotation points at: a page and where in its text. */
export const AnnotationTargetSchema = v.strictObject(
  { source: HttpUrlSchema, selectors: TextSelectorsSchema },
  unknownField,
);

/** Message of an object schema: a field it does not know, a missing field, or not an object at all. */
function unknownField(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'is not a known field';
  if (issue.input === undefined && issue.path?.length) return 'is missing';
  return 'must be an object';
}

/** The fields a caller gives for a new annotation (save), before the store completes them. */
const newAnnotationEntries = {
  id: v.optional(UuidSchema),
  url: HttpUrlSchema,
  target: AnnotationTargetSchema,
  color: v.optional(ColorSchema, 'yellow'),
  note: v.optional(NoteSchema, ''),
  tags: v.optional(TagsSchema, []),
};

/** A new highlight as a caller gives it; `id` only to restore or import a known one. */
export const NewAnnotationSchema = v.strictObject(newAnnotationEntries, unknownField);

/**
 * The stored annotation, as restored or imported; `exact` is derived, and accepted only to be recomputed;
 * `words` (stored before schema 4) is accepted and dropped.
 */
export const AnnotationInputSchema = v.pipe(
  v.strictObject(
    {
      ...newAnnotationEntries,
      id: UuidSchema,
      createdAt: timestamp,
      updatedAt: timestamp,
      exact: v.optional(v.string()),
      words: v.optional(v.array(v.string())),
    },
    unknownField,
  ),
  v.forward(
    v.check((a) => a.updatedAt >= a.createdAt, 'must not be before createdAt'),
    ['updatedAt'],
  ),
  v.forward(
    v.check((a) => !inFuture(a.updatedAt), futureMessage),
    ['updatedAt'],
  ),
);

/** Whether a time is later than this computer's clock allows for. */
function inFuture(ms: number): boolean {
  return ms > Date.now() + CLOCK_SKEW_MS;
}

function futureMessage(issue: v.BaseIssue<unknown>): string {
  const ms = issue.input as { updatedAt?: unknown; lastVisited?: unknown };
  const time = Number(ms.updatedAt ?? ms.lastVisited);
  return `is in the future (${new Date(time).toISOString()})`;
}

/** The fields of an annotation a reader can change; any other field is refused. */
export const AnnotationPatchSchema = v.strictObject(
  { note: v.optional(NoteSchema), tags: v.optional(TagsSchema), color: v.optional(ColorSchema) },
  (issue) => (issue.expected === 'never' ? 'cannot be changed' : 'must be an object'),
);

/** Page metadata cut to `max` characters: a page's long title must not stop a save. */
function clipped(max: number) {
  return v.pipe(
    v.string('must be a string'),
    v.transform((s) => s.slice(0, max)),
  );
}

/** A page as a caller gives it; `site` is always derived from `url`, never taken from input. */
export const PageInputSchema = v.pipe(
  v.object(
    {
      url: HttpUrlSchema,
      title: v.optional(clipped(LIMITS.title), ''),
      byline: v.optional(v.nullable(clipped(LIMITS.byline)), null),
      /** The publication's name, as the page gives it (pages saved before Gloss kept it have none). */
      publisher: v.optional(v.nullable(clipped(LIMITS.publisher)), null),
      published: v.optional(v.nullable(clipped(LIMITS.published)), null),
      lastVisited: timestamp,
    },
    unknownField,
  ),
  v.forward(
    v.check((p) => !inFuture(p.lastVisited), futureMessage),
    ['lastVisited'],
  ),
);

/** A search query. */
export const QuerySchema = text(1000);

/** An id as a caller gives it, before the lookup. */
export const IdSchema = filled(LIMITS.id);

/** A page URL as a caller gives it to list its highlights. */
export const UrlQuerySchema = text(LIMITS.url);

/** The issue's path as a reader reads it: `target.selectors.quote.exact`, `tags[0]`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return path;
}

/** The first problem of a failed check, as `field: problem`; `what` names the whole value. */
export function describeIssue(issue: v.BaseIssue<unknown>, what: string): string {
  return `${issuePath(issue) || what}: ${issue.message}`;
}

/**
 * `input` checked against `schema`, or a StoreError ('invalid') naming the
 * first wrong field. `what` names the whole value in messages ("annotation").
 */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  throw new StoreError('invalid', describeIssue(result.issues[0], what));
}
