import type { ContentScriptContext } from '#imports';

/** How long the page must be quiet before Gloss looks again, in ms. */
export const SETTLE = 700;

/**
 * Calls `then` once the page's body has been quiet for `SETTLE` ms after a
 * change: nodes added or removed, text edited, or the body itself replaced
 * (as apps do on in-page navigation; the new body is watched from then on).
 * Gloss's own UI, which hangs off <html> beside the body, does not count. One
 * observer and at most one timer, both released with `ctx`; returns a function
 * that stops watching.
 */
export function settled(ctx: ContentScriptContext, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let body: HTMLElement | null = null;
  const watchBody = () => {
    body = document.body;
    if (body) observer.observe(body, { childList: true, subtree: true, characterData: true });
  };
  const observer = new MutationObserver((records) => {
    if (ctx.isInvalid) return; // the getter ends the context, and with it this observer
    const root = document.documentElement;
    if (document.body !== body) watchBody();
    else if (records.every((r) => r.target === root)) return; // beside the body: Gloss's UI coming and going
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (ctx.isValid) then();
    }, SETTLE);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.documentElement, { childList: true });
  watchBody();
  ctx.onInvalidated(stop);
  return stop;
}

/**
 * Calls `then` after an in-page navigation (`wxt:locationchange`) has changed
 * the address. WXT announces it from the Navigation API's `navigate` event,
 * before the address changes, so the address is compared a task later; an
 * event of that name made up by the page changes nothing.
 */
export function onNavigation(ctx: ContentScriptContext, then: () => void): void {
  let href = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    setTimeout(() => {
      if (ctx.isInvalid || location.href === href) return;
      href = location.href;
      then();
    }, 0);
  });
}
