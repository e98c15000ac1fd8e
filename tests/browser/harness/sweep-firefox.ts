/**
 * The sweep's Firefox driver. WebDriver BiDi does not report the requests of
 * an extension's background page or content script at all, so the sweep
 * watches from the browser's own (chrome) scope, which sees every process
 * (the session needs `--remote-allow-system-access`):
 * - requests: every HTTP channel the browser opens (`http-on-opening-request`;
 *   WebSockets open one too). A channel is Gloss's when the principal that
 *   triggered or loads it is Gloss's: its `moz-extension://UUID` origin (the
 *   background and popup pages) or an expanded principal that includes it (the
 *   content script). Channels to any host but 127.0.0.1 are cancelled there, so
 *   nothing waits on the network and nothing leaves the machine.
 * - errors: script errors the console service gets from every process whose
 *   source is Gloss's code, and console errors/warnings (BiDi `log.entryAdded`)
 *   with Gloss's code on the stack or from Gloss's popup page.
 */
import type { Page } from 'puppeteer-core';
import { FIREFOX_BUILD, launchFirefox, type FirefoxSession } from './firefox';
import { otherTabId, pageStateOf, recordLateMutations } from './page';
import type { GlossTab, PlainTab } from './sweep';

/** The raw BiDi connection puppeteer keeps (`Browser.connection`). */
type Bidi = {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, f: (params: Record<string, unknown>) => void): void;
};

/** Run in the chrome scope: installs the observers; `origin` is Gloss's (empty for a browser without it). */
const observers = (origin: string) => `(() => {
  const origin = ${JSON.stringify(origin)};
  if (globalThis.__glossSweep) return 'again';
  const state = (globalThis.__glossSweep = {
    errors: [],
    requests: [],
    take() {
      return JSON.stringify({ errors: this.errors.splice(0), requests: this.requests.splice(0) });
    },
  });
  // Gloss's own principal, or an expanded one that includes it: "[Expanded Principal [http://page, moz-extension://UUID]]".
  const expanded = '[Expanded Principal [';
  const ours = (p) => {
    if (!p || !origin) return false;
    const o = p.origin;
    return (o.startsWith(expanded) ? o.slice(expanded.length, -2).split(', ') : [o]).includes(origin);
  };
  Services.obs.addObserver({
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = channel.loadInfo;
      if (ours(info.triggeringPrincipal) || ours(info.loadingPrincipal))
        state.requests.push(channel.requestMethod + ' ' + channel.URI.spec);
      if (channel.URI.host !== '127.0.0.1') channel.cancel(Cr.NS_ERROR_ABORT);
    },
  }, 'http-on-opening-request');
  if (origin) Services.console.registerListener({
    observe(message) {
      let error;
      try { error = message.QueryInterface(Ci.nsIScriptError); } catch { return; }
      if (!(error.sourceName || '').startsWith(origin + '/') || error.flags & Ci.nsIScriptError.infoFlag) return;
      state.errors.push(error.errorMessage + ' (' + error.sourceName.slice(origin.length) + ':' + error.lineNumber + ')');
    },
  });
  return 'ok';
})()`;

/** Installs the observers in the browser's chrome scope and returns a reader of what they saw. */
export async function observe(
  session: FirefoxSession,
): Promise<() => Promise<{ errors: string[]; requests: string[] }>> {
  const bidi = (session.browser as unknown as { connection: Bidi }).connection;
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = (tree.result.contexts as { context: string }[])[0].context;
  const run = async (expression: string) => {
    const { result } = await bidi.send('script.evaluate', {
      expression,
      target: { context: chrome },
      awaitPromise: false,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`chrome scope: ${JSON.stringify(result).slice(0, 300)}`);
    return (result.result as { value: string }).value;
  };
  await run(observers(session.extensionOrigin));
  return async () => JSON.parse(await run('globalThis.__glossSweep.take()'));
}

const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/** Firefox with Gloss (or another `extension`), one tab to sweep in. */
export async function openFirefox(extension = FIREFOX_BUILD): Promise<{ tab: GlossTab; close(): Promise<void> }> {
  const session = await launchFirefox({ extension, systemAccess: true });
  const own = session.extensionOrigin;
  const take = await observe(session);
  const bidi = (session.browser as unknown as { connection: Bidi }).connection;

  const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await page.evaluateOnNewDocument(recordLateMutations);
  // A page's alert() would hold its parsing (and the sweep) until answered; Playwright does this for Chromium.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  const probe = await session.browser.newPage();
  const probeContext = contextOf(probe);
  const consoleErrors: string[] = [];
  bidi.on('log.entryAdded', (e) => {
    const entry = e as {
      type: string;
      level: string;
      text: string;
      source: { context?: string };
      stackTrace?: { callFrames: { url: string }[] };
    };
    if (entry.type !== 'console' || !['error', 'warn'].includes(entry.level)) return;
    const fromGloss =
      entry.source.context === probeContext || entry.stackTrace?.callFrames.some((f) => f.url.startsWith(`${own}/`));
    if (fromGloss) consoleErrors.push(`console.${entry.level}: ${entry.text}`);
  });
  // Gloss's popup page, to ask the content script for its state as the popup does.
  await bidi.send('browsingContext.navigate', { context: probeContext, url: `${own}/popup.html`, wait: 'complete' });
  const tabId = await probe.evaluate(otherTabId);

  const tab: GlossTab = {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    },
    state: () => probe.evaluate(pageStateOf, tabId),
    evaluate: (fn) => page.evaluate(fn),
    drain: async () => {
      const seen = await take();
      return { errors: [...consoleErrors.splice(0), ...seen.errors], requests: seen.requests };
    },
  };
  return { tab, close: session.close };
}

/** Firefox without Gloss, refusing other hosts the same way. */
export async function openPlainFirefox(): Promise<{ tab: PlainTab; close(): Promise<void> }> {
  const session = await launchFirefox({ extension: null, systemAccess: true });
  await observe(session);
  const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await page.evaluateOnNewDocument(recordLateMutations);
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  return {
    tab: {
      goto: async (url) => {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
      },
      evaluate: (fn) => page.evaluate(fn),
    },
    close: session.close,
  };
}
