/**
 * The set-up the Chromium and Firefox twins of a test share: an article served
 * here with Gloss's quotations painted, Gloss's own page beside it (through
 * which a test reads the database and reaches the tab), the messages the
 * background sends a tab, and the made-up library's one highlight on a page
 * served here. Each browser's test keeps its own checks: Chromium's see into
 * the closed shadow root, Firefox's work the card by keyboard.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as ChromiumPage, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { makeLibrary } from '../../../scripts/lib/library-seed';
import { normalizeUrl } from '../../../utils/url';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { otherTabId, readHighlights, selectText, sendToTab, storedAnnotations } from './page';
import { ROOTS } from './server';

/** Run in the page: whether Gloss has painted its quotations. */
export const quotesPainted = () => CSS.highlights.has('gloss-quote');

/** How long a test waits for an article to be painted. */
const PAINT_TIMEOUT = 30_000;

/** The message the background sends a tab on the `next-quotation` (1) and `previous-quotation` (-1) commands. */
export const walkMessage = (step: 1 | -1) => ({ gloss: 1, type: 'page:walk', payload: { step } });

/** What the background sends a tab on the highlight shortcut and menu items (`note`: with the note open). */
export const highlightMessage = (note: boolean) => ({ gloss: 1, type: 'page:highlight', payload: { note } });

/** The WebDriver BiDi connection puppeteer keeps, for what puppeteer does not offer. */
export const bidiOf = (session: FirefoxSession) =>
  (session.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;

/**
 * Opens one of Gloss's pages (`popup.html`, `library.html#sources`), or of the extension at `origin`, in `page`,
 * through WebDriver BiDi: a plain goto may not reach moz-extension pages (the session needs `systemAccess`).
 */
export async function openGlossPage(
  session: FirefoxSession,
  page: FirefoxPage,
  path: string,
  origin = session.extensionOrigin,
): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await bidiOf(session).send('browsingContext.navigate', { context, url: `${origin}/${path}`, wait: 'complete' });
}

/**
 * Firefox: the article at `url` in the first tab, painted; Gloss's popup page in a second tab (`gloss`), and the
 * article's tab id as the popup knows it; the article's tab brought to the front (a hidden tab runs no animation
 * frame, and its timers are slowed to one a second).
 */
export async function firefoxArticle(
  session: FirefoxSession,
  url: string,
): Promise<{ page: FirefoxPage; gloss: FirefoxPage; tabId: number }> {
  const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await page.goto(url);
  await page.waitForFunction(quotesPainted, { timeout: PAINT_TIMEOUT });
  const gloss = await session.browser.newPage();
  await openGlossPage(session, gloss, 'popup.html');
  const tabId = await gloss.evaluate(otherTabId);
  await page.bringToFront();
  return { page, gloss, tabId };
}

/**
 * Chromium: the article at `url` in the first tab, painted; Gloss's popup about that tab in a second (`popup`),
 * the tab's id, and the service worker (which sends the tab what the browser's commands ask); the article's tab
 * brought to the front.
 */
export async function chromiumArticle(
  session: ChromiumSession,
  url: string,
): Promise<{ page: ChromiumPage; popup: ChromiumPage; worker: Worker; tabId: number }> {
  const worker = session.context.serviceWorkers()[0]!;
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(url);
  await page.waitForFunction(quotesPainted, undefined, { timeout: PAINT_TIMEOUT });
  const popup = await session.context.newPage();
  const base = `chrome-extension://${session.extensionId}`;
  await popup.goto(`${base}/popup.html`);
  const tabId = await popup.evaluate(otherTabId);
  await popup.goto(`${base}/popup.html?tab=${tabId}`);
  await page.bringToFront();
  return { page, popup, worker, tabId };
}

/**
 * Adds to a made-up library (`makeLibrary`) one highlight, "raised foundations", on the notes fixture as served
 * from `origin`, with its page record, to follow its link to the passage; returns that page's key.
 */
export function addServedHighlight(records: ReturnType<typeof makeLibrary>, origin: string): string {
  const article = normalizeUrl(`${origin}/fixtures/notes/index.html`);
  const own = makeLibrary(1, 1, { seed: 4, origin });
  const a = own.annotations[0];
  Object.assign(a, {
    id: '20000000-0000-4000-8000-000000000001',
    url: article,
    exact: 'raised foundations',
    createdAt: Date.UTC(2023, 5, 1),
    updatedAt: Date.UTC(2023, 5, 1),
  });
  a.target = {
    source: article,
    selectors: {
      ...a.target.selectors,
      quote: { type: 'TextQuoteSelector', exact: 'raised foundations', prefix: '', suffix: '' },
    },
  };
  records.annotations.push(a);
  records.pages.push({
    ...own.pages[0],
    url: article,
    title: 'Harbour clinic reopens after the floods',
  });
  return article;
}

/** A tab of either browser, as the tests both browsers run alike (`live.ts`) drive it. */
export type TwinTab = {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page with one serialisable argument. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn(arg)` is true in the page (30 s at most). */
  waitFor<A>(fn: (arg: A) => boolean, arg: A): Promise<void>;
  url(): string;
  close(): Promise<void>;
};

/** A new tab of a Chromium session. */
export async function chromiumTab(session: ChromiumSession): Promise<TwinTab> {
  const page = await session.context.newPage();
  // Playwright's types unbox the argument; the functions here take plain data.
  type Plain = (arg: unknown) => unknown;
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as Plain, arg) as never,
    waitFor: async (fn, arg) => void (await page.waitForFunction(fn as Plain, arg, { timeout: PAINT_TIMEOUT })),
    url: () => page.url(),
    close: () => page.close(),
  };
}

/** A new tab of a Firefox session. */
export async function firefoxTab(session: FirefoxSession): Promise<TwinTab> {
  const page = await session.browser.newPage();
  // Puppeteer's types flatten the argument's handles; the functions here take plain data.
  type Plain = (arg: unknown) => unknown;
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as Plain, arg) as never,
    waitFor: async (fn, arg) => void (await page.waitForFunction(fn as Plain, { timeout: PAINT_TIMEOUT }, arg)),
    url: () => page.url(),
    close: () => page.close(),
  };
}

/**
 * Another extension the reader installed, written to a new folder (remove it after): in Chromium a service worker
 * the test drives, in Firefox an extension page (`attack.html`) the test opens and drives; `attack` runs in either.
 */
export function writeIntruder(browser: 'chromium' | 'firefox'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-intruder-'));
  const manifest =
    browser === 'chromium'
      ? { manifest_version: 3, background: { service_worker: 'intruder.js' } }
      : {
          manifest_version: 2,
          background: { scripts: ['intruder.js'] },
          browser_specific_settings: { gecko: { id: 'intruder@gloss.test' } },
        };
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ ...manifest, name: 'Intruder', version: '1.0', permissions: ['tabs'] }),
  );
  writeFileSync(join(dir, 'intruder.js'), '// driven by the test\n');
  writeFileSync(join(dir, 'attack.html'), '<!doctype html><meta charset="utf-8"><title>Intruder</title>\n');
  return dir;
}

/** What the intruder got for each attempt: the reply, or the error it was given. */
export type Outcome = { attempt: string; reply?: unknown; error?: string };

/**
 * Run in the intruder (its service worker, or its page): Gloss's requests, sent every way another extension may
 * send them: to Gloss's background by message and on a port named as Gloss's content script names its ports, and
 * to the article's tab. `glossId`: Gloss's extension id (public for any extension in a store).
 */
export async function attack([glossId, tabId, port, url, id]: readonly [
  string,
  number,
  string,
  string,
  string,
]): Promise<Outcome[]> {
  type Api = {
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
  // Firefox's `chrome` takes callbacks; its `browser` returns promises, as Chromium's `chrome` does.
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
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
    attempts.push([`message ${type}`, () => api.runtime.sendMessage(glossId, message)]);
    attempts.push([
      `port ${type}`,
      () =>
        new Promise((resolve, reject) => {
          const p = api.runtime.connect(glossId, { name: port });
          p.onMessage.addListener(resolve);
          p.onDisconnect.addListener(() => reject(new Error('disconnected')));
          p.postMessage(message);
          setTimeout(() => reject(new Error('no reply')), 2000);
        }),
    ]);
  }
  for (const type of ['page:state', 'page:walk'])
    attempts.push([`tab ${type}`, () => api.tabs.sendMessage(tabId, { gloss: 1, type, payload: { step: 1 } })]);
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

/** Runs a function with one serialisable argument in a page, a worker or an extension page of either browser. */
export type Run = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/** `Run` in a Playwright page or worker, or a Puppeteer page (their types unbox or flatten the argument). */
export const runIn =
  (target: { evaluate(fn: never, arg: never): Promise<unknown> }): Run =>
  (fn, arg) =>
    target.evaluate(fn as never, arg as never) as never;

/** Waits until `fn()` is true where `run` runs it (15 s at most). */
async function until(run: Run, fn: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 15_000; !(await run(fn, undefined));) {
    if (Date.now() > deadline) throw new Error(`not true after 15 s: ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The intruder check of both browsers: the reader's highlight is made as the highlight shortcut makes it (sent to
 * the article's tab `tabId` from Gloss's `gloss` page or worker); the intruder then sends Gloss's requests
 * (`attack`, Gloss's id `glossId`): not one is answered (every attempt fails for want of a listener, or its port is
 * closed unanswered, in the same words in Chromium and Firefox), and the highlight is still stored and painted,
 * with no other saved.
 */
export async function intruderGetsNothing(the: {
  page: Run;
  gloss: Run;
  /** One of Gloss's pages, where its database is read. */
  database: Run;
  intruder: Run;
  glossId: string;
  tabId: number;
  port: string;
}): Promise<void> {
  expect(await the.page(selectText, 'ninety minutes')).toBe(true);
  expect(await the.gloss(sendToTab, [the.tabId, highlightMessage(false)] as const)).toEqual({ ok: true, value: true });
  await until(the.page, () => CSS.highlights.has('gloss-user-yellow'));
  const stored = () => the.database(storedAnnotations, undefined);
  const before = await stored();
  expect(before.map((a) => a.exact)).toEqual(['ninety minutes']);
  const painted = await the.page(readHighlights, undefined);

  const { url, id } = before[0]!;
  const outcomes = await the.intruder(attack, [the.glossId, the.tabId, the.port, url, id] as const);
  console.log(`another extension got: ${JSON.stringify(outcomes)}`);
  expect(outcomes).toHaveLength(16);
  const answered = outcomes.filter(
    (o) => 'reply' in o || !/Receiving end does not exist|disconnected|no reply/.test(o.error ?? ''),
  );
  expect(answered).toEqual([]);

  await new Promise((r) => setTimeout(r, 500));
  expect(await stored()).toEqual(before);
  expect(await the.page(readHighlights, undefined)).toEqual(painted);
}

/**
 * The card fixture with its background taken away (the canvas shows), declaring `color-scheme: light dark` or no
 * scheme: on a dark system, Gloss goes dark on the first and stays light on the second.
 */
export function schemePage(declared: boolean): string {
  const html = readFileSync(join(ROOTS.fixtures, 'card/index.html'), 'utf8').replace('background: #fff;', '');
  return declared ? html.replace('<head>', '<head><meta name="color-scheme" content="light dark" />') : html;
}

/** Run in the page: the names of Gloss's quotation layers (`gloss-quote`, or `gloss-quote-dark` on a dark page). */
export const quoteLayers = () => [...CSS.highlights.keys()].filter((n) => n.startsWith('gloss-quote'));
