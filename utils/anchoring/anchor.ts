import {
  bestMatch,
  MIN_CONTEXT_SCORE,
  type QuoteContext,
  quoteDeleted,
  type ScoredMatch,
  scoreCandidate,
} from './score';
import {
  contextCandidates,
  errorBudget,
  exactCandidates,
  LONG_QUOTE,
  longQuoteCandidates,
  nearbyCandidates,
  nearbyWindow,
} from './candidates';
import type { AnchorMatch, TextSelectors } from './types';

/**
 * Finds a saved highlight again in a page's (possibly changed) text.
 *
 * 1. The saved position, if the quote and its whole context are still there.
 * 2. Exact occurrences of the quote, the best by context and distance.
 * 3. For quotes of 16 characters or more, unless the quote's context now
 *    stands joined (the quote was deleted): approximate matches near the old
 *    position and next to exact occurrences of the context, scored by quote,
 *    context and distance as in the Hypothesis client; long quotes also by
 *    their start and end. Bounded work: see `candidates.ts`.
 *
 * Returns null (an orphan) when no match passes the threshold in `score.ts`:
 * a highlight is never painted in a doubtful place.
 */
export function anchor(text: string, selectors: TextSelectors): AnchorMatch | null {
  const { exact, prefix, suffix } = selectors.quote;
  if (exact.length === 0 || text.length === 0) return null;
  const { start, end } = selectors.position;
  const ctx: QuoteContext = { prefix, suffix, hint: start };
  const len = exact.length;

  // Trusted only with its whole context: text moved by a few characters puts
  // another copy of a short quote here, with its context nearly the same.
  if (text.slice(start, end) === exact) {
    const here = scoreCandidate(text, len, { start, end, errors: 0 }, ctx);
    if (here.contextScore === 1) return result(here);
  }

  const exactMatches = exactCandidates(text, exact);
  const exactBest = bestMatch(text, len, exactMatches, ctx);
  // An exact copy in foreign context (a moved paragraph, or a repeated phrase)
  // may still lose to a lightly edited quote where the highlight was.
  if (exactBest && exactBest.contextScore >= MIN_CONTEXT_SCORE) return result(exactBest);
  // Only an exact copy for a quote too short to match approximately, or one
  // whose context now stands joined (it was deleted: a look-alike is not it).
  if (errorBudget(len) === 0 || quoteDeleted(text, ctx, nearbyWindow(text, start, len)))
    return exactBest && result(exactBest);

  // Next to where the context is now (small windows, wherever it moved), then
  // the wider window around the old position if that finds nothing sure.
  const byContext = pick(exactBest, bestMatch(text, len, contextCandidates(text, exact, ctx), ctx));
  if (byContext && byContext.contextScore >= MIN_CONTEXT_SCORE) return result(byContext);
  let best = pick(byContext, bestMatch(text, len, nearbyCandidates(text, exact, start, exactMatches), ctx));
  if (!best && len > LONG_QUOTE) best = bestMatch(text, len, longQuoteCandidates(text, exact, start), ctx);
  return best ? result(best) : null;
}

function pick(a: ScoredMatch | null, b: ScoredMatch | null): ScoredMatch | null {
  if (!a || !b) return a ?? b;
  return b.score > a.score ? b : a;
}

function result(m: { start: number; end: number; score: number }): AnchorMatch {
  return { start: m.start, end: m.end, score: m.score };
}
