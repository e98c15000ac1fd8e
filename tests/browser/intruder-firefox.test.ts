/**
 * Another extension the reader installed, in Firefox ESR beside Gloss (`browser.installExtension`, as Gloss is):
 * from a page of its own it sends Gloss's requests to Gloss's background, by message and on a port named as
 * Gloss's content script names its ports, and to the article's tab (`harness/twins.ts`: `attack`, the same as in
 * `intruder-chromium.test.ts`). It gets nothing, and nothing changes: the reader's highlight is still stored and
 * painted, and no other is saved.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { ROOTS, serve } from './harness/server';
import { firefoxArticle, intruderGetsNothing, openGlossPage, runIn, writeIntruder } from './harness/twins';
import { REQUEST_PORT } from '../../utils/messaging/client';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;
let intruderDir: string;
let page: Page;
let gloss: Page;
let intruder: Page;
let tabId: number;

beforeAll(async () => {
  intruderDir = writeIntruder('firefox');
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox({ systemAccess: true, others: [intruderDir] });
  ({ page, gloss, tabId } = await firefoxArticle(session, `${server.origin}/fixtures/card/index.html`));
  intruder = await session.browser.newPage();
  await openGlossPage(session, intruder, 'attack.html', session.otherOrigins[0]);
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (intruderDir) rmSync(intruderDir, { recursive: true, force: true });
});

describe('another extension in Firefox', () => {
  it('gets nothing from Gloss’s background or its content script, and changes nothing', async () => {
    // The intruder's page is an extension page of its own, with the same powers as its background.
    expect(await intruder.evaluate(() => location.protocol)).toBe('moz-extension:');
    await intruderGetsNothing({
      page: runIn(page),
      gloss: runIn(gloss),
      database: runIn(gloss),
      intruder: runIn(intruder),
      glossId: session.addonId,
      tabId,
      port: REQUEST_PORT,
    });
  });
});
