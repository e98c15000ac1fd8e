/** Debian's Firefox ESR with the built extension installed, driven by puppeteer-core. */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

/**
 * A browser with Gloss installed. (WebDriver BiDi may not navigate to
 * moz-extension:// pages, so the popup is tested in Chromium only.)
 */
export type FirefoxSession = { browser: Browser; close: () => Promise<void> };

export async function launchFirefox(): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'network.proxy.type': 0,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return { browser, close: () => browser.close() };
}
