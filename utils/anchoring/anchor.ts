import { bestMatch, MIN_CONTEXT_SCORE, type QuoteContext, type ScoredMatch, scoreCandidate } from './score';
import {
  exactCandidates,
  fuzzyCandidates,
  LONG_QUOTE,
  longQuoteCandidates,
  mask,
  nearbyCandidates,
} from './candidates';
import type { AnchorMatch, TextSelectors } from './types';

/** Context score above which the saved position is trusted without looking further. */
const SURE_CONTEXT = 0.9;

/**
 * Finds a saved highlight again in a page's (possibly changed) text.
 *
 * 1. The saved position, if the quote is still there and its context agrees.
 * 2. Exact occurrences of the quote, the best by context and distance.
 * 3. Approximate matches in the whole text and near the old position
 *    (quote, context and distance scored as in the Hypothesis client); long
 *    quotes also by their start and end.
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

  if (text.slice(start, end) === exact) {
    const here = scoreCandidate(text, len, { start, end, errors: 0 }, ctx);
    if (here.contextScore >= SURE_CONTEXT) return result(here);
  }

  const exactMatches = exactCandidates(text, exact);
  const exactBest = bestMatch(text, len, exactMatches, ctx);
  // An exact copy in foreign context (a moved paragraph, or a repeated phrase)
  // may still lose to a lightly edited quote where the highlight was.
  if (exactBest && exactBest.contextScore >= MIN_CONTEXT_SCORE) return result(exactBest);

  // Approximate search reports only the lowest-error matches, so exact copies
  // are hidden from it; candidates are scored against the real text.
  const masked = mask(text, exactMatches);
  const approximate = [...fuzzyCandidates(masked, exact), ...nearbyCandidates(masked, exact, start)];
  let best = pick(exactBest, bestMatch(text, len, approximate, ctx));
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
