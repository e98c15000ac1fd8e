import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { Overlay } from './harness/overlay';
import { domDifference, otherTabId, readHighlights, selectText, sendToTab, textEnds } from './harness/page';
import { highlightMessage } from './harness/twins';
import { ROOTS, serve } from './harness/server';
import { expectSeedPainted } from './seed-expectations';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let url: string;

async function waitForHighlights(p: Page, layer: string): Promise<Record<string, string[]>> {
  await p.waitForFunction((name) => CSS.highlights.has(name), layer, { timeout: 30_000 });
  return p.evaluate(readHighlights);
}

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  page = session.context.pages()[0] ?? (await session.context.newPage());
  url = `${server.origin}/fixtures/seed/index.html`;
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the seed article in Chromium', () => {
  it('paints both quotations and the entities a careful reader would mark', async () => {
    await page.goto(url);
    expectSeedPainted(await waitForHighlights(page, 'gloss-quote'));
  });

  it('names the speaker when the pointer rests on a quotation', async () => {
    const box = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf('mutual learning');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 6);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    });
    await page.mouse.move(box!.x, box!.y);
    const overlay = await Overlay.of(page);
    expect(await overlay.text('.card .card-detail')).toBe('Wang Yi');
    await page.mouse.move(5, 5);
    await overlay.waitFor('.card', true);
  });

  it('leaves the page DOM as it was served', async () => {
    expect(await page.evaluate(domDifference)).toBeNull();
  });

  it('saves a highlight with a note through the toolbar, and paints it again after a reload', async () => {
    const words = 'essential to remember the original mission';
    const ends = await page.evaluate(textEnds, words);
    await page.mouse.move(ends!.from.x, ends!.from.y);
    await page.mouse.down();
    await page.mouse.move(ends!.to.x, ends!.to.y, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(words);
    const toolbar = await Overlay.of(page);
    await toolbar.click('.toolbar button.link');
    await toolbar.fill('.toolbar [aria-label="Note"]', 'The core claim');
    await toolbar.fill('.toolbar [aria-label="Tags"]', 'rights, un');
    await toolbar.click('.toolbar [role="radio"][aria-label="green"]');
    // What the reader types is out of the page's reach: the shadow root is closed, nothing is in the DOM.
    expect(
      await page.evaluate(() => ({
        root: document.querySelector('gloss-overlay')?.shadowRoot ?? null,
        leaked: document.documentElement.outerHTML.includes('The core claim'),
        text: document.body.innerText.includes('The core claim'),
      })),
    ).toEqual({ root: null, leaked: false, text: false });
    await toolbar.click('.toolbar button[data-action="save"]');
    await toolbar.waitFor('.toolbar', true);
    expect((await waitForHighlights(page, 'gloss-user-green'))['gloss-user-green']).toEqual([words]);
    expect(await page.evaluate(domDifference)).toBeNull();

    await page.reload();
    expect((await waitForHighlights(page, 'gloss-user-green'))['gloss-user-green']).toEqual([words]);
  });

  it('offers the toolbar to a keyboard selection, focused, so Enter saves', async () => {
    const words = 'civilizational exchange';
    expect(await page.evaluate(selectText, words)).toBe(true);
    await page.keyboard.press('Shift');
    await (await Overlay.of(page)).waitFor('.toolbar');
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-OVERLAY');
    await page.keyboard.press('Enter');
    await page.locator('gloss-overlay').waitFor({ state: 'detached' });
    expect((await waitForHighlights(page, 'gloss-user-yellow'))['gloss-user-yellow']).toEqual([words]);
  });

  it('shows quotations by speaker, entities by type and the note in the popup, and exports Markdown', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);

    const wang = popup.locator('section.group[data-speaker="Wang Yi"]');
    await wang.waitFor();
    expect(await wang.locator('.quote').count()).toBe(2);
    expect(await popup.locator('section.group').count()).toBe(1);

    await popup.getByRole('tab', { name: /Names/ }).click();
    const people = popup.locator('section[data-type="PER"] .name');
    await people.first().waitFor();
    expect(await people.allTextContents()).toContain('Wang Yi');
    expect(await popup.locator('section[data-type="ORG"] .name').allTextContents()).toEqual(
      expect.arrayContaining(['United Nations Human Rights Council', 'Xinhua']),
    );

    // Each click on a name steps to its next mention in the page.
    await popup.locator('section[data-type="PER"] .chip', { hasText: 'Wang Yi' }).click();
    await page.waitForFunction(() => CSS.highlights.has('gloss-focus'));
    expect((await page.evaluate(readHighlights))['gloss-focus']).toEqual(['Wang Yi']);
    await popup.locator('section[data-type="PER"] .chip', { hasText: 'Wang Yi' }).click();
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('gloss-focus') ?? [])].some((r) => r.toString() === 'Wang'),
    );

    await popup.getByRole('tab', { name: /Notes/ }).click();
    await popup.locator('.note .note-text', { hasText: 'The core claim' }).waitFor();
    expect(await popup.locator('.note', { hasText: 'The core claim' }).locator('.tags').textContent()).toBe(
      '#rights #un',
    );

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    const path = await download.path();
    const markdown = readFileSync(path!, 'utf8');
    expect(markdown).toContain('China reaffirms commitment to international cooperation in human rights');
    expect(markdown).toContain('> essential to remember the original mission');
    expect(markdown).toContain('The core claim');
    expect(markdown).toContain('#rights');

    // JSON out, and the same file back in: nothing new, nothing lost.
    const [json] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    await popup.locator('.import input[type=file]').setInputFiles((await json.path())!);
    await popup.getByText('Imported: 0 new, 0 updated, 2 unchanged.').waitFor();
    await popup.close();
  });

  it('edits a highlight from the popup, deletes it, and undoes the deletion', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('tab', { name: /Notes/ }).click();
    await popup.locator('.note', { hasText: 'The core claim' }).getByRole('button', { name: 'Edit note' }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill('The central claim');
    await popup.getByRole('radio', { name: 'blue' }).click();
    await popup.getByRole('button', { name: 'Save' }).click();
    const note = popup.locator('.note', { hasText: 'The central claim' });
    await note.waitFor();
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-blue') && !CSS.highlights.has('gloss-user-green'));

    await note.getByRole('button', { name: 'Delete highlight' }).click();
    await note.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !CSS.highlights.has('gloss-user-blue'));
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.locator('.note .note-text', { hasText: 'The central claim' }).waitFor();
    await page.waitForFunction(() => CSS.highlights.has('gloss-user-blue'));
    await popup.close();
  });

  it('follows the page when it re-renders the article or adds paragraphs late', async () => {
    const fresh = await session.context.newPage();
    await fresh.goto(url);
    await waitForHighlights(fresh, 'gloss-quote');
    // A framework re-render: same text, new nodes.
    await fresh.evaluate(() => {
      const body = document.querySelector('.body')!;
      body.innerHTML = body.innerHTML; // eslint-disable-line no-self-assign
    });
    await fresh.waitForFunction(() =>
      [...(CSS.highlights.get('gloss-quote') ?? [])].every((r) => (r as Range).startContainer.isConnected),
    );
    // A paragraph that loads late, with a third quotation.
    await fresh.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '"Dialogue is the only way forward," Wang told reporters.';
      document.querySelector('.body')!.append(p);
    });
    await fresh.waitForFunction(() => CSS.highlights.get('gloss-quote')?.size === 3);
    expect((await fresh.evaluate(readHighlights))['gloss-quote'][2]).toBe('Dialogue is the only way forward,');
    await fresh.close();
  });

  it('leaves a front page alone, analyses it on request, and remembers "never" for the site', async () => {
    const front = await session.context.newPage();
    await front.goto(`${server.origin}/fixtures/front/index.html`);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText('does not look like a news article').waitFor();
    // Not analysed: no count of quotations or names (a 0 would say none were found), the reader's notes counted.
    expect(await popup.locator('[role="tab"] .count').allTextContents()).toEqual(['0']);
    expect(await popup.locator('#tab-notes .count').textContent()).toBe('0');
    expect(await front.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')))).toEqual([]);

    await popup.getByRole('button', { name: 'Analyse this page' }).click();
    await front.waitForFunction(() => CSS.highlights.has('gloss-quote'));
    expect((await front.evaluate(readHighlights))['gloss-quote']).toEqual(['We will rebuild,']);

    await popup.getByRole('tab', { name: /Notes/ }).click();
    await popup.getByRole('tab', { name: /Quotes/ }).click();
    await popup.locator('section.group', { hasText: 'We will rebuild' }).waitFor();
    expect(await popup.locator('#tab-quotes .count').textContent()).toBe('1');

    await front.reload();
    await popup.reload();
    await popup.getByRole('combobox').selectOption('never');
    await front.reload();
    await popup.reload();
    await popup.getByText('never to analyse pages on this site').waitFor();
    await popup.getByRole('combobox').selectOption('auto');
    await front.close();
    await popup.close();
  });

  it('highlights the selection on the keyboard shortcut or context menu: at once, or with the note open', async () => {
    await page.bringToFront();
    const probe = await session.context.newPage();
    await probe.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await probe.evaluate(otherTabId);
    // What the background sends the tab when the reader presses Alt+Shift+H or picks the menu item.
    const command = (note: boolean) => probe.evaluate(sendToTab, [tabId, highlightMessage(note)] as const);
    expect(await command(false)).toEqual({ ok: true, value: false }); // nothing selected
    const words = 'firmly rejects actions that interfere';
    expect(await page.evaluate(selectText, words)).toBe(true);
    expect(await command(false)).toEqual({ ok: true, value: true });
    expect((await waitForHighlights(page, 'gloss-user-yellow'))['gloss-user-yellow']).toContain(words);

    const other = 'mutually beneficial cooperation';
    expect(await page.evaluate(selectText, other)).toBe(true);
    expect(await command(true)).toEqual({ ok: true, value: true });
    const toolbar = await Overlay.of(page);
    await toolbar.waitFor('.toolbar [aria-label="Note"]');
    await page.keyboard.type('Typed straight into the note');
    await page.keyboard.press('Control+Enter');
    await toolbar.waitFor('.toolbar', true);
    expect((await waitForHighlights(page, 'gloss-user-yellow'))['gloss-user-yellow']).toContain(other);
    await probe.close();
  });

  it('marks only the quotations of a page in German, and the popup says why there are no names', async () => {
    const german = await session.context.newPage();
    await german.goto(`${server.origin}/fixtures/german/index.html`);
    const layers = await waitForHighlights(german, 'gloss-quote');
    expect(layers['gloss-quote']).toEqual(['Wir haben lange auf diesen Tag gewartet', 'Niemand hat uns gefragt']);
    expect(Object.keys(layers).filter((k) => /^gloss-(per|org|loc|misc)/.test(k))).toEqual([]);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('tab', { name: /Quot/ }).click();
    // Speakers are found through English grammar: none is guessed on a German page.
    await popup.getByText('Speaker unclear').waitFor();
    await popup.getByRole('tab', { name: /Names/ }).click();
    await popup.getByText('Names are analysed in English only; this page is in German').waitFor();
    await german.close();
    await popup.close();
  });
});
