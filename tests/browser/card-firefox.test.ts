/**
 * The card in Firefox ESR with the built extension. Puppeteer cannot see into
 * Gloss's closed shadow root, so the card is worked as a keyboard reader
 * works it, and its content is checked by what its buttons and link do: the
 * keyboard walk through quotations (what the background sends the tab on the
 * `next-quotation` command, sent here from Gloss's own page: a browser
 * shortcut cannot be pressed through WebDriver BiDi), the next quotation of
 * the same speaker, the Wikipedia search of a name inside a quotation,
 * Escape; the card on hover and on keyboard focus; show and hide from the
 * popup, live and after a reload. The page's DOM stays as served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { domDifference, readHighlights, sendToTab, textEnds } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { firefoxArticle, walkMessage } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let gloss: Page;
let tabId: number;

const overlayShown = () => page.evaluate(() => document.querySelector('gloss-overlay') !== null);
const waitForOverlay = (shown: boolean) =>
  page.waitForFunction(
    (yes: boolean) => (document.querySelector('gloss-overlay') !== null) === yes,
    { polling: 50 },
    shown,
  );
const focusInGloss = () => page.evaluate(() => document.activeElement?.tagName === 'GLOSS-OVERLAY');

/** Waits until Gloss flashes a range whose text matches `pattern` (after a jump). */
const waitForFlash = (pattern: string) =>
  page.waitForFunction(
    (p: string) => [...(CSS.highlights.get('gloss-focus') ?? [])].some((r) => new RegExp(p).test(`${r}`)),
    { polling: 50, timeout: 10_000 },
    pattern,
  );

/** What the background sends the tab on the `next-quotation` (1) or `previous-quotation` (-1) command. */
const walk = (step: 1 | -1) => gloss.evaluate(sendToTab, [tabId, walkMessage(step)] as const);

const layerNames = async () => Object.keys(await page.evaluate(readHighlights));

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox({ systemAccess: true });
  ({ page, gloss, tabId } = await firefoxArticle(session, `${server.origin}/fixtures/card/index.html`));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the card in Firefox', () => {
  it('opens on hover over a quotation and closes when the pointer leaves', async () => {
    const ends = (await page.evaluate(textEnds, 'kept the shop open'))!;
    await page.mouse.move(ends.from.x + 5, ends.from.y);
    await waitForOverlay(true);
    await page.mouse.move(2, 2);
    await waitForOverlay(false);
  });

  it('walks the quotations from the keyboard: the speaker’s next quotation, a name inside it, Escape', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.click(2, 2);
    expect(await walk(1)).toEqual({ ok: true, value: true });
    await waitForFlash('fishing boat from Stromness');
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    // The focus is on "Next quotation" of Isla Morrison's two: Enter goes to her other one.
    await page.keyboard.press('Enter');
    await waitForFlash('^Now the bread will come on time again\\.$');
    expect(await focusInGloss()).toBe(true);
    await walk(1);
    await waitForFlash('islands need this boat');
    await walk(-1);
    await waitForFlash('bread will come');
    await walk(-1);
    await waitForFlash('fishing boat from Stromness');

    // ArrowDown: the name inside the quotation; its link searches Wikipedia, in a new tab the reader opens.
    await page.keyboard.press('ArrowDown');
    const opened = session.browser.waitForTarget((t) => t.url().includes('wikipedia.org'), { timeout: 10_000 });
    await page.keyboard.press('Enter');
    const target = await opened;
    // Offline, the tab shows the browser's error page for the address the link gave.
    const address = new URL(target.url());
    const asked = address.protocol === 'about:' ? new URLSearchParams(address.search).get('u') : target.url();
    expect(asked).toBe('https://en.wikipedia.org/w/index.php?search=Stromness');
    await (await target.page())?.close();
    await page.bringToFront();

    await page.keyboard.press('Escape');
    await waitForOverlay(false);
    expect(await focusInGloss()).toBe(false);
  });

  it('opens on keyboard focus of a link inside a name; Escape closes it', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    // Headless Firefox's window never has the system focus, so it fires no focus events: Gloss also looks after Tab.
    await page.mouse.click(2, 2);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Callum Reid');
    await waitForOverlay(true);
    await page.keyboard.press('Escape');
    await waitForOverlay(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Callum Reid');
  });

  it('hides and shows each kind from the popup, at once and after a reload', async () => {
    await gloss.bringToFront();
    await gloss.click('input[data-kind="per"]');
    await gloss.click('input[data-kind="loc"]');
    await page.bringToFront();
    await page.waitForFunction(() => !CSS.highlights.has('gloss-per') && !CSS.highlights.has('gloss-loc'), {
      polling: 50,
    });
    expect(await layerNames()).toEqual(expect.arrayContaining(['gloss-quote', 'gloss-org']));
    await page.reload();
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), { timeout: 30_000 });
    expect(await layerNames()).not.toContain('gloss-per');
    expect(await layerNames()).not.toContain('gloss-loc');
    await gloss.bringToFront();
    await gloss.click('input[data-kind="per"]');
    await gloss.click('input[data-kind="loc"]');
    await page.bringToFront();
    await page.waitForFunction(() => CSS.highlights.has('gloss-per') && CSS.highlights.has('gloss-loc'), {
      polling: 50,
    });
    expect(await overlayShown()).toBe(false);
    expect(await page.evaluate(domDifference)).toBeNull();
  });
});
