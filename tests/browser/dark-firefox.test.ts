/**
 * Dark pages in Firefox ESR with the built extension, the twin of the colour-scheme check of
 * `card-chromium.test.ts`, on a system that prefers dark (set at launch: `ui.systemUsesDarkTheme`): a page that
 * declares no colour scheme keeps Gloss's light layers; one that declares `light dark` gets the dark ones, for the
 * quotations and for the reader's own highlight. (The card's and the toolbar's dark colours are inside Gloss's
 * closed shadow root, which Puppeteer cannot see into in Firefox: Chromium's twin checks those.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { selectText, sendToTab } from './harness/page';
import { serve } from './harness/server';
import { firefoxArticle, highlightMessage, quoteLayers, schemePage } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let folder: string;
let page: Page;
let gloss: Page;
let tabId: number;

/** Run in the page: the names of the reader's highlight layers. */
const userLayers = () => [...CSS.highlights.keys()].filter((n) => n.startsWith('gloss-user-'));

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'gloss-scheme-'));
  writeFileSync(join(folder, 'undeclared.html'), schemePage(false));
  writeFileSync(join(folder, 'declared.html'), schemePage(true));
  server = await serve({ scheme: folder });
  session = await launchFirefox({
    systemAccess: true,
    prefs: { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 },
  });
  ({ page, gloss, tabId } = await firefoxArticle(session, `${server.origin}/scheme/undeclared.html`));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('dark pages in Firefox', () => {
  it('stays light on a page that declares no colour scheme, however dark the system, and goes dark where the page does', async () => {
    for (const [path, dark] of [
      ['undeclared', false],
      ['declared', true],
    ] as const) {
      if (dark) {
        await page.goto(`${server.origin}/scheme/${path}.html`);
        await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-quote')), {
          timeout: 30_000,
        });
      }
      // The system is dark for the page too, whatever it declares.
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await page.evaluate(quoteLayers)).toEqual([dark ? 'gloss-quote-dark' : 'gloss-quote']);
      // The reader's highlight, made as the highlight shortcut makes it, in the page's palette.
      expect(await page.evaluate(selectText, path === 'declared' ? 'ninety minutes' : 'kept the shop open')).toBe(true);
      expect(await gloss.evaluate(sendToTab, [tabId, highlightMessage(false)] as const)).toEqual({
        ok: true,
        value: true,
      });
      await page.waitForFunction(
        (name: string) => CSS.highlights.has(name),
        { polling: 50, timeout: 15_000 },
        dark ? 'gloss-user-yellow-dark' : 'gloss-user-yellow',
      );
      expect(await page.evaluate(userLayers)).toEqual([dark ? 'gloss-user-yellow-dark' : 'gloss-user-yellow']);
    }
  });
});
