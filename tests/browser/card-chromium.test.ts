/**
 * The card in Chromium with the built extension: on hover and on keyboard
 * focus, with a quotation's speaker and their other quotations, an entity's
 * type, mentions and Wikipedia search; the keyboard walk through quotations
 * (what the background sends the tab on the `next-quotation` command, sent
 * from the background itself: a browser shortcut cannot be pressed through
 * the DevTools protocol); Escape; showing and hiding each kind from the
 * popup, live and after a reload. The page's DOM stays as served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { Overlay } from './harness/overlay';
import { domDifference, readHighlights, selectText, sendToTab, textEnds } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { chromiumArticle, highlightMessage, quoteLayers, schemePage, walkMessage } from './harness/twins';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let popup: Page;
let worker: Worker;
let overlay: Overlay;
let tabId: number;

/** Moves the real mouse onto the middle of the first line of `words`. */
async function pointAt(words: string): Promise<void> {
  const ends = (await page.evaluate(textEnds, words))!;
  const x = ends.to.y === ends.from.y ? (ends.from.x + ends.to.x) / 2 : ends.from.x + 10;
  await page.mouse.move(x, ends.from.y);
}

/** The text Gloss flashes after a jump. */
const flashed = async () => (await page.evaluate(readHighlights))['gloss-focus'] ?? [];

/** What the background sends the tab on the `next-quotation` (1) or `previous-quotation` (-1) command. */
const walk = (step: 1 | -1) => worker.evaluate(sendToTab, [tabId, walkMessage(step)] as const);

const layerNames = async () => Object.keys(await page.evaluate(readHighlights));

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  ({ page, popup, worker, tabId } = await chromiumArticle(session, `${server.origin}/fixtures/card/index.html`));
  overlay = await Overlay.of(page);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the card in Chromium', () => {
  it('names a quotation’s speaker and their other quotations here, and jumps to the next', async () => {
    await pointAt('kept the shop open');
    await overlay.waitFor('.card');
    expect(await overlay.texts('.card', '.card-title')).toEqual(['Quotation']);
    expect(await overlay.text('.card .card-detail')).toBe('Isla Morrison');
    expect(await overlay.text('.card .card-meta')).toBe('1 of 2 quotations by Isla Morrison in this article');
    await overlay.click('.card [data-action="next-quote"]');
    await page.waitForFunction(() => CSS.highlights.has('gloss-focus'));
    expect(await flashed()).toEqual(['Now the bread will come on time again.']);
    expect(await overlay.text('.card .card-meta')).toBe('2 of 2 quotations by Isla Morrison in this article');
    expect(await overlay.focused()).toBe('next-quote');
    await page.keyboard.press('Escape');
    await overlay.waitFor('.card', true);
  });

  it('gives an entity’s type, its mentions with the previous and next, and a Wikipedia search the reader may follow', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await pointAt('Kirkwall on Tuesday');
    await overlay.waitFor('.card');
    expect(await overlay.text('.card .card-title')).toBe('Place');
    expect(await overlay.text('.card .card-detail')).toBe('Kirkwall');
    expect(await overlay.text('.card .card-meta')).toBe('2 mentions in this article · this is 1 of 2');
    const link = '.card a';
    expect(await overlay.attribute(link, 'href')).toBe('https://en.wikipedia.org/w/index.php?search=Kirkwall');
    expect(await overlay.attribute(link, 'target')).toBe('_blank');
    expect(await overlay.attribute(link, 'rel')).toBe('noreferrer noopener');
    await overlay.click('.card [data-action="next-mention"]');
    await overlay.waitFor('.card [data-action="previous-mention"]');
    expect(await overlay.text('.card .card-meta')).toBe('2 mentions in this article · this is 2 of 2');
    expect(await flashed()).toEqual(['Kirkwall']);
    // The flashed mention is the second one, in the last paragraph.
    expect(
      await page.evaluate(() => {
        const range = [...CSS.highlights.get('gloss-focus')!][0] as Range;
        return range.startContainer.parentElement!.textContent!.includes('see her sister');
      }),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await overlay.waitFor('.card', true);
  });

  it('opens on keyboard focus of a link inside a name, and Escape closes it', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.move(1, 1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Callum Reid');
    await overlay.waitFor('.card');
    expect(await overlay.text('.card .card-title')).toBe('Person');
    expect(await overlay.text('.card .card-detail')).toBe('Callum Reid');
    expect(await overlay.text('.card .card-meta')).toBe('2 mentions in this article · this is 1 of 2');
    await page.keyboard.press('Escape');
    await overlay.waitFor('.card', true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Callum Reid');
  });

  it('walks through the quotations from the keyboard, the card taking the focus; Escape gives it back', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => scrollTo(0, 0));
    expect(await walk(1)).toEqual({ ok: true, value: true });
    await overlay.waitFor('.card');
    expect(await flashed()).toEqual(['We kept the shop open on hope and the occasional fishing boat from Stromness,']);
    // The card takes the focus once it is drawn (a frame after it appears).
    await expect.poll(() => overlay.focused()).toBe('next-quote');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GLOSS-OVERLAY');
    // Tab goes through the card's controls and round to the first, never out to the top of the page.
    const round: (string | null)[] = [];
    do {
      await page.keyboard.press('Tab');
      round.push(await overlay.focused());
    } while (round.at(-1) !== 'next-quote' && round.length < 8);
    expect(round.length).toBeGreaterThan(1);
    expect(round).not.toContain(null);
    expect(round.at(-1)).toBe('next-quote');
    // The name inside the quotation is the next mark of the stack: the arrow keys reach it.
    expect(await overlay.texts('.card', '.card-detail')).toEqual(['Isla Morrison', 'Stromness']);
    await page.keyboard.press('ArrowDown');
    expect(await overlay.focused()).toBe('a');
    await page.keyboard.press('ArrowUp');
    expect(await overlay.focused()).toBe('next-quote');
    // Enter on "Next quotation": her other one.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('gloss-focus') ?? [])].some((r) => /^Now the bread/.test(`${r}`)),
    );
    expect(await overlay.focused()).toBe('next-quote');
    await walk(1); // on from where the card's button went
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('gloss-focus') ?? [])].some((r) => /islands need/.test(`${r}`)),
    );
    expect(await overlay.text('.card .card-detail')).toBe('Callum Reid');
    await walk(-1);
    await page.waitForFunction(() => [...(CSS.highlights.get('gloss-focus') ?? [])].some((r) => /bread/.test(`${r}`)));
    expect(await overlay.text('.card .card-detail')).toBe('Isla Morrison');
    // Tab moves within the card; Escape closes it and gives the focus back to the page.
    await page.keyboard.press('Escape');
    await overlay.waitFor('.card', true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  });

  it('hides and shows each kind from the popup, at once and after a reload', async () => {
    // One of the reader's own highlights, made as the highlight shortcut makes it.
    expect(await page.evaluate(selectText, 'ninety minutes')).toBe(true);
    const made = await worker.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    expect(made).toEqual({ ok: true, value: true });
    const kinds = ['quote', 'per', 'org', 'loc', 'misc', 'user'];
    const shown = async () =>
      new Set((await layerNames()).flatMap((n) => /^gloss-(quote|per|org|loc|misc|user)/.exec(n)?.[1] ?? []));
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-yellow'));
    expect([...(await shown())].sort()).toEqual([...kinds].sort());

    const box = (kind: string) => popup.locator(`input[data-kind="${kind}"]`);
    for (const [i, kind] of kinds.entries()) {
      await box(kind).uncheck();
      await page.waitForFunction((k) => ![...CSS.highlights.keys()].some((n) => n.startsWith(`gloss-${k}`)), kind);
      // The others stay as they are.
      expect([...(await shown())].sort()).toEqual(kinds.slice(i + 1).sort());
    }
    // A hidden kind has no card either.
    await pointAt('kept the shop open');
    await page.waitForTimeout(300);
    await overlay.waitFor('.card', true);

    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(1500); // time to analyse and anchor: nothing must appear
    expect([...(await shown())]).toEqual([]);

    await popup.reload();
    for (const kind of kinds) await box(kind).check();
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-yellow') && CSS.highlights.has('gloss-misc'));
    expect([...(await shown())].sort()).toEqual([...kinds].sort());
    expect(await page.evaluate(domDifference)).toBeNull();
  });

  it('stays light on a page that declares no colour scheme, however dark the system, and goes dark (its messages too) where the page does', async () => {
    // The card fixture with its background taken away, with a declared scheme or none (`schemePage`; the Firefox
    // twin: `dark-firefox.test.ts`).
    const other = await session.context.newPage();
    await other.emulateMedia({ colorScheme: 'dark' });
    await other.route('http://scheme.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: schemePage(route.request().url().endsWith('/declared.html')) }),
    );
    const themed = await Overlay.of(other);
    for (const [path, dark] of [
      ['undeclared', false],
      ['declared', true],
    ] as const) {
      await other.goto(`http://scheme.test/${path}.html`);
      await other.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-quote')));
      expect(await other.evaluate(quoteLayers)).toEqual([dark ? 'gloss-quote-dark' : 'gloss-quote']);
      const ends = (await other.evaluate(textEnds, 'kept the shop open'))!;
      await other.mouse.move((ends.from.x + ends.to.x) / 2, ends.from.y);
      await themed.waitFor('.card');
      expect(await themed.attribute('.layer', 'class')).toBe(dark ? 'layer dark' : 'layer');
      await other.mouse.move(1, 1);
      await other.keyboard.press('Escape');
      if (!dark) continue;
      // A refused note's message reads on the dark toolbar: the dark palette's red, not the light one's.
      await themed.waitFor('.card', true);
      expect(await other.evaluate(selectText, 'ninety minutes')).toBe(true);
      await other.keyboard.press('Shift');
      await themed.waitFor('.toolbar');
      await themed.click('.toolbar button.link');
      await other.keyboard.type('<b>bold</b>');
      await other.keyboard.press('Control+Enter');
      await themed.waitFor('.toolbar .error');
      expect(await themed.style('.toolbar .error', 'color')).toBe('rgb(255, 129, 130)');
      await other.keyboard.press('Escape');
    }
    await other.close();
    await page.bringToFront();
  });
});
