/**
 * The popup in Firefox ESR with the built extension and its real IndexedDB,
 * opened as a page for the article's tab (`popup.html?tab=ID`, as the other
 * Firefox tests do): the seed article's quotations by speaker and its names by
 * type; a highlight saved on the page with the keyboard, listed in the popup's
 * notes when it opens again; the search over every note; the JSON export downloaded,
 * parsed back to what is stored, and imported again without a change.
 *
 * The tab a step drives is brought to the front first: Firefox runs no
 * animation frame and throttles timers to one second in a hidden tab, which
 * delays what Gloss does after a frame.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { downloaded, launchFirefox, type FirefoxSession } from './harness/firefox';
import { otherTabId, readHighlights, selectText, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { exportedIds } from './harness/library-oracle';
import { openGlossPage } from './harness/twins';
import { observe } from './harness/sweep-firefox';
import { SEED_ENTITIES, SEED_QUOTES } from './seed-expectations';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let popup: Page;
let tabId: number;
let downloads: string;
let seen: () => Promise<{ errors: string[]; requests: string[] }>;
const WORDS = 'original mission of human rights governance';

/** Opens one of Gloss's pages in the popup's tab (a plain goto may not reach moz-extension pages). */
const open = (path: string) => openGlossPage(session, popup, path);

const texts = (selector: string) => popup.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  downloads = mkdtempSync(join(tmpdir(), 'gloss-ff-downloads-'));
  session = await launchFirefox({ systemAccess: true, downloads });
  seen = await observe(session);
  page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await page.goto(`${server.origin}/fixtures/seed/index.html`);
  await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), { timeout: 30_000 });
  popup = await session.browser.newPage();
  await open('popup.html');
  tabId = await popup.evaluate(otherTabId);
  await open(`popup.html?tab=${tabId}`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('the popup, in Firefox', () => {
  it('lists the article’s quotations by speaker and its names by type', async () => {
    await popup.waitForSelector('section.group[data-speaker] .quote');
    const speaker = SEED_ENTITIES.per[0];
    expect(await popup.$$eval('section.group', (gs) => gs.map((g) => g.getAttribute('data-speaker')))).toEqual([
      speaker,
    ]);
    expect(await texts(`section.group[data-speaker="${speaker}"] .quote`)).toEqual(
      SEED_QUOTES.map((q) => `“${q.replace(/[,;:\s]+$/, '')}”`),
    );

    await popup.click('#tab-entities');
    await popup.waitForSelector('section[data-type="PER"] .name');
    expect(await texts('section[data-type="PER"] .name')).toContain(speaker);
    expect(await texts('section[data-type="ORG"] .name')).toEqual(expect.arrayContaining(SEED_ENTITIES.org));
    expect(await texts('section[data-type="LOC"] .name')).toContain('China');
  });

  it('lists a highlight saved on the page with the keyboard in its notes when opened again', async () => {
    await popup.click('#tab-notes');
    await popup.waitForSelector('.panel .empty');
    await page.bringToFront();
    expect(await page.evaluate(selectText, WORDS)).toBe(true);
    await page.keyboard.press('Shift'); // a keyboard selection: the toolbar takes the focus, Enter saves
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY', { polling: 50 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-yellow'), { polling: 50 });
    expect((await page.evaluate(readHighlights))['gloss-user-yellow']).toEqual([WORDS]);

    // The popup reads the page once when it opens (a real one closes when the reader goes back to the page).
    await popup.bringToFront();
    await open(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('#tab-notes .count');
    await popup.click('#tab-notes');
    await popup.waitForSelector('.notes .note .exact');
    expect(await texts('.notes .note .exact')).toEqual([`“${WORDS}”`]);
    expect(await popup.$eval('#tab-notes .count', (c) => c.textContent)).toBe('1');
    expect((await popup.evaluate(storedAnnotations)).map((a) => a.exact)).toEqual([WORDS]);
  });

  it('searches every note as the reader types', async () => {
    await popup.click('#tab-search');
    await popup.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
    await popup.keyboard.type('huma gov');
    await popup.waitForSelector('.notes .note');
    expect(await texts('.notes .note .exact')).toEqual([`“${WORDS}”`]);
    await popup.click('input.search', { count: 3 });
    await popup.keyboard.type('zzzqqq');
    await popup.waitForFunction(
      () => document.querySelector('.panel .empty')?.textContent === 'Nothing matches “zzzqqq”.',
    );
  });

  it('exports JSON that parses back to what is stored, and importing it changes nothing', async () => {
    const stored = await popup.evaluate(storedAnnotations);
    const file = await downloaded(downloads, () => popup.click('button[data-format="jsonld"]'));
    const json = { name: file.name, text: file.data.toString('utf8') };
    expect(json.name).toMatch(/^gloss-\d{4}-\d{2}-\d{2}-all\.jsonld$/);
    const doc = JSON.parse(json.text) as {
      type: string;
      first: { items: { id: string; target: { source: string; selector: { type: string; exact?: string }[] } }[] };
    };
    expect(doc.type).toBe('AnnotationCollection');
    expect(exportedIds(doc)).toEqual(stored.map((a) => a.id));
    const [item] = doc.first.items;
    expect(item.target.source).toBe(stored[0].url);
    expect(item.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(WORDS);
    expect(await popup.$eval('.export .status', (s) => s.textContent)).toBe('Exported 1 highlight.');

    const input = (await popup.$('.export input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(downloads, json.name));
    await popup.waitForFunction(
      () => document.querySelector('.export .status')?.textContent === 'Imported: 0 new, 0 updated, 1 unchanged.',
      { polling: 50, timeout: 15_000 },
    );
    expect(await popup.evaluate(storedAnnotations)).toEqual(stored);
  });

  it('threw no error and made no request meanwhile', async () => {
    expect(await seen()).toEqual({ errors: [], requests: [] });
  });
});
