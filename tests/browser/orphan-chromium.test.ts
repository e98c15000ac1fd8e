/**
 * An orphan, in Chromium with the built extension: a highlight saved on a
 * page whose highlighted paragraph is later removed (the same address serves
 * the page without it) is not painted anywhere, is listed in the popup as "Not
 * found on this page", and is still exported.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { otherTabId, readHighlights, selectText, sendToTab } from './harness/page';
import { highlightMessage } from './harness/twins';
import { ROOTS, serve } from './harness/server';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let url: string;

const WORDS = 'generators sit on the roof';
/** The paragraph holding WORDS, as the fixture serves it. */
const PARAGRAPH = /<p>\s*The rebuilding cost[\s\S]*?<\/p>/;

const userTexts = async () =>
  Object.entries(await page.evaluate(readHighlights))
    .filter(([name]) => name.startsWith('gloss-user-'))
    .flatMap(([, texts]) => texts);

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  page = session.context.pages()[0] ?? (await session.context.newPage());
  url = `${server.origin}/fixtures/notes/index.html`;
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a highlight whose words are gone from the page, in Chromium', () => {
  it('is not painted, is listed as not found, and is still exported', async () => {
    await page.goto(url);
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
    expect(await page.evaluate(selectText, WORDS)).toBe(true);
    await page.keyboard.press('Shift'); // the reader's own key ends the selection: the toolbar
    const gloss = await session.context.newPage();
    await gloss.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await gloss.evaluate(otherTabId);
    // What the background sends on the highlight shortcut.
    const reply = await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    expect(reply).toEqual({ ok: true, value: true });
    await page.waitForFunction(
      (w) => [...(CSS.highlights.get('gloss-user-yellow') ?? [])].some((r) => `${r}` === w),
      WORDS,
    );

    // The same address, now without the paragraph.
    const served = readFileSync(`${ROOTS.fixtures}/notes/index.html`, 'utf8');
    expect(served).toMatch(PARAGRAPH);
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: served.replace(PARAGRAPH, '') }));
    await page.reload();
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
    expect(await page.evaluate((w) => document.body.textContent!.includes(w), WORDS)).toBe(false);

    await gloss.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await gloss.locator('#tab-notes').click();
    const orphans = gloss.locator('.orphans');
    await orphans.getByText('Not found on this page').waitFor();
    expect(await orphans.locator('.note .exact').allTextContents()).toEqual([`“${WORDS}”`]);
    expect(await gloss.locator('.notes:not(.orphans .notes) .note').count()).toBe(0);
    expect(await userTexts()).toEqual([]);

    const [json] = await Promise.all([
      gloss.waitForEvent('download'),
      gloss.getByRole('button', { name: 'JSON' }).click(),
    ]);
    const exported = JSON.stringify(JSON.parse(readFileSync((await json.path())!, 'utf8')));
    expect(exported).toContain(WORDS);
  });
});
