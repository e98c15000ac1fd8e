/**
 * Where a quote may be in a text: exact occurrences anywhere, then
 * approximate matches (approx-string-match, Myers' bit-parallel algorithm)
 * only where the quote is likely to be: around its old position, and next to
 * exact occurrences of the end of its prefix or the start of its suffix. The
 * work per annotation is bounded by those windows, not by the page, so a long
 * page with a thousand annotations never stalls; a quote that was both edited
 * and moved far, with its context edited too, is an orphan.
 */
import approxSearch from 'approx-string-match';
import { type Candidate, type QuoteContext, SHORT_QUOTE } from './score';

/** Quotes longer than this are also searched by their two ends. */
export const LONG_QUOTE = 256;
/** Length of the head and tail parts of a long quote. */
const PART_LENGTH = 64;
/** Most candidates followed up per part, nearest to the old position first. */
const MAX_PART_CANDIDATES = 8;
/** How far from the old position approximate search looks, beyond the quote's own length. */
const NEARBY = 2000;
/** Characters of each side's context looked up exactly, to find an edited quote that moved. */
const CONTEXT_PIECE = 16;
/** Most places of a context piece followed up, nearest to the old position first. */
const MAX_CONTEXT_PLACES = 4;

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

/**
 * Most edits allowed for a quote: one in four characters (the acceptance
 * threshold), and none below 16 characters. A quote that short is a word or
 * two: edited, it is another word, and a few letters with an edit match by
 * chance all over a page (the property tests found a deleted "elop" of
 * "development" coming back as "eop" of "people").
 */
export function errorBudget(quoteLength: number): number {
  return quoteLength < SHORT_QUOTE ? 0 : Math.floor(quoteLength / 4);
}

/** The window around the old position that approximate search looks in: [from, to). */
export function nearbyWindow(text: string, hint: number, quoteLength: number): [number, number] {
  return [Math.max(0, Math.min(hint, text.length) - NEARBY), Math.min(text.length, hint + quoteLength + NEARBY)];
}

/**
 * The best approximate matches of the quote inside text[from, to), in text
 * coordinates, with the spans `hide` blanked out first.
 */
function searchIn(text: string, quote: string, from: number, to: number, hide: Candidate[] = []): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end <= start) return [];
  const inside = hide.filter((c) => c.end > start && c.start < end);
  const window = mask(
    text.slice(start, end),
    inside.map((c) => ({ start: Math.max(0, c.start - start), end: Math.min(end, c.end) - start, errors: 0 })),
  );
  return approxSearch(window, quote, errorBudget(quote.length)).map((m) => ({
    start: m.start + start,
    end: m.end + start,
    errors: m.errors,
  }));
}

/**
 * The best approximate matches near the old position. Exact copies are
 * hidden: approximate search reports only the lowest-error matches, so an
 * exact copy would hide an edited quote.
 */
export function nearbyCandidates(text: string, quote: string, hint: number, exact: Candidate[]): Candidate[] {
  if (errorBudget(quote.length) === 0) return [];
  const [from, to] = nearbyWindow(text, hint, quote.length);
  return searchIn(text, quote, from, to, exact);
}

/** Offsets of `piece` in `text`, at most `MAX_CONTEXT_PLACES`, nearest to `near` first. */
function places(text: string, piece: string, near: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) found.push(at);
  return found.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, MAX_CONTEXT_PLACES);
}

/**
 * Approximate matches where the context says the quote is, wherever that
 * moved: right after an exact occurrence of the prefix's last 16 characters,
 * right before one of the suffix's first 16.
 */
export function contextCandidates(text: string, quote: string, ctx: QuoteContext): Candidate[] {
  if (errorBudget(quote.length) === 0) return [];
  const span = Math.ceil(quote.length * 1.25) + 8;
  const found: Candidate[] = [];
  const head = ctx.prefix.slice(-CONTEXT_PIECE);
  if (head.length === CONTEXT_PIECE)
    for (const at of places(text, head, ctx.hint - CONTEXT_PIECE))
      found.push(...searchIn(text, quote, at + CONTEXT_PIECE, at + CONTEXT_PIECE + span));
  const tail = ctx.suffix.slice(0, CONTEXT_PIECE);
  if (tail.length === CONTEXT_PIECE)
    for (const at of places(text, tail, ctx.hint + quote.length)) found.push(...searchIn(text, quote, at - span, at));
  return found;
}

function nearest(matches: Candidate[], hint: number, key: (m: Candidate) => number): Candidate[] {
  return [...matches].sort((a, b) => Math.abs(key(a) - hint) - Math.abs(key(b) - hint)).slice(0, MAX_PART_CANDIDATES);
}

/**
 * Candidates for a long quote edited more than a search of the whole quote
 * allows: find its first and last 64 characters near the old position, then
 * search the whole quote only in the window each of them opens (the
 * Hypothesis client's old start/end strategy).
 */
export function longQuoteCandidates(text: string, quote: string, hint: number): Candidate[] {
  const span = Math.ceil(quote.length * 1.25) + PART_LENGTH;
  const partErrors = PART_LENGTH / 4;
  const [from, to] = nearbyWindow(text, hint, quote.length);
  const window = text.slice(from, to);
  const parts = (part: string) =>
    approxSearch(window, part, partErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
  const heads = nearest(parts(quote.slice(0, PART_LENGTH)), hint, (m) => m.start);
  const tails = nearest(parts(quote.slice(-PART_LENGTH)), hint + quote.length, (m) => m.end);
  const found: Candidate[] = [];
  for (const h of heads) found.push(...searchIn(text, quote, h.start, h.start + span));
  for (const t of tails) found.push(...searchIn(text, quote, t.end - span, t.end));
  return found;
}
