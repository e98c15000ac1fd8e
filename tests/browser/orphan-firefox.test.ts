/**
 * An orphan, in Firefox ESR with the built extension: a highlight saved on a
 * page whose highlighted paragraph is later removed (the same address serves
 * the page without it) is not painted anywhere, is listed in the popup as "Not
 * found on this page", and stays in the database (the export reads every
 * record there; the Chromium test also checks the exported file).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { otherTabId, readHighlights, selectText, sendToTab, storedAnnotations } from './harness/page';
import { ROOTS, serve } from './harness/server';
import { highlightMessage, openGlossPage } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
let gloss: Page;
let root: string;

const WORDS = 'generators sit on the roof';
const PARAGRAPH = /<p>\s*The rebuilding cost[\s\S]*?<\/p>/;

const navigateGloss = (path: string) => openGlossPage(session, gloss, path);

beforeAll(async () => {
  // A copy of the fixture, so the test can change what the same address serves.
  root = mkdtempSync(join(tmpdir(), 'gloss-orphan-'));
  cpSync(join(ROOTS.fixtures, 'notes'), root, { recursive: true });
  server = await serve({ page: root });
  session = await launchFirefox({ systemAccess: true });
  page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  gloss = await session.browser.newPage();
  await navigateGloss('popup.html');
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a highlight whose words are gone from the page, in Firefox', () => {
  it('is not painted, is listed as not found, and stays stored', async () => {
    await page.goto(`${server.origin}/page/index.html`);
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), { timeout: 30_000 });
    expect(await page.evaluate(selectText, WORDS)).toBe(true);
    const tabId = await gloss.evaluate(otherTabId);
    const reply = await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const);
    expect(reply).toEqual({ ok: true, value: true });
    await page.waitForFunction(
      (w: string) => [...(CSS.highlights.get('gloss-user-yellow') ?? [])].some((r) => `${r}` === w),
      { polling: 50 },
      WORDS,
    );

    const file = join(root, 'index.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(PARAGRAPH);
    writeFileSync(file, html.replace(PARAGRAPH, ''));
    await page.reload();
    await page.waitForFunction(() => CSS.highlights.has('gloss-quote'), { timeout: 30_000 });
    expect(await page.evaluate((w: string) => document.body.textContent!.includes(w), WORDS)).toBe(false);
    const user = Object.entries(await page.evaluate(readHighlights)).filter(([n]) => n.startsWith('gloss-user-'));
    expect(user.flatMap(([, texts]) => texts)).toEqual([]);

    await navigateGloss(`popup.html?tab=${tabId}`);
    await gloss.click('#tab-notes');
    await gloss.waitForSelector('.orphans .note .exact');
    expect(await gloss.$eval('.orphans h2', (h) => h.textContent)).toBe('Not found on this page');
    expect(await gloss.$$eval('.orphans .note .exact', (els) => els.map((e) => e.textContent))).toEqual([`“${WORDS}”`]);
    expect((await gloss.evaluate(storedAnnotations)).map((a) => a.exact)).toEqual([WORDS]);
  });
});
