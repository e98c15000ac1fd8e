/**
 * Where a quote may be in a text: exact occurrences first, then approximate
 * matches (approx-string-match, Myers' bit-parallel algorithm), bounded so a
 * search stays in the tens of milliseconds on a 200k-character page.
 */
import approxSearch from 'approx-string-match';
import type { Candidate } from './score';

/** Quotes longer than this are also searched by their two ends. */
export const LONG_QUOTE = 256;
/** Most edits a whole-text search allows: its cost grows with them (≈ n·k/32). */
const MAX_SEARCH_ERRORS = 256;
/** Length of the head and tail parts of a long quote. */
const PART_LENGTH = 64;
/** Most candidates followed up per part, nearest to the old position first. */
const MAX_PART_CANDIDATES = 8;

/** Every exact occurrence of `quote` in `text`, overlapping ones included. */
export function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * The text with the given spans blanked out (same length, so offsets hold).
 * Approximate search reports only the lowest-error matches, so exact copies
 * must be hidden for it to find an edited quote elsewhere.
 */
export function mask(text: string, spans: Candidate[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    out += text.slice(at, from) + '\u0000'.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/** Most edits allowed for a quote: one in four characters (the acceptance threshold). */
export function errorBudget(quoteLength: number): number {
  return Math.floor(quoteLength / 4);
}

/**
 * The best approximate matches of the whole quote, with at most
 * min(256, length/4) edits. Only the lowest-error matches come back.
 */
export function fuzzyCandidates(text: string, quote: string): Candidate[] {
  const budget = Math.min(MAX_SEARCH_ERRORS, errorBudget(quote.length));
  if (budget === 0) return [];
  return approxSearch(text, quote, budget);
}

function nearest(matches: Candidate[], hint: number, key: (m: Candidate) => number): Candidate[] {
  return [...matches].sort((a, b) => Math.abs(key(a) - hint) - Math.abs(key(b) - hint)).slice(0, MAX_PART_CANDIDATES);
}

/** The best match of the quote inside text[from, to), in text coordinates. */
function searchWindow(text: string, quote: string, from: number, to: number): Candidate[] {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  const offset = Math.max(0, from);
  return approxSearch(window, quote, errorBudget(quote.length)).map((m) => ({
    start: m.start + offset,
    end: m.end + offset,
    errors: m.errors,
  }));
}

/** How far from the old position a local search looks, beyond the quote's own length. */
const NEARBY = 2000;

/**
 * The best approximate matches near the old position: a whole-text search
 * returns only the lowest-error matches, so a close look-alike elsewhere
 * would hide an edited quote where the highlight was.
 */
export function nearbyCandidates(text: string, quote: string, hint: number): Candidate[] {
  if (errorBudget(quote.length) === 0) return [];
  return searchWindow(text, quote, hint - NEARBY, hint + quote.length + NEARBY);
}

/**
 * Candidates for a long quote edited more than a whole-text search allows:
 * find its first and last 64 characters, then search the whole quote only in
 * the window each of them opens (the Hypothesis client's old start/end
 * strategy). The cost is bounded by the window, not the page.
 */
export function longQuoteCandidates(text: string, quote: string, hint: number): Candidate[] {
  const span = Math.ceil(quote.length * 1.25) + PART_LENGTH;
  const partErrors = PART_LENGTH / 4;
  const heads = nearest(approxSearch(text, quote.slice(0, PART_LENGTH), partErrors), hint, (m) => m.start);
  const tails = nearest(approxSearch(text, quote.slice(-PART_LENGTH), partErrors), hint + quote.length, (m) => m.end);
  const found: Candidate[] = [];
  for (const h of heads) found.push(...searchWindow(text, quote, h.start, h.start + span));
  for (const t of tails) found.push(...searchWindow(text, quote, t.end - span, t.end));
  return found;
}
