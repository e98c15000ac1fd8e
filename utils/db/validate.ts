/**
 * Validation of everything that reaches the store: payloads from content
 * scripts (web pages may be hostile) and imported files. Each check says which
 * field is wrong, so the message can be shown as is.
 */
import { StoreError } from './errors';
import { HIGHLIGHT_COLORS, type AnnotationPatch, type HighlightColor } from './types';
import type { TextSelectors } from '../anchoring/types';

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
  published: 100,
} as const;

/** A record of unknown shape, read field by field. */
export type Fields = Record<string, unknown>;

/** Throws an 'invalid' StoreError about `field`. */
export function fail(field: string, problem: string): never {
  throw new StoreError('invalid', `${field}: ${problem}`);
}

/** `value` as a plain object, or fails. */
export function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Fields;
}

/** `value` as a string of at most `max` characters (and at least `min`), or fails. */
export function string(value: unknown, field: string, max: number, min = 0): string {
  if (typeof value !== 'string') fail(field, 'must be a string');
  if (value.length > max) fail(field, `must be at most ${max} characters (got ${value.length})`);
  if (value.length < min) fail(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  return value;
}

/** `value` as a non-negative safe integer, or fails. */
export function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(field, 'must be a whole number ≥ 0');
  }
  return value;
}

/** Latest time a JavaScript Date can hold, in ms since the epoch. */
const MAX_TIME = 8.64e15;

/** `value` as a timestamp (ms since the epoch) a Date can represent, or fails. */
export function timestamp(value: unknown, field: string): number {
  const ms = count(value, field);
  if (ms > MAX_TIME) fail(field, 'is not a representable date');
  return ms;
}

/** `value` as an absolute http(s) URL, or fails. Kept as given: normalising is the caller's job. */
export function httpUrl(value: unknown, field: string): string {
  const url = string(value, field, LIMITS.url, 1);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    fail(field, 'must be an absolute URL');
  }
  if (protocol !== 'http:' && protocol !== 'https:') fail(field, 'must be an http(s) URL');
  return url;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` as a UUID, or fails. */
export function uuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) fail(field, 'must be a UUID');
  return value.toLowerCase();
}

/** `value` as a highlight colour, or fails. */
export function color(value: unknown, field: string): HighlightColor {
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(value)) {
    fail(field, `must be one of ${HIGHLIGHT_COLORS.join(', ')}`);
  }
  return value as HighlightColor;
}

/**
 * `value` as tags: each trimmed, inner white space collapsed, a leading '#'
 * dropped, empty ones skipped, duplicates (ignoring case) dropped. Idempotent,
 * so stored tags survive an export and import unchanged.
 */
export function tags(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) fail(field, 'must be a list of strings');
  const seen = new Set<string>();
  const out: string[] = [];
  value.forEach((raw, i) => {
    const tag = string(raw, `${field}[${i}]`, LIMITS.tag * 4)
      .replace(/^\s*#+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (tag.length > LIMITS.tag) fail(`${field}[${i}]`, `must be at most ${LIMITS.tag} characters`);
    if (tag === '' || seen.has(tag.toLowerCase())) return;
    seen.add(tag.toLowerCase());
    out.push(tag);
  });
  if (out.length > LIMITS.tags) fail(field, `at most ${LIMITS.tags} tags (got ${out.length})`);
  return out;
}

/** `value` as the two text selectors, or fails. */
export function selectors(value: unknown, field: string): TextSelectors {
  const s = object(value, field);
  const quote = object(s.quote, `${field}.quote`);
  const position = object(s.position, `${field}.position`);
  if (quote.type !== 'TextQuoteSelector') fail(`${field}.quote.type`, 'must be "TextQuoteSelector"');
  if (position.type !== 'TextPositionSelector') fail(`${field}.position.type`, 'must be "TextPositionSelector"');
  const start = count(position.start, `${field}.position.start`);
  const end = count(position.end, `${field}.position.end`);
  if (end <= start) fail(`${field}.position`, 'end must be after start');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: string(quote.exact, `${field}.quote.exact`, LIMITS.exact, 1),
      prefix: string(quote.prefix ?? '', `${field}.quote.prefix`, LIMITS.context),
      suffix: string(quote.suffix ?? '', `${field}.quote.suffix`, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** `value` as a patch of note, tags and colour (at least one), or fails. */
export function patch(value: unknown): AnnotationPatch {
  const p = object(value, 'patch');
  const out: AnnotationPatch = {};
  if (p.note !== undefined) out.note = string(p.note, 'note', LIMITS.note);
  if (p.tags !== undefined) out.tags = tags(p.tags, 'tags');
  if (p.color !== undefined) out.color = color(p.color, 'color');
  const unknownKeys = Object.keys(p).filter((k) => !['note', 'tags', 'color'].includes(k));
  if (unknownKeys.length > 0) fail('patch', `cannot change ${unknownKeys.join(', ')}`);
  return out;
}
