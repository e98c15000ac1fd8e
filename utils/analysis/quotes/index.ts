import type { EntityGroup, EntityMention, Quote } from '../types';
import { attribute, type Frame } from './attribution';
import { isQuotation } from './classify';
import { isCue, subjectEndingAt } from './cues';
import { pairMarks, type MarkedSpan } from './marks';
import { People } from './speaker';
import { labelAbove, paragraphSubject, previousParagraph, signature } from './standalone';
import { quoteMask, tokens } from './tokens';

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

/**
 * Where the next quotation that could carry its own attribution opens: a short quote inside
 * this one's attribution ("…," Bill Eastland, wearing “Ted Cruz” pins, said) does not count.
 */
function nextOpen(text: string, top: MarkedSpan[], i: number): number {
  let next = i + 1;
  while (next < top.length) {
    const q = top[next];
    const short = /^\S+(?:\s\S+){0,2}$/.test(text.slice(q.start, q.end).trim());
    if (!short || !/\p{L}\s$/u.test(text.slice(q.open - 2, q.open))) break;
    next++;
  }
  return top[next]?.open ?? text.length;
}

/** Names every speech cue of the article gives as its subject, so pronouns can find them. */
function registerSpeakers(text: string, mask: Uint8Array, people: People): void {
  const toks = tokens(text, 0, text.length, mask);
  for (let i = 1; i < toks.length; i++) {
    if (!isCue(toks, i)) continue;
    const s = subjectEndingAt(text, toks, i - 1, Math.max(0, i - 25));
    if (s?.kind === 'name') people.addSpeaker(s.start, people.fullName(s.text, s.start, s.end));
    else if (s?.kind === 'pronoun') {
      const name = people.pronoun(s.text, s.start);
      if (name) people.addSpeaker(s.start, name);
    }
  }
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
  let last: { speaker: string | null; para: number; end: number } | null = null;
  let para = 0,
    paraAt = 0;
  for (let i = 0; i < top.length; i++) {
    const q = top[i];
    const paraStart = text.lastIndexOf('\n', q.open - 1) + 1;
    let paraEnd = text.indexOf('\n', q.close);
    if (paraEnd < 0) paraEnd = text.length;
    for (let p = text.indexOf('\n', paraAt); p >= 0 && p < q.open; p = text.indexOf('\n', p + 1)) {
      if (text[p + 1] !== '\n') para++;
      paraAt = p + 1;
    }
    const frame: Frame = { paraStart, paraEnd, nextOpen: nextOpen(text, top, i), mask };
    const a = attribute(text, q, frame);
    if (!isQuotation(text, q, a)) continue;
    let subject = a.subject ?? signature(text, q, paraEnd);
    // A label line ("Maria Lopez, 34, Phoenix:") names its first name, not its last.
    if (subject && q.open === paraStart && subject.start < paraStart) {
      const label = labelAbove(text, paraStart);
      if (label && label.start < subject.start) subject = label;
    }
    let speaker = subject ? people.resolve(subject) : null;
    // A quotation standing alone continues the last speaker's words (this paragraph or the one
    // before), or gives the words of the person the paragraph before reports on.
    // Not when the text since names someone else ("… ,” Smith said. / Jones disagreed. / “…”).
    if (!subject && last?.speaker && para - last.para <= 1) {
      speaker = para === last.para || !people.someoneElse(last.end, q.open, last.speaker) ? last.speaker : null;
    } else if (!subject) {
      // The person a speech cue of the paragraph before names, if nobody else is named there.
      const from = previousParagraph(text, paraStart);
      const named = people.lastSpeaker(from, q.open);
      speaker = named && !people.someoneElse(from, q.open, named) ? named : null;
    }
    if (!subject && !speaker && a.standalone) {
      const label = labelAbove(text, paraStart);
      if (label) speaker = people.resolve(label);
    }
    // Else the person the paragraph before is about: "Lopez is upbeat …\n\n“…”".
    if (!speaker && a.standalone && q.open === paraStart) {
      const about = paragraphSubject(text, paraStart, mask);
      if (about) speaker = people.resolve(about);
    }
    // A speaker is a person or an organisation; anything else is "speaker unclear".
    if (speaker && !people.plausible(speaker)) speaker = null;
    out.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end), speaker });
    last = { speaker, para, end: q.close };
  }
  return out;
}
