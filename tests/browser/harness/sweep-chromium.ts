/**
 * The sweep's Chromium driver. Where Gloss's doings are seen:
 * - errors: exceptions and console errors/warnings in the content script's
 *   isolated world (its execution context has the extension's origin) or with
 *   the extension's code on the stack, in the service worker, and in the popup
 *   page the sweep reads Gloss's state through;
 * - requests: those of the extension's service worker and pages (Playwright
 *   reports both), and those of a web page whose initiator (CDP Network) is the
 *   extension's code: a script frame, or a stylesheet, from
 *   `chrome-extension://ID/`. Fetches of its own packaged files
 *   (`chrome-extension://`, e.g. the model) are not network and not counted.
 * Every host but 127.0.0.1 is refused at name resolution, so nothing waits on
 * the network and nothing leaves the machine.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import { CHROME_BUILD, launchChromium } from './chromium';
import { otherTabId, pageStateOf, recordLateMutations } from './page';
import type { GlossTab, PlainTab } from './sweep';

type StackTrace = { callFrames: { url: string }[]; parent?: StackTrace };
type Initiator = { url?: string; stack?: StackTrace };

/** Whether `stack` (or an async parent of it) runs code from `origin`. */
function stackFrom(stack: StackTrace | undefined, origin: string): boolean {
  for (let s = stack; s; s = s.parent) if (s.callFrames.some((f) => f.url.startsWith(origin))) return true;
  return false;
}

const isNetwork = (url: string) => /^(https?|wss?):/.test(url);

/** Chromium with Gloss (or another `extension`), one tab to sweep in. */
export async function openChromium(extension = CHROME_BUILD): Promise<{ tab: GlossTab; close(): Promise<void> }> {
  const session = await launchChromium({ extension, localOnly: true });
  const { context } = session;
  const own = `chrome-extension://${session.extensionId}/`;
  const errors: string[] = [];
  const requests: string[] = [];

  const watchWorker = (worker: Worker) => {
    if (!worker.url().startsWith(own)) return;
    worker.on('console', (m) => {
      if (['error', 'warning'].includes(m.type())) errors.push(`service worker ${m.type()}: ${m.text()}`);
    });
  };
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  context.on('request', (r) => {
    if (!isNetwork(r.url())) return;
    const worker = r.serviceWorker();
    let from = worker?.url() ?? '';
    if (!worker) {
      try {
        from = r.frame().url();
      } catch {
        return;
      }
    }
    if (from.startsWith(own)) requests.push(`${r.method()} ${r.url()} (from ${from})`);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(recordLateMutations);
  const cdp: CDPSession = await context.newCDPSession(page);
  const glossWorlds = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (`${c.origin}/` === own) glossWorlds.add(c.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: e }) => {
    if (glossWorlds.has(e.executionContextId ?? -1) || (e.url ?? '').startsWith(own) || stackFrom(e.stackTrace, own))
      errors.push(`exception: ${e.exception?.description ?? e.text}`.split('\n')[0]);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (!['error', 'warning', 'assert'].includes(e.type)) return;
    if (!glossWorlds.has(e.executionContextId) && !stackFrom(e.stackTrace, own)) return;
    errors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
  });
  const fromGloss = (initiator: Initiator) => (initiator.url ?? '').startsWith(own) || stackFrom(initiator.stack, own);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (isNetwork(e.request.url) && fromGloss(e.initiator as Initiator))
      requests.push(`${e.request.method} ${e.request.url} (from the content script)`);
  });
  cdp.on('Network.webSocketCreated', (e) => {
    if (fromGloss((e.initiator ?? {}) as Initiator)) requests.push(`WebSocket ${e.url} (from the content script)`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Network.enable');

  // Gloss's popup page, to ask the content script for its state as the popup does.
  const probe: Page = await context.newPage();
  probe.on('pageerror', (err) => errors.push(`popup page: ${String(err)}`));
  probe.on('console', (m) => {
    if (['error', 'warning'].includes(m.type())) errors.push(`popup page ${m.type()}: ${m.text()}`);
  });
  await probe.goto(`${own}popup.html`);
  const tabId = await probe.evaluate(otherTabId);

  const tab: GlossTab = {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    },
    state: () => probe.evaluate(pageStateOf, tabId),
    evaluate: (fn) => page.evaluate(fn),
    drain: async () => ({ errors: errors.splice(0), requests: requests.splice(0) }),
  };
  return { tab, close: session.close };
}

/** Chromium without Gloss, refusing other hosts the same way. */
export async function openPlainChromium(): Promise<{ tab: PlainTab; close(): Promise<void> }> {
  const session = await launchChromium({ extension: null, localOnly: true });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.addInitScript(recordLateMutations);
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
