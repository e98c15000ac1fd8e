/**
 * `npm run demo [-- PAGE]`: opens the seed article (or an .html file, or a
 * URL) in headless Chromium with the built extension, saves a highlight with
 * a note as a reader would, and writes screenshots of the page, the toolbar
 * and the popup to a folder it names.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { launchChromium } from '../tests/browser/harness/chromium';
import { Overlay } from '../tests/browser/harness/overlay';
import { otherTabId, selectText } from '../tests/browser/harness/page';
import { serve } from '../tests/browser/harness/server';

async function main(target = 'tests/fixtures/pages/seed/index.html'): Promise<void> {
  const out = resolve('demo-out', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(out, { recursive: true });
  let url = target;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  if (!/^https?:\/\//.test(target)) {
    if (!existsSync(target)) throw new Error(`No such page: ${target}`);
    server = await serve({ page: dirname(resolve(target)) });
    url = `${server.origin}/page/${basename(target)}`;
  }
  const session = await launchChromium();
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(url);
    await page
      .waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, { timeout: 20_000 })
      .catch(() => console.warn('No highlights appeared (not an article?)'));
    await page.screenshot({ path: resolve(out, 'page.png') });

    // The reader's part: select a few words of the first quotation (or paragraph), add a note, save.
    const words = await page.evaluate(() => {
      const quote = [...(CSS.highlights.get('gloss-quote') ?? [])][0] as Range | undefined;
      const text = quote?.toString() ?? document.querySelector('article p, main p, p')?.textContent ?? '';
      return text.trim().split(/\s+/).slice(0, 7).join(' ');
    });
    if (words && (await page.evaluate(selectText, words))) {
      await page.keyboard.press('Shift'); // Gloss answers the reader's own keys, not made-up events
      const toolbar = await Overlay.of(page);
      await toolbar.click('.toolbar button.link');
      await toolbar.fill('.toolbar [aria-label="Note"]', 'Worth checking against the full speech.');
      await toolbar.fill('.toolbar [aria-label="Tags"]', 'follow-up');
      await page.screenshot({ path: resolve(out, 'toolbar.png') });
      await toolbar.click('.toolbar button[data-action="save"]');
      await toolbar.waitFor('.toolbar', true);
    }
    await page.mouse.move(0, 0);
    await page.screenshot({ path: resolve(out, 'page-with-note.png') });

    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const tabId = await popup.evaluate(otherTabId);
    for (const tab of ['quotes', 'entities', 'notes']) {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
      await popup.locator(`#tab-${tab}`).click();
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: resolve(out, `popup-${tab}.png`) });
    }
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.locator('#tab-quotes').click();
    await popup.screenshot({ path: resolve(out, 'popup-dark.png') });

    // One picture of both, page and popup side by side, for the README.
    const img = (name: string) => `data:image/png;base64,${readFileSync(resolve(out, name)).toString('base64')}`;
    const sheet = await session.context.newPage();
    await sheet.setViewportSize({ width: 1620, height: 920 });
    await sheet.setContent(
      `<body style="margin:0;background:#e9ecef;display:flex;gap:20px;padding:10px;align-items:flex-start">` +
        `<img src="${img('page-with-note.png')}" style="width:1200px;box-shadow:0 2px 8px #0003">` +
        `<img src="${img('popup-quotes.png')}" style="width:380px;box-shadow:0 2px 8px #0003"></body>`,
    );
    await sheet.screenshot({ path: resolve(out, 'overview.png') });
    console.log(
      `Screenshots in ${out}: page.png, toolbar.png, page-with-note.png, popup-quotes.png, popup-entities.png, popup-notes.png, popup-dark.png, overview.png`,
    );
  } finally {
    await session.close();
    await server?.close();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
