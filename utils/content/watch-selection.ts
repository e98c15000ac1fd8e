import type { ContentScriptContext } from '#imports';
import { cardPoint, notesAtSelection, openHighlight } from './edit-highlight';
import { highlightableRange } from './selection';
import type { PageSession } from './session';
import { getPreferences } from '../preferences';

/**
 * Offers the toolbar when the reader ends a selection (mouse up, or Shift
 * released after selecting with the keyboard, which also gives it the focus);
 * hides it when the selection goes away or on Escape. Events a page script
 * makes up (`isTrusted` false) are ignored.
 */
export function watchSelection(ctx: ContentScriptContext, session: PageSession): void {
  const onSelectionEnd = (event: Event) => {
    // Only the reader's own mouse and keys: a page script can select text and
    // fire these events itself, to put Gloss's toolbar where it wants a click.
    if (!event.isTrusted || session.overlay.isInside(event)) return;
    // After the browser has updated the selection for this event.
    ctx.setTimeout(() => {
      const range = session.status === 'never' ? null : highlightableRange(document);
      if (range) void offerToolbar(session, range, { focus: event.type === 'keyup' });
      else void session.overlay.hideToolbar();
    }, 0);
  };
  ctx.addEventListener(document, 'mouseup', onSelectionEnd);
  ctx.addEventListener(document, 'keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift') onSelectionEnd(e);
    else if (e.key === 'Escape') void session.overlay.hideToolbar();
  });
}

/** Shows the toolbar over `range`; saving it highlights the range with the reader's choice. */
export function offerToolbar(
  session: PageSession,
  range: Range,
  options: { focus?: boolean; expanded?: boolean } = {},
): Promise<void> {
  const rect = range.getBoundingClientRect();
  return session.overlay.showToolbar({
    rect: { left: rect.left, top: rect.top, bottom: rect.bottom },
    ...options,
    onSave: async (choice) => {
      await session.saveSelection(range, choice);
      document.getSelection()?.removeAllRanges();
      await session.overlay.hideToolbar();
    },
  });
}

/**
 * Highlights the reader's selection on their command (keyboard shortcut or
 * context menu): at once in the default colour, or through the toolbar with
 * its note open. A selection or caret inside one of the reader's highlights
 * opens that highlight to edit instead (the keyboard's way to reach one;
 * pressed again, the next of several overlapping there).
 * False when there is nothing to highlight.
 */
export async function highlightSelection(session: PageSession, note: boolean): Promise<boolean> {
  const held = notesAtSelection(session);
  // Pressed again with one of them open: the next of those that overlap here.
  const open = held.findIndex((n) => n.annotation.id === session.overlay.editing);
  const existing = held[(open + 1) % Math.max(held.length, 1)];
  if (existing) {
    await openHighlight(session, existing.annotation, cardPoint(existing.range));
    return true;
  }
  const range = session.status === 'never' ? null : highlightableRange(document);
  if (!range) return false;
  if (note) {
    await offerToolbar(session, range, { focus: true, expanded: true });
    return true;
  }
  await session.overlay.hideToolbar();
  const { defaultColour } = await getPreferences();
  await session.saveSelection(range, { color: defaultColour, note: '', tags: [] });
  document.getSelection()?.removeAllRanges();
  return true;
}
