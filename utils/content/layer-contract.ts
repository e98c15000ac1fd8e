import type { ContentScriptContext } from '#imports';
import type { Reply, SiteMode } from '../messaging/protocol';

/**
 * The contract between the every-page script (`loader.ts`) and the full page
 * layer it loads (`entrypoints/page-layer.ts`, `full-layer.ts`). The loaded
 * script puts its start function under `FULL_LAYER_KEY` on the content
 * script's own global (its isolated world, which page scripts cannot reach),
 * and the loader calls it with the one context both share: one teardown for all.
 */
export const FULL_LAYER_KEY = '__glossFullLayer';

/** The packaged script the loader imports (listed in `web_accessible_resources`, for http(s) pages only). */
export const FULL_LAYER_PATH = '/page-layer.js';

/** Why the full layer was loaded: the page may be an article (or has the reader's notes), a selection, the popup. */
export type LoadReason = 'page' | 'selection' | 'request';

/** What the full layer gives back to the loader. */
export type FullLayer = {
  /** Answers a request of the popup or the background (sender already checked). */
  answer(message: unknown): Promise<Reply<unknown> | undefined>;
  /** Offers the toolbar over the reader's selection, if there is one Gloss may highlight. */
  offerSelection(focus: boolean): void;
};

/**
 * Starts the full layer. `siteMode` is the reader's choice for this site when the loader has just read it
 * (reason 'page'): the layer then starts on the page at once instead of reading it again.
 */
export type StartFullLayer = (ctx: ContentScriptContext, reason: LoadReason, siteMode?: SiteMode) => FullLayer;
