/** Debian's Firefox ESR with the built extension installed, driven by puppeteer-core. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

/**
 * A browser with Gloss installed (unless launched without it). Without
 * `systemAccess`, WebDriver BiDi may not navigate to moz-extension:// pages,
 * so the seed tests drive the popup in Chromium only.
 */
export type FirefoxSession = {
  browser: Browser;
  /** The extension's add-on id and its `moz-extension://UUID` origin (empty without an extension). */
  addonId: string;
  extensionOrigin: string;
  /** The `moz-extension://UUID` origin of each of `others`, in their order. */
  otherOrigins: string[];
  close: () => Promise<void>;
};

export type FirefoxOptions = {
  /** The unpacked extension to install (Gloss's build by default), or null for none. */
  extension?: string | null;
  /**
   * Lets the session navigate to the extension's pages and run code in the
   * browser's own (chrome) scope, where every network channel and script
   * error of every process can be observed (`--remote-allow-system-access`).
   */
  systemAccess?: boolean;
  /** A folder where downloads are saved without asking (none by default). */
  downloads?: string;
  /** Preferences set at launch (`ui.systemUsesDarkTheme`: 1, a dark system). */
  prefs?: Record<string, unknown>;
  /** Other unpacked extensions installed beside it (another extension the reader installed; each with a gecko id). */
  others?: string[];
};

/** The add-on id an unpacked extension's manifest gives (empty when none). */
const addonIdOf = (folder: string): string =>
  JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko?.id ?? '';

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const extension = options.extension === undefined ? FIREFOX_BUILD : options.extension;
  const addonId = extension ? addonIdOf(extension) : '';
  const others = options.others ?? [];
  // A known UUID for each add-on, so its pages have a known address.
  const uuid = randomUUID();
  const otherUuids = others.map(() => randomUUID());
  const uuids = Object.fromEntries([
    ...(addonId ? [[addonId, uuid]] : []),
    ...others.map((folder, i) => [addonIdOf(folder), otherUuids[i]]),
  ]);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    args: options.systemAccess ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'network.proxy.type': 0,
      ...(Object.keys(uuids).length ? { 'extensions.webextensions.uuids': JSON.stringify(uuids) } : {}),
      ...(options.downloads
        ? {
            'browser.download.dir': options.downloads,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
          }
        : {}),
      ...options.prefs,
    },
  });
  if (extension) await browser.installExtension(extension);
  for (const folder of others) await browser.installExtension(folder);
  return {
    browser,
    addonId,
    extensionOrigin: extension ? `moz-extension://${uuid}` : '',
    otherOrigins: otherUuids.map((u) => `moz-extension://${u}`),
    close: () => browser.close(),
  };
}

/**
 * Runs `start` (a click on an export button) and resolves the file Firefox then saved in `dir` (a session's
 * `downloads` folder, emptied first: it holds one download at a time).
 */
export async function downloaded(dir: string, start: () => Promise<unknown>): Promise<{ name: string; data: Buffer }> {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true });
  await start();
  const deadline = Date.now() + 15_000;
  let last = -1;
  for (;;) {
    // Firefox writes NAME.part, then renames it; the size is checked twice to be sure the file is whole.
    const name = readdirSync(dir).find((f) => !f.endsWith('.part') && !f.startsWith('.'));
    if (name) {
      const data = readFileSync(join(dir, name));
      if (data.length > 0 && data.length === last) return { name, data };
      last = data.length;
    }
    if (Date.now() > deadline) throw new Error(`no download in ${dir} after 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
