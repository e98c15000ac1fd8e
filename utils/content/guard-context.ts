import { browser } from 'wxt/browser';
import { ContentScriptContext } from '#imports';

const COPIES = '__glossContentScripts';

/** The name of the event WXT's newer copies announce themselves with (private in WXT's types). */
function startedEventName(): string {
  const fromWxt = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  return fromWxt ?? `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
}

/**
 * Keeps the page from ending Gloss. WXT ends a content script when a newer copy
 * announces itself with an event on `document`; a page can fire an event of
 * the same name (it is no secret: the extension's id is public), and Gloss
 * would clear its highlights and stop listening. So every announcement is
 * stopped before WXT sees it, and this copy ends only if a newer copy has
 * really started: each copy counts itself in this frame's isolated world,
 * which page scripts cannot reach. An orphaned copy (the extension was
 * updated or reloaded) gives way at once, as WXT intends.
 */
export function guardContext(ctx: ContentScriptContext): void {
  const world = globalThis as unknown as Record<string, number | undefined>;
  const mine = (world[COPIES] = (world[COPIES] ?? 0) + 1);
  const onStarted = (event: Event) => {
    if (!browser.runtime?.id) return; // orphaned: let WXT end this copy
    event.stopImmediatePropagation();
    // A newer copy announces itself from its constructor, before its main()
    // counts it: look once it has run.
    setTimeout(() => {
      if ((world[COPIES] ?? 0) > mine) ctx.notifyInvalidated();
    }, 0);
  };
  // Capture on the window runs before WXT's listener on the document.
  window.addEventListener(startedEventName(), onStarted, { capture: true, signal: ctx.signal });
}
