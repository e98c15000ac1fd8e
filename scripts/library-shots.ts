/**
 * `npx tsx scripts/library-shots.ts DIR`: screenshots of the popup, the
 * library and the options page, light and dark, with a made-up library of
 * 300 highlights (and 4 on the fixture article the popup is about), into
 * DIR/library-{popup,library,options}-{light,dark}.png. Needs `npm run build`.
 * `--widths=800,1150,1600`: the library at each window width too, into
 * DIR/library-library-{light,dark}-WIDTH.png (its filter row wraps by width).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeLibrary } from './lib/library-seed';
import { launchChromium } from '../tests/browser/harness/chromium';
import { seed, type Evaluate } from '../tests/browser/harness/library';
import { otherTabId } from '../tests/browser/harness/page';
import { ROOTS, serve } from '../tests/browser/harness/server';
import { normalizeUrl } from '../utils/url';

const out = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'shots');
const widths = (process.argv.find((a) => a.startsWith('--widths='))?.slice('--widths='.length) ?? '')
  .split(',')
  .filter(Boolean)
  .map(Number);
mkdirSync(out, { recursive: true });
const server = await serve({ fixtures: ROOTS.fixtures });
const session = await launchChromium();
try {
  const { context, extensionId } = session;
  const base = `chrome-extension://${extensionId}`;
  const article = context.pages()[0] ?? (await context.newPage());
  const url = normalizeUrl(`${server.origin}/fixtures/notes/index.html`);
  const gloss = await context.newPage();
  await gloss.goto(`${base}/library.html`);
  await gloss.waitForSelector('.summary');
  const library = makeLibrary(300, 60, { seed: 7 });
  const onPage = makeLibrary(4, 1, { seed: 8, origin: server.origin });
  // The four highlights of the article: its own words, so they are found on the page.
  const quotes = ['raised foundations', 'harbour clinic in Port Ellis', 'four million pounds', 'Quay Street'];
  onPage.annotations.forEach((a, i) => {
    a.id = `10000000-0000-4000-8000-00000000000${i}`;
    a.url = url;
    a.target.source = url;
    a.exact = quotes[i];
    a.target.selectors.quote = { type: 'TextQuoteSelector', exact: quotes[i], prefix: '', suffix: '' };
    // Near the start of the short article: the quote is looked for around its old place.
    a.target.selectors.position = { type: 'TextPositionSelector', start: 0, end: quotes[i].length };
  });
  onPage.pages[0] = { ...onPage.pages[0], url, title: 'Harbour clinic reopens after the floods' };
  const evaluate: Evaluate = (fn, arg) => gloss.evaluate(fn as (a: unknown) => unknown, arg);
  await seed(evaluate, {
    annotations: [...library.annotations, ...onPage.annotations],
    pages: [...library.pages, ...onPage.pages],
  });
  await article.goto(url);
  await article.waitForFunction(() => CSS.highlights.has('gloss-quote'), undefined, { timeout: 30_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await gloss.emulateMedia({ colorScheme: scheme });
    await gloss.setViewportSize({ width: 1100, height: 760 });
    await gloss.goto(`${base}/library.html`);
    await gloss.waitForSelector('.note-row:not(.loading)');
    await gloss.fill('#library-search', 'ba');
    await gloss.waitForSelector('[data-results-for="ba"] .note-row:not(.loading)');
    await gloss.screenshot({ path: join(out, `library-library-${scheme}.png`) });
    for (const width of widths) {
      await gloss.setViewportSize({ width, height: 520 });
      await gloss.screenshot({ path: join(out, `library-library-${scheme}-${width}.png`) });
    }
    await gloss.setViewportSize({ width: 1100, height: 760 });
    await gloss.goto(`${base}/options.html`);
    await gloss.waitForSelector('[data-testid="storage"]');
    await gloss.screenshot({ path: join(out, `library-options-${scheme}.png`), fullPage: true });
    await gloss.goto(`${base}/popup.html`);
    const tabId = await gloss.evaluate(otherTabId);
    await gloss.setViewportSize({ width: 380, height: 580 });
    await gloss.goto(`${base}/popup.html?tab=${tabId}`);
    await gloss.getByRole('tab', { name: /Notes/ }).click();
    await gloss.waitForSelector('.note');
    await gloss.screenshot({ path: join(out, `library-popup-${scheme}.png`) });
  }
  console.log(`screenshots in ${out}`);
} finally {
  await session.close();
  await server.close();
}
