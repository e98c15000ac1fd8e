import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOTS, serve } from './harness/server';
import { MODE_HEADERS, shapeDifference, sweepPages, type BrowserName, type PageResult } from './harness/sweep';
import { openChromium, openPlainChromium } from './harness/sweep-chromium';
import { openFirefox, openPlainFirefox } from './harness/sweep-firefox';

/**
 * The sweep (`npm run sweep`, which runs Gloss over the whole corpus) must be
 * able to fail: here it runs a stand-in extension that changes the page, logs
 * an error, throws and makes requests from its content script and its
 * background, and must see each of those, in both browsers.
 */
const NOISY = resolve('tests/fixtures/extensions/noisy');
const folder = mkdtempSync(join(tmpdir(), 'gloss-noisy-'));
const builds = { chromium: join(folder, 'chrome'), firefox: join(folder, 'firefox') };
const drivers = {
  chromium: { open: () => openChromium(builds.chromium), plain: openPlainChromium },
  firefox: { open: () => openFirefox(builds.firefox), plain: openPlainFirefox },
};
const servers: Awaited<ReturnType<typeof serve>>[] = [];

beforeAll(() => {
  for (const [name, dir] of Object.entries(builds)) {
    cpSync(NOISY, dir, { recursive: true });
    cpSync(join(NOISY, `manifest.${name === 'chromium' ? 'chrome' : 'firefox'}.json`), join(dir, 'manifest.json'));
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(folder, { recursive: true, force: true });
});

async function sweepFixture(browser: BrowserName, scripts: 'off' | 'on', page: string): Promise<PageResult> {
  const server = await serve({ fixtures: ROOTS.fixtures }, { headers: MODE_HEADERS[scripts] });
  servers.push(server);
  const session = await drivers[browser].open();
  try {
    const [result] = await sweepPages(
      session.tab,
      drivers[browser].plain,
      [page],
      (p) => `${server.origin}/fixtures/${p}/index.html`,
      { browser, scripts },
    );
    return result;
  } finally {
    await session.close();
  }
}

describe.each(['chromium', 'firefox'] as const)('the sweep in %s', (browser) => {
  it("sees an extension's DOM change, errors and requests from its content script and background", async () => {
    const r = await sweepFixture(browser, 'off', 'seed');
    expect(r.status).toBe('not-article');
    expect(r.analysisMs).toBeGreaterThan(0);
    expect(r.domChanges).toEqual(['+MARK in BODY']);
    expect(r.errors.join('\n')).toContain('noisy: console error');
    expect(r.errors.join('\n')).toContain('noisy: thrown');
    expect(r.requests.join('\n')).toContain('http://gloss-sweep.invalid/from-content');
    expect(r.requests.join('\n')).toContain('http://gloss-sweep.invalid/from-background');
  });

  it("with the page's scripts on, tells the page's own DOM changes from the extension's", async () => {
    const r = await sweepFixture(browser, 'on', 'self-changing');
    expect(r.domChanges).toEqual(['extra MARK in BODY']);
  });
});

describe("telling a self-changing page's changes from Gloss's", () => {
  it('counts what is there beyond, or missing from, the shape of the page without Gloss', () => {
    const page = ['DIV in BODY', '@src on IMG', 'DIV in BODY', '#text in P'];
    expect(shapeDifference(page, page)).toEqual([]);
    expect(shapeDifference([...page, 'GLOSS-OVERLAY in HTML', '#text in P'], page)).toEqual([
      'extra #text in P',
      'extra GLOSS-OVERLAY in HTML',
    ]);
    expect(shapeDifference(page.slice(1), page)).toEqual(['missing DIV in BODY']);
  });
});
