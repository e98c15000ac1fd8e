/**
 * Another extension the reader installed, in Chromium beside Gloss: it knows Gloss's id (public for any extension
 * in a store) and sends Gloss's own requests to its background, by message and on a port named as Gloss's content
 * script names its ports, and to the article's tab. It gets nothing, and nothing changes: the reader's highlight is
 * still stored and painted, and no other is saved. (A web page posting messages to the content script is
 * `hostile-chromium.test.ts`: the attack page.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { readHighlights, selectText, sendToTab, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { chromiumArticle, highlightMessage } from './harness/twins';
import { REQUEST_PORT } from '../../utils/messaging/client';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let intruderDir: string;
let page: Page;
let popup: Page;
let gloss: Worker;
let intruder: Worker;
let tabId: number;

beforeAll(async () => {
  intruderDir = mkdtempSync(join(tmpdir(), 'gloss-intruder-'));
  writeFileSync(
    join(intruderDir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Intruder',
      version: '1.0',
      permissions: ['tabs'],
      background: { service_worker: 'intruder.js' },
    }),
  );
  writeFileSync(join(intruderDir, 'intruder.js'), '// driven by the test\n');
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium({ others: [intruderDir] });
  ({ page, popup, worker: gloss, tabId } = await chromiumArticle(session, `${server.origin}/fixtures/card/index.html`));
  gloss = session.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
  const isIntruder = (w: Worker) => w.url().endsWith('/intruder.js');
  intruder =
    session.context.serviceWorkers().find(isIntruder) ??
    (await session.context.waitForEvent('serviceworker', { predicate: isIntruder, timeout: 20_000 }));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (intruderDir) rmSync(intruderDir, { recursive: true, force: true });
});

/** What the intruder got for each attempt: the reply, or the error it was given. */
type Outcome = { attempt: string; reply?: unknown; error?: string };

/** Run in the intruder's service worker: Gloss's requests, sent every way another extension may send them. */
async function attack([glossId, tabId, port, url, id]: readonly [string, number, string, string, string]): Promise<
  Outcome[]
> {
  type Chrome = {
    runtime: {
      sendMessage(extId: string, m: object): Promise<unknown>;
      connect(
        extId: string,
        info: { name: string },
      ): {
        postMessage(m: object): void;
        onMessage: { addListener(f: (m: unknown) => void): void };
        onDisconnect: { addListener(f: () => void): void };
      };
    };
    tabs: { sendMessage(tabId: number, m: object): Promise<unknown> };
  };
  const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
  const annotation = {
    url,
    target: { source: url, selectors: [{ type: 'TextQuoteSelector', exact: 'Kirkwall', prefix: '', suffix: '' }] },
    color: 'yellow',
    note: 'planted by another extension',
    tags: ['planted'],
  };
  const requests: [string, object][] = [
    ['annotations:list', { url }],
    ['tags:list', {}],
    ['annotation:save', { annotation }],
    ['annotation:update', { id, patch: { note: 'changed by another extension' } }],
    ['annotation:delete', { id }],
    ['annotations:import', { json: '[]' }],
    ['page:visit', { page: url }],
  ];
  // (No arrow kept in a const: a runner that keeps function names wraps those in a helper the worker lacks.)
  const attempts: [string, () => Promise<unknown>][] = [];
  for (const [type, payload] of requests) {
    const message = { gloss: 1, type, payload };
    attempts.push([`message ${type}`, () => chrome.runtime.sendMessage(glossId, message)]);
    attempts.push([
      `port ${type}`,
      () =>
        new Promise((resolve, reject) => {
          const p = chrome.runtime.connect(glossId, { name: port });
          p.onMessage.addListener(resolve);
          p.onDisconnect.addListener(() => reject(new Error('disconnected')));
          p.postMessage(message);
          setTimeout(() => reject(new Error('no reply')), 2000);
        }),
    ]);
  }
  for (const type of ['page:state', 'page:walk'])
    attempts.push([`tab ${type}`, () => chrome.tabs.sendMessage(tabId, { gloss: 1, type, payload: { step: 1 } })]);
  const out: Outcome[] = [];
  for (const [attempt, send] of attempts) {
    try {
      out.push({ attempt, reply: (await send()) ?? null });
    } catch (err) {
      out.push({ attempt, error: String(err) });
    }
  }
  return out;
}

describe('another extension in Chromium', () => {
  it('gets nothing from Gloss’s background or its content script, and changes nothing', async () => {
    // The reader's own highlight, made as the highlight shortcut makes it.
    expect(await page.evaluate(selectText, 'ninety minutes')).toBe(true);
    expect(await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const)).toEqual({
      ok: true,
      value: true,
    });
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-yellow'));
    const before = await popup.evaluate(storedAnnotations);
    expect(before.map((a) => a.exact)).toEqual(['ninety minutes']);
    const painted = await page.evaluate(readHighlights);

    const outcomes = await intruder.evaluate(attack, [
      session.extensionId,
      tabId,
      REQUEST_PORT,
      before[0]!.url,
      before[0]!.id,
    ] as const);
    console.log(`another extension got: ${JSON.stringify(outcomes)}`);
    expect(outcomes).toHaveLength(16);
    // Not one reply: every attempt failed for want of a listener, or its port was closed unanswered.
    for (const o of outcomes) {
      expect(o, o.attempt).not.toHaveProperty('reply');
      expect(o.error, o.attempt).toMatch(/Receiving end does not exist|disconnected|no reply/);
    }

    await page.waitForTimeout(500);
    expect(await popup.evaluate(storedAnnotations)).toEqual(before);
    expect(await page.evaluate(readHighlights)).toEqual(painted);
  });
});
