import { jumpTo } from './card';
import type { PageSession } from './session';

/** The quotation the keyboard walk last reached, per session, with the list it was in. */
const reached = new WeakMap<PageSession, { quotes: readonly unknown[]; index: number }>();

/** Records that the reader reached quotation `index` (by the card's "Next quotation"): the walk goes on from there. */
export function reachedQuote(session: PageSession, index: number): void {
  reached.set(session, { quotes: session.article.quotes, index });
}

/**
 * The keyboard walk through the article's quotations (the `next-quotation` and
 * `previous-quotation` commands): moves to the next (or previous) painted
 * quotation after the one last reached while its card is open, else the
 * first one below the top of the window (the last one above its bottom); scrolls to it, flashes it and opens its card with the focus.
 * False when there is none to reach (none painted, or quotations hidden).
 */
export async function walkQuotes(session: PageSession, step: 1 | -1): Promise<boolean> {
  const { article } = session;
  const painted = article.paintedQuotes();
  if (!painted.length || session.highlighter.isHidden('gloss-quote')) return false;
  const last = reached.get(session);
  let at: number;
  // On from the last one while its card is open; once the reader has closed it, from where they are reading.
  if (last && session.overlay.cardOpen && last.quotes === article.quotes && painted.includes(last.index)) {
    at = (painted.indexOf(last.index) + step + painted.length) % painted.length;
  } else {
    // The first quotation below the top of the window (going forward), or the last above its bottom.
    const tops = painted.map((i) => article.rangeOf('quote', i)!.getBoundingClientRect().top);
    at =
      step > 0
        ? Math.max(
            0,
            tops.findIndex((t) => t >= 0),
          )
        : Math.max(
            0,
            tops.findLastIndex((t) => t < window.innerHeight),
          );
  }
  const index = painted[at];
  reachedQuote(session, index);
  await jumpTo(session, article.rangeOf('quote', index));
  return true;
}
