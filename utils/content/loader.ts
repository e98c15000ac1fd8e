import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { mayBeArticle } from '../extract/gate';
import { errorReply, isEnvelope } from '../messaging/client';
import type { SiteMode } from '../messaging/protocol';
import { guardContext } from './guard-context';
import {
  FULL_LAYER_KEY,
  FULL_LAYER_PATH,
  type FullLayer,
  type LoadReason,
  type StartFullLayer,
} from './layer-contract';
import { fromOwnPages, type Sender } from './own-sender';
import { highlightableRange } from './selection';
import { onNavigation, settled } from './settled';
import { readSiteSettings } from './site-settings';

/**
 * What Gloss runs on every page: it decides whether the page needs the full
 * layer (it may be an article, the reader has notes on its site, the site is
 * set to "always", the reader selected text, the popup or a command asks) and
 * only then loads it. Until then it holds a few listeners and one observer,
 * all tied to `ctx`, and no UI framework or extractor.
 */
export function startPageLayer(ctx: ContentScriptContext): void {
  guardContext(ctx);
  clearLeftovers();
  let full: Promise<FullLayer> | null = null;
  /** Whether the full layer is running (and so watches selections and changes itself). */
  let running = false;
  let mode: SiteMode | null = null;
  const load = (
    reason: LoadReason,
    imported: Promise<StartFullLayer> = importFullLayer(),
    siteMode?: SiteMode,
  ): Promise<FullLayer> =>
    (full ??= imported.then((start) => {
      if (ctx.isInvalid) throw new Error('Gloss was disabled or updated');
      running = true;
      return start(ctx, reason, siteMode);
    }));

  /** The page as last turned away: its address and the size of its text then. */
  let judged: { href: string; size: number } | null = null;

  const decide = async (): Promise<void> => {
    if (full) return;
    // A page turned away that has not changed much since (a ticker, a clock, a carousel) is not judged again.
    if (judged && !changedMuch(judged, location.href, textSize())) return;
    // The reader's settings are read while the page is judged; the judging waits for the page's own
    // start-up work of this moment to run first (a task later).
    const settings = readSiteSettings(location.href);
    const maybe = await new Promise<boolean>((done) =>
      setTimeout(() => {
        const may = !full && ctx.isValid && mayBeArticle(document, location.href);
        judged = may ? null : { href: location.href, size: textSize() };
        done(may);
      }, 0),
    );
    // A page that may be an article starts loading the full layer at once; it starts only if the site allows.
    const imported = maybe ? importFullLayer() : null;
    imported?.catch(() => {}); // reported where it is used; unused on a site set to "never"
    const { mode: siteMode, notes } = await settings;
    mode = siteMode;
    if (full || ctx.isInvalid || mode === 'never') return;
    if (mode === 'always' || notes || maybe) {
      stopWatching();
      void load('page', imported ?? undefined, mode).catch(reportFailure);
    }
  };

  // A page that renders its article late, or navigates in place, is judged again once it settles.
  const stopWatching = settled(ctx, () => void decide());
  onNavigation(ctx, () => void decide());

  // Selecting text shows the toolbar at once, wherever the page stands.
  const onSelectionEnd = (event: Event) => {
    if (running || !event.isTrusted || mode === 'never' || ctx.isInvalid) return;
    setTimeout(() => {
      if (running || !highlightableRange(document)) return;
      load('selection')
        .then((layer) => layer.offerSelection(event.type === 'keyup'))
        .catch(reportFailure);
    }, 0);
  };
  ctx.addEventListener(document, 'mouseup', onSelectionEnd);
  ctx.addEventListener(document, 'keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift') onSelectionEnd(e);
  });

  // Requests of the popup, the keyboard shortcut and the context menu load the full layer and go to it.
  const onMessage = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): true | undefined => {
    if (ctx.isInvalid || !isEnvelope(message) || !fromOwnPages(sender)) return undefined;
    load('request')
      .then((layer) => layer.answer(message))
      .then(sendResponse, (err: unknown) => sendResponse(errorReply(err)));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  void decide();
}

/** A page's text grown by this share since it was turned away (and at least `GROWTH_MIN` characters) is judged again. */
export const GROWTH_SHARE = 0.25;
/** The least growth of a page's text that has it judged again, in characters. */
export const GROWTH_MIN = 500;

/** The size of the page's text: what the page holds to read, counted without copying it out of the DOM twice. */
function textSize(): number {
  return document.body?.textContent?.length ?? 0;
}

/**
 * Whether a page turned away when it stood at `judged` may have become something else: it moved to another
 * address (an in-page navigation), or its text grew by a good share (an article rendered late, a
 * "continue reading"). A change within that margin (a ticker's figures, a clock, a rotating teaser) is not.
 */
export function changedMuch(judged: { href: string; size: number }, href: string, size: number): boolean {
  return href !== judged.href || size - judged.size >= Math.max(GROWTH_MIN, judged.size * GROWTH_SHARE);
}

/** Imports the full layer (a packaged script, run in this isolated world); resolves to its start function. */
async function importFullLayer(): Promise<StartFullLayer> {
  const world = globalThis as unknown as Record<string, StartFullLayer | undefined>;
  if (!world[FULL_LAYER_KEY]) await import(/* @vite-ignore */ browser.runtime.getURL(FULL_LAYER_PATH as '/'));
  const start = world[FULL_LAYER_KEY];
  if (typeof start !== 'function') throw new Error('the page layer did not load');
  return start;
}

function reportFailure(err: unknown): void {
  console.warn('Gloss: could not start on this page:', err);
}

/**
 * Removes what an earlier copy of Gloss left in this document: Firefox runs the
 * new copy in pages already open when Gloss is updated, reloaded or enabled
 * again, and the old copy's world is gone before it could clear its highlights
 * and UI.
 */
function clearLeftovers(): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  const names: string[] = [];
  // forEach, not keys(): Firefox's wrappers of page objects cannot iterate.
  registry?.forEach((_, name) => void (name.startsWith('gloss-') && names.push(name)));
  for (const name of names) registry?.delete(name);
  for (const host of document.querySelectorAll('gloss-overlay')) host.remove();
}
