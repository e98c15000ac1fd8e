/**
 * Another extension the reader installed, in Chromium beside Gloss: it knows Gloss's id (public for any extension
 * in a store) and sends Gloss's own requests to its background, by message and on a port named as Gloss's content
 * script names its ports, and to the article's tab (`harness/twins.ts`: `attack`; `intruder-firefox.test.ts`). It gets nothing, and nothing changes: the reader's highlight is
 * still stored and painted, and no other is saved. (A web page posting messages to the content script is
 * `hostile-chromium.test.ts`: the attack page.)
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { ROOTS, serve } from './harness/server';
import { chromiumArticle, intruderGetsNothing, runIn, writeIntruder } from './harness/twins';
import { REQUEST_PORT } from '../../utils/messaging/client';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
let intruderDir: string;
let page: Page;
let popup: Page;
let gloss: Worker;
let intruder: Worker;
let tabId: number;

beforeAll(async () => {
  intruderDir = writeIntruder('chromium');
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium({ others: [intruderDir] });
  ({ page, popup, worker: gloss, tabId } = await chromiumArticle(session, `${server.origin}/fixtures/card/index.html`));
  gloss = session.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
  const isIntruder = (w: Worker) => w.url().endsWith('/intruder.js');
  intruder =
    session.context.serviceWorkers().find(isIntruder) ??
    (await session.context.waitForEvent('serviceworker', { predicate: isIntruder, timeout: 20_000 }));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (intruderDir) rmSync(intruderDir, { recursive: true, force: true });
});

describe('another extension in Chromium', () => {
  it('gets nothing from Gloss’s background or its content script, and changes nothing', async () => {
    await intruderGetsNothing({
      page: runIn(page),
      gloss: runIn(gloss),
      database: runIn(popup),
      intruder: runIn(intruder),
      glossId: session.extensionId,
      tabId,
      port: REQUEST_PORT,
    });
  });
});
