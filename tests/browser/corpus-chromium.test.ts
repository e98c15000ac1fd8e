import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { otherTabId, pageStateOf, recordLateMutations } from './harness/page';
import { ROOTS, serve } from './harness/server';

/**
 * Every saved page of the readability corpus in Chromium with Gloss: no error
 * from Gloss, and no change to the page's DOM once it is parsed. The pages'
 * own scripts are kept from running (CSP), so any change would be Gloss's.
 */
const pages = existsSync(ROOTS.corpus)
  ? readdirSync(ROOTS.corpus, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${ROOTS.corpus}/${d.name}/source.html`))
      .map((d) => d.name)
  : [];
const labels = new Map(
  existsSync(`${ROOTS.corpus}/labels.tsv`)
    ? readFileSync(`${ROOTS.corpus}/labels.tsv`, 'utf8')
        .split('\n')
        .map((line) => line.split('\t') as [string, string])
    : [],
);

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!pages.length) return;
  server = await serve({ corpus: ROOTS.corpus }, { headers: { 'content-security-policy': "script-src 'none'" } });
  session = await launchChromium();
  // Saved pages name remote images and fonts: refuse them at once instead of waiting on the network.
  await session.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await session.context.addInitScript(recordLateMutations);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe.skipIf(!pages.length)('every corpus page in Chromium', () => {
  it(`leaves the DOM of ${pages.length} saved pages unchanged, with no error from Gloss`, async () => {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    const own = `chrome-extension://${session.extensionId}/`;
    const errors: string[] = [];
    page.on('console', (msg) => {
      const from = msg.location().url ?? '';
      if (['error', 'warning'].includes(msg.type()) && (from.startsWith(own) || msg.text().includes('Gloss'))) {
        errors.push(`${msg.text()} (${from})`);
      }
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    const probe = await session.context.newPage();
    await probe.goto(`${own}popup.html`);
    const tabId = await probe.evaluate(otherTabId);

    const failures: string[] = [];
    const verdicts: Record<string, Record<string, number>> = {};
    for (const name of pages) {
      errors.length = 0;
      await page.goto(`${server.origin}/corpus/${name}/source.html`, { waitUntil: 'domcontentloaded' });
      let status = 'no answer';
      for (let i = 0; i < 100; i++) {
        const state = await probe.evaluate(pageStateOf, tabId);
        if (state && !['starting', 'analysing'].includes(state.status)) {
          status = state.status;
          break;
        }
        await page.waitForTimeout(100);
      }
      const label = labels.get(name) ?? '?';
      (verdicts[label] ??= {})[status] = (verdicts[label]?.[status] ?? 0) + 1;
      const mutations = await page.evaluate(
        () => (window as unknown as { __glossTestMutations: string[] }).__glossTestMutations,
      );
      if (status === 'no answer' || status === 'error') failures.push(`${name}: Gloss ended in "${status}"`);
      if (mutations.length) failures.push(`${name}: DOM changed: ${mutations.slice(0, 3).join(', ')}`);
      if (errors.length) failures.push(`${name}: ${errors.join('; ')}`);
    }
    console.log(`${pages.length} corpus pages; Gloss's verdict by label:`, JSON.stringify(verdicts));
    expect(failures).toEqual([]);
  }, 900_000);
});
