/**
 * The library and the popup's library link in Firefox ESR with the built
 * extension and its real IndexedDB: search as you type, filters by tag, site
 * and dates, a highlight edited through its dialog, deleted and restored (a
 * click on Delete and Undo; the Delete key and Ctrl+Z; Delete in the dialog),
 * the place kept after a deletion far down the list, the search result
 * exported and parsed back, a click to the passage; with the real mouse and
 * keyboard. Gloss's pages are opened through WebDriver BiDi with system
 * access (`launchFirefox`).
 *
 * These steps were skipped here once ("BiDi clicks never reach the row's
 * buttons"). They do reach them: at the commit that skipped them and since,
 * `document.elementFromPoint` at the click point is the Edit button, the
 * click, pointerdown and mousedown land on it, the dialog opens modal, and
 * nothing is thrown. The one way found to see what was described (a dialog in
 * the DOM but not `open`, arrow keys not moving the focus) is to drive the
 * library while another tab is in front: Firefox then reports the page hidden,
 * runs no animation frame and throttles timers to one second, and Preact runs
 * effects (the dialog's `showModal`, the list's focus) after a frame or a
 * timer, so about a second late. A test-driving matter, not a Gloss bug: the
 * library stays the selected tab here, and every step waits for what it
 * expects rather than for a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { makeLibrary } from '../../scripts/lib/library-seed';
import type { Annotation } from '../../utils/db/types';
import { downloaded, launchFirefox, type FirefoxSession } from './harness/firefox';
import { seed, type Evaluate } from './harness/library';
import { expectedIds, exportedIds } from './harness/library-oracle';
import { storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { addServedHighlight, bidiOf, openGlossPage } from './harness/twins';
import { observe } from './harness/sweep-firefox';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let lib: Page;
let downloads: string;
/** A page served here, with one highlight on it, to follow its link to the passage. */
let article: string;
const records = makeLibrary(59, 8, { seed: 9 });
/** What Gloss's code threw (script errors from its pages, seen from the browser's chrome scope) and requested. */
let seen: () => Promise<{ errors: string[]; requests: string[] }>;

/** Opens one of Gloss's pages in `lib` (a plain goto may not reach moz-extension pages). */
const open = (path: string) => openGlossPage(session, lib, path);

const stored = async (id: string): Promise<Annotation | undefined> =>
  (await lib.evaluate(storedAnnotations)).find((a) => a.id === id);
const matchCount = async () =>
  Number(
    ((await lib.$eval('.summary', (e) => e.textContent)) ?? '').match(/^([\d,]+) of/)?.[1].replace(/,/g, '') ?? NaN,
  );
/** Waits until the "N of M highlights" figure is `n`. */
const waitForCount = (n: number) =>
  lib.waitForFunction(
    (want: number) =>
      document.querySelector('main[aria-busy="false"]') &&
      Number(
        document
          .querySelector('.summary')
          ?.textContent?.match(/^([\d,]+) of/)?.[1]
          .replace(/,/g, ''),
      ) === want,
    { polling: 50 },
    n,
  );

/** The ids of the highlight rows the list has drawn, top to bottom. */
const shownIds = () =>
  lib.$$eval('.note-row[data-id]', (rows) =>
    rows
      .map((r) => ({ id: r.getAttribute('data-id')!, top: r.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.id),
  );
const row = (id: string) => `[data-row]:has(.note-row[data-id="${id}"])`;

/** Types into the search box key by key and waits for the answer to the whole text. */
async function search(text: string): Promise<void> {
  await lib.click('#library-search', { count: 3 });
  await lib.keyboard.press('Backspace');
  if (text) await lib.type('#library-search', text);
  await lib.waitForSelector(`main[data-results-for="${text}"][aria-busy="false"]`);
}

/**
 * Sets a date field and fires its `change`, as the browser does when a reader picks a day. Not typed: in headless
 * Firefox driven through BiDi, every digit typed lands in the month part of the field (it ends as "05" after
 * "01012025"), and neither ArrowRight nor Tab moves to the day part; the Chromium test types the dates.
 */
async function setDate(label: string, iso: string): Promise<void> {
  await lib.$eval(
    `input[aria-label="${label}"]`,
    (input, value) => {
      (input as HTMLInputElement).value = value as string;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    iso,
  );
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  article = addServedHighlight(records, server.origin);
  downloads = mkdtempSync(join(tmpdir(), 'gloss-ff-downloads-'));
  session = await launchFirefox({ systemAccess: true, downloads });
  lib = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  // Puppeteer reports no console or page error of a moz-extension page: the sweep's chrome-scope observer does.
  seen = await observe(session);
  await open('library.html');
  await lib.waitForSelector('.summary');
  const evaluate: Evaluate = (fn, arg) => lib.evaluate(fn as (x: unknown) => unknown, arg);
  expect(await seed(evaluate, records, 25)).toBe(60);
  await open('library.html');
  await lib.waitForSelector('main[data-complete="true"] .note-row[data-id]');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('the library, in Firefox', () => {
  it('lists and searches every highlight as the reader types', async () => {
    expect(await matchCount()).toBe(60);
    expect((await shownIds())[0]).toBe(expectedIds(records, {})[0]);
    const word = records.annotations[7].exact.split(' ')[2];
    await search(word.slice(0, 3));
    expect(await matchCount()).toBe(expectedIds(records, { text: word.slice(0, 3) }).length);
    expect((await shownIds())[0]).toBe(expectedIds(records, { text: word.slice(0, 3) })[0]);
    await search(word);
    expect(await matchCount()).toBe(expectedIds(records, { text: word }).length);
    expect((await shownIds()).slice(0, 3)).toEqual(expectedIds(records, { text: word }).slice(0, 3));
    await search('zzzqqq');
    expect(await lib.$eval('.results .empty', (e) => e.textContent)).toContain('No highlight matches “zzzqqq”');
    await search('');
    await waitForCount(60);
  });

  it('filters by tag, site and dates', async () => {
    const tag = records.annotations.find((a) => a.tags.length)!.tags[0];
    await lib.select('select[aria-label="Filter by tag"]', tag);
    await waitForCount(expectedIds(records, { tag }).length);
    expect((await shownIds())[0]).toBe(expectedIds(records, { tag })[0]);
    await lib.select('select[aria-label="Filter by tag"]', '');
    await waitForCount(60);

    const site = records.pages[5].site;
    await lib.type('input[aria-label="Filter by site"]', site);
    await lib.keyboard.press('Enter');
    await waitForCount(expectedIds(records, { site }).length);
    expect(await shownIds()).toEqual(expectedIds(records, { site }).slice(0, (await shownIds()).length));
    await lib.click('input[aria-label="Filter by site"]', { count: 3 });
    await lib.keyboard.press('Backspace');
    await waitForCount(60);

    await setDate('From date', '2025-01-01');
    await setDate('To date', '2025-06-30');
    const from = new Date(2025, 0, 1).getTime();
    const to = new Date(2025, 6, 1).getTime();
    expect(expectedIds(records, { from, to }).length).toBeGreaterThan(0);
    await waitForCount(expectedIds(records, { from, to }).length);
    await lib.click('.filters button');
    await waitForCount(60);
  });

  it('edits a highlight’s note, tags and colour in its dialog, with real clicks and typing', async () => {
    const id = (await shownIds())[0];
    const before = (await stored(id))!;
    const colour = before.color === 'blue' ? 'pink' : 'blue';
    await lib.click(`${row(id)} button[aria-label="Edit this highlight"]`);
    await lib.waitForSelector('dialog[open] textarea');
    expect(await lib.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await lib.keyboard.down('Control');
    await lib.keyboard.press('a');
    await lib.keyboard.up('Control');
    await lib.keyboard.type('A note typed in Firefox');
    await lib.keyboard.press('Tab');
    await lib.keyboard.type(' firefox, edited');
    await lib.click(`dialog [role="radio"][aria-label="${colour}"]`);
    await lib.click('dialog button[type="submit"]');
    await lib.waitForSelector('dialog[open]', { hidden: true });
    const edited = await stored(id);
    expect(edited).toMatchObject({ note: 'A note typed in Firefox', color: colour });
    expect(edited!.tags).toEqual([...before.tags, 'firefox', 'edited']);
    await lib.waitForFunction(
      (sel: string) => document.querySelector(`${sel} .note-note`)?.textContent === 'A note typed in Firefox',
      { polling: 50 },
      row(id),
    );
    await search('firef');
    expect(await shownIds()).toEqual([id]);
    await search('');
    await waitForCount(60);
  });

  it('deletes a highlight with its Delete button and puts it back with Undo', async () => {
    const id = (await shownIds())[1];
    const before = await stored(id);
    await lib.click(`${row(id)} button[aria-label="Delete this highlight"]`);
    await lib.waitForSelector(`.note-row[data-id="${id}"]`, { hidden: true });
    await waitForCount(59);
    expect(await stored(id)).toBeUndefined();
    const undo = await lib.waitForSelector('.snackbar button');
    expect(await undo!.evaluate((b) => b.textContent)).toBe('Undo');
    await undo!.click();
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    await waitForCount(60);
    expect(await stored(id)).toEqual(before);
  });

  it('deletes a highlight from the keyboard (↓, Delete) and undoes it with Ctrl+Z', async () => {
    const [first, second] = await shownIds();
    const before = await stored(second);
    await lib.focus(row(first));
    await lib.keyboard.press('ArrowDown');
    await lib.waitForFunction(
      (sel: string) => document.activeElement === document.querySelector(sel),
      { polling: 50 },
      row(second),
    );
    await lib.keyboard.press('Delete');
    await lib.waitForSelector(`.note-row[data-id="${second}"]`, { hidden: true });
    await waitForCount(59);
    expect(await stored(second)).toBeUndefined();
    expect(await stored(first)).toBeDefined();
    await lib.keyboard.down('Control');
    await lib.keyboard.press('z');
    await lib.keyboard.up('Control');
    await lib.waitForSelector(`.note-row[data-id="${second}"]`);
    await waitForCount(60);
    expect(await stored(second)).toEqual(before);
  });

  it('opens the edit dialog from the keyboard (E, as with Caps Lock on) and deletes from it', async () => {
    const id = (await shownIds())[2];
    await lib.focus(row(id));
    await lib.keyboard.press('E');
    await lib.waitForSelector('dialog[open] textarea');
    await lib.click('dialog button.danger');
    await lib.waitForSelector('dialog', { hidden: true });
    await waitForCount(59);
    expect(await stored(id)).toBeUndefined();
    await lib.click('.snackbar button');
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    await waitForCount(60);
  });

  it('keeps the reader’s place and focus after a deletion far down the list, and after its undo', async () => {
    const focusedRow = () => lib.evaluate(() => Number((document.activeElement as HTMLElement).dataset.row ?? NaN));
    /** Presses `key` on the focused row and waits for the focus to reach row `to`. */
    const press = async (key: KeyInput, to: number) => {
      await lib.keyboard.press(key);
      await lib.waitForFunction(
        (n: number) => (document.activeElement as HTMLElement).dataset.row === String(n),
        { polling: 50 },
        to,
      );
    };
    await lib.focus('[data-row="1"]');
    const last = await lib.$eval('.virtual [role="listitem"]', (r) => Number(r.getAttribute('aria-setsize')) - 1);
    await press('End', last);
    await press('ArrowUp', last - 1);
    await press('ArrowUp', last - 2);
    const at = await focusedRow();
    const id = await lib.$eval(`[data-row="${at}"] .note-row`, (r) => r.getAttribute('data-id')!);
    const scrolled = await lib.$eval('.virtual', (v) => v.scrollTop);
    expect(scrolled).toBeGreaterThan(1000);

    await lib.keyboard.press('Delete');
    await waitForCount(59);
    expect(await stored(id)).toBeUndefined();
    // The list stays where it was, and the focus on the row that took the deleted one's place.
    expect(await lib.$eval('.virtual', (v) => v.scrollTop)).toBeGreaterThan(scrolled - 200);
    expect(await focusedRow()).toBe(at);
    await press('ArrowUp', at - 1);

    await lib.keyboard.down('Control');
    await lib.keyboard.press('z');
    await lib.keyboard.up('Control');
    await waitForCount(60);
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    expect(await lib.$eval('.virtual', (v) => v.scrollTop)).toBeGreaterThan(scrolled - 200);
    expect(await focusedRow()).toBe(at - 1);
  });

  it('exports the search result as a file parsed back to the same highlights', async () => {
    const word = records.annotations[40].exact.split(' ')[0];
    await search(word);
    const expected = expectedIds(records, { text: word });
    await lib.select('.export-bar select', 'jsonld');
    const file = await downloaded(downloads, () => lib.click('button[data-scope="search"]'));
    expect(file.name).toMatch(/^gloss-\d{4}-\d{2}-\d{2}-search-[\p{L}\p{N}.-]+\.jsonld$/u);
    expect(exportedIds(file.data.toString('utf8')).sort()).toEqual([...expected].sort());
    await search('');
  });

  it('threw no error and made no request meanwhile', async () => {
    const { errors, requests } = await seen();
    // Firefox's performance hint for any page that draws on scroll, as a windowed list does (its rows are drawn
    // six beyond each edge, so asynchronous panning shows no gap): a warning, not an error.
    const hint = /^This site appears to use a scroll-linked positioning effect/;
    expect(errors.filter((e) => !hint.test(e))).toEqual([]);
    expect(requests).toEqual([]);
  });
  it('opens the page at the passage on a click', async () => {
    await search('raised found');
    const href = await lib.$eval('.note-row .exact', (a) => a.getAttribute('href'));
    expect(href).toBe(`${article}#:~:text=raised%20foundations`);
    await lib.click('.note-row .exact');
    // Puppeteer does not see a tab that an extension page opens; WebDriver BiDi's tree of contexts does.
    const bidi = bidiOf(session);
    const tabs = async () =>
      (
        (await bidi.send('browsingContext.getTree', {})) as {
          result: { contexts: { context: string; url: string }[] };
        }
      ).result.contexts;
    await expect.poll(async () => (await tabs()).find((c) => c.url.startsWith(article))?.url).toBe(href);
    const tab = (await tabs()).find((c) => c.url.startsWith(article))!;
    // Gloss paints the opened page. (Closed while Gloss works in it, Firefox reports Gloss's content script cut
    // off: "Script terminated by timeout", "Promise rejected after context unloaded"; so the check for errors
    // comes before this step.)
    const painted = async () =>
      (
        (await bidi.send('script.evaluate', {
          expression: `CSS.highlights.has('gloss-quote')`,
          target: { context: tab.context },
          awaitPromise: false,
        })) as { result: { result?: { value?: boolean } } }
      ).result.result?.value;
    await expect.poll(painted, { timeout: 30_000 }).toBe(true);
    await bidi.send('browsingContext.close', { context: tab.context });
    await lib.bringToFront();
    await search('');
  });
});

describe('the popup, in Firefox', () => {
  it('focuses its search box, finds notes on every page and links to the library', async () => {
    await open('popup.html');
    await lib.waitForSelector('[role="tab"]');
    const tabs = await lib.$$('[role="tab"]');
    await tabs[3].click();
    await lib.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
    const word = records.annotations[3].exact.split(' ')[0];
    await lib.keyboard.type(word);
    await lib.waitForSelector('.notes .note');
    expect(await lib.$eval('.links a', (a) => a.getAttribute('href'))).toBe('/library.html');
  });
});
