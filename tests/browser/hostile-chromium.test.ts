import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import {
  answers,
  glossLayers,
  HANG_MS,
  meterStalls,
  paintedRanges,
  savedAnnotations,
  STRICT_CSP,
  takeStalls,
} from './harness/hostile';
import type { PageState } from '../../utils/messaging/protocol';
import { domDifference, otherTabId, pageStateOf, readHighlights, selectText } from './harness/page';
import { Overlay } from './harness/overlay';
import { ROOTS, serve } from './harness/server';

/**
 * Hostile and extreme pages (tests/fixtures/pages/hostile/) in Chromium with
 * Gloss: each page keeps working, its DOM is not changed, Gloss reports no
 * error and ends in a status that says what it did. Durations are printed,
 * never asserted: the bounds below only tell a hang from slowness.
 */

type State = PageState;

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let strict: Awaited<ReturnType<typeof serve>>;
let probe: Page;
let worker: Worker;

/** A hostile page opened in a new tab, with the errors Gloss reports while it is open. */
type Opened = { page: Page; tabId: number; errors: string[] };

async function open(url: string): Promise<Opened> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  const own = `chrome-extension://${session.extensionId}/`;
  page.on('console', (msg) => {
    const from = msg.location().url ?? '';
    if (['error', 'warning'].includes(msg.type()) && (from.startsWith(own) || /gloss|wxt/i.test(msg.text())))
      errors.push(`${msg.text()} (${from})`);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await probe.evaluate(otherTabId), errors };
}

/** Waits until Gloss has decided about the tab; returns its state and how long that took. */
async function settled(tabId: number, timeoutMs = 60_000): Promise<{ state: State; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    const state = (await probe.evaluate(pageStateOf, tabId)) as State | null;
    if (state && !['starting', 'analysing'].includes(state.status)) return { state, ms: Date.now() - t0 };
    if (Date.now() - t0 > timeoutMs) throw new Error(`Gloss did not settle in ${timeoutMs} ms: ${state?.status}`);
    await probe.waitForTimeout(100);
  }
}

/** How many texts each tab has asked the background to analyse, counted in the service worker. */
async function analyses(tabId: number): Promise<number> {
  return worker.evaluate(
    (id) => (self as unknown as { __glossTestAnalyses: Record<number, number> }).__glossTestAnalyses[id] ?? 0,
    tabId,
  );
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  strict = await serve(
    { fixtures: ROOTS.fixtures },
    {
      headers: {
        'content-security-policy': `${STRICT_CSP}; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'`,
      },
    },
  );
  session = await launchChromium();
  await session.context.addInitScript(meterStalls);
  worker = session.context.serviceWorkers()[0];
  await worker.evaluate(() => {
    const counts: Record<number, number> = {};
    (self as unknown as { __glossTestAnalyses: typeof counts }).__glossTestAnalyses = counts;
    type OnMessage = { addListener(f: (m: { type?: string }, sender: { tab?: { id?: number } }) => void): void };
    const api = (globalThis as unknown as { chrome: { runtime: { onMessage: OnMessage } } }).chrome;
    api.runtime.onMessage.addListener((m, sender) => {
      if (m?.type === 'analyze' && sender.tab?.id !== undefined)
        counts[sender.tab.id] = (counts[sender.tab.id] ?? 0) + 1;
    });
  });
  probe = session.context.pages()[0] ?? (await session.context.newPage());
  await probe.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await strict?.close();
});

describe('hostile pages in Chromium', () => {
  it('analyses the first part of a 1,000,000-word article, says so, and the page keeps working', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/long.html`);
    const words = await page.evaluate(() => (window as unknown as { __words: number }).__words);
    const { state, ms } = await settled(tabId, 90_000);
    const stalls = await page.evaluate(takeStalls);
    console.log(
      `1M-word page (${words} words): "${state.status}" after ${ms} ms, ${state.quotes.length} quotations, ` +
        `${state.entities.length} names, ${JSON.stringify(state.partial)}; longest main-thread stall ${stalls.longestMs} ms`,
    );
    expect(state.status).toBe('article');
    expect(state.partial!.analysed).toBeLessThan(state.partial!.total);
    expect(state.quotes.length).toBeGreaterThan(0);
    const painted = await page.evaluate(paintedRanges);
    expect(painted.filter((r) => r.layer === 'gloss-quote').map((r) => r.text)).toEqual(
      state.quotes.map((q) => q.text),
    );
    expect(await answers(page)).toBe(true);
    expect(stalls.longestMs).toBeLessThan(HANG_MS);
    expect(errors).toEqual([]);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText(/Gloss read the first/).waitFor();
    await popup.close();
    await page.close();
  });

  it('steps back from 10,000 nested elements with a clear status, and the page keeps working', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/deep.html`);
    const { state, ms } = await settled(tabId);
    const stalls = await page.evaluate(takeStalls);
    console.log(
      `10,000 nested elements: "${state.status}" (${state.error}) after ${ms} ms; longest main-thread stall ${stalls.longestMs} ms`,
    );
    // Gloss refuses pages nested deeper than its recursive extraction can safely walk.
    expect(state.status).toBe('error');
    expect(state.error).toMatch(/too deep/);
    expect(await page.evaluate(glossLayers)).toEqual([]);
    expect(await answers(page)).toBe(true);
    expect(stalls.longestMs).toBeLessThan(HANG_MS);
    expect(await page.evaluate(() => document.querySelector('article p')?.isConnected)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds no quotation among 100,000 quotation marks never closed, without hanging', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/unclosed.html`);
    const marks = await page.evaluate(() => (window as unknown as { __marks: number }).__marks);
    const { state, ms } = await settled(tabId);
    const stalls = await page.evaluate(takeStalls);
    console.log(
      `${marks} open quotation marks: "${state.status}" after ${ms} ms; longest main-thread stall ${stalls.longestMs} ms`,
    );
    expect(state.status).toBe('article');
    expect(state.quotes).toEqual([]);
    expect(await page.evaluate(glossLayers)).not.toContain('gloss-quote');
    expect(await answers(page)).toBe(true);
    expect(stalls.longestMs).toBeLessThan(HANG_MS);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints quotations and names at exact places among emoji, combining marks, RTL and CJK text', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/scripts.html`);
    const { state } = await settled(tabId);
    const painted = await page.evaluate(paintedRanges);
    // Every quotation, painted on exactly its words: an offset counted in code
    // points or graphemes would shift the ranges after the first emoji.
    expect(state.quotes.length).toBe(9);
    expect(painted.filter((r) => r.layer === 'gloss-quote').map((r) => r.text)).toEqual(
      state.quotes.map((q) => q.text),
    );
    for (const r of painted.filter((p) => p.layer === 'gloss-quote')) {
      expect(r.before.at(-1), r.text).toBe('"');
      expect(r.after[0], r.text).toBe('"');
    }
    // Every name, whole: it starts and ends at word edges (no letter or mark cut off).
    const names = painted.filter((r) => r.layer !== 'gloss-quote');
    expect(names.map((r) => r.text.normalize('NFC'))).toEqual(
      expect.arrayContaining(['Ingrid Solberg', 'Amélie Dubois', 'Omar Haddad', 'David Levi', 'Kenji Watanabe']),
    );
    for (const r of names) {
      expect(r.before.at(-1) ?? ' ', r.text).not.toMatch(/[\p{L}\p{M}\p{N}]/u);
      expect(r.after[0] ?? ' ', r.text).not.toMatch(/[\p{L}\p{M}\p{N}]/u);
      expect(
        state.entities.some((e) => e.name.normalize('NFC').includes(r.text.normalize('NFC'))),
        r.text,
      ).toBe(true);
    }
    expect(await page.evaluate(domDifference)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps up with a page that replaces its article every 100 ms, without analysing it over and over', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/rerender.html`);
    await settled(tabId);
    const renders = () => page.evaluate(() => (window as unknown as { renders: () => number }).renders());
    const first = await renders();
    await page.waitForTimeout(3000);
    const during = await analyses(tabId);
    const stalls = await page.evaluate(takeStalls);
    const rendered = (await renders()) - first;
    await page.evaluate(() => (window as unknown as { stopRerender: () => void }).stopRerender());
    // Once the page is still, Gloss paints the article's current nodes (the old
    // ranges collapsed when their nodes were removed).
    await page.waitForFunction(() => {
      const quotes = [...(CSS.highlights.get('gloss-quote') ?? [])] as Range[];
      return quotes.length === 2 && quotes.every((r) => !r.collapsed && r.startContainer.isConnected);
    });
    const after = await analyses(tabId);
    console.log(
      `re-rendering page: ${rendered} re-renders in 3 s, ${during} analyses meanwhile, ${after} in all; ` +
        `longest main-thread stall ${stalls.longestMs} ms`,
    );
    expect(rendered).toBeGreaterThan(10); // the page really kept re-rendering
    expect(during).toBeLessThanOrEqual(3);
    expect(after).toBeLessThanOrEqual(during + 2);
    const painted = await page.evaluate(paintedRanges);
    expect(painted.every((r) => r.connected)).toBe(true);
    expect(await answers(page)).toBe(true);
    expect(painted.filter((r) => r.layer === 'gloss-quote').map((r) => r.text)).toEqual([
      'This budget keeps the libraries open and the buses running, and that is what people asked us for,',
      'We are building on sand,',
    ]);
    expect(stalls.longestMs).toBeLessThan(HANG_MS);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a page that goes after Gloss nothing: no toolbar, no save, no way to stop or restart it', async () => {
    const { page, tabId, errors } = await open(`${server.origin}/fixtures/hostile/attack.html`);
    const { state } = await settled(tabId);
    expect(state.status).toBe('article');
    const before = await page.evaluate(readHighlights);
    expect(before['gloss-quote']).toHaveLength(2);
    const analysed = await analyses(tabId);
    type Got = {
      overlays: number;
      shadowRoots: number;
      clicked: number;
      read: string[];
      heard: string[];
      seen: string[];
    };
    const got = await page.evaluate(
      (id) => (window as unknown as { attack: (id: string) => Promise<Got> }).attack(id),
      session.extensionId,
    );
    await page.waitForTimeout(1000);
    console.log(`the page heard ${JSON.stringify(got.heard.filter((m) => !m.includes('"gloss"')))}`);
    // The page's synthetic events never brought up Gloss's UI, so it found nothing to read or press.
    expect(got.seen).not.toContain('gloss-overlay');
    expect(got.overlays).toBe(0);
    expect(got.heard.filter((m) => /wxt|gloss/i.test(m) && !m.includes('forged') && !m.includes('"gloss":1'))).toEqual(
      [],
    );
    // Gloss still runs, as it was: same highlights, no new analysis, nothing saved.
    expect(await page.evaluate(readHighlights)).toEqual(before);
    expect(await analyses(tabId)).toBe(analysed);
    expect(await probe.evaluate(savedAnnotations)).toBe(0);

    // The reader's own selection still brings up the toolbar; the page, watching
    // for it, may press its buttons: nothing is saved by that.
    expect(await page.evaluate(selectText, 'rejecting an appeal by residents')).toBe(true);
    await page.keyboard.press('Shift');
    await (await Overlay.of(page)).waitFor('.toolbar');
    await page.waitForTimeout(300);
    const watched = await page.evaluate(() => (window as unknown as { __watch: Got }).__watch);
    console.log(
      `while the reader's toolbar was up the page saw ${watched.overlays} overlays, ${watched.shadowRoots} shadow roots ` +
        `and pressed ${watched.clicked} buttons`,
    );
    expect(await probe.evaluate(savedAnnotations)).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('gloss-overlay').waitFor({ state: 'detached' });
    expect(await answers(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints under a strict Content-Security-Policy', async () => {
    const { page, tabId, errors } = await open(`${strict.origin}/fixtures/hostile/csp.html`);
    const { state } = await settled(tabId);
    expect(state.status).toBe('article');
    const layers = await page.evaluate(readHighlights);
    expect(layers['gloss-quote']).toEqual([
      'We have never handled so many ships in a single year, and the new crane will let us keep up,',
      'Machines are fine, but somebody has to run them,',
    ]);
    expect(layers['gloss-per']).toEqual(expect.arrayContaining(['Maria Jensen', 'Lars Holm']));
    // The reader's toolbar too (its styles live in Gloss's shadow root).
    expect(await page.evaluate(selectText, 'container traffic rose by a fifth')).toBe(true);
    await page.keyboard.press('Shift');
    expect(await (await Overlay.of(page)).style('.toolbar', 'position')).toBe('fixed');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves about:blank, a file:// page and a PDF alone', async () => {
    const file = pathToFileURL(
      fileURLToPath(new URL('../fixtures/pages/hostile/local-file.html', import.meta.url)),
    ).href;
    for (const url of ['about:blank', file, `${server.origin}/fixtures/hostile/article.pdf`]) {
      const { page, tabId, errors } = await open(url);
      await page.waitForTimeout(500);
      // No content script (about:blank, file://), or one that left the page alone (Chromium's PDF viewer page).
      const state = (await probe.evaluate(pageStateOf, tabId)) as PageState | null;
      console.log(`${url.replace(/^.*\//, '')}: ${state ? `"${state.status}"` : 'no content script'}`);
      expect(state?.status ?? 'not-article', url).toBe('not-article');
      expect(await page.evaluate(glossLayers), url).toEqual([]);
      expect(await page.evaluate(() => document.querySelector('gloss-overlay')), url).toBeNull();
      expect(errors, url).toEqual([]);
      await page.close();
    }
  });
});
