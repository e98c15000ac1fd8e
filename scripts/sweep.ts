/**
 * The built extension in Chromium and Firefox over every page of the
 * readability corpus, served from 127.0.0.1, with the pages' scripts off and
 * on. Per page: errors from Gloss, whether it changed the page's DOM, whether
 * it made a network request, the time to its decision, the highlights it
 * painted. Prints a summary table and the failing pages; exits 1 on any error,
 * DOM change or request. Needs the build (`npm run build`, which `npm test`
 * runs). How each browser is observed: tests/browser/harness/sweep-*.ts.
 *
 *   npm run sweep [-- --browser chromium|firefox] [-- --scripts off|on] [-- --page NAME] [-- --json FILE]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { CHROME_BUILD } from '../tests/browser/harness/chromium';
import { FIREFOX_BUILD } from '../tests/browser/harness/firefox';
import { ROOTS, serve } from '../tests/browser/harness/server';
import {
  corpusPages,
  failed,
  formatFailures,
  formatTable,
  MODE_HEADERS,
  summarise,
  sweepPages,
  type BrowserName,
  type PageResult,
  type ScriptsMode,
} from '../tests/browser/harness/sweep';
import { openChromium, openPlainChromium } from '../tests/browser/harness/sweep-chromium';
import { openFirefox, openPlainFirefox } from '../tests/browser/harness/sweep-firefox';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const BROWSERS = {
  chromium: { build: CHROME_BUILD, open: openChromium, plain: openPlainChromium },
  firefox: { build: FIREFOX_BUILD, open: openFirefox, plain: openPlainFirefox },
};

async function main(): Promise<number> {
  const browsers = (option('--browser') ? [option('--browser')] : ['chromium', 'firefox']) as BrowserName[];
  const modes = (option('--scripts') ? [option('--scripts')] : ['off', 'on']) as ScriptsMode[];
  if (browsers.some((b) => !(b in BROWSERS)) || modes.some((m) => !(m in MODE_HEADERS))) {
    console.error(
      'usage: npm run sweep [-- --browser chromium|firefox] [-- --scripts off|on] [-- --page NAME] [-- --json FILE]',
    );
    return 2;
  }
  const pages = corpusPages().filter((p) => !option('--page') || p === option('--page'));
  if (!pages.length) {
    console.log(`sweep: no corpus pages at ${ROOTS.corpus} (set GLOSS_CORPUS to the corpus folder); nothing to sweep.`);
    return process.env.GLOSS_REQUIRE_CORPUS === '1' ? 1 : 0; // CI has the corpus: its absence there is a failure
  }
  for (const b of browsers) {
    if (!existsSync(BROWSERS[b].build)) {
      console.error(`sweep: no build at ${BROWSERS[b].build}; run npm run build first.`);
      return 1;
    }
  }

  const results: PageResult[] = [];
  const started = Date.now();
  for (const browser of browsers) {
    for (const scripts of modes) {
      const server = await serve({ corpus: ROOTS.corpus }, { headers: MODE_HEADERS[scripts] });
      const session = await BROWSERS[browser].open();
      const urlOf = (page: string) => `${server.origin}/corpus/${page}/source.html`;
      const t0 = Date.now();
      let done = 0;
      try {
        results.push(
          ...(await sweepPages(session.tab, BROWSERS[browser].plain, pages, urlOf, { browser, scripts }, (r) => {
            done++;
            if (process.env.SWEEP_VERBOSE)
              console.log(`  ${r.page}: ${r.status} ${r.analysisMs} ms, ${r.wallMs} ms in all`);
            if (failed(r)) console.log(`  ${browser}, scripts ${scripts}: ${r.page} FAILED`);
            else if (done % 26 === 0) console.log(`  ${browser}, scripts ${scripts}: ${done}/${pages.length} pages`);
          })),
        );
      } finally {
        await session.close();
        await server.close();
      }
      console.log(
        `${browser}, page scripts ${scripts}: ${pages.length} pages in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
  }

  const summaries = summarise(results);
  console.log(
    `\nGloss over ${pages.length} corpus pages (${ROOTS.corpus}), ${((Date.now() - started) / 1000).toFixed(0)} s:\n`,
  );
  console.log(formatTable(summaries));
  const failures = formatFailures(results);
  console.log(failures ? `\nFailing pages:\n${failures}` : '\nNo errors, DOM changes or requests from Gloss.');
  const json = option('--json');
  if (json) writeFileSync(json, JSON.stringify({ summaries, pages: results }, null, 2));
  return results.some(failed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
