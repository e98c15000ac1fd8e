/**
 * The library's Sources view in Chromium, with the built extension and the
 * real IndexedDB: the reader is asked once; three articles quoting the same
 * person (two sites: 127.0.0.1 and localhost) give one speaker with all three
 * quotations; a quotation's link opens its article at the passage (a text
 * fragment); forgetting one site leaves only the other's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { ROOTS, serve } from './harness/server';
import { syntheticRecords } from '../../scripts/lib/sources-bench';
import { sourceRows, type SourceRows } from '../../scripts/lib/sources-seed';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let library: Page;

/** Run in a Gloss page: how many rows each sources table holds, read with IndexedDB itself. */
function countRows(): Promise<Record<string, number>> {
  const tables = ['sourceArticles', 'sourceQuotes', 'sourceMentions', 'identities'];
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(tables);
      const out: Record<string, number> = {};
      for (const t of tables) {
        const c = tx.objectStore(t).count();
        c.onsuccess = () => (out[t] = c.result);
      }
      tx.oncomplete = () => (open.result.close(), done(out));
      tx.onerror = () => failed(tx.error);
    };
  });
}

/** Run in a Gloss page: puts rows into the `gloss` database's tables, with IndexedDB itself. */
function putRows(rows: SourceRows): Promise<void> {
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const names = Object.keys(rows);
      const tx = open.result.transaction(names, 'readwrite');
      for (const name of names)
        for (const row of (rows as Record<string, object[]>)[name]!) tx.objectStore(name).put(row);
      tx.oncomplete = () => (open.result.close(), done());
      tx.onerror = () => (open.result.close(), failed(tx.error));
    };
  });
}

/** Run in a Gloss page: every saved highlight, read with IndexedDB itself. */
function allAnnotations(): Promise<unknown[]> {
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('annotations').objectStore('annotations').getAll();
      all.onsuccess = () => (open.result.close(), done(all.result));
      all.onerror = () => failed(all.error);
    };
  });
}

/** Run in a Gloss page: the remembered articles' URLs, through the background. */
async function rememberedUrls(): Promise<string[]> {
  type Runtime = { sendMessage(m: object): Promise<{ ok: boolean; value?: { items: Array<{ url: string }> } }> };
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  const reply = await runtime.sendMessage({ gloss: 1, type: 'sources:articles', payload: {} });
  return (reply.value?.items ?? []).map((a) => a.url).sort();
}

async function readArticle(url: string): Promise<void> {
  const tab = await session.context.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => CSS.highlights.has('gloss-quote'), null, { timeout: 30_000 });
  await tab.close();
}

const port = () => new URL(server.origin).port;
const ARTICLES = () => [
  `${server.origin}/fixtures/sources/one.html`,
  `${server.origin}/fixtures/sources/two.html`,
  `http://localhost:${port()}/fixtures/sources/three.html`,
];

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  library = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the Sources view in Chromium', () => {
  it('asks once, in the popup and in the view, before anything is remembered', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByRole('region', { name: 'Remember sources' }).waitFor();
    await popup.close();

    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.getByRole('tab', { name: 'Sources' }).click();
    expect(library.url()).toMatch(/#sources$/);
    await library.getByRole('heading', { name: 'Remember who said what?' }).waitFor();
    await library.getByRole('button', { name: 'Remember sources' }).click();
    await library.getByText('No quotations remembered yet.').waitFor();
  });

  it('lists the three quotations under one speaker and opens one at its passage', async () => {
    for (const url of ARTICLES()) await readArticle(url);
    const expected = ARTICLES().sort();
    for (let i = 0; i < 100 && (await library.evaluate(rememberedUrls)).length < 3; i++)
      await library.waitForTimeout(100);
    expect(await library.evaluate(rememberedUrls)).toEqual(expected);

    await library.reload();
    const speaker = library.locator('[data-identity="Halvard Brekke"]');
    await speaker.waitFor();
    await expect.poll(() => library.locator('[data-identity*="Brekke"]').count()).toBe(1);
    expect(await speaker.innerText()).toMatch(/3 articles · 2026-03-02 – 2026-05-27/);
    await speaker.click();
    expect(await speaker.getAttribute('aria-pressed')).toBe('true');
    const quotes = library.locator('.quote');
    await expect.poll(() => quotes.count()).toBeGreaterThanOrEqual(3);
    const cites = await library.locator('.quote-cite').allInnerTexts();
    for (const title of [
      'Valley towns wait for word on the new rail line',
      'Tunnel study doubles the cost of the valley railway',
      'Valley rail line gets its first station names',
    ]) {
      expect(cites.some((c) => c.includes(title))).toBe(true);
    }
    expect(cites.every((c) => c.startsWith('— Halvard Brekke'))).toBe(true);

    // The quotation below the fold of the first article: its link lands on it.
    const far = quotes.filter({ hasText: 'We will publish the route before the summer' });
    const [tab] = await Promise.all([
      session.context.waitForEvent('page'),
      far.getByRole('link', { name: 'Valley towns wait for word on the new rail line' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toContain(`${server.origin}/fixtures/sources/one.html#:~:text=`);
    expect(decodeURIComponent(tab.url())).toContain('#:~:text=We will publish the,section already set aside');
    expect(await tab.title()).toBe('Valley towns wait for word on the new rail line');
    expect(await tab.locator('article').innerText()).toContain('We will publish the route before the summer');
    // The passage lies below a tall paragraph: the browser scrolled to it.
    const passage = tab.getByText('We will publish the route before the summer');
    await expect
      .poll(() => passage.evaluate((p) => Math.round(p.getBoundingClientRect().top)))
      .toBeLessThan(await tab.evaluate(() => innerHeight));
    expect(await tab.evaluate(() => scrollY)).toBeGreaterThan(0);
    await tab.close();
  });

  it('keeps a quotation as the reader’s highlight, with its speaker in the note, and exports it', async () => {
    const quote = library.locator('.quote').filter({ hasText: 'A railway is built for a hundred years' });
    await quote.getByRole('button', { name: 'Keep as highlight' }).click();
    await library.getByText(/Kept as your highlight/).waitFor();
    const kept = (await library.evaluate(allAnnotations)) as Array<{ url: string; note: string; exact: string }>;
    expect(kept).toEqual([
      expect.objectContaining({
        url: `${server.origin}/fixtures/sources/two.html`,
        note: '— Halvard Brekke',
        exact: expect.stringContaining('A railway is built for a hundred years'),
      }),
    ]);
    // Kept once: the button says so; keeping it again (another click, the view opened again) saves nothing more.
    expect(await quote.getByRole('button', { name: 'Kept as highlight' }).isDisabled()).toBe(true);
    const again = await library.evaluate(
      async (id) => {
        type Runtime = { sendMessage(m: object): Promise<{ ok: boolean; value?: { already: boolean } }> };
        const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
        return (await runtime.sendMessage({ gloss: 1, type: 'sources:keep', payload: { quoteId: id } })).value;
      },
      (await quote.getAttribute('data-quote'))!,
    );
    expect(again).toEqual({ annotation: expect.objectContaining({ url: kept[0]!.url }), already: true });
    await library.reload();
    await library.locator('[data-identity="Halvard Brekke"]').click();
    await library
      .locator('.quote')
      .filter({ hasText: 'A railway is built for a hundred years' })
      .getByRole('button', { name: 'Kept as highlight' })
      .waitFor();
    expect(await library.evaluate(allAnnotations)).toHaveLength(1);
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gloss-sources-\d{4}-\d\d-\d\d-quotations-of-halvard-brekke\.csv$/);
  });

  it('searches quotations as the reader types', async () => {
    await library.getByRole('button', { name: /Halvard Brekke/ }).click(); // back to every speaker
    await library.getByRole('searchbox', { name: 'Search quotations' }).fill('hundred years');
    await expect.poll(() => library.locator('.quote').count()).toBe(1);
    expect(await library.locator('.quote blockquote').innerText()).toContain('A railway is built for a hundred years');
    await library.getByRole('searchbox', { name: 'Search quotations' }).fill('');
  });

  it('forgets one site, and its records are gone', async () => {
    await library.getByText(/What Gloss remembers/).click();
    await library.locator('[data-forget-site="localhost"]').click();
    await library.getByText('Forgot localhost (1 article).').waitFor();
    expect(await library.evaluate(rememberedUrls)).toEqual(ARTICLES().slice(0, 2).sort());
    expect((await library.evaluate(countRows)).sourceArticles).toBe(2);
    await library.locator('[data-identity="Halvard Brekke"]').click();
    await expect
      .poll(() => library.locator('.quote-cite').allInnerTexts())
      .not.toContainEqual(expect.stringContaining('Valley rail line gets its first station names'));
    expect(await library.locator('[data-identity="Halvard Brekke"]').innerText()).toMatch(/2 articles/);
  });

  it('corrects a quotation’s speaker and merges the two identities', async () => {
    const quote = library.locator('.quote').filter({ hasText: 'A railway is built for a hundred years' });
    await quote.getByRole('button', { name: 'Reassign…' }).click();
    await quote.getByRole('combobox', { name: 'Said by' }).fill('Ingrid Falk');
    await quote.getByRole('button', { name: 'Reassign', exact: true }).click();
    const falk = library.locator('[data-identity="Ingrid Falk"]');
    await falk.waitFor();
    expect(await falk.innerText()).toMatch(/1 quotation · 1 article/);
    expect(await library.locator('[data-identity="Halvard Brekke"]').innerText()).toMatch(/1 article/);
    await falk.click();
    await library.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Halvard Brekke' });
    await library.getByRole('button', { name: 'Merge', exact: true }).click();
    await library.getByText('Merged Ingrid Falk into Halvard Brekke.').waitFor();
    await expect.poll(() => falk.count()).toBe(0);
    expect(await library.locator('[data-identity="Halvard Brekke"]').innerText()).toMatch(/2 articles/);
  });

  // Screenshots for a person to look at (`GLOSS_SHOTS=folder`): the view with a speaker chosen, light and dark.
  it.runIf(process.env.GLOSS_SHOTS)('takes screenshots of the view, light and dark', async () => {
    await library.setViewportSize({ width: 1200, height: 860 });
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme: scheme });
      await library.screenshot({ path: `${process.env.GLOSS_SHOTS}/sources-${scheme}.png` });
    }
    await library.emulateMedia({ colorScheme: null });
  });
});

describe('long lists in the Sources view, in Chromium', () => {
  it('lists the articles that name a person, newest first, with their mentions', async () => {
    await library.goto(`chrome-extension://${session.extensionId}/library.html?people#sources`);
    await library.getByRole('radio', { name: 'People' }).check();
    await library.locator('[data-identity="Halvard Brekke"]').click();
    const section = library.getByRole('region', { name: /Articles that mention Halvard Brekke/ });
    await section.waitFor();
    expect(await section.getByRole('heading').innerText()).toBe('Articles that mention Halvard Brekke (2 articles)');
    const items = await section.locator('li').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Tunnel study doubles the cost of the valley railway\n.*2026-\d\d-\d\d · \d+ mentions?$/);
    expect(items[1]).toMatch(/^Valley towns wait for word on the new rail line\n/);
  });

  it('shows more speakers from the keyboard until every one is listed', async () => {
    // Sixty-odd made-up speakers, written as the store writes them, into the extension's database.
    const rows = sourceRows(syntheticRecords(20), Date.UTC(2026, 0, 1));
    await library.evaluate(putRows, rows);
    const speakers = rows.identities.filter((i) => i.quoteCount > 0).length + 1; // and Halvard Brekke
    expect(speakers).toBeGreaterThan(50);
    await library.goto(`chrome-extension://${session.extensionId}/library.html?more#sources`);
    const entries = library.locator('.identities > li');
    await expect.poll(() => entries.count()).toBe(50);
    const more = library.getByRole('button', { name: 'Show more speakers' });
    await more.focus();
    await library.keyboard.press('Enter');
    await expect.poll(() => entries.count()).toBe(speakers);
    // The focus went to the first new speaker; the button is gone: every speaker is listed.
    expect(
      await library.evaluate(() => document.activeElement?.closest('li')?.matches('.identities > li:nth-child(51)')),
    ).toBe(true);
    expect(await more.count()).toBe(0);
    expect(await library.locator('.list-count').innerText()).toBe(`${speakers} speakers`);
  });
});
