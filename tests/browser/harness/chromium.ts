/** Debian's Chromium with the built extension loaded, driven by playwright-core. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const CHROME_BUILD = resolve('.output/chrome-mv3');

/** A browser with Gloss loaded (unless launched without it), its extension id, and a closer. */
export type ChromiumSession = { context: BrowserContext; extensionId: string; close: () => Promise<void> };

export type ChromiumOptions = {
  /** The unpacked extension to load (Gloss's build by default), or null for none. */
  extension?: string | null;
  /** Refuse every host but 127.0.0.1 at name resolution, so pages never wait on the network. */
  localOnly?: boolean;
  /** Other unpacked extensions loaded beside it (another extension the reader installed). */
  others?: string[];
};

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extension = options.extension === undefined ? CHROME_BUILD : options.extension;
  const load = [...(extension ? [extension] : []), ...(options.others ?? [])].join(',');
  const profile = mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...(load ? [`--disable-extensions-except=${load}`, `--load-extension=${load}`] : []),
      ...(options.localOnly ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let extensionId = '';
  if (extension) {
    // Gloss's background is background.js (another extension's worker may start first).
    const gloss = (url: string) => url.endsWith('/background.js');
    const worker =
      context.serviceWorkers().find((w) => gloss(w.url())) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => gloss(w.url()), timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
