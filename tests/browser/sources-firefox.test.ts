/**
 * The library's Sources view in Firefox ESR, with the built extension and its
 * real IndexedDB: the reader agrees in the view; two articles quoting the
 * same person, on two sites (127.0.0.1 and localhost), give one speaker with
 * the quotations of both; a search finds one of them; forgetting one site
 * leaves only the other's. Gloss's pages are opened through WebDriver BiDi
 * with system access (`launchFirefox`). Buttons are pressed with DOM clicks
 * (see library-firefox.test.ts: BiDi's pointer clicks do not always reach
 * Gloss's pages); text is typed with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { ROOTS, serve } from './harness/server';
import { openGlossPage } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let lib: Page;

/** Opens one of Gloss's pages in `lib` (a plain goto may not reach moz-extension pages). */
const open = (path: string) => openGlossPage(session, lib, path);

/** Run in a Gloss page: the remembered articles' URLs, through the background. */
async function rememberedUrls(): Promise<string[]> {
  type Runtime = { sendMessage(m: object): Promise<{ ok: boolean; value?: { items: Array<{ url: string }> } }> };
  const runtime = (globalThis as unknown as { browser: { runtime: Runtime } }).browser.runtime;
  const reply = await runtime.sendMessage({ gloss: 1, type: 'sources:articles', payload: {} });
  return (reply.value?.items ?? []).map((a) => a.url).sort();
}

/** A DOM click on the first element matching `selector` whose text matches `text` (when given). */
async function press(selector: string, text?: string): Promise<void> {
  await lib.waitForFunction(
    (s: string, t: string | null) =>
      [...document.querySelectorAll<HTMLElement>(s)].some((e) => t === null || e.textContent?.includes(t)),
    { polling: 50, timeout: 10_000 },
    selector,
    text ?? null,
  );
  await lib.evaluate(
    (s: string, t: string | null) =>
      [...document.querySelectorAll<HTMLElement>(s)].find((e) => t === null || e.textContent?.includes(t))!.click(),
    selector,
    text ?? null,
  );
}

const texts = (selector: string) => lib.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText));
const waitForText = (text: string) =>
  lib.waitForFunction((t: string) => document.body.innerText.includes(t), { polling: 50, timeout: 10_000 }, text);

const port = () => new URL(server.origin).port;
const ARTICLES = () => [
  `${server.origin}/fixtures/sources/one.html`,
  `http://localhost:${port()}/fixtures/sources/three.html`,
];

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox({ systemAccess: true });
  lib = (await session.browser.pages())[0] ?? (await session.browser.newPage());
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the Sources view in Firefox', () => {
  it('asks first, then lists two articles’ quotations under one speaker', async () => {
    await open('library.html#sources');
    await waitForText('Remember who said what?');
    await press('.consent button', 'Remember sources');
    await waitForText('No quotations remembered yet.');

    for (const url of ARTICLES()) {
      const tab = await session.browser.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => CSS.highlights.has('gloss-quote'), { polling: 100, timeout: 30_000 });
      await tab.close();
    }
    for (let i = 0; i < 100 && (await lib.evaluate(rememberedUrls)).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await lib.evaluate(rememberedUrls)).toEqual(ARTICLES().sort());

    await open('library.html?again#sources'); // another address: a whole new load, not a jump within the page
    await lib.waitForSelector('[data-identity="Halvard Brekke"]');
    expect(await lib.$$eval('[data-identity*="Brekke"]', (els) => els.length)).toBe(1);
    expect(await lib.$eval('[data-identity="Halvard Brekke"]', (e) => (e as HTMLElement).innerText)).toMatch(
      /3 quotations · 2 articles/,
    );
    await press('[data-identity="Halvard Brekke"]');
    await lib.waitForFunction(() => document.querySelectorAll('.quote').length === 3, { polling: 50 });
    const cites = await texts('.quote-cite');
    expect(cites.every((c) => c.startsWith('— Halvard Brekke'))).toBe(true);
    for (const title of [
      'Valley towns wait for word on the new rail line',
      'Valley rail line gets its first station names',
    ])
      expect(cites.some((c) => c.includes(title))).toBe(true);
    // The link opens the article at the passage (a text fragment).
    const links = await lib.$$eval('.quote-link', (els) => els.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((h) => decodeURIComponent(h).includes('#:~:text=We will publish the'))).toBe(true);
  });

  it('searches the quotations as the reader types', async () => {
    await press('[data-identity="Halvard Brekke"]'); // back to every speaker
    await lib.waitForSelector('.sources-quotes[data-results-for=""]');
    await lib.focus('input[aria-describedby="sources-count"]');
    await lib.keyboard.type('train before');
    await lib.waitForSelector('.sources-quotes[data-results-for="train before"]');
    expect(await texts('.quote blockquote')).toEqual([
      '“Every town that waited for this line will hear a train before the end of the decade”',
    ]);
    for (let i = 0; i < 'train before'.length; i++) await lib.keyboard.press('Backspace');
    await lib.waitForSelector('.sources-quotes[data-results-for=""]');
  });

  it('forgets one site, and its quotations are gone', async () => {
    await press('.sources-privacy summary');
    await press('[data-forget-site="localhost"]');
    await waitForText('Forgot localhost (1 article).');
    expect(await lib.evaluate(rememberedUrls)).toEqual(ARTICLES().slice(0, 1));
    await lib.waitForFunction(
      () =>
        /2 quotations · 1 article\b/.test(
          (document.querySelector('[data-identity="Halvard Brekke"]') as HTMLElement)?.innerText ?? '',
        ),
      { polling: 50, timeout: 10_000 },
    );
    await press('[data-identity="Halvard Brekke"]');
    await lib.waitForFunction(() => document.querySelectorAll('.quote').length === 2, { polling: 50 });
    expect((await texts('.quote-cite')).some((c) => c.includes('Valley rail line gets its first station names'))).toBe(
      false,
    );
  });
});
