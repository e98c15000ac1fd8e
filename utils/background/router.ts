import type { Browser } from 'wxt/browser';
import { errorReply, isEnvelope } from '../messaging/client';
import type { BackgroundProtocol, Reply, RequestOf, ResultOf } from '../messaging/protocol';
import { LIMITS } from '../db/validate';
import { MAX_TEXT } from './analysis-service';

/** Who sent a message: a content script in a web page, or one of Gloss's own pages. */
export type Caller = { kind: 'content'; origin: string } | { kind: 'extension' };

/** One handler per request; each receives a payload whose shape was already checked. */
export type Handlers = {
  [K in keyof BackgroundProtocol]: (
    payload: RequestOf<BackgroundProtocol, K>,
    caller: Caller,
  ) => Promise<ResultOf<BackgroundProtocol, K>>;
};

/**
 * Requests a content script may make; the rest (import) are for Gloss's own
 * pages. Edits, deletions and restores reach only highlights of the sender's
 * own origin: the handlers check each against the origin the browser reports.
 */
const FROM_CONTENT = new Set<keyof BackgroundProtocol>([
  'analyze',
  'annotations:list',
  'annotation:save',
  'annotation:update',
  'annotation:delete',
  'annotation:restore',
  'page:visit',
  'tags:list',
]);

/** An error with a code the caller can act on. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000;
const isId = (v: unknown) => isString(v, 1200) && v !== '';
const onlyKeys = (p: Record<string, unknown>, ...keys: string[]) => Object.keys(p).every((k) => keys.includes(k));
const isNullableString = (v: unknown, max: number) => v === null || isString(v, max);

/** The article beside an analysis request: a URL and a few metadata strings. */
function isAnalysedArticle(v: unknown): boolean {
  if (!isObject(v) || !isString(v.url, LIMITS.url) || !isObject(v.metadata)) return false;
  const m = v.metadata;
  return (
    ['title', 'publisher', 'byline', 'published', 'canonicalUrl', 'language'].every((k) =>
      isNullableString(m[k], k === 'canonicalUrl' ? LIMITS.url : 2000),
    ) && onlyKeys(m, 'title', 'publisher', 'byline', 'published', 'canonicalUrl', 'language')
  );
}

/** A speaker to reassign a quotation to: an identity, a new name, or null. */
const isSpeakerChoice = (v: unknown) =>
  v === null ||
  (isObject(v) && onlyKeys(v, 'id', 'name') && Object.keys(v).length === 1 && (isId(v.id) || isString(v.name, 200)));

/** Checks the outer shape of each payload; the store checks records field by field. */
const SHAPES: { [K in keyof BackgroundProtocol]: (p: Record<string, unknown>) => boolean } = {
  analyze: (p) =>
    isString(p.text, MAX_TEXT * 4) &&
    (p.names === undefined || typeof p.names === 'boolean') &&
    optional(p.article, isAnalysedArticle),
  'annotations:list': (p) => isString(p.url, LIMITS.url),
  'annotation:save': (p) => isObject(p.annotation),
  'annotation:update': (p) => isString(p.id, 128) && isObject(p.patch),
  'annotation:delete': (p) => isString(p.id, 128),
  'annotation:restore': (p) => isObject(p.annotation),
  'annotations:import': (p) => isString(p.json, 200_000_000),
  'page:visit': (p) => isObject(p.page),
  'tags:list': (p) => Object.keys(p).length === 0,
  'sources:settings': (p) =>
    onlyKeys(p, 'remember', 'exclude') &&
    optional(p.remember, (v) => typeof v === 'boolean') &&
    optional(p.exclude, (v) => isObject(v) && isString(v.site, 300) && typeof v.excluded === 'boolean'),
  'sources:speakers': (p) =>
    onlyKeys(p, 'offset', 'limit') && optional(p.offset, isCount) && optional(p.limit, isCount),
  'sources:entities': (p) =>
    ['PER', 'ORG', 'LOC', 'MISC'].includes(p.type as string) &&
    optional(p.offset, isCount) &&
    optional(p.limit, isCount),
  'sources:speaker-quotes': (p) => isId(p.id),
  'sources:search': (p) => isString(p.query, 1000) && optional(p.speakerId, isId) && optional(p.limit, isCount),
  'sources:articles': (p) =>
    onlyKeys(p, 'offset', 'limit') && optional(p.offset, isCount) && optional(p.limit, isCount),
  'sources:reassign': (p) => isId(p.quoteId) && isSpeakerChoice(p.speaker),
  'sources:drop': (p) => isId(p.quoteId),
  'sources:merge': (p) => isId(p.from) && isId(p.into),
  'sources:split': (p) => isId(p.id) && isString(p.name, 300),
  'sources:forget': (p) =>
    Object.keys(p).length === 1 && (isString(p.article, LIMITS.url) || isString(p.site, 300) || p.everything === true),
};

/**
 * Decides who sent a message. Only Gloss's own content scripts (in a tab, on
 * an http(s) page) and Gloss's own pages are callers; anything else is refused.
 */
export function identifyCaller(sender: Browser.runtime.MessageSender, ownId: string, ownOrigin: string): Caller | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(ownOrigin)) return { kind: 'extension' };
  const origin = sender.tab ? originOf(url) : null;
  // Chromium also reports the frame's origin: the two must agree.
  if (!origin || (sender.origin !== undefined && sender.origin !== origin)) return null;
  return { kind: 'content', origin };
}

/** The origin of an http(s) URL, or null. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Answers one message: checks the sender and the payload's shape, then runs
 * the handler. Never throws: every failure becomes an error reply.
 */
export async function route(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  handlers: Handlers,
  own: { id: string; origin: string },
): Promise<Reply<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
  const caller = identifyCaller(sender, own.id, own.origin);
  if (!caller) return { ok: false, error: { code: 'forbidden', message: 'Unknown sender.' } };
  const type = message.type as keyof BackgroundProtocol;
  if (!Object.hasOwn(SHAPES, type))
    return { ok: false, error: { code: 'invalid', message: `Unknown request "${type}".` } };
  if (caller.kind === 'content' && !FROM_CONTENT.has(type)) {
    return { ok: false, error: { code: 'forbidden', message: `"${type}" is not allowed from a page.` } };
  }
  const payload = message.payload;
  if (!isObject(payload) || !SHAPES[type](payload))
    return { ok: false, error: { code: 'invalid', message: `Malformed "${type}" request.` } };
  try {
    const handler = handlers[type] as (p: unknown, c: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(payload, caller) };
  } catch (err) {
    return errorReply(err);
  }
}
