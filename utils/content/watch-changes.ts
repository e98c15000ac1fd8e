import type { ContentScriptContext } from '#imports';
import type { PageSession } from './session';
import { onNavigation, settled } from './settled';

/**
 * Late paragraphs, re-renders, edits and in-page navigation: the session looks
 * again once the page settles, and starts afresh on a new location. (Gloss's
 * own UI hangs off <html>, outside the observed body.) Its highlights go with
 * the content script.
 */
export function watchChanges(ctx: ContentScriptContext, session: PageSession): void {
  settled(ctx, () => void session.refresh());
  ctx.onInvalidated(() => session.highlighter.clear());
  onNavigation(ctx, () => void session.start());
}
