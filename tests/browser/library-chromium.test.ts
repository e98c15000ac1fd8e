/**
 * The library page in Chromium with the built extension and its real
 * IndexedDB: search as you type, filters, edit, delete and undo, a click to
 * the passage, exports; the options page saved and applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeLibrary } from '../../scripts/lib/library-seed';
import { annotationRecord } from '../../utils/db/records';
import { exportFile } from '../../utils/export';
import type { Annotation } from '../../utils/db/types';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { seed, type Evaluate } from './harness/library';
import { expectedIds, exportedIds } from './harness/library-oracle';
import { otherTabId, pageStateOf, selectText, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { addServedHighlight } from './harness/twins';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let lib: Page;
let base: string;
let article: string;
const records = makeLibrary(120, 15, { seed: 3 });

const stored = async (id: string): Promise<Annotation | undefined> =>
  (await lib.evaluate(storedAnnotations)).find((a) => a.id === id);

/** The ids of the highlight rows the list has drawn, top to bottom. */
const shownIds = () =>
  lib.$$eval('.note-row[data-id]', (rows) =>
    rows
      .map((r) => ({ id: r.getAttribute('data-id')!, top: r.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.id),
  );

/** Types into the search box key by key and waits for the answer to the whole text. */
async function search(text: string): Promise<void> {
  await lib.fill('#library-search', '');
  await lib.locator('#library-search').pressSequentially(text);
  await lib.waitForSelector(`main[data-results-for="${text}"][aria-busy="false"]`);
}

/** The "N of M highlights" figure. */
const matchCount = async () => Number((await lib.textContent('.summary'))!.match(/^([\d,]+) of/)![1].replace(/,/g, ''));

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  base = `chrome-extension://${session.extensionId}`;
  article = addServedHighlight(records, server.origin);
  lib = session.context.pages()[0] ?? (await session.context.newPage());
  await lib.goto(`${base}/library.html`);
  await lib.waitForSelector('.summary');
  const evaluate: Evaluate = (fn, arg) => lib.evaluate(fn as (x: unknown) => unknown, arg);
  expect(await seed(evaluate, records, 50)).toBe(121);
  await lib.reload();
  // The whole catalog and the word index read (the first screen shows the newest 60 before them).
  await lib.waitForSelector('main[data-complete="true"][data-indexed="true"] .note-row[data-id]');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the library, in Chromium', () => {
  it('lists every highlight grouped by page, newest first, with the search box focused', async () => {
    expect(await lib.textContent('.summary')).toMatch(/^121 of 121 highlights, on 16 pages/);
    expect(await lib.evaluate(() => document.activeElement?.id)).toBe('library-search');
    const newest = expectedIds(records, {})[0];
    expect((await shownIds())[0]).toBe(newest);
  });

  it('searches as the reader types, by word prefixes in quote, note, tags, title and site', async () => {
    const a = records.annotations[17];
    const quoteWord = a.exact.split(' ')[1];
    // A lone letter is searched too (many matches, grouped by page: the newest comes first).
    const letter = quoteWord.slice(0, 1);
    await search(letter);
    expect(await matchCount()).toBe(expectedIds(records, { text: letter }).length);
    expect((await shownIds())[0]).toBe(expectedIds(records, { text: letter })[0]);
    for (const text of [
      quoteWord.slice(0, 3),
      quoteWord,
      `${quoteWord.slice(0, 4)} ${a.exact.split(' ')[3].slice(0, 2)}`,
    ]) {
      await search(text);
      const expected = expectedIds(records, { text });
      expect(await matchCount()).toBe(expected.length);
      expect((await shownIds()).slice(0, 3)).toEqual(expected.slice(0, 3));
    }
    const title = records.pages[2].title.split(' ')[0];
    await search(title);
    expect(await matchCount()).toBe(expectedIds(records, { text: title }).length);
    await search('zzzqqq');
    expect(await lib.textContent('.results .empty')).toContain('No highlight matches “zzzqqq”');
    await search('');
  });

  it('filters by tag, site and dates', async () => {
    const tag = records.annotations.find((a) => a.tags.length)!.tags[0];
    await lib.getByLabel('Filter by tag').selectOption(tag);
    await lib.waitForSelector(`main[aria-busy="false"]`);
    await expect.poll(matchCount).toBe(expectedIds(records, { tag }).length);
    await lib.getByLabel('Filter by tag').selectOption('');
    const site = records.pages[5].site;
    await lib.getByLabel('Filter by site').fill(site);
    await lib.getByLabel('Filter by site').press('Enter');
    await expect.poll(matchCount).toBe(expectedIds(records, { site }).length);
    await lib.getByLabel('Filter by site').fill('');
    await lib.getByLabel('Filter by site').press('Tab');
    await lib.getByLabel('From date').fill('2025-01-01');
    await lib.getByLabel('To date').fill('2025-06-30');
    const from = new Date(2025, 0, 1).getTime();
    const to = new Date(2025, 6, 1).getTime();
    await expect.poll(matchCount).toBe(expectedIds(records, { from, to }).length);
    await lib.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(matchCount).toBe(121);
  });

  it('lays the filter row out whole from 800 to 1600 px: the dates together, nothing beyond the window', async () => {
    await lib.getByLabel('From date').fill('2025-01-01'); // "Clear filters" shown too
    await lib.getByRole('button', { name: 'Clear filters' }).waitFor();
    for (const width of [800, 900, 1000, 1100, 1150, 1200, 1300, 1400, 1600]) {
      await lib.setViewportSize({ width, height: 900 });
      const layout = await lib.evaluate(() => {
        const box = (label: string) => document.querySelector(`[aria-label="${label}"]`)!.getBoundingClientRect();
        const controls = [...document.querySelectorAll('.filters input, .filters select, .filters button')];
        return {
          from: box('From date').top,
          to: box('To date').top,
          right: Math.max(...controls.map((c) => c.getBoundingClientRect().right)),
          window: document.documentElement.clientWidth,
          search: box('Search your highlights').width,
        };
      });
      expect(layout.to, `${width} px`).toBe(layout.from);
      expect(layout.right, `${width} px`).toBeLessThanOrEqual(layout.window);
      expect(layout.search, `${width} px`).toBeGreaterThanOrEqual(160);
    }
    await lib.setViewportSize({ width: 1200, height: 900 });
    await lib.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(matchCount).toBe(121);
  });

  it('edits a highlight’s note, tags and colour from the keyboard', async () => {
    const id = (await shownIds())[0];
    await lib.focus(`.note-row[data-id="${id}"]`).catch(() => {});
    await lib.locator(`[data-row]:has(.note-row[data-id="${id}"])`).focus();
    await lib.keyboard.press('e');
    await lib.waitForSelector('dialog[open]');
    await lib.keyboard.press('Control+A');
    await lib.keyboard.type('A note from the library');
    await lib.keyboard.press('Tab');
    await lib.keyboard.press('Control+A');
    await lib.keyboard.type('edited, library');
    await lib.locator('dialog [role="radio"][aria-label="blue"]').click();
    await lib.getByRole('button', { name: 'Save' }).click();
    await lib.waitForSelector('dialog[open]', { state: 'detached' });
    expect(await stored(id)).toMatchObject({
      note: 'A note from the library',
      tags: ['edited', 'library'],
      color: 'blue',
    });
    expect(await lib.textContent(`.note-row[data-id="${id}"] .note-note`)).toBe('A note from the library');
    await search('edited');
    expect(await shownIds()).toEqual([id]);
    await search('');
  });

  it('deletes a highlight with the Delete key and puts it back with Undo', async () => {
    const id = (await shownIds())[1];
    const before = await stored(id);
    await lib.locator(`[data-row]:has(.note-row[data-id="${id}"])`).focus();
    await lib.keyboard.press('Delete');
    await lib.waitForSelector(`.note-row[data-id="${id}"]`, { state: 'detached' });
    expect(await stored(id)).toBeUndefined();
    await expect.poll(matchCount).toBe(120);
    await lib.getByRole('button', { name: 'Undo' }).click();
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    expect(await stored(id)).toEqual(before);
    await expect.poll(matchCount).toBe(121);
  });

  it('keeps the reader’s place and focus after a deletion far down the list, and after its undo', async () => {
    const focusedRow = () => lib.evaluate(() => Number((document.activeElement as HTMLElement).dataset.row ?? NaN));
    /** Presses `key` on the focused row and waits for the focus to reach row `to`. */
    const press = async (key: string, to: number) => {
      await lib.keyboard.press(key);
      await lib.waitForFunction((n) => (document.activeElement as HTMLElement).dataset.row === String(n), to);
    };
    await lib.locator('[data-row="1"]').focus();
    const last = Number(await lib.locator('.virtual [role="listitem"]').first().getAttribute('aria-setsize')) - 1;
    await press('End', last);
    await press('ArrowUp', last - 1);
    await press('ArrowUp', last - 2);
    const at = await focusedRow();
    const id = (await lib.locator(`[data-row="${at}"] .note-row`).getAttribute('data-id'))!;
    const scrolled = await lib.$eval('.virtual', (v) => v.scrollTop);
    expect(scrolled).toBeGreaterThan(1000);

    await lib.keyboard.press('Delete');
    await expect.poll(matchCount).toBe(120);
    expect(await stored(id)).toBeUndefined();
    // The list stays where it was, and the focus on the row that took the deleted one's place.
    expect(await lib.$eval('.virtual', (v) => v.scrollTop)).toBeGreaterThan(scrolled - 200);
    expect(await focusedRow()).toBe(at);
    await press('ArrowUp', at - 1);

    // Key 'Z' without Shift, as with Caps Lock on (it used to fall to the browser's own undo, in the search box).
    await lib.keyboard.press('Control+Z');
    await expect.poll(matchCount).toBe(121);
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    expect(await lib.$eval('.virtual', (v) => v.scrollTop)).toBeGreaterThan(scrolled - 200);
    expect(await focusedRow()).toBe(at - 1);
  });

  it('opens the page at the passage on a click', async () => {
    await search('raised found');
    const link = lib.locator('.note-row .exact').first();
    expect(await link.getAttribute('href')).toBe(`${article}#:~:text=raised%20foundations`);
    const [tab] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('load');
    expect(tab.url().split('#')[0]).toBe(article);
    await tab.close();
    await search('');
  });

  it('exports the search result as a file parsed back to the same highlights', async () => {
    const word = records.annotations[40].exact.split(' ')[0];
    await search(word);
    const expected = expectedIds(records, { text: word });
    await lib.getByLabel('Export as').selectOption('jsonld');
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.click('button[data-scope="search"]')]);
    expect(download.suggestedFilename()).toMatch(/^gloss-\d{4}-\d{2}-\d{2}-search-[\p{L}\p{N}.-]+\.jsonld$/u);
    const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(exportedIds(text).sort()).toEqual([...expected].sort());
    await search('');
  });

  it('imports a backup itself, lists it at once, and an open tab of a changed page paints it', async () => {
    const tab = await session.context.newPage();
    await tab.goto(article);
    await tab.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
    const exact = 'generators sit on the roof';
    const added = annotationRecord({
      id: '30000000-0000-4000-8000-000000000001',
      url: article,
      createdAt: Date.UTC(2026, 0, 2),
      updatedAt: Date.UTC(2026, 0, 2),
      target: {
        source: article,
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact,
            prefix: 'The new building stands on raised foundations, and its ',
            suffix: ' rather than in the basement.',
          },
          position: { type: 'TextPositionSelector', start: 700, end: 700 + exact.length },
        },
      },
      color: 'blue',
      note: 'from the backup',
      tags: [],
    });
    const json = exportFile('jsonld', [], [added]).data as string;
    const before = await matchCount();
    await lib.bringToFront();
    await lib.setInputFiles('#library-import', {
      name: 'backup.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(json),
    });
    await lib.waitForFunction(
      () => document.querySelector('.snackbar-area')?.textContent === 'Imported: 1 new, 0 updated, 0 unchanged.',
    );
    await lib.waitForFunction(
      (n) => document.querySelector('.summary')?.textContent?.startsWith(`${n} of ${n}`),
      before + 1,
    );
    expect((await stored(added.id))?.note).toBe('from the backup');
    await tab.waitForFunction(
      (w) =>
        [...CSS.highlights].some(
          ([name, h]) => name.startsWith('gloss-user-blue') && [...h].some((r) => r.toString() === w),
        ),
      exact,
      { timeout: 15_000 },
    );
    await tab.close();
    // Leave the library as the tests below count it.
    await lib.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ gloss: 1, type: 'annotation:delete', payload: { id } }),
      added.id,
    );
    expect(await stored(added.id)).toBeUndefined();
  });
});

describe('the options page, in Chromium', () => {
  it('shows the storage used and when the notes were last exported', async () => {
    await lib.goto(`${base}/options.html`);
    expect(await lib.textContent('[data-testid="storage"]')).toMatch(
      /^121 highlights on 16 pages; [\d.]+ (kB|MB) used/,
    );
    expect(await lib.textContent('[data-testid="last-export"]')).toBe('Last export: today.');
  });

  it('saves the default colour, and a new highlight takes it', async () => {
    await lib.getByLabel('pink is the default colour').check();
    await lib.getByLabel('Name for pink').fill('Question');
    await lib.getByLabel('Name for pink').press('Tab');
    await lib.reload();
    expect(await lib.getByLabel('Question is the default colour').isChecked()).toBe(true);
    const page = await session.context.newPage();
    await page.goto(article);
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
    expect(await page.evaluate(selectText, 'four million pounds')).toBe(true);
    await page.keyboard.press('Shift'); // a keyboard selection: the toolbar takes the focus
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await lib.evaluate(storedAnnotations)).find((a) => a.exact === 'four million pounds')?.color)
      .toBe('pink');
    await page.close();
  });

  it('saves a site rule, and Gloss leaves that site alone', async () => {
    await lib.getByLabel('Site', { exact: true }).fill('127.0.0.1');
    await lib.getByLabel('Rule for the new site').selectOption('never');
    await lib.getByRole('button', { name: 'Add rule' }).click();
    await lib.waitForSelector('tr[data-site="127.0.0.1"]');
    const page = await session.context.newPage();
    await page.goto(article);
    await lib.goto(`${base}/popup.html`);
    const tabId = await lib.evaluate(otherTabId);
    await expect.poll(() => lib.evaluate(pageStateOf, tabId).then((s) => s?.status), { timeout: 20_000 }).toBe('never');
    await page.close();
  });
});

describe('the popup, in Chromium', () => {
  it('focuses its search box and links to the library', async () => {
    const page = await session.context.newPage();
    await page.goto(article);
    await lib.goto(`${base}/popup.html`);
    const tabId = await lib.evaluate(otherTabId);
    await lib.goto(`${base}/popup.html?tab=${tabId}`);
    await lib.getByRole('tab', { name: 'Search' }).click();
    await expect.poll(() => lib.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await lib.keyboard.type('raised');
    await lib.waitForSelector('.notes .note');
    expect(await lib.getByRole('link', { name: 'Library' }).getAttribute('href')).toBe('/library.html');
    const [tab] = await Promise.all([
      session.context.waitForEvent('page'),
      lib.getByRole('link', { name: 'Library' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${base}/library.html`);
    await tab.close();
    await page.close();
  });
});
