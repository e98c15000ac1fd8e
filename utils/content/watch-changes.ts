import type { ContentScriptContext } from '#imports';
import type { PageSession } from './session';

/** How long the page must be quiet before Gloss looks again, in ms. */
const SETTLE = 700;

/**
 * Late paragraphs, re-renders, edits and in-page navigation: the session looks
 * again once the page settles, and starts afresh on a new location. (Gloss's
 * own UI hangs off <html>, outside the observed body.)
 */
export function watchChanges(ctx: ContentScriptContext, session: PageSession): void {
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => void session.refresh(), SETTLE);
  });
  if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    session.highlighter.clear();
  });
  let href = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    // Only a real change of address: a page can fire an event of this name too.
    if (location.href === href) return;
    href = location.href;
    void session.start();
  });
}
