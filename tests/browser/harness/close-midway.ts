/**
 * Tabs closed while Gloss analyses their article, for the Firefox and Chromium
 * tests: the same page, the same moments, whatever drives the browser.
 */

/** A long read (about 40,000 words): its analysis takes a while, and a tab can be closed while it runs. */
export const LONG_READ = '/fixtures/long-read/index.html';

/** What the test needs of a browser's tab. */
export type ClosableTab = {
  /** Whether Gloss has painted the page's quotations yet. */
  painted(): Promise<boolean>;
  close(): Promise<void>;
};

export { quotesPainted } from './twins';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Opens the long read twice to learn how long it takes to be painted (the model loaded by the first),
 * then opens it four times more and closes each tab at a fifth, two, three and four fifths of that time.
 * Returns that time and how many tabs were closed before their quotations were painted.
 */
export async function closeMidway(
  open: () => Promise<ClosableTab>,
): Promise<{ paintMs: number; closedMidway: number }> {
  let paintMs = 0;
  for (let i = 0; i < 2; i++) {
    const tab = await open();
    const started = Date.now();
    while (!(await tab.painted())) {
      if (Date.now() - started > 60_000) throw new Error('the long read was not painted in 60 s');
      await sleep(20);
    }
    paintMs = Date.now() - started;
    await tab.close();
  }
  let closedMidway = 0;
  for (const share of [0.2, 0.4, 0.6, 0.8]) {
    const tab = await open();
    await sleep(paintMs * share);
    if (!(await tab.painted())) closedMidway++;
    await tab.close();
  }
  await sleep(2000);
  return { paintMs, closedMidway };
}
