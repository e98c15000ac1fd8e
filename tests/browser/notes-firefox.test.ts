/**
 * The reader's highlights in the page, in Firefox ESR with the built
 * extension. Puppeteer cannot see into Gloss's closed shadow root, so the
 * reader's paths here are the real mouse on the page and the keyboard in the
 * card: open a highlight with a click, type a note and a tag, move to the next
 * colour with an arrow key, save, delete and undo; the database is read from
 * Gloss's own page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import {
  caretInto,
  otherTabId,
  readHighlights,
  selectText,
  sendToTab,
  storedAnnotations,
  textEnds,
} from './harness/page';
import { ROOTS, serve } from './harness/server';
import { firefoxArticle, highlightMessage } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let gloss: Page;
let url: string;

const stored = async (exact: string) => (await gloss.evaluate(storedAnnotations)).find((a) => a.exact === exact);

/** Waits until `words` are painted in `colour` (or, with `present` false, no longer are). */
async function waitForColour(colour: string, words: string, present = true): Promise<void> {
  await page.waitForFunction(
    (c: string, w: string, yes: boolean) =>
      [...CSS.highlights]
        .filter(([name]) => name === `gloss-user-${c}`)
        .some(([, h]) => [...h].some((r) => r.toString() === w)) === yes,
    { timeout: 15_000, polling: 50 },
    colour,
    words,
    present,
  );
}

const focusInGloss = () =>
  page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
const focusLeftGloss = () =>
  page.waitForFunction(() => document.activeElement?.tagName !== 'GLOSS-OVERLAY', { polling: 50 });

/** Clicks the middle of `words` with the real mouse. */
async function clickOn(words: string): Promise<void> {
  const ends = (await page.evaluate(textEnds, words))!;
  await page.mouse.click((ends.from.x + ends.to.x) / 2, ends.from.y);
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox({ systemAccess: true });
  url = `${server.origin}/fixtures/notes/index.html`;
  ({ page, gloss } = await firefoxArticle(session, url));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the reader’s highlights in the page, in Firefox', () => {
  const words = 'raised foundations';

  it('opens a highlight on a click; the keyboard changes its note, tags and colour; a reload keeps them', async () => {
    expect(await page.evaluate(selectText, words)).toBe(true);
    await page.keyboard.press('Shift');
    await focusInGloss();
    await page.keyboard.press('Enter');
    await waitForColour('yellow', words);
    await focusLeftGloss();

    await clickOn(words);
    await focusInGloss(); // the note field of the card
    await page.keyboard.type('Built to stay dry');
    await page.keyboard.press('Tab');
    await page.keyboard.type('resilience');
    // Back past the note to the colours (one tab stop); the next colour is green.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForColour('green', words);
    await waitForColour('yellow', words, false);
    await focusLeftGloss();
    expect(await stored(words)).toMatchObject({ note: 'Built to stay dry', tags: ['resilience'], color: 'green' });

    await page.reload();
    await waitForColour('green', words);
  });

  it('deletes a highlight from the page and undoes it with the keyboard', async () => {
    const before = await stored(words);
    await clickOn(words);
    await focusInGloss();
    // Note → tags → Save → Delete.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForColour('green', words, false);
    expect(await stored(words)).toBeUndefined();
    await page.keyboard.press('Enter'); // Undo has the focus
    await waitForColour('green', words);
    expect(await stored(words)).toEqual(before);
    await page.keyboard.press('Escape');
    await focusLeftGloss();
    expect(Object.keys(await page.evaluate(readHighlights))).toContain('gloss-user-green');
  });

  it('opens the highlight under the caret on the keyboard shortcut', async () => {
    await page.evaluate(caretInto, [words, 2] as const);
    const tabId = await gloss.evaluate(otherTabId);
    // What the background sends the tab on Alt+Shift+H.
    const reply = await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    expect(reply).toEqual({ ok: true, value: true });
    await focusInGloss();
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('ArrowLeft'); // from green back to yellow
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForColour('yellow', words);
    expect(await stored(words)).toMatchObject({ color: 'yellow', note: 'Built to stay dry' });
  });
});
