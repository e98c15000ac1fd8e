import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { domDifference, readHighlights, selectText } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { expectSeedPainted } from './seed-expectations';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let url: string;

async function waitForHighlights(p: Page, layer: string): Promise<Record<string, string[]>> {
  await p.waitForFunction((name: string) => CSS.highlights.has(name), { timeout: 30_000 }, layer);
  return p.evaluate(readHighlights);
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox();
  page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  url = `${server.origin}/fixtures/seed/index.html`;
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the seed article in Firefox', () => {
  it('paints both quotations and the entities a careful reader would mark', async () => {
    await page.goto(url);
    expectSeedPainted(await waitForHighlights(page, 'gloss-quote'));
    expect(await page.evaluate(domDifference)).toBeNull();
  });

  it('saves a highlight through the toolbar and paints it again after a reload', async () => {
    const words = 'original mission of human rights governance';
    // A keyboard selection gets the toolbar focused; Enter saves. Its shadow root is closed to the page (and to us).
    expect(await page.evaluate(selectText, words)).toBe(true);
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    expect(await page.evaluate(() => document.querySelector('gloss-overlay')?.shadowRoot ?? null)).toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForSelector('gloss-overlay', { hidden: true });
    expect((await waitForHighlights(page, 'gloss-user-yellow'))['gloss-user-yellow']).toEqual([words]);

    await page.reload();
    expect((await waitForHighlights(page, 'gloss-user-yellow'))['gloss-user-yellow']).toEqual([words]);
  });
});
