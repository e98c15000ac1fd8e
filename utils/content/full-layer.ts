import type { ContentScriptContext } from '#imports';
import type { SiteMode } from '../messaging/protocol';
import { watchClicks } from './edit-highlight';
import type { FullLayer, LoadReason } from './layer-contract';
import { answerRequest } from './popup-requests';
import { highlightableRange } from './selection';
import { PageSession } from './session';
import { watchChanges } from './watch-changes';
import { watchHover } from './watch-hover';
import { offerToolbar, watchSelection } from './watch-selection';

/** How often a page Gloss painted on checks that the extension is still there (it has no event for it in Chrome). */
const ORPHAN_CHECK_MS = 2000;

/**
 * Gloss's full page layer, loaded by the every-page script on pages that may
 * be articles, hold the reader's notes, where the reader selected text, or
 * when the popup asks: extraction, analysis requests, painting, the toolbar,
 * the cards. Everything it registers goes through `ctx` (listeners with its
 * `signal`, timers, frames, observers and highlights released by
 * `ctx.onInvalidated`), so it all ends with the content script.
 */
export function startFullLayer(ctx: ContentScriptContext, reason: LoadReason, siteMode?: SiteMode): FullLayer {
  const session = new PageSession(ctx);
  watchChanges(ctx, session);
  watchSelection(ctx, session);
  watchHover(ctx, session);
  watchClicks(ctx, session);
  // An orphaned copy (the extension was disabled, updated or reloaded) learns
  // it on this tick: ctx's timers check `runtime.id` and end the context.
  ctx.setInterval(() => {}, ORPHAN_CHECK_MS);
  // The reader is waiting for the toolbar: it comes first, the page's analysis next.
  const started =
    reason === 'selection'
      ? new Promise<void>((done) => ctx.setTimeout(() => void session.start().finally(done), 0))
      : session.start(false, siteMode);
  // A request that loaded the layer is answered once the page is judged (not "starting").
  const ready = started.catch(() => {});
  const layer: FullLayer = {
    answer: (message) => ready.then(() => answerRequest(session, message)),
    offerSelection: (focus) => {
      const range = session.status === 'never' ? null : highlightableRange(document);
      if (range) void offerToolbar(session, range, { focus });
    },
  };
  return layer;
}
