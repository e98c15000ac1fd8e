import type { Browser } from 'wxt/browser';
import { errorReply, isEnvelope } from '../messaging/client';
import type { BackgroundProtocol, Reply, RequestOf, ResultOf } from '../messaging/protocol';
import * as v from 'valibot';
import { describeIssue } from '../db/schema';
import { BACKGROUND_PAYLOADS } from '../messaging/payloads';

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
  if (!Object.hasOwn(BACKGROUND_PAYLOADS, type))
    return { ok: false, error: { code: 'invalid', message: `Unknown request "${type}".` } };
  if (caller.kind === 'content' && !FROM_CONTENT.has(type)) {
    return { ok: false, error: { code: 'forbidden', message: `"${type}" is not allowed from a page.` } };
  }
  const payload = message.payload;
  const checked = v.safeParse(BACKGROUND_PAYLOADS[type], payload, { abortEarly: true });
  if (!checked.success) {
    const problem = describeIssue(checked.issues[0], 'payload');
    return { ok: false, error: { code: 'invalid', message: `Malformed "${type}" request: ${problem}` } };
  }
  try {
    const handler = handlers[type] as (p: unknown, c: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(payload, caller) };
  } catch (err) {
    return errorReply(err);
  }
}
