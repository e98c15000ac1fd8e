import { jumpTo } from './card';
import type { PageSession } from './session';

/** The quotation the keyboard walk last reached, per session, with the list it was in. */
const reached = new WeakMap<PageSession, { quotes: readonly unknown[]; index: number }>();

/**
 * The keyboard walk through the article's quotations (the `next-quotation` and
 * `previous-quotation` commands): moves to the next (or previous) painted
 * quotation after the one last reached, or, at first, after the top of the
 * window; scrolls to it, flashes it and opens its card with the focus.
 * False when there is none to reach (none painted, or quotations hidden).
 */
export async function walkQuotes(session: PageSession, step: 1 | -1): Promise<boolean> {
  const { article } = session;
  const painted = article.paintedQuotes();
  if (!painted.length || session.highlighter.isHidden('gloss-quote')) return false;
  const last = reached.get(session);
  let at: number;
  if (last && last.quotes === article.quotes && painted.includes(last.index)) {
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
  reached.set(session, { quotes: article.quotes, index });
  await jumpTo(session, article.rangeOf('quote', index));
  return true;
}
