/**
 * The set-up the Chromium and Firefox twins of a test share: an article served
 * here with Gloss's quotations painted, Gloss's own page beside it (through
 * which a test reads the database and reaches the tab), the messages the
 * background sends a tab, and the made-up library's one highlight on a page
 * served here. Each browser's test keeps its own checks: Chromium's see into
 * the closed shadow root, Firefox's work the card by keyboard.
 */
import type { Page as ChromiumPage, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { makeLibrary } from '../../../scripts/lib/library-seed';
import { normalizeUrl } from '../../../utils/url';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { otherTabId } from './page';

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
 * Opens one of Gloss's pages (`popup.html`, `library.html#sources`) in `page`, through WebDriver BiDi: a plain
 * goto may not reach moz-extension pages (the session needs `systemAccess`).
 */
export async function openGlossPage(session: FirefoxSession, page: FirefoxPage, path: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await bidiOf(session).send('browsingContext.navigate', {
    context,
    url: `${session.extensionOrigin}/${path}`,
    wait: 'complete',
  });
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
