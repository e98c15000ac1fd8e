/**
 * The reader's highlights in the page, in Chromium with the built extension:
 * tags completed from the reader's own, a highlight opened by a click (or the
 * keyboard shortcut) to change its note, tags and colour or to delete it with
 * Undo, all of it back after a reload; the hover card of a name inside a
 * quotation. Gloss's UI is reached in its closed shadow root through the
 * DevTools protocol and worked with the real mouse and keyboard.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { splitNote } from '../unit/export/front-matter';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { Overlay } from './harness/overlay';
import {
  caretInto,
  domDifference,
  otherTabId,
  readHighlights,
  selectText,
  sendToTab,
  storedAnnotations,
  textEnds,
} from './harness/page';
import { highlightMessage } from './harness/twins';
import { ROOTS, serve } from './harness/server';
import { exportedIds } from './harness/library-oracle';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let gloss: Page;
let overlay: Overlay;
let url: string;

const stored = async (exact: string) => (await gloss.evaluate(storedAnnotations)).find((a) => a.exact === exact);

/** The texts painted in the reader's highlight layers, by colour (light or dark layer names alike). */
async function userLayers(p: Page = page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, texts] of Object.entries(await p.evaluate(readHighlights))) {
    const colour = /^gloss-user-(\w+)/.exec(name)?.[1];
    if (colour) out[colour] = [...(out[colour] ?? []), ...texts];
  }
  return out;
}

async function waitForColour(colour: string, words: string, present = true, p: Page = page): Promise<void> {
  await p.waitForFunction(
    ([c, w, yes]) => {
      const painted = [...CSS.highlights]
        .filter(([name]) => name === `gloss-user-${c}` || name === `gloss-user-${c}-dark`)
        .some(([, h]) => [...h].some((r) => r.toString() === w));
      return painted === yes;
    },
    [colour, words, present] as [string, string, boolean],
    { timeout: 15_000 },
  );
}

/** Selects `words` with a real drag of the mouse. */
async function drag(words: string, p: Page = page): Promise<void> {
  await p.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if ((n as Text).data.includes(w)) return n.parentElement!.scrollIntoView({ block: 'center' });
  }, words);
  const ends = (await p.evaluate(textEnds, words))!;
  await p.mouse.move(ends.from.x, ends.from.y);
  await p.mouse.down();
  await p.mouse.move(ends.to.x, ends.to.y, { steps: 4 });
  await p.mouse.up();
  expect(await p.evaluate(() => getSelection()!.toString())).toBe(words);
}

/** Clicks the middle of `words` (on its first line) with the real mouse. */
async function clickOn(words: string, p: Page = page): Promise<void> {
  const ends = (await p.evaluate(textEnds, words))!;
  const x = ends.to.y === ends.from.y ? (ends.from.x + ends.to.x) / 2 : ends.from.x + 10;
  await p.mouse.click(x, ends.from.y);
}

/** Saves `words` through the toolbar with a note, tags and colour. */
async function highlight(words: string, { note = '', tags = '', colour = 'yellow' } = {}): Promise<void> {
  await drag(words);
  await overlay.click('.toolbar button.link');
  if (note) await overlay.fill('.toolbar [aria-label="Note"]', note);
  if (tags) await overlay.fill('.toolbar [aria-label="Tags"]', tags);
  await overlay.click(`.toolbar [role="radio"][aria-label="${colour}"]`);
  await overlay.click('.toolbar button[data-action="save"]');
  await overlay.waitFor('.toolbar', true);
  await waitForColour(colour, words);
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  page = session.context.pages()[0] ?? (await session.context.newPage());
  url = `${server.origin}/fixtures/notes/index.html`;
  await page.goto(url);
  await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
  overlay = await Overlay.of(page);
  gloss = await session.context.newPage();
  await gloss.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the reader’s highlights in the page, in Chromium', () => {
  it('says there is nothing to export before the first highlight (popup and options), and downloads nothing', async () => {
    const popup = await session.context.newPage();
    let downloads = 0;
    popup.on('download', () => downloads++);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Markdown' }).click();
    await popup.getByText('Nothing to export yet').waitFor();
    // Nor does the options page warn that the notes were never backed up, or download an empty file.
    await popup.goto(`chrome-extension://${session.extensionId}/options.html`);
    const reminder = popup.getByTestId('last-export');
    await expect.poll(() => reminder.textContent()).toMatch(/^Nothing to export yet/);
    expect(await reminder.getAttribute('class')).toBe('');
    await popup.getByRole('button', { name: /Export everything now/ }).click();
    await popup.locator('.snackbar', { hasText: 'Nothing to export yet' }).waitFor();
    await popup.waitForTimeout(500);
    expect(downloads).toBe(0);
    await popup.close();
    await page.bringToFront();
  });

  it('completes tags from the ones the reader has used, without putting them in the page', async () => {
    await highlight('harbour clinic in Port Ellis', { note: 'Where it happened', tags: 'healthcare, flooding' });
    expect(await stored('harbour clinic in Port Ellis')).toMatchObject({ tags: ['healthcare', 'flooding'] });

    await drag('raised foundations');
    await overlay.click('.toolbar button.link');
    await overlay.fill('.toolbar [aria-label="Tags"]', 'hea');
    await overlay.waitFor('.toolbar .suggestions [role="option"]');
    expect(await overlay.texts('.toolbar .suggestions', '[role="option"]')).toEqual(['healthcare']);
    // The list and the reader's tags are in the closed shadow root only.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('healthcare'))).toBe(false);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); // takes the tag; does not save yet
    expect(await overlay.value('.toolbar [aria-label="Tags"]')).toBe('healthcare, ');
    await page.keyboard.type('fl');
    await overlay.click('.toolbar .suggestions [role="option"]');
    expect(await overlay.value('.toolbar [aria-label="Tags"]')).toBe('healthcare, flooding, ');
    await page.keyboard.press('Enter'); // no suggestion chosen: saves
    await overlay.waitFor('.toolbar', true);
    await waitForColour('yellow', 'raised foundations');
    expect(await stored('raised foundations')).toMatchObject({ tags: ['healthcare', 'flooding'] });
  });

  it('opens a highlight on a click to change its note, tags and colour; the page repaints; a reload keeps it', async () => {
    // A click a page script makes up (isTrusted false) opens nothing.
    const ends = (await page.evaluate(textEnds, 'raised foundations'))!;
    await page.evaluate(
      ([x, y]) => {
        const target = document.elementFromPoint(x, y)!;
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0, detail: 1 }));
      },
      [(ends.from.x + ends.to.x) / 2, ends.from.y] as [number, number],
    );
    await page.waitForTimeout(300);
    expect(await page.locator('gloss-overlay').count()).toBe(0);

    await clickOn('raised foundations');
    await overlay.waitFor('.editor');
    expect(await overlay.value('.editor [aria-label="Note"]')).toBe('');
    // The note has the focus: the reader types at once.
    await page.keyboard.type('Built to stay dry');
    await overlay.fill('.editor [aria-label="Tags"]', ', resilience');
    await overlay.click('.editor [role="radio"][aria-label="blue"]');
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Built to stay dry'))).toBe(false);
    await overlay.click('.editor button[data-action="save"]');
    await overlay.waitFor('.editor', true);
    await waitForColour('blue', 'raised foundations');
    await waitForColour('yellow', 'raised foundations', false);
    expect(await stored('raised foundations')).toMatchObject({
      note: 'Built to stay dry',
      tags: ['healthcare', 'flooding', 'resilience'],
      color: 'blue',
    });
    expect(await page.evaluate(domDifference)).toBeNull();

    await page.reload();
    await waitForColour('blue', 'raised foundations');
    await clickOn('raised foundations');
    await overlay.waitFor('.editor');
    expect(await overlay.value('.editor [aria-label="Note"]')).toBe('Built to stay dry');
    // Escape closes without saving what was typed.
    await page.keyboard.type(' (draft)');
    await page.keyboard.press('Escape');
    await overlay.waitFor('.editor', true);
    expect((await stored('raised foundations'))?.note).toBe('Built to stay dry');
  });

  it('deletes a highlight from the page and puts it back with Undo', async () => {
    const before = await stored('harbour clinic in Port Ellis');
    await clickOn('harbour clinic in Port Ellis');
    await overlay.waitFor('.editor');
    await overlay.click('.editor button[data-action="delete"]');
    await overlay.waitFor('.editor button[data-action="undo"]');
    await waitForColour('yellow', 'harbour clinic in Port Ellis', false);
    expect(await stored('harbour clinic in Port Ellis')).toBeUndefined();
    // Undo has the focus: Enter puts the highlight back, as it was.
    await page.keyboard.press('Enter');
    await overlay.waitFor('.editor [aria-label="Note"]');
    await waitForColour('yellow', 'harbour clinic in Port Ellis');
    expect(await stored('harbour clinic in Port Ellis')).toEqual(before);
    await page.keyboard.press('Escape');
    await overlay.waitFor('.editor', true);

    // Deleted for good: gone after a reload too.
    await clickOn('harbour clinic in Port Ellis');
    await overlay.click('.editor button[data-action="delete"]');
    await overlay.waitFor('.editor button[data-action="undo"]');
    await page.mouse.click(5, 5); // a click elsewhere closes the card
    await overlay.waitFor('.editor', true);
    await page.reload();
    await waitForColour('blue', 'raised foundations');
    expect((await userLayers()).yellow ?? []).not.toContain('harbour clinic in Port Ellis');
  });

  it('opens the highlight under the caret on the keyboard shortcut, focused for typing', async () => {
    const tabId = await gloss.evaluate(otherTabId);
    await page.evaluate(caretInto, ['raised foundations', 3] as const);
    // What the background sends the tab on Alt+Shift+H.
    const reply = await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    expect(reply).toEqual({ ok: true, value: true });
    await overlay.waitFor('.editor');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Retyped from the keyboard');
    // Shift+Tab to the colours (one tab stop), an arrow key to the next colour, Ctrl+Enter saves.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Enter');
    await overlay.waitFor('.editor', true);
    await waitForColour('pink', 'raised foundations');
    expect(await stored('raised foundations')).toMatchObject({ note: 'Retyped from the keyboard', color: 'pink' });
  });

  it('keeps Tab inside the toolbar and the highlight’s editor, from the last control to the first and back', async () => {
    // A selection ended from the keyboard: the toolbar takes the focus, on its Highlight button.
    expect(await page.evaluate(selectText, 'forced staff to treat patients')).toBe(true);
    await page.keyboard.press('Shift');
    await overlay.waitFor('.toolbar');
    await expect.poll(() => overlay.focusedName()).toBe('Highlight');
    const walk = async (key: string, times: number) => {
      const names: (string | null)[] = [];
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        names.push(await overlay.focusedName());
      }
      return names;
    };
    // Highlight, Close, then round to the colours (one stop) and "Note…"; and back the other way.
    expect(await walk('Tab', 3)).toEqual(['Close', 'yellow', 'Note…']);
    expect(await walk('Shift+Tab', 2)).toEqual(['yellow', 'Close']);
    await page.keyboard.press('Escape');
    await overlay.waitFor('.toolbar', true);

    // The editor of a highlight, opened from the keyboard on the note: its last control is Delete.
    const tabId = await gloss.evaluate(otherTabId);
    await page.evaluate(caretInto, ['raised foundations', 3] as const);
    await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    await overlay.waitFor('.editor');
    await expect.poll(() => overlay.focusedName()).toBe('Note');
    // Its hint stands on one line (it wrapped after "Esc", beside Save and Delete).
    expect(parseFloat(await overlay.style('.editor .hint', 'height'))).toBeLessThan(20);
    const forward = await walk('Tab', 6);
    expect(forward.slice(0, 3)).toEqual(['Tags', 'Save', 'Delete']);
    expect(forward.slice(3)).not.toContain(null);
    expect(await walk('Shift+Tab', 6)).toEqual(forward.slice(0, 5).reverse().concat('Note'));
    await page.keyboard.press('Escape');
    await overlay.waitFor('.editor', true);
  });

  it('stacks the cards of a name inside a quotation, so both can be read', async () => {
    const ends = (await page.evaluate(textEnds, 'Maria Santos'))!;
    await page.mouse.move((ends.from.x + ends.to.x) / 2, ends.from.y);
    await overlay.waitFor('.card');
    expect(await overlay.texts('.card', '.card-title')).toEqual(['Quotation', 'Person']);
    expect(await overlay.texts('.card', '.card-detail')).toEqual(['Daniel Okafor', 'Maria Santos']);
    await page.mouse.move(5, 5);
    await overlay.waitFor('.card', true);
  });
});

describe('export and import from the popup, in Chromium with real IndexedDB', () => {
  /** Clicks an export button in the popup and reads the downloaded file. */
  async function download(format: string): Promise<{ name: string; data: Buffer }> {
    const [file] = await Promise.all([
      gloss.waitForEvent('download') as Promise<Download>,
      gloss.click(`button[data-format="${format}"]`),
    ]);
    return { name: file.suggestedFilename(), data: await readFile((await file.path())!) };
  }

  /** Imports `json` through the popup's file input; resolves the (new) message the popup shows. */
  async function importJson(json: string): Promise<string> {
    const status = () => document.querySelector('.export .status')?.textContent ?? '';
    const before = await gloss.evaluate(status);
    await gloss.setInputFiles('.export input[type=file]', {
      name: 'backup.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(json),
    });
    await gloss.waitForFunction(
      (old) => (document.querySelector('.export .status')?.textContent ?? '') !== old,
      before,
      { timeout: 15_000 },
    );
    return gloss.evaluate(status);
  }

  it('downloads exports that parse back to what is stored', async () => {
    if ((await gloss.evaluate(storedAnnotations)).length === 0) await highlight('second doctor joins');
    const stored = await gloss.evaluate(storedAnnotations);
    const day = /^gloss-\d{4}-\d{2}-\d{2}-all/;

    const jsonld = await download('jsonld');
    expect(jsonld.name).toMatch(new RegExp(`${day.source}\\.jsonld$`));
    const doc = JSON.parse(jsonld.data.toString('utf8'));
    expect(doc.type).toBe('AnnotationCollection');
    expect(exportedIds(doc).sort()).toEqual(stored.map((a) => a.id).sort());

    const zip = await download('vault');
    expect(zip.name).toMatch(new RegExp(`${day.source}\\.zip$`));
    const notes = Object.values(unzipSync(new Uint8Array(zip.data))).map((f) => splitNote(strFromU8(f)));
    expect(notes.map((n) => n.meta.url)).toContain(url);
    const ours = notes.find((n) => n.meta.url === url)!;
    expect(ours.meta.title).toBe('Harbour clinic reopens after the floods');
    expect(ours.meta.publisher).toBe('Port Ellis Courier');
    for (const a of stored.filter((x) => x.url === url)) expect(ours.body).toContain(a.exact);

    const csv = await download('csv');
    expect(csv.data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.data.toString('utf8').trim().split('\r\n')).toHaveLength(stored.length + 1);
  });

  it('refuses a bad file with its message and leaves the data as it was; a good one paints the open page at once', async () => {
    const before = await gloss.evaluate(storedAnnotations);
    const doc = JSON.parse((await download('jsonld')).data.toString('utf8'));
    const exact = 'generators sit on the roof';
    const template = doc.first.items.find((a: { target: { source: string } }) => a.target.source === url);
    const added = {
      ...template,
      id: 'urn:uuid:7b0d3c1e-5f2a-4c8e-9d6b-2a1f0e9c8b7a',
      'gloss:color': 'blue',
      body: [{ type: 'TextualBody', value: 'Imported, **kept** as written', purpose: 'commenting' }],
      target: {
        source: url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: 'The new building stands on raised foundations, and its ',
            suffix: ' rather than in the basement.',
          },
          { type: 'TextPositionSelector', start: 700, end: 700 + exact.length },
        ],
      },
    };

    // One hostile record among good ones: nothing is written, and the popup says which and why.
    const hostile = {
      ...added,
      body: [{ type: 'TextualBody', value: '<img src=x onerror=alert(1)>', purpose: 'commenting' }],
    };
    const refused = await importJson(
      JSON.stringify({ ...doc, first: { ...doc.first, items: [...doc.first.items, hostile] } }),
    );
    expect(refused).toMatch(
      /^Nothing was imported: 1 record is not valid \(annotation \d+ \(urn:uuid:7b0d3c1e-.*\): note: must not contain HTML tags/,
    );
    expect(await importJson('{"type": "AnnotationCollection", "first": {"items": [')).toMatch(
      /^Nothing was imported: This file is not JSON/,
    );
    expect(await gloss.evaluate(storedAnnotations)).toEqual(before);

    // The same file fixed: the new highlight is added, the rest reported unchanged, and the open page paints it.
    const ok = await importJson(
      JSON.stringify({ ...doc, first: { ...doc.first, items: [...doc.first.items, added] } }),
    );
    expect(ok).toBe(`Imported: 1 new, 0 updated, ${before.length} unchanged.`);
    await waitForColour('blue', exact);
    expect(await stored(exact)).toMatchObject({ note: 'Imported, **kept** as written', color: 'blue' });
  });
});
