/**
 * Screenshots of the card on the seed article, on its own light page and on a
 * dark version of it (a dark style sheet served with the page): a quotation's
 * card and a name's card, by hover and by the keyboard walk; and the popup's
 * show/hide choices. `tsx scripts/card-shots.ts [OUT]` (default demo-out/card).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/browser/harness/chromium';
import { otherTabId, textEnds } from '../tests/browser/harness/page';

const DARK = '<style>body{background:#15171a!important;color:#e4e6ea!important}a{color:#8ab4f8!important}</style>';

async function main(out = resolve('demo-out/card')): Promise<void> {
  mkdirSync(out, { recursive: true });
  const html = readFileSync('tests/fixtures/pages/seed/index.html', 'utf8');
  const session = await launchChromium();
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    // tsx names arrow functions with a helper the page lacks (see tests/browser/harness/page.ts).
    await page.addInitScript('globalThis.__name = (f) => f');
    // Served from a made-up address, so that the page's own DOM is the saved one (plus the dark style).
    await page.route('http://seed.test/**', (route) => {
      const dark = route.request().url().includes('dark');
      route.fulfill({ contentType: 'text/html', body: dark ? html.replace('</head>', `${DARK}</head>`) : html });
    });
    for (const scheme of ['light', 'dark']) {
      await page.goto(`http://seed.test/${scheme}.html`);
      await page.waitForFunction(
        () => CSS.highlights.has('gloss-quote') || CSS.highlights.has('gloss-quote-dark'),
        null,
        {
          timeout: 30_000,
        },
      );
      for (const [name, words] of [
        ['quote', 'mutual learning'],
        ['name', 'Human Rights Council on'],
      ] as const) {
        const ends = (await page.evaluate(textEnds, words))!;
        await page.evaluate((y) => scrollBy(0, y - innerHeight / 3), ends.from.y);
        const at = (await page.evaluate(textEnds, words))!;
        await page.mouse.move(at.from.x + 3, at.from.y);
        await page.waitForTimeout(400);
        await page.screenshot({ path: resolve(out, `card-${name}-${scheme}.png`) });
      }
      await page.mouse.move(2, 2);
      await page.waitForTimeout(600);
    }
    const worker = session.context.serviceWorkers()[0]!;
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: resolve(out, 'card-popup.png') });
    await popup.close();
    await page.bringToFront();
    await page.evaluate(() => scrollTo(0, 0));
    await worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: object): Promise<unknown> } } }
        ).chrome.tabs.sendMessage(id, { gloss: 1, type: 'page:walk', payload: { step: 1 } }),
      tabId,
    );
    await page.waitForTimeout(500);
    await page.screenshot({ path: resolve(out, 'card-walk-dark.png') });
  } finally {
    await session.close();
  }
  console.log(`Screenshots in ${out}`);
}

await main(process.argv[2]);
