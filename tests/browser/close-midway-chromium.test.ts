/**
 * A tab closed while Gloss analyses its article, in Chromium: no error in the
 * service worker (which answers a request whose tab is gone) nor in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { closeMidway, LONG_READ, quotesPainted } from './harness/close-midway';
import { ROOTS, serve } from './harness/server';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;
const errors: string[] = [];

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
  for (const worker of session.context.serviceWorkers())
    worker.on('console', (m) => void (['error', 'warning'].includes(m.type()) && errors.push(`worker: ${m.text()}`)));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a tab closed mid-analysis in Chromium', () => {
  it('leaves no error in the service worker or the page', async () => {
    const { paintMs, closedMidway } = await closeMidway(async () => {
      const page = await session.context.newPage();
      page.on('pageerror', (err) => errors.push(`page: ${String(err)}`));
      page.on('console', (m) => {
        // The page's own favicon.ico is not served: not Gloss's.
        if (['error', 'warning'].includes(m.type()) && !m.location().url.endsWith('/favicon.ico'))
          errors.push(`page: ${m.text()} (${m.location().url})`);
      });
      await page.goto(server.origin + LONG_READ, { waitUntil: 'domcontentloaded' });
      return { painted: () => page.evaluate(quotesPainted), close: () => page.close() };
    });
    console.log(`Chromium: painted after ${paintMs} ms; ${closedMidway} of 4 tabs closed before their quotations were`);
    expect(closedMidway).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
