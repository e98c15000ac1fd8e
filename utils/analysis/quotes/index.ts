import type { EntityGroup, EntityMention, Quote } from '../types';
import { attribute, sentenceSubject, type Attribution, type Frame } from './attribution';
import { isQuotation } from './classify';
import { unsure, type Evidence } from './confidence';
import { isCue, subjectEndingAt, subjectStartingAt, type Subject } from './cues';
import { pairMarks, type MarkedSpan } from './marks';
import { People, promoLine } from './speaker';
import { labelAbove, paragraphSubject, previousParagraph, signature } from './standalone';
import { quoteMask, REACH, sentenceEnd, sentenceStart, tokens, trailingPunct, work } from './tokens';

const WORDY = /[\p{L}\p{N}]/u;

/**
 * For error analysis only (scripts): when `routes` is an array, `findQuotes` pushes there,
 * for each quotation it returns, which rule found its speaker; when `evidence` is an array,
 * how (see `Evidence`), with the speaker found before the confidence threshold.
 */
export const quoteTrace: {
  routes: string[] | null;
  evidence: { evidence: Evidence; speaker: string | null }[] | null;
  /** Another confidence threshold than `MIN_CONFIDENCE` (0: none), for the trade-off curve. */
  threshold: number | null;
  /** Every quoted span weighed, with its cue and whether it was taken as a quotation. */
  candidates: { q: MarkedSpan; a: Attribution; taken: boolean }[] | null;
} = { routes: null, evidence: null, threshold: null, candidates: null };

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/** Spans not enclosed by another: nested quotes belong to the quotation around them. */
function outermost(spans: MarkedSpan[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let reach = -1;
  for (const s of spans) {
    if (s.open >= reach) {
      out.push(s);
      reach = s.close;
    }
  }
  return out;
}

/** Whether a quoted span is one to three words inside a sentence ("wearing “Ted Cruz” pins"). */
function isInlineShort(text: string, q: MarkedSpan): boolean {
  return (
    q.end - q.start <= 200 &&
    /^\S+(?:\s\S+){0,2}$/.test(text.slice(q.start, q.end).trim()) &&
    /\p{L}\s$/u.test(text.slice(q.open - 2, q.open))
  );
}

/**
 * Where the next quotation that could carry its own attribution opens: a short quote inside
 * this one's attribution ("…," Bill Eastland, wearing “Ted Cruz” pins, said) does not count.
 * The search stops `REACH` characters after the quotation, as far as its scans ever look.
 */
function nextOpen(text: string, top: MarkedSpan[], short: boolean[], i: number): number {
  const limit = top[i].close + REACH;
  let next = i + 1;
  while (next < top.length && short[next] && top[next].open <= limit) next++;
  work.steps += next - i;
  return top[next]?.open ?? text.length;
}

/** Positions of the line breaks of `text`, in order. */
function lineBreaks(text: string): number[] {
  const out: number[] = [];
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) out.push(p);
  return out;
}

/** Index of the first element of sorted `xs` that is at least `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A bound `REACH` characters from `pos` towards `edge`, moved to a space nearby (not into a word). */
function reach(text: string, pos: number, edge: number): number {
  if (Math.abs(pos - edge) <= REACH) return edge;
  const b = pos + (edge < pos ? -REACH : REACH);
  const step = edge < pos ? 1 : -1;
  for (let k = b; k !== b + 40 * step; k += step) if (/\s/.test(text[k])) return k;
  return b;
}

/** Names every speech cue of the article gives as its subject, so pronouns can find them. */
function registerSpeakers(text: string, mask: Uint8Array, people: People): void {
  const toks = tokens(text, 0, text.length, mask);
  for (let i = 1; i < toks.length; i++) {
    if (!isCue(toks, i)) continue;
    // "…, said Velikova." names its speaker after the verb; "Velikova said" before it.
    let inverted = /^[,:;—–]$/.test(toks[i - 1].w) ? subjectStartingAt(text, toks, i + 1) : null;
    // The name after an inverted verb ends its clause ("…, said Velikova."); in "…, said China
    // and Russia have agreed" it is the subject of what was said, not who said it.
    if (inverted && !/^\s*(?:[.,;:!?—–)"”'’]|$)/.test(text.slice(inverted.end, inverted.end + 3))) inverted = null;
    const s = inverted?.kind === 'name' ? inverted : subjectEndingAt(text, toks, i - 1, Math.max(0, i - 25));
    if (s?.kind === 'name') people.addSpeaker(s.start, people.fullName(s.text, s.start, s.end));
    else if (s?.kind === 'pronoun') {
      const name = people.pronoun(s.text, s.start);
      if (name) people.addSpeaker(s.start, name);
    }
  }
}

const NO_EVIDENCE: Evidence = {
  route: 'none',
  subject: 'none',
  words: 0,
  gap: 0,
  paras: 0,
  rivals: 0,
  between: 0,
  standalone: false,
  type: '',
};

/**
 * What the speaker of quotation `q` rests on: the phrase a cue names (`subject`, null for a
 * quotation that continues someone's words, where the evidence starts at `from`), how far it
 * is, and who else the text names around it.
 */
function weigh(
  text: string,
  q: MarkedSpan,
  subject: Subject | null,
  from: number,
  frame: Frame,
  route: string,
  speaker: string,
  people: People,
  standalone: boolean,
): Evidence {
  const words = text
    .slice(q.start, q.end)
    .split(/\s+/)
    .filter((w) => WORDY.test(w)).length;
  if (!subject) {
    const rivals = people.rivals(from, q.open, speaker, null);
    const paras = countBreaks(text, from, q.open);
    return { route, subject: 'none', words, gap: q.open - from, paras, rivals, between: rivals, standalone, type: '' };
  }
  // The quotation's sentence, and the speaker phrase wherever it is.
  const start = Math.min(subject.start, sentenceStart(text, q.open, frame.floor, frame.mask));
  const end = Math.max(subject.end, sentenceEnd(text, q.close, frame.ceil, frame.mask));
  const rivals = people.rivals(start, end, speaker, subject);
  const [a, b] =
    subject.end <= q.open ? [subject.end, q.open] : subject.start >= q.close ? [q.close, subject.start] : [0, 0];
  const between = b > a ? people.rivals(a, b, speaker, subject) : 0;
  const type = people.typeAt(subject.start, subject.end);
  const paras = countBreaks(text, a, b);
  return { route, subject: subject.kind, words, gap: b - a, paras, rivals, between, standalone, type };
}

/**
 * Whether the sentence a quotation sits in has no subject of its own that is someone else than
 * `speaker`: no subject found, a pronoun, or a name of the same person.
 */
function ownSubject(text: string, q: MarkedSpan, frame: Frame, speaker: string): boolean {
  const toks = tokens(text, sentenceStart(text, q.open, frame.floor, frame.mask), q.open, frame.mask);
  const s = toks.length >= 2 ? sentenceSubject(text, toks, toks.length) : null;
  if (!s || s.kind === 'pronoun') return true;
  const words = speaker.split(' ');
  return s.kind === 'name' && s.text.split(' ').some((w) => words.includes(w));
}

/**
 * Direct quotations in `text` with their speakers. A quotation interrupted by its
 * attribution comes out as two quotes with one speaker; nested quotes are not separate.
 */
export function findQuotes(text: string, entities: EntityMention[], groups: EntityGroup[]): Quote[] {
  const top = outermost(pairMarks(text));
  if (top.length === 0) return [];
  const mask = quoteMask(text.length, top);
  const people = new People(text, entities, groups);
  people.setQuotes(mask);
  registerSpeakers(text, mask, people);
  const out: Quote[] = [];
  const short = top.map((q) => isInlineShort(text, q));
  const breaks = lineBreaks(text);
  const firstLineEnd = breaks.length ? breaks[0] : -1;
  let last: { speaker: string | null; para: number; end: number; question: boolean } | null = null;
  /** Whether the last quotation's speaker was too unsure to give. */
  let lastUnsure = false;
  let para = 0,
    br = 0;
  for (let i = 0; i < top.length; i++) {
    const q = top[i];
    // Marks around no word ("", «») enclose no quotation, whatever their context.
    if (!WORDY.test(text.slice(q.start, q.end))) continue;
    // The paragraph around the quotation, from the line breaks found once for the text.
    for (; br < breaks.length && breaks[br] < q.open; br++) if (text[breaks[br] + 1] !== '\n') para++;
    const paraStart = br > 0 ? breaks[br - 1] + 1 : 0;
    const after = lowerBound(breaks, q.close);
    const paraEnd = after < breaks.length ? breaks[after] : text.length;
    const frame: Frame = {
      paraStart,
      floor: reach(text, q.open, paraStart),
      ceil: reach(text, q.close, paraEnd),
      nextOpen: nextOpen(text, top, short, i),
      followingOpen: top[i + 1]?.open ?? text.length,
      mask,
    };
    const a = attribute(text, q, frame);
    const taken = isQuotation(text, q, a, firstLineEnd);
    quoteTrace.candidates?.push({ q, a, taken });
    if (!taken) continue;
    let subject = a.subject ?? signature(text, q, paraEnd);
    // A label line ("Maria Lopez, 34, Phoenix:") names its first name, not its last.
    if (subject && q.open === paraStart && subject.start < paraStart) {
      const label = labelAbove(text, paraStart);
      if (label && label.start < subject.start) subject = label;
    }
    let speaker = subject ? people.resolve(subject) : null;
    let route = subject ? (a.subject ? `${a.via}:${subject.kind}` : 'signature') : 'none';
    /** Whether a rule withheld the speaker as unsure (the words that go on from it are as unsure). */
    let doubted = false;
    // Where the evidence for a speaker with no cue of its own starts (the last quotation, the paragraph before).
    let from = q.open;
    // A quotation standing alone continues the last speaker's words (this paragraph or the one
    // before), or gives the words of the person the paragraph before reports on.
    // Not when the text since names someone else ("… ,” Smith said. / Jones disagreed. / “…”).
    // Words that go on from a quotation whose speaker was too unsure to give are as unsure.
    const goesOnUnsure: boolean = !subject && lastUnsure && last !== null && para - last.para <= 1;
    if (goesOnUnsure) route = 'continue-unsure';
    else if (!subject && last?.speaker && para - last.para <= 1) {
      speaker = para === last.para || !people.someoneElse(last.end, q.open, last.speaker) ? last.speaker : null;
      // Words quoted inside a sentence of a new paragraph are that sentence's subject's: the
      // earlier speaker's only when the subject is them or a pronoun ("Florida law says …" is not).
      if (speaker && para !== last.para && !a.standalone && !ownSubject(text, q, frame, speaker)) {
        speaker = null;
        doubted = true;
      }
      route = para === last.para ? 'continue-same' : 'continue-next';
      from = last.end;
    } else if (!subject) {
      // The person a speech cue of the paragraph before names, if nobody else is named there
      // (no further back than twice `REACH`, like every scan made for one quotation).
      from = Math.max(previousParagraph(text, paraStart), q.open - 2 * REACH);
      const named = people.lastSpeaker(from, q.open);
      speaker = named && !people.someoneElse(from, q.open, named) ? named : null;
      route = 'prev-speaker';
    }
    if (!subject && !speaker && a.standalone && !goesOnUnsure) {
      const label = labelAbove(text, paraStart);
      // "RELATED: …" or "WATCH: …" above a quotation is a promo line, no speaker's label.
      if (label && !promoLine(text, label.start)) speaker = people.resolve(label);
      route = 'label';
    }
    // Else the person the paragraph before is about: "Lopez is upbeat …\n\n“…”".
    if (!speaker && a.standalone && q.open === paraStart && !goesOnUnsure) {
      const about = paragraphSubject(text, paraStart, mask);
      if (about) speaker = people.resolve(about);
      route = 'para-subject';
    }
    // A speaker is a person or an organisation; anything else is "speaker unclear".
    if (speaker && !people.plausible(speaker)) speaker = null;
    let unsureHere = doubted;
    if (speaker) {
      const found = subject && route !== 'label' && route !== 'para-subject' ? subject : null;
      const evidence = weigh(text, q, found, from, frame, route, speaker, people, a.standalone);
      if (last && !found) evidence.afterQuestion = last.question;
      quoteTrace.evidence?.push({ evidence, speaker });
      unsureHere = unsure(evidence, speaker, quoteTrace.threshold ?? undefined);
      if (unsureHere) speaker = null;
    } else quoteTrace.evidence?.push({ evidence: NO_EVIDENCE, speaker });
    quoteTrace.routes?.push(route);
    // The quoted words without the spaces French sets inside its guillemets (« non »).
    let start = q.start;
    let end = q.end;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    out.push({ start, end, text: text.slice(start, end), speaker });
    last = { speaker, para, end: q.close, question: /\?/.test(trailingPunct(text, q.start, q.end)) };
    lastUnsure = unsureHere || goesOnUnsure;
  }
  return out;
}
