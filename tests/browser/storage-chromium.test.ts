/**
 * What the reader's notes survive, in Chromium with the built extension: the
 * service worker stopped in the middle of a burst of saves, a full disk, and
 * the extension pages' Content-Security-Policy.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { Overlay } from './harness/overlay';
import { readHighlights, selectText, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let article: Page;
let gloss: Page;
let cdp: CDPSession;
let url: string;

/**
 * Run in a Gloss page: starts sending `count` saves, one every 2 ms, without
 * waiting for answers; progress in `window.__burst` (sent, acknowledged ids, failures).
 */
function startBurst([count, url]: [number, string]): void {
  type Reply = { ok: boolean; value?: { id: string } } | undefined;
  type Runtime = { sendMessage(m: object): Promise<Reply> };
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  const state = { sent: 0, acked: [] as string[], failed: 0, settled: 0 };
  (window as unknown as { __burst: typeof state }).__burst = state;
  const send = (i: number) => {
    const exact = `Burst note number ${i}`;
    const annotation = {
      url,
      target: {
        source: url,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: i * 100, end: i * 100 + exact.length },
        },
      },
      note: `saved in a burst (${i})`,
    };
    state.sent++;
    runtime
      .sendMessage({ gloss: 1, type: 'annotation:save', payload: { annotation } })
      .then(
        (reply) => (reply?.ok ? state.acked.push(reply.value!.id) : state.failed++),
        () => state.failed++,
      )
      .finally(() => state.settled++);
    if (i + 1 < count) setTimeout(() => send(i + 1), 2);
  };
  send(0);
}

type Burst = { sent: number; acked: string[]; failed: number; settled: number };
const burstState = () => (window as unknown as { __burst: Burst }).__burst;

async function waitForLayer(p: Page, layer: string): Promise<string[]> {
  await p.waitForFunction((name) => CSS.highlights.has(name), layer, { timeout: 30_000 });
  return (await p.evaluate(readHighlights))[layer] ?? [];
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  article = session.context.pages()[0] ?? (await session.context.newPage());
  url = `${server.origin}/fixtures/seed/index.html`;
  await article.goto(url);
  await waitForLayer(article, 'gloss-quote');
  gloss = await session.context.newPage();
  await gloss.goto(`chrome-extension://${session.extensionId}/popup.html`);
  cdp = await session.context.newCDPSession(gloss);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the reader’s notes in Chromium', () => {
  it('keeps every acknowledged save when the service worker is stopped in the middle of a burst', async () => {
    const total = 150;
    await gloss.evaluate(startBurst, [total, url] as [number, string]);
    await gloss.waitForFunction(() => (window as unknown as { __burst: Burst }).__burst.acked.length >= 10);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const atStop = await gloss.evaluate(burstState);
    await gloss.waitForFunction((n) => (window as unknown as { __burst: Burst }).__burst.settled === n, total, {
      timeout: 60_000,
    });
    const { acked: acknowledged, failed } = await gloss.evaluate(burstState);
    expect(atStop.sent).toBeGreaterThan(atStop.settled); // stopped with saves in flight
    const stored = await gloss.evaluate(storedAnnotations);
    const ids = new Set(stored.map((a) => a.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // Nothing half written: every record is whole, with what the store derives.
    for (const a of stored) {
      expect(a.exact).toMatch(/^Burst note number \d+$/);
      expect(a).not.toHaveProperty('words'); // search words are derived in memory (schema 4)
      expect(a.target.selectors).toHaveProperty('position');
    }
    console.log(
      `burst: worker stopped after ${atStop.sent} sent, ${atStop.acked.length} acknowledged; ` +
        `in the end ${acknowledged.length} of ${total} acknowledged, ${failed} failed, ${stored.length} stored`,
    );

    // The worker starts again on the next message: the page's later saves still work.
    expect(await article.evaluate(selectText, 'essential to remember the original mission')).toBe(true);
    await article.keyboard.press('Shift');
    const toolbar = await Overlay.of(article);
    await toolbar.click('.toolbar button[data-action="save"]');
    await toolbar.waitFor('.toolbar', true);
    expect(await waitForLayer(article, 'gloss-user-yellow')).toEqual(['essential to remember the original mission']);
  });

  it('keeps Gloss’s own pages from loading or reaching anything outside the extension', async () => {
    const result = await gloss.evaluate(async (target) => {
      try {
        await fetch(target);
        return 'fetched';
      } catch (err) {
        return String(err);
      }
    }, `${server.origin}/fixtures/seed/index.html`);
    expect(result).toMatch(/Failed to fetch/);
    const inline = await gloss.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      s.remove();
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inline).toBe(false);
  });
});

/**
 * The full disk, for real: the origin's quota set small and filled. Gloss asks
 * for unlimitedStorage, under which there is no quota to fill, so this test
 * builds the extension without it (GLOSS_TEST_QUOTA=1, into .output/quota-test).
 */
describe('the reader’s notes on a full disk', () => {
  let full: ChromiumSession;
  let fullArticle: Page;
  let fullGloss: Page;
  let fullCdp: CDPSession;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, GLOSS_TEST_QUOTA: '1' }, stdio: 'ignore' });
    full = await launchChromium({ extension: resolve('.output/quota-test/chrome-mv3') });
    fullArticle = full.context.pages()[0] ?? (await full.context.newPage());
    await fullArticle.goto(url);
    await waitForLayer(fullArticle, 'gloss-quote');
    fullGloss = await full.context.newPage();
    await fullGloss.goto(`chrome-extension://${full.extensionId}/popup.html`);
    fullCdp = await full.context.newCDPSession(fullGloss);
  });

  afterAll(async () => {
    await full?.close();
  });

  it('says the disk is full, keeps every note, and saves again once there is room', async () => {
    // A small quota, set before the origin opens its databases (the browser keeps what it read then).
    const origin = `chrome-extension://${full.extensionId}`;
    await fullCdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4 * 1024 * 1024 });
    // A note saved while there is room.
    expect(await fullArticle.evaluate(selectText, 'essential to remember the original mission')).toBe(true);
    await fullArticle.keyboard.press('Shift');
    const first = await Overlay.of(fullArticle);
    await first.click('.toolbar button[data-action="save"]');
    await first.waitFor('.toolbar', true);
    const kept = await fullGloss.evaluate(storedAnnotations);
    expect(kept.map((a) => a.exact)).toEqual(['essential to remember the original mission']);
    const before = kept.length;
    // Fill what is left of the origin's quota with another database.
    const filled = await fullGloss.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done) => {
        const open = indexedDB.open('filler', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('blobs', { autoIncrement: true });
        open.onsuccess = () => done(open.result);
      });
      // Large pieces first, then smaller ones, until not even 256 bytes fit.
      let written = 0;
      for (let size = 256 * 1024; size >= 256 && written < 400;) {
        const ok = await new Promise<boolean>((done) => {
          const tx = db.transaction('blobs', 'readwrite');
          // Random bytes: the browser compresses what it stores.
          const bytes = new Uint8Array(size);
          for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, o + 65536));
          tx.objectStore('blobs').add(bytes);
          tx.oncomplete = () => done(true);
          tx.onabort = () => done(false);
        });
        if (ok) written++;
        else size /= 4;
      }
      db.close();
      return written;
    });
    expect(filled).toBeLessThan(400);

    expect(await fullArticle.evaluate(selectText, 'civilizational exchange')).toBe(true);
    await fullArticle.keyboard.press('Shift');
    const toolbar = await Overlay.of(fullArticle);
    await toolbar.click('.toolbar button[data-action="save"]');
    expect(await toolbar.text('.toolbar [role="alert"]')).toMatch(/no more room/);
    expect(await fullGloss.evaluate(storedAnnotations)).toEqual(kept);

    // Room again: the same toolbar saves.
    await fullGloss.evaluate(
      () =>
        new Promise<void>((done) => {
          const del = indexedDB.deleteDatabase('filler');
          del.onsuccess = del.onerror = () => done();
        }),
    );
    await fullCdp.send('Storage.overrideQuotaForOrigin', { origin });
    await toolbar.click('.toolbar button[data-action="save"]');
    await toolbar.waitFor('.toolbar', true);
    expect((await fullGloss.evaluate(storedAnnotations)).length).toBe(before + 1);
  });
});
