import { browser } from 'wxt/browser';
import type { BackgroundProtocol, Envelope, Reply, RequestOf, ResultOf, TabProtocol } from './protocol';

/** An error the other side reported, with its code ('invalid', 'quota', ...). */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply || typeof reply !== 'object')
    throw new MessageError('no-answer', 'Gloss did not answer. Try reloading the page.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.value;
}

/** Sends a request to the background and returns its value, or throws its error. */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  payload: RequestOf<BackgroundProtocol, K>,
): Promise<ResultOf<BackgroundProtocol, K>> {
  const envelope: Envelope<BackgroundProtocol, K> = { gloss: 1, type, payload } as Envelope<BackgroundProtocol, K>;
  return unwrap((await browser.runtime.sendMessage(envelope)) as Reply<ResultOf<BackgroundProtocol, K>>);
}

/** The name of the port a content script asks the background on (`askFromPage`). */
export const REQUEST_PORT = 'gloss-request';

/**
 * Sends a content script's request to the background over a port of its own,
 * closed once answered. A tab closed while a request waits (an analysis takes
 * a while) then closes the port quietly, where a pending
 * `runtime.sendMessage` makes Firefox report "Promise rejected after context
 * unloaded". A port closed unanswered while the page is still there (the
 * background went away) rejects with 'no-answer', as a missing reply does.
 */
export function askFromPage<K extends keyof BackgroundProtocol>(
  type: K,
  payload: RequestOf<BackgroundProtocol, K>,
): Promise<ResultOf<BackgroundProtocol, K>> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: REQUEST_PORT });
    port.onMessage.addListener((reply) => {
      port.disconnect();
      try {
        resolve(unwrap(reply as Reply<ResultOf<BackgroundProtocol, K>>));
      } catch (err) {
        reject(err);
      }
    });
    // Not called for this side's own disconnect() above: only when the background closes it unanswered.
    port.onDisconnect.addListener(() =>
      reject(new MessageError('no-answer', 'Gloss did not answer. Try reloading the page.')),
    );
    port.postMessage({ gloss: 1, type, payload });
  });
}

/** Sends a request to a tab's content script. */
export async function sendToTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  payload: RequestOf<TabProtocol, K>,
): Promise<ResultOf<TabProtocol, K>> {
  const envelope = { gloss: 1, type, payload };
  return unwrap((await browser.tabs.sendMessage(tabId, envelope)) as Reply<ResultOf<TabProtocol, K>>);
}

/** True when `message` has the shape of a Gloss envelope. */
export function isEnvelope(message: unknown): message is { gloss: 1; type: string; payload: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { gloss?: unknown }).gloss === 1 &&
    typeof (message as { type?: unknown }).type === 'string' &&
    typeof (message as { payload?: unknown }).payload === 'object' &&
    (message as { payload?: unknown }).payload !== null
  );
}

/** Turns a thrown value into a reply the other side can show. */
export function errorReply(err: unknown): Reply<never> {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'unknown';
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code, message } };
}
