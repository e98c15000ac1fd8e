import type { ContentScriptContext } from '#imports';

/** How long the page must be quiet before Gloss looks again, in ms. */
export const SETTLE = 700;

/**
 * Calls `then` once the page's body has been quiet for `SETTLE` ms after a
 * change (nodes added or removed, text edited). One observer and at most one
 * timer, both released with `ctx`; returns a function that stops watching.
 */
export function settled(ctx: ContentScriptContext, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (ctx.isInvalid) return; // the getter ends the context, and with it this observer
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
  if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(stop);
  return stop;
}
