import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { domDifference } from './harness/page';
import { ROOTS, serve } from './harness/server';

/**
 * Every saved page of the readability corpus in Chromium with Gloss: no error
 * from Gloss, and the page's DOM exactly as served. The pages' own scripts are
 * kept from running (CSP), so any change to the DOM would be Gloss's.
 */
const pages = existsSync(ROOTS.corpus)
  ? readdirSync(ROOTS.corpus, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${ROOTS.corpus}/${d.name}/source.html`))
      .map((d) => d.name)
  : [];

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!pages.length) return;
  server = await serve({ corpus: ROOTS.corpus }, { headers: { 'content-security-policy': "script-src 'none'" } });
  session = await launchChromium();
  // Saved pages name remote images and fonts: answer them at once instead of waiting on the network.
  await session.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe.skipIf(!pages.length)('every corpus page in Chromium', () => {
  it(`leaves ${pages.length} pages' DOM unchanged, with no error from Gloss`, async () => {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    const errors: string[] = [];
    page.on('console', (msg) => {
      const from = msg.location().url ?? '';
      if ((msg.type() === 'error' || msg.type() === 'warning') && (from.startsWith('chrome-extension://') || msg.text().includes('Gloss'))) {
        errors.push(`${msg.text()} (${from})`);
      }
    });
    const failures: string[] = [];
    let painted = 0;
    for (const name of pages) {
      errors.length = 0;
      await page.goto(`${server.origin}/corpus/${name}/source.html`, { waitUntil: 'load' });
      // Give Gloss time to detect, extract, analyse and paint.
      await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, { timeout: 2500 }).then(
        () => painted++,
        () => undefined,
      );
      await page.waitForTimeout(200);
      const diff = await page.evaluate(domDifference);
      if (diff) failures.push(`${name}: ${diff}`);
      if (errors.length) failures.push(`${name}: ${errors.join('; ')}`);
    }
    console.log(`corpus pages: ${pages.length}, painted: ${painted}`);
    expect(failures).toEqual([]);
  }, 900_000);
});
