import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { answers, glossLayers, HANG_MS, meterStalls, paintedRanges, STRICT_CSP, takeStalls } from './harness/hostile';
import { readHighlights, selectText } from './harness/page';
import { ROOTS, serve } from './harness/server';

/**
 * The hostile pages where Firefox differs from Chromium: its own JavaScript
 * engine and stack, Xray wrappers between the page and the content script,
 * how it applies a page's CSP to what an extension adds. (Gloss's state is read
 * through its popup only in Chromium: here, from what the page shows.)
 */

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let strict: Awaited<ReturnType<typeof serve>>;

async function open(url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.evaluateOnNewDocument(meterStalls);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  strict = await serve(
    { fixtures: ROOTS.fixtures },
    {
      headers: {
        'content-security-policy': STRICT_CSP,
      },
    },
  );
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await strict?.close();
});

describe('hostile pages in Firefox', () => {
  it('paints quotations at exact places among emoji, combining marks, RTL and CJK text', async () => {
    const page = await open(`${server.origin}/fixtures/hostile/scripts.html`);
    await page.waitForFunction(() => (CSS.highlights.get('gloss-quote')?.size ?? 0) > 0, { timeout: 30_000 });
    const quotes = (await page.evaluate(paintedRanges)).filter((r) => r.layer === 'gloss-quote');
    expect(quotes.map((r) => r.text)).toHaveLength(9);
    for (const r of quotes) {
      expect(r.before.at(-1), r.text).toBe('"');
      expect(r.after[0], r.text).toBe('"');
    }
    await page.close();
  });

  it('steps back from 10,000 nested elements, and the page keeps working', async () => {
    const page = await open(`${server.origin}/fixtures/hostile/deep.html`);
    // Gloss refuses the page at once (as in Chromium): nothing to wait for but a moment to be sure.
    await new Promise((ok) => setTimeout(ok, 1500));
    const stalls = await page.evaluate(takeStalls);
    console.log(`Firefox, 10,000 nested elements: longest main-thread stall ${stalls.longestMs} ms`);
    expect(await page.evaluate(glossLayers)).toEqual([]);
    expect(await answers(page)).toBe(true);
    expect(stalls.longestMs).toBeLessThan(HANG_MS);
    await page.close();
  });

  it('finds no quotation among 100,000 quotation marks never closed', async () => {
    const page = await open(`${server.origin}/fixtures/hostile/unclosed.html`);
    await page.waitForFunction(() => CSS.highlights.has('gloss-per'), { timeout: 30_000 });
    expect(await page.evaluate(glossLayers)).not.toContain('gloss-quote');
    expect(await answers(page)).toBe(true);
    await page.close();
  });

  it('gives a page that goes after Gloss nothing: no toolbar, no save, no way to stop it', async () => {
    const page = await open(`${server.origin}/fixtures/hostile/attack.html`);
    await page.waitForFunction(() => (CSS.highlights.get('gloss-quote')?.size ?? 0) === 2, { timeout: 30_000 });
    const before = await page.evaluate(readHighlights);
    type Got = { overlays: number; seen: string[] };
    // Firefox's add-on id is public (gecko id in the manifest); the page uses it as Chromium's test does.
    const got = await page.evaluate(() =>
      (window as unknown as { attack: (id: string) => Promise<Got> }).attack('gloss@gloss.invalid'),
    );
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(got.seen).not.toContain('gloss-overlay');
    expect(got.overlays).toBe(0);
    expect(await page.evaluate(readHighlights)).toEqual(before);

    // The reader's own selection still brings up the toolbar; the page presses its buttons; nothing is saved.
    expect(await page.evaluate(selectText, 'rejecting an appeal by residents')).toBe(true);
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    await new Promise((ok) => setTimeout(ok, 300));
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('gloss-quote')?.size ?? 0) === 2, { timeout: 30_000 });
    await new Promise((ok) => setTimeout(ok, 500));
    expect((await page.evaluate(glossLayers)).filter((l) => l.startsWith('gloss-user'))).toEqual([]);
    await page.close();
  });

  it('paints under a strict Content-Security-Policy, the toolbar included', async () => {
    const page = await open(`${strict.origin}/fixtures/hostile/csp.html`);
    await page.waitForFunction(() => (CSS.highlights.get('gloss-quote')?.size ?? 0) === 2, { timeout: 30_000 });
    expect((await page.evaluate(readHighlights))['gloss-per']).toEqual(
      expect.arrayContaining(['Maria Jensen', 'Lars Holm']),
    );
    expect(await page.evaluate(selectText, 'container traffic rose by a fifth')).toBe(true);
    await page.keyboard.press('Shift');
    // The toolbar's shadow root is closed to the page and to this driver: it is there and has the focus.
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    await page.keyboard.press('Escape');
    await page.close();
  });
});
