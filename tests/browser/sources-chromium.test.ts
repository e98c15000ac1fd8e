/**
 * Remembering sources in Chromium with the built extension and the real
 * IndexedDB: nothing until the reader turns it on; then the article read is
 * remembered once (re-reading updates it), its speakers are listed through the
 * background's requests, and forgetting its site leaves no record behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { ROOTS, serve } from './harness/server';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let gloss: Page;

/** Run in a Gloss page: one request to the background, its value or a thrown error. */
async function ask({ type, payload }: { type: string; payload: object }): Promise<unknown> {
  type Runtime = { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> };
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  const reply = await runtime.sendMessage({ gloss: 1, type, payload });
  if (!reply.ok) throw new Error(reply.error?.message);
  return reply.value;
}

/** Run in a Gloss page: how many rows each sources table holds, read with IndexedDB itself. */
function countRows(): Promise<Record<string, number>> {
  const tables = ['sourceArticles', 'sourceQuotes', 'sourceMentions', 'identities'];
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const missing = tables.filter((t) => !open.result.objectStoreNames.contains(t));
      if (missing.length) return (open.result.close(), failed(new Error(`no table ${missing.join(', ')}`)));
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

/** One request to the background from Gloss's popup page. */
const request = (type: string, payload: object) => gloss.evaluate(ask, { type, payload });

async function readArticle(url: string): Promise<void> {
  const tab = await session.context.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => CSS.highlights.has('gloss-quote'), null, { timeout: 30_000 });
  await tab.close();
}

type Speakers = {
  items: Array<{ name: string; quoteCount: number; quoteArticles: number; id: string }>;
  total: number;
};

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  gloss = await session.context.newPage();
  await gloss.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('remembering sources in Chromium', () => {
  it('remembers nothing until the reader turns it on', async () => {
    await readArticle(`${server.origin}/fixtures/seed/index.html`);
    // Any request opens the database (the background's, version 3) before it is read here.
    expect(await request('sources:speakers', {})).toEqual({ items: [], total: 0 });
    expect(await gloss.evaluate(countRows)).toMatchObject({ sourceArticles: 0, sourceQuotes: 0 });
  });

  it('remembers the article once, lists its speakers, and forgets its site', async () => {
    await request('sources:settings', { remember: true });
    const url = `${server.origin}/fixtures/seed/index.html`;
    // Remembering follows the analysis: wait until each reading is written (the second one rewrites the first).
    const readings = async (): Promise<number[]> =>
      ((await request('sources:articles', {})) as { items: Array<{ lastRead: number }> }).items.map((a) => a.lastRead);
    const waitFor = async (ok: (lastRead: number[]) => boolean) => {
      for (let i = 0; i < 100 && !ok(await readings()); i++) await gloss.waitForTimeout(100);
      return readings();
    };
    await readArticle(url);
    const [first] = await waitFor((r) => r.length > 0);
    await readArticle(`${url}?utm_source=again`);
    expect(await waitFor((r) => r.length !== 1 || r[0]! > first!)).toEqual([expect.any(Number)]);
    const rows = await gloss.evaluate(countRows);
    expect(rows.sourceArticles).toBe(1);
    expect(rows.sourceQuotes).toBeGreaterThan(0);
    const speakers = (await request('sources:speakers', {})) as Speakers;
    expect(speakers.total).toBeGreaterThan(0);
    const top = speakers.items[0]!;
    expect(top.quoteArticles).toBe(1);
    const quotes = (await request('sources:speaker-quotes', { id: top.id })) as Array<{
      article: { url: string };
    }>;
    expect(quotes).toHaveLength(top.quoteCount);
    expect(quotes[0]!.article.url).toBe(url);
    expect(await request('sources:forget', { site: '127.0.0.1' })).toBe(1);
    expect(await gloss.evaluate(countRows)).toEqual({
      sourceArticles: 0,
      sourceQuotes: 0,
      sourceMentions: 0,
      identities: 0,
    });
  });
});
