/** Live pages in Chromium: late and replaced paragraphs, and in-page navigation, get the right highlights. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import {
  APPENDED_QUOTE,
  REPLACING_QUOTE,
  appendParagraph,
  navigateInPlace,
  paintedTexts,
  replaceParagraph,
  tickOnce,
} from './harness/live';
import { readHighlights } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { SEED_QUOTES } from './seed-expectations';

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

const quotes = async (p: Page) => (await p.evaluate(readHighlights))['gloss-quote'] ?? [];

async function waitForQuotes(p: Page, expected: string[]): Promise<void> {
  await p.waitForFunction(
    (want) => JSON.stringify([...(CSS.highlights.get('gloss-quote') ?? [])].map((r) => r.toString())) === want,
    JSON.stringify(expected),
    { timeout: 30_000 },
  );
}

describe('live pages in Chromium', () => {
  it('paints an appended paragraph, and drops a replaced one for its replacement', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/fixtures/seed/index.html`);
    await waitForQuotes(page, SEED_QUOTES);
    await page.evaluate(appendParagraph);
    await waitForQuotes(page, [...SEED_QUOTES, APPENDED_QUOTE]);
    await page.evaluate(replaceParagraph);
    await waitForQuotes(page, [REPLACING_QUOTE, SEED_QUOTES[1], APPENDED_QUOTE]);
    expect(await quotes(page)).not.toContain(SEED_QUOTES[0]);
    await page.close();
  });

  it('starts afresh on the new article after history.pushState, as a fresh load of it would paint', async () => {
    const notes = `${server.origin}/fixtures/notes/index.html`;
    const reference = await session.context.newPage();
    await reference.goto(notes);
    await reference.waitForFunction(() => CSS.highlights.has('gloss-quote'), null, { timeout: 30_000 });
    const expected = await reference.evaluate(paintedTexts);
    await reference.close();

    const page = await session.context.newPage();
    await page.goto(`${server.origin}/fixtures/seed/index.html`);
    await waitForQuotes(page, SEED_QUOTES);
    await page.evaluate(navigateInPlace, notes);
    await page.waitForFunction(
      (want) => {
        const out: Record<string, string[]> = {};
        CSS.highlights.forEach((h, name) => {
          if (/^gloss-(quote|per|org|loc|misc)/.test(name)) out[name] = [...h].map((r) => r.toString()).sort();
        });
        return JSON.stringify(out) === want;
      },
      JSON.stringify(expected),
      { timeout: 30_000 },
    );
    expect(await page.evaluate(paintedTexts)).toEqual(expected);
    expect(page.url()).toBe(notes);
    await page.close();
  });
  it('analyses the article a page it turned away navigates to in place, after the page kept changing', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/fixtures/front/index.html`);
    // A front page that keeps changing a little (a clock), settling after each change: judged once, not again.
    for (let i = 0; i < 3; i++) {
      await page.evaluate(tickOnce, i);
      await new Promise((ok) => setTimeout(ok, 900));
    }
    expect(await page.evaluate(paintedTexts)).toEqual({});
    await page.evaluate(navigateInPlace, `${server.origin}/fixtures/seed/index.html`);
    await waitForQuotes(page, SEED_QUOTES);
    await page.close();
  });
});
