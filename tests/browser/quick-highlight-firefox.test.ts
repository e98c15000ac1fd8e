/**
 * Making a highlight without the toolbar, in Firefox ESR with the built
 * extension: the keyboard shortcut and the two context-menu items. Neither a
 * browser shortcut nor a native context menu can be worked through WebDriver
 * BiDi, so the test takes the path their handler takes
 * (`utils/background/quick-highlight.ts`, whose mapping from command and
 * menu item to request is unit-tested): the background page itself sends the
 * tab the request (`page:highlight`, `note` false for the shortcut and
 * "Highlight with Gloss", true for "Highlight with note…"). The selection is
 * made in the page, the note typed with the real keyboard, and the database
 * read from Gloss's own page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { selectText, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { firefoxArticle } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let gloss: Page;
let tabId: number;

const stored = async (exact: string) => (await gloss.evaluate(storedAnnotations)).find((a) => a.exact === exact);

/** Sends, from Gloss's background page, what its handler sends the tab on the shortcut or a menu item. */
const fromBackground = (note: boolean) =>
  gloss.evaluate(
    (id: number, withNote: boolean) => {
      type Api = {
        runtime: { getBackgroundPage(): Promise<Window & { browser: Api }> };
        tabs: { sendMessage(i: number, m: object): Promise<unknown> };
      };
      const api = (globalThis as unknown as { browser: Api }).browser;
      return api.runtime
        .getBackgroundPage()
        .then((bg) =>
          bg.browser.tabs.sendMessage(id, { gloss: 1, type: 'page:highlight', payload: { note: withNote } }),
        );
    },
    tabId,
    note,
  );

const painted = (colour: string, words: string) =>
  page.waitForFunction(
    (c: string, w: string) => [...(CSS.highlights.get(`gloss-user-${c}`) ?? [])].some((r) => `${r}` === w),
    { timeout: 15_000, polling: 50 },
    colour,
    words,
  );

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox({ systemAccess: true });
  ({ page, gloss, tabId } = await firefoxArticle(session, `${server.origin}/fixtures/notes/index.html`));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('highlights by shortcut and context menu, in Firefox', () => {
  it('the shortcut (and "Highlight with Gloss") highlights the selection at once', async () => {
    const words = 'school gym across the road';
    expect(await page.evaluate(selectText, words)).toBe(true);
    expect(await fromBackground(false)).toEqual({ ok: true, value: true });
    await painted('yellow', words);
    expect(await stored(words)).toMatchObject({ color: 'yellow', note: '', tags: [] });
    expect(await page.evaluate(() => getSelection()!.isCollapsed)).toBe(true);
  });

  it('"Highlight with note…" opens the toolbar with its note field focused; Ctrl+Enter saves', async () => {
    const words = 'four million pounds';
    expect(await page.evaluate(selectText, words)).toBe(true);
    expect(await fromBackground(true)).toEqual({ ok: true, value: true });
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    await page.keyboard.type('Check the council minutes');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await painted('yellow', words);
    expect(await stored(words)).toMatchObject({ note: 'Check the council minutes' });
  });

  it('answers false when nothing is selected', async () => {
    await page.evaluate(() => getSelection()!.removeAllRanges());
    expect(await fromBackground(false)).toEqual({ ok: true, value: false });
  });
});
