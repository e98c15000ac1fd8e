/**
 * One teardown contract: when Gloss is reloaded (as on an update, or when it is
 * disabled) the copy in an open page lets go of everything it registered. The
 * service worker calls `chrome.runtime.reload()`; Chromium does not run the
 * new copy in pages already open, so what is left in the page is the old copy's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { Overlay } from './harness/overlay';
import { domDifference, readHighlights, selectText } from './harness/page';
import { ROOTS, serve } from './harness/server';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/**
 * The page's execution contexts of Gloss's content script (its isolated worlds), as DevTools lists
 * them. DevTools reports a node's listeners as seen from one context: these are the ones to ask from.
 */
async function glossWorlds(cdp: CDPSession, extensionId: string): Promise<number[]> {
  const ids: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith(`chrome-extension://${extensionId}`)) ids.push(context.id);
  });
  await cdp.send('Runtime.enable');
  return ids;
}

/** Every event listener Gloss's worlds hold on the document, the window, <html> and the body. */
async function listeners(cdp: CDPSession, worlds: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const [contextId, expression] of worlds.flatMap((id) =>
    ['document', 'window', 'document.body', 'document.documentElement'].map((e) => [id, e] as const),
  )) {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId });
    if (exceptionDetails || !result.objectId) continue; // a world that is gone holds nothing
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    out.push(...found.map((l) => `${expression}:${l.type}`));
  }
  return out;
}

const glossNodes = (p: Page) =>
  p.evaluate(() => document.querySelectorAll('html > :not(head):not(body), gloss-overlay').length);

describe('Gloss reloaded under an open page', () => {
  it('leaves no highlight, listener or UI node, and the page DOM as it was served', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/fixtures/seed/index.html`);
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), null, { timeout: 30_000 });
    // Gloss's UI on screen: the toolbar over a keyboard selection.
    expect(await page.evaluate(selectText, 'firmly rejects actions that interfere')).toBe(true);
    await page.keyboard.down('Shift');
    await page.keyboard.up('Shift');
    const overlay = await Overlay.of(page);
    await overlay.waitFor('.toolbar');
    const cdp = await page.context().newCDPSession(page);
    const worlds = await glossWorlds(cdp, session.extensionId);
    expect(worlds.length).toBeGreaterThan(0);
    const before = await listeners(cdp, worlds);
    expect(before).toEqual(expect.arrayContaining(['document:mouseup', 'document:pointermove']));
    expect(await glossNodes(page)).toBe(1);

    const worker = session.context.serviceWorkers()[0];
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
    );

    await page.waitForFunction(
      () => ![...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')) && !document.querySelector('gloss-overlay'),
      null,
      { timeout: 15_000 },
    );
    expect(await page.evaluate(readHighlights)).toEqual({});
    expect(await glossNodes(page)).toBe(0);
    // The old world is still there, orphaned: what it registered would still be found.
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'typeof chrome.runtime.id',
      contextId: worlds[0],
    });
    expect(result.value).toBe('undefined');
    expect(await listeners(cdp, worlds)).toEqual([]);
    expect(await page.evaluate(domDifference)).toBeNull();
    await page.close();
  });
});
