import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { domDifference, otherTabId, readHighlights, selectText } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { SEED_ENTITIES, SEED_QUOTES } from './seed-expectations';

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
    const layers = await waitForHighlights(page, 'gloss-quote');
    expect(layers['gloss-quote']).toEqual(SEED_QUOTES);
    for (const [type, names] of Object.entries(SEED_ENTITIES)) {
      for (const name of names) expect(layers[`gloss-${type}`] ?? [], `${type} ${name}`).toContain(name);
    }
  });

  it('leaves the page DOM as it was served', async () => {
    expect(await page.evaluate(domDifference)).toBeNull();
  });

  it('saves a highlight with a note through the toolbar, and paints it again after a reload', async () => {
    const words = 'essential to remember the original mission';
    expect(await page.evaluate(selectText, words)).toBe(true);
    const toolbar = page.locator('gloss-overlay .toolbar');
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: 'Note…' }).click();
    await toolbar.getByRole('textbox', { name: 'Note' }).fill('The core claim');
    await toolbar.getByRole('textbox', { name: 'Tags' }).fill('rights, un');
    await toolbar.getByRole('radio', { name: 'green' }).click();
    await toolbar.getByRole('button', { name: 'Highlight' }).click();
    await toolbar.waitFor({ state: 'detached' });
    expect((await waitForHighlights(page, 'gloss-user-green'))['gloss-user-green']).toEqual([words]);
    expect(await page.evaluate(domDifference)).toBeNull();

    await page.reload();
    expect((await waitForHighlights(page, 'gloss-user-green'))['gloss-user-green']).toEqual([words]);
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

    await popup.getByRole('tab', { name: /Notes/ }).click();
    await popup.locator('.note .note-text', { hasText: 'The core claim' }).waitFor();
    expect(await popup.locator('.note .tags').textContent()).toBe('#rights #un');

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    const path = await download.path();
    const markdown = (await import('node:fs')).readFileSync(path!, 'utf8');
    expect(markdown).toContain('China reaffirms commitment to international cooperation in human rights');
    expect(markdown).toContain('> essential to remember the original mission');
    expect(markdown).toContain('The core claim');
    expect(markdown).toContain('#rights');
    await popup.close();
  });
});
