/**
 * Scoring of candidate matches for a quote, after the Hypothesis client's
 * `match-quote.ts`: similarity of the quote, of the text before and after it
 * to the saved context, and closeness to the old position. Plus what
 * Hypothesis leaves out: a threshold, so a doubtful match becomes an orphan
 * instead of a highlight in the wrong place.
 */
import approxSearch from 'approx-string-match';
import { CONTEXT_LENGTH } from './describe';

/** A place in the text the quote may be, with its edit distance to the quote. */
export type Candidate = { start: number; end: number; errors: number };

/** What the saved selectors say about the quote's surroundings. */
export type QuoteContext = { prefix: string; suffix: string; hint: number };

/** A scored candidate. All scores are in [0, 1]. */
export type ScoredMatch = {
  start: number;
  end: number;
  score: number;
  quoteScore: number;
  contextScore: number;
};

// Hypothesis's weights: the quote counts most, context next, position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Least quote similarity ever accepted: at most one edit in four characters. */
export const MIN_QUOTE_SCORE = 0.75;
/**
 * Least context similarity (mean of both sides) for a match to count as "in
 * the same place". Unrelated English text scores about 0.3–0.45 against a
 * 32-character context; one side intact and the other rewritten scores ≥ 0.65.
 */
export const MIN_CONTEXT_SCORE = 0.55;
/** Quotes shorter than this recur by chance: they need more of their context, and are matched exactly. */
export const SHORT_QUOTE = 16;
const MIN_SHORT_CONTEXT_SCORE = 0.65;
/**
 * A quote this long that is (nearly) intact is taken even when both sides were
 * rewritten (a moved paragraph): text of this length does not recur by chance.
 */
export const DISTINCTIVE_LENGTH = 32;
const DISTINCTIVE_QUOTE_SCORE = 0.9;

/**
 * Fewest edits turning `pattern` into some part of `text` (semi-global edit
 * distance). Contexts are at most 32 characters, one machine word: Myers'
 * bit-parallel algorithm on its own is many times faster than
 * approx-string-match, which also works out where every good match starts.
 */
function fitErrors(text: string, pattern: string): number {
  const m = pattern.length;
  if (m > 32) {
    const [best] = approxSearch(text, pattern, m);
    return best ? best.errors : m;
  }
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // The part may start anywhere: the row above the pattern stays 0.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

/** Similarity in [0, 1] of `pattern` to its best-matching part of `text`. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === pattern) return 1;
  return Math.max(0, 1 - fitErrors(text, pattern) / pattern.length);
}

/**
 * Similarity of one side's saved context to the text beside the match. An
 * empty saved context means the quote was at the edge of the text: full marks
 * if it still is, a neutral half otherwise.
 */
function sideScore(saved: string, actual: string): number {
  if (saved.length === 0) return actual.length === 0 ? 1 : 0.5;
  return similarity(actual, saved);
}

/** Scores a candidate for a quote of `quoteLength` characters. */
export function scoreCandidate(text: string, quoteLength: number, c: Candidate, ctx: QuoteContext): ScoredMatch {
  const quoteScore = Math.max(0, 1 - c.errors / quoteLength);
  const prefix = sideScore(ctx.prefix, text.slice(Math.max(0, c.start - Math.max(1, ctx.prefix.length)), c.start));
  const suffix = sideScore(ctx.suffix, text.slice(c.end, c.end + Math.max(1, ctx.suffix.length)));
  const position = 1 - Math.min(1, Math.abs(c.start - ctx.hint) / Math.max(1, text.length));
  const raw = QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return { start: c.start, end: c.end, score: raw / TOTAL_WEIGHT, quoteScore, contextScore: (prefix + suffix) / 2 };
}

/** Edits allowed where a quote was deleted (the space or line break left at the join, and one more). */
const JOIN_ERRORS = 2;
/** Stand-ins for the two ends of the text: a context saved at an edge must still be at it. */
const TEXT_START = '\u0002';
const TEXT_END = '\u0003';

/** Whether a saved context was cut short by an edge of the text (describe() keeps one less beside a surrogate pair). */
function atEdge(saved: string): boolean {
  return saved.length < CONTEXT_LENGTH - 1;
}

/**
 * Whether the quote was deleted: its saved prefix and suffix stand joined in
 * the text, exactly anywhere or with at most two edits in `[from, to)` (near
 * the old position). Then an approximate match elsewhere is a look-alike, not
 * the quote, and only an exact copy may be taken. (A quote edited in place is
 * not taken for deleted: an approximate match is 16 characters or more with
 * at most one edit in four, and deleting what is left of it takes more than
 * two edits.)
 */
export function quoteDeleted(text: string, ctx: QuoteContext, [from, to]: [number, number]): boolean {
  const { prefix, suffix } = ctx;
  const [first, last] = [atEdge(prefix), atEdge(suffix)];
  const plain = prefix + suffix;
  if (
    first && last ? text === plain : first ? text.startsWith(plain) : last ? text.endsWith(plain) : text.includes(plain)
  )
    return true;
  const joined = (first ? TEXT_START : '') + plain + (last ? TEXT_END : '');
  // A short pattern (a tiny text) would match anywhere with two edits.
  const errors = Math.min(JOIN_ERRORS, Math.floor(joined.length / 8));
  const start = Math.max(0, from - plain.length);
  const end = Math.min(text.length, to + plain.length);
  const window = (start === 0 ? TEXT_START : '') + text.slice(start, end) + (end === text.length ? TEXT_END : '');
  return approxSearch(window, joined, errors).length > 0;
}

/** Whether a match is sure enough to paint. */
export function isAcceptable(m: ScoredMatch, quoteLength: number): boolean {
  if (m.quoteScore < MIN_QUOTE_SCORE) return false;
  if (m.contextScore >= (quoteLength < SHORT_QUOTE ? MIN_SHORT_CONTEXT_SCORE : MIN_CONTEXT_SCORE)) return true;
  return m.quoteScore >= DISTINCTIVE_QUOTE_SCORE && quoteLength >= DISTINCTIVE_LENGTH;
}

/** Most candidates given a full (approximate-search) score. */
const MAX_SCORED = 64;
/** Characters of context next to the quote compared by the quick pre-selection. */
const QUICK_CONTEXT = 16;

/** Characters of the saved context that equal, position by position, the text right beside `c`. */
function quickContext(text: string, c: Candidate, ctx: QuoteContext): number {
  let same = 0;
  const p = ctx.prefix;
  for (let i = 1; i <= Math.min(QUICK_CONTEXT, p.length); i++)
    if (p.charCodeAt(p.length - i) === text.charCodeAt(c.start - i)) same++;
  const s = ctx.suffix;
  for (let i = 0; i < Math.min(QUICK_CONTEXT, s.length); i++)
    if (s.charCodeAt(i) === text.charCodeAt(c.end + i)) same++;
  return same;
}

/**
 * The candidates worth a full score. A short quote may occur thousands of
 * times ("the"); scoring each with approximate search would take seconds, so
 * keep those whose adjacent characters agree best with the saved context
 * (then the nearest to the old position). The cut-off agreement is found by
 * counting, so only the few candidates at or above it are sorted.
 */
function preselect(text: string, candidates: Candidate[], ctx: QuoteContext): Candidate[] {
  if (candidates.length <= MAX_SCORED) return candidates;
  const quick = candidates.map((c) => quickContext(text, c, ctx));
  const counts = new Array<number>(2 * QUICK_CONTEXT + 1).fill(0);
  for (const q of quick) counts[q]++;
  let cutoff = 2 * QUICK_CONTEXT;
  for (let taken = counts[cutoff]; taken < MAX_SCORED && cutoff > 0; taken += counts[cutoff]) cutoff--;
  const distance = (c: Candidate) => Math.abs(c.start - ctx.hint);
  const kept = candidates.map((c, i) => ({ c, quick: quick[i] })).filter((x) => x.quick >= cutoff);
  return kept
    .sort((a, b) => b.quick - a.quick || distance(a.c) - distance(b.c))
    .slice(0, MAX_SCORED)
    .map((x) => x.c);
}

/** The best acceptable candidate, or null. Candidates with the same span are scored once. */
export function bestMatch(
  text: string,
  quoteLength: number,
  candidates: Candidate[],
  ctx: QuoteContext,
): ScoredMatch | null {
  let best: ScoredMatch | null = null;
  const seen = new Set<string>();
  for (const c of preselect(text, candidates, ctx)) {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = scoreCandidate(text, quoteLength, c, ctx);
    if (isAcceptable(m, quoteLength) && (!best || m.score > best.score)) best = m;
  }
  return best;
}
