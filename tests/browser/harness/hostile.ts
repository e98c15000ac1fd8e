/**
 * Probes for hostile pages, run in the page's main world (no imports: each is
 * serialised into the page). They watch what a reader would notice: a page
 * that stops answering, ranges painted on nodes the page threw away. Then
 * what the Chromium and Firefox tests share in Node: `answers`, `HANG_MS`,
 * `STRICT_CSP`.
 */

/** Longer than this without a tick of the page's own timer is a hang, not slowness. */
export const HANG_MS = 15_000;

/** A Content-Security-Policy that allows the page nothing at all (Chromium's tests add Trusted Types). */
export const STRICT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'";

/** In Node: whether a page (Playwright's or Puppeteer's) answers a script promptly (a hung main thread would not). */
export async function answers(page: { evaluate(fn: () => boolean): Promise<boolean> }): Promise<boolean> {
  return Promise.race([
    page.evaluate(() => document.readyState === 'complete'),
    new Promise<boolean>((ok) => setTimeout(() => ok(false), HANG_MS)),
  ]);
}

/** Stalls of the page's main thread, measured by a timer the page itself runs. */
export type Stalls = { ticks: number; longestMs: number };

/**
 * Installed before any page script: from the `load` event on, a 50 ms timer
 * records the longest gap between its ticks in `window.__glossTestStalls`.
 * A hang of the main thread (the page's or a content script's) shows as a gap.
 */
export function meterStalls(): void {
  const stalls = { ticks: 0, longestMs: 0 };
  (window as unknown as { __glossTestStalls: typeof stalls }).__glossTestStalls = stalls;
  addEventListener('load', () => {
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      stalls.longestMs = Math.max(stalls.longestMs, now - last);
      stalls.ticks++;
      last = now;
    }, 50);
  });
}

/** What `meterStalls` measured so far, and starts measuring afresh. */
export function takeStalls(): Stalls {
  const stalls = (window as unknown as { __glossTestStalls: Stalls }).__glossTestStalls;
  const out = { ...stalls, longestMs: Math.round(stalls.longestMs) };
  stalls.ticks = 0;
  stalls.longestMs = 0;
  return out;
}

/**
 * A painted range as the page sees it: its text, and whether it still covers
 * text in the document (a range whose nodes the page removed collapses onto
 * their parent, which may still be in the document).
 */
export type PaintedRange = { layer: string; text: string; connected: boolean; before: string; after: string };

/** Every range of every Gloss layer, with one character of context either side (when in the same node). */
export function paintedRanges(): PaintedRange[] {
  const out: PaintedRange[] = [];
  CSS.highlights.forEach((highlight, layer) => {
    if (!layer.startsWith('gloss-')) return;
    for (const r of highlight as unknown as Iterable<Range>) {
      const start = r.startContainer;
      const end = r.endContainer;
      out.push({
        layer,
        text: r.toString(),
        connected: !r.collapsed && start.isConnected && end.isConnected,
        before: start.nodeType === 3 ? (start as Text).data.slice(0, r.startOffset).slice(-2) : '',
        after: end.nodeType === 3 ? (end as Text).data.slice(r.endOffset, r.endOffset + 2) : '',
      });
    }
  });
  return out;
}

/** Names of Gloss's highlight layers in this document. */
export function glossLayers(): string[] {
  return [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-'));
}

/**
 * Run in one of Gloss's pages: how many annotations the database holds (0
 * when it does not exist yet). Opened without a version, so whatever the schema.
 */
export async function savedAnnotations(): Promise<number> {
  // Opening a database that does not exist would create it: look first.
  if (!(await indexedDB.databases()).some((d) => d.name === 'gloss')) return 0;
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('gloss');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('annotations')) return 0;
    return await new Promise<number>((ok, fail) => {
      const req = db.transaction('annotations').objectStore('annotations').count();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  } finally {
    db.close();
  }
}
