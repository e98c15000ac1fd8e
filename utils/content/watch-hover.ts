import type { ContentScriptContext } from '#imports';
import { cardEntries, lineAt, marksAt, marksIn } from './card';
import type { PageSession } from './session';

/** How long the card stays after the pointer leaves its mark, so the pointer can reach the card's buttons, in ms. */
const GRACE = 400;
/** Longest text of a focused element whose marks the card describes. */
const MAX_FOCUSED_TEXT = 300;

/**
 * The card: what is under the pointer (the reader's note, a quotation's
 * speaker, an entity), checked once per animation frame at most, and what an
 * element the keyboard focuses lies in (a link inside a name, say). Where
 * marks overlap, the card stacks them all, topmost first. Escape closes it.
 * Not shown while one of the reader's highlights is open in the page.
 */
export function watchHover(ctx: ContentScriptContext, session: PageSession): void {
  const { overlay } = session;
  let frame = 0;
  // One frame at a time, cancelled with the context (ctx.requestAnimationFrame would add a listener per frame).
  ctx.onInvalidated(() => cancelAnimationFrame(frame));
  let hideTimer: number | undefined;
  /** Hides the card after the grace time, counted from when the pointer left the marks (not from each move since). */
  const hideLater = () => {
    hideTimer ??= ctx.setTimeout(() => {
      hideTimer = undefined;
      // Not a card the keyboard opened meanwhile, nor one the pointer has reached.
      if (!overlay.cardPinned && !overlay.pointerOnCard) void overlay.showCard(null);
    }, GRACE);
  };
  const keep = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };

  ctx.addEventListener(document, 'pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    if (overlay.isInside(e)) {
      // On the card (on its way to its buttons) it stays; on the toolbar or an open highlight it goes.
      keep();
      if (!overlay.pointerOnCard && overlay.cardOpen && !overlay.cardPinned) void overlay.showCard(null);
      return;
    }
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (overlay.editorOpen || overlay.isFocused()) return;
      const marks = marksAt(session, e.clientX, e.clientY);
      if (!marks.length) {
        if (overlay.cardOpen && !overlay.cardPinned) hideLater();
        return;
      }
      keep();
      // Under the line pointed at, so the card covers the next line rather than the words under the pointer.
      const line = lineAt(marks[0].range, e.clientX, e.clientY);
      void overlay.showCard({
        entries: cardEntries(session, marks),
        x: e.clientX,
        y: line?.bottom ?? e.clientY + 8,
        top: line?.top ?? e.clientY,
      });
    });
  });

  // Keyboard focus on an element of the page inside marks (a link in a quotation): the card, without taking the focus.
  let focused: Element | null = null;
  const onFocus = (el: Element | null) => {
    if (el === focused) return;
    focused = el;
    if (!el || el === document.body || overlay.editorOpen || overlay.isFocused()) return;
    // A link or a control, not a whole region made focusable.
    if ((el.textContent?.length ?? 0) > MAX_FOCUSED_TEXT) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    const marks = marksIn(session, range);
    if (!marks.length) {
      if (overlay.cardPinned) void overlay.showCard(null);
      return;
    }
    const rect = el.getBoundingClientRect();
    void overlay.showCard({
      entries: cardEntries(session, marks),
      x: rect.left,
      y: rect.bottom,
      top: rect.top,
      pinned: true,
    });
  };
  ctx.addEventListener(document, 'focusin', (e) => {
    if (!overlay.isInside(e)) onFocus(e.target instanceof Element ? e.target : null);
  });
  // Also after Tab: a window without the system focus (a headless one) moves the focus without focus events.
  ctx.addEventListener(document, 'keyup', (e) => {
    if (e.key === 'Tab' && e.isTrusted && !overlay.isFocused()) onFocus(document.activeElement);
  });

  // A card opened from the keyboard stays until the reader presses or clicks elsewhere.
  ctx.addEventListener(document, 'pointerdown', (e) => {
    if (overlay.cardPinned && !overlay.isInside(e)) void overlay.showCard(null);
  });

  ctx.addEventListener(document, 'keydown', (e) => {
    // (Keys inside Gloss's UI stay there: the card handles its own Escape.)
    if (e.key === 'Escape' && overlay.cardOpen) void overlay.showCard(null);
  });
}
