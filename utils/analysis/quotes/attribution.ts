/**
 * The cue of one quotation: after it ("…," Wang said / said Wang), before it (Wang said:
 * "…" / according to Wang, "…"), or elsewhere in its sentence (Wang called it "a farce").
 */
import { isCue, subjectEndingAt, subjectStartingAt, type Subject } from './cues';
import type { MarkedSpan } from './marks';
import { AUXILIARIES, CUE_FORMS, IRREGULAR_PAST, NOT_NAMES, TITLES } from './lexicon';
import { isProperWord, nameAfter, nameBefore } from './names';
import { lineStart, sentenceEnd, sentenceStart, tokens, trailingPunct, type Tok } from './tokens';

/** What the text around a quotation says about who spoke it. */
export type Attribution = {
  subject: Subject | null;
  /** A cue right next to the quotation ("…," he said / he said: "…"). */
  adjacent: boolean;
  /** A cue somewhere in the quotation's sentence. */
  inSentence: boolean;
  /** The quotation begins its sentence and no cue follows it: it stands alone. */
  standalone: boolean;
  /** Which rule found the cue (for error analysis only). */
  via?: string;
};

/**
 * Where a quotation sits: its paragraph's start, the bounds every scan for it keeps within
 * (its paragraph, at most `REACH` characters either side of it), and the next quotation's
 * opening mark.
 */
export type Frame = {
  paraStart: number;
  floor: number;
  ceil: number;
  nextOpen: number;
  /** The next quotation's opening mark, a short one ("called it “offensive”") included. */
  followingOpen: number;
  mask: Uint8Array;
};

/** `via`: which rule found the cue (for error analysis only). */
type Found = { subject: Subject | null; adjacent: boolean; via?: string };

const SENTENCE_END = /^[.;!?]$/;
/** A verb in the past tense: "pressed", "retaliated", "went on". */
const PAST = /^(?:\p{Ll}{3,}ed|went|came|began|shot|spoke|wrote|told|said)$/u;

/** Words that open a phrase before the subject: "On Monday, …", "After the vote, …". */
const OPENERS =
  /^(?:on|in|at|after|before|during|when|while|as|with|for|since|earlier|later|last|this|that|asked|speaking|writing|from|despite|although|though|if|because|unlike|like|under|over|by|to|meanwhile|still|yet|instead|now|today|yesterday|outside|inside|amid|following|according|here|there|elsewhere|back|again|once|then|afterward|afterwards|overall|separately|similarly|likewise|also|until|throughout|across|beyond|ahead|upon|within|near|behind|through|even)$/;

/** Words after which a sentence's subject is over ("Romney went after Trump"). */
const SUBJECT_END =
  /^(?:to|in|on|at|for|with|from|of|by|about|that|who|after|before|over|against|into|during|under|between|through|than|as)$/;
/** Nouns for something said or written, which can introduce a quotation after a comma. */
const UTTERANCE =
  /^(?:statement|statements|tweet|tweets|message|letter|email|e-mail|post|note|memo|release|video|ad|speech|remarks|interview|response|reply|answer|warning)$/;
/** Words for when, after the noun of a description: "a statement Wednesday". */
const WHEN =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|night|earlier|later)$/;
/** How many cues before a quotation are weighed, the nearest first. */
const MAX_LEAD_CUES = 12;
/** Words that cannot come before the speaker phrase that opens a tail. */
const NOT_OPENING = new Set(
  'and but or for while as if because so then when after before in on at until unless since although though whereas once whether than'.split(
    ' ',
  ),
);

function isAccording(toks: Tok[], i: number): boolean {
  return toks[i]?.w === 'according' && toks[i + 1]?.w === 'to';
}

/** A cue after the closing mark: "…," said Wang / "…," Wang, the minister, said. */
function fromTail(text: string, q: MarkedSpan, f: Frame): Found | null {
  const sentEnd = sentenceEnd(text, q.close, f.ceil, f.mask);
  const end = Math.min(sentEnd, f.nextOpen, q.close + 250);
  const toks = tokens(text, q.close, end, f.mask);
  let i = 0;
  while (toks[i] && /^[,—–]$/.test(toks[i].w)) i++;
  if (!toks[i]) return null;
  const ending = trailingPunct(text, q.start, q.end);
  const endsSentence = /[.!?…]/.test(ending);
  const trails = /[,?!—–-]/.test(ending);
  const near = toks[i].s - q.close <= 3;
  // "…," adding/claiming that …: a participle has no subject of its own; the lead gives it.
  if (near && isCue(toks, i) && /ing$/.test(toks[i].w))
    return { via: 'tail-participle', subject: null, adjacent: true };
  if (near && isCue(toks, i)) return { via: 'tail-cue', subject: subjectStartingAt(text, toks, i + 1), adjacent: true };
  if (near && isAccording(toks, i))
    return { via: 'tail-according', subject: subjectStartingAt(text, toks, i + 2), adjacent: true };
  // "…?" reacted Trump / "…!" beamed Donald Hartley: any past verb, inverted, before a name.
  if (near && PAST.test(toks[i].w) && trails && toks[i + 1]?.cap) {
    const subject = subjectStartingAt(text, toks, i + 1);
    if (subject?.kind === 'name') return { via: 'tail-past', subject, adjacent: true };
  }
  for (let c = i + 1; c < toks.length && c - i <= 25; c++) {
    if (SENTENCE_END.test(toks[c].w)) break;
    // "…?" Hannity pressed / "…," an angry Hollande retaliated: any verb in the past attributes.
    const pastVerb = near && trails && c - i <= 6 && PAST.test(toks[c].w) && !toks[c].cap;
    if (!isCue(toks, c) && !pastVerb) continue;
    // After a finished sentence a weak cue ("praise", "call", "point") starts the next one:
    // "…!" Conservatives still praise his refusal …
    if (endsSentence && !pastVerb && !isCue(toks, c, false)) continue;
    let subject = subjectEndingAt(text, toks, c - 1, i);
    if (pastVerb && !isCue(toks, c) && (!subject || subject.start !== toks[i].s)) continue;
    // "…," J. Gerald Hebert, director of the Campaign Legal Center in Washington, D.C., said.
    if (near && toks[c - 1].w === ',' && (!subject || subject.start !== toks[i].s)) {
      const n = toks[i].cap ? nameAfter(text, toks[i].s) : null;
      if (n && /^,/.test(text.slice(n.end, n.end + 1))) subject = { kind: 'name', ...n };
    }
    // A participle takes the subject of the sentence before the quotation: "…," adding that …
    if (!subject && c === i && /ing$/.test(toks[c].w))
      return { via: 'tail-participle2', subject: null, adjacent: true };
    // After a finished sentence, "Mills then writes back, “…”" introduces the next quotation.
    // So does "…." Rubio called it “offensive.”: a cue with a quotation of its own after it.
    const introducesNext = endsSentence && Math.min(f.nextOpen, f.followingOpen) < sentEnd;
    // After a finished sentence only a short attribution belongs to it: "…." Trump said on Monday.
    const stop = text[q.end - 1] === '.' || text[q.end - 2] === '.';
    const short = !endsSentence || (stop ? c - i <= 6 && toks.length - c <= 10 : c - i <= 12);
    // The speaker phrase must open the tail: not "…" for instance, and Trump vowed.
    const opens = !!subject && toks.every((t, x) => x < i || t.s >= subject!.start || !NOT_OPENING.has(t.w));
    if (subject && near && short && opens && !introducesNext) {
      return { via: 'tail-near', subject, adjacent: true };
    }
    if (endsSentence || c - i > 14) return null;
    // Later in the sentence: … is "a disaster" for the country, Wang said / said Wang.
    if (toks[c - 1].w === ',')
      return { via: 'tail-later-comma', subject: subjectStartingAt(text, toks, c + 1), adjacent: false };
    if (subject) return { via: 'tail-later', subject, adjacent: false };
  }
  return null;
}

/** Where the sentence before a quotation starts, reaching into the paragraph before after a colon. */
function leadStart(text: string, q: MarkedSpan, f: Frame): number {
  const start = sentenceStart(text, q.open, f.floor, f.mask);
  if (start !== q.open || q.open !== f.paraStart) return start;
  const m = /:\s*$/.exec(text.slice(Math.max(0, q.open - 6), q.open));
  if (!m) return start;
  const colon = text.lastIndexOf(':', q.open);
  return sentenceStart(text, colon, lineStart(text, colon), f.mask);
}

/** A finite verb or an auxiliary: "has", "criticized", "says", "went". */
function isVerb(w: string): boolean {
  return AUXILIARIES.has(w) || IRREGULAR_PAST.has(w) || CUE_FORMS.has(w) || /^\p{Ll}{3,}ed$/u.test(w);
}

/** The subject a sentence opens with, after a dateline or an opening phrase ("On Monday, …"). */
export function sentenceSubject(text: string, toks: Tok[], c: number): Subject | null {
  let k = 0;
  for (let x = 0; x < Math.min(c, 10); x++) if (/^[—–)]$/.test(toks[x].w)) k = x + 1;
  // Skip an opening phrase: "On Monday, …", "Hours later, …", "In a statement, …".
  const comma = toks.findIndex((t, x) => x >= k && x < c && t.w === ',');
  if (comma > k && comma - k <= 10) {
    const head = toks[k];
    const word = text.slice(head.s, head.e);
    // "Hours later," opens a phrase; "Maria Lopez is …," opens with its subject.
    const named = nameAfter(text, head.s)?.text.includes(' ') ?? false;
    const common = head.cap && !NOT_NAMES.has(head.w) && !isProperWord(text, word) && !named;
    // "Here in Columbia, …", "Separately, …": an adverb opens a phrase too.
    if (OPENERS.test(head.w) || /^\p{Ll}{3,}ly$/u.test(head.w) || common) {
      k = comma + 1;
      // "In Dayton, Ohio, Baker went …": a state after the town belongs to the opener.
      const town = toks[comma - 1];
      const state = toks[k]?.cap ? nameAfter(text, toks[k].s) : null;
      const after = state ? toks.findIndex((t) => t.s >= state.end) : -1;
      if (
        town.cap &&
        !NOT_NAMES.has(town.w) &&
        after > k &&
        after < c - 1 &&
        toks[after].w === ',' &&
        toks[after + 1].cap
      )
        k = after + 1;
    }
  }
  const first = toks[k];
  if (!first || k >= c) return null;
  const bare = first.w.replace(/['’](?:s|d|ll)$/, '');
  if (/^(?:he|she|they|we|i)$/.test(bare))
    return { kind: 'pronoun', text: bare, start: first.s, end: first.s + bare.length };
  // The fullest name before the verb: "Republican presidential candidate Donald Trump took …".
  let best: Subject | null = null;
  for (let x = k; x < c && x - k < 10; x++) {
    if (/^[,.;:!?—–()]$/.test(toks[x].w) || SUBJECT_END.test(toks[x].w)) break;
    // The verb after a name ends the subject: "Beck has criticized Christian voters" is Beck's.
    if (best && !toks[x].cap && isVerb(toks[x].w)) break;
    if (!toks[x].cap || NOT_NAMES.has(toks[x].w)) continue;
    const n = nameAfter(text, toks[x].s);
    // A lone capitalised word opening the sentence may be any word ("Wait, …", "Informed of …").
    if (!n || (x === k && !n.text.includes(' ') && !isProperWord(text, n.text))) continue;
    let end = n.end;
    // "Secretary of State Madeleine Albright": a title's "of" continues the name.
    while (x + 1 < c && toks[x + 1].s < end) x++;
    if (TITLES.has(toks[x].w.replace(/\.$/, '')) && toks[x + 1]?.w === 'of' && toks[x + 2]?.cap) {
      const rest = nameAfter(text, toks[x + 2].s);
      if (rest) {
        end = rest.end;
        while (x + 1 < c && toks[x + 1].s < end) x++;
      }
    }
    const name = text.slice(n.start, end);
    if (!best || name.split(' ').length > best.text.split(' ').length)
      best = { kind: 'name', start: n.start, end, text: name };
  }
  if (best && /['’]s?$/.test(best.text)) return subjectStartingAt(text, toks, k);
  return best ?? subjectStartingAt(text, toks, k);
}

/** Where the clause that ends at token `end` starts: after ", while", ", but", ";" or a leading "While …,". */
function clauseOf(toks: Tok[], end: number): number {
  for (let x = end - 1; x > 0; x--) {
    if (toks[x].w === ';') return x + 1;
    if (toks[x - 1].w === ',' && /^(?:while|whereas|but|although|though)$/.test(toks[x].w)) return x;
  }
  if (
    /^(?:while|although|though|whereas|because|if|when|as|after|before|since|once|until|whenever)$/.test(
      toks[0]?.w ?? '',
    )
  ) {
    const comma = toks.findIndex((t) => t.w === ',');
    if (comma > 0 && comma < end) return comma + 1;
  }
  return 0;
}

/** The subject of a cue before the quotation: "Wang said", "said Wang:", "…, saying". */
function leadSubject(text: string, toks: Tok[], c: number): Subject | null {
  const participle = /ing$/.test(toks[c].w);
  // The passive names its speaker after "by": "Lopez was asked by host Ann Ray whether …".
  if (c > 0 && /^(?:was|were|is|are|been|being|be)$/.test(toks[c - 1].w) && toks[c + 1]?.w === 'by') {
    // The agent's name, after at most three words for its role ("host", "CNN's …").
    for (let x = c + 2; x < toks.length && x <= c + 5; x++) {
      if (!toks[x].cap) continue;
      const n = nameAfter(text, toks[x].s);
      if (n) return { kind: 'name', ...n };
      break;
    }
    const agent = subjectStartingAt(text, toks, c + 2);
    if (agent && agent.kind !== 'pronoun') return agent;
  }
  // "Carson took the stage and called it …", "… by saying": the verb shares the sentence's subject.
  if (c > 0 && /^(?:and|but|or)$/.test(toks[c - 1].w)) return sentenceSubject(text, toks, c);
  if (participle && c > 0 && /^(?:by|while|after|before|when|without|in|for)$/.test(toks[c - 1].w)) {
    return sentenceSubject(text, toks, c);
  }
  // "footage of Lopez saying …": the person the footage shows is the one speaking.
  if (participle && c > 1 && toks[c - 1].cap) {
    const n = nameBefore(text, toks[c - 1].e);
    const p = n ? toks.findIndex((t) => t.e > n.start) - 1 : -1;
    if (n && p >= 0 && toks[p].w === 'of' && !TITLES.has(toks[p - 1]?.w ?? '')) return { kind: 'name', ...n };
  }
  const before = c > 0 && !(participle && toks[c - 1].w === ',') ? subjectEndingAt(text, toks, c - 1) : null;
  // "Lopez issued a statement saying …", "The town released a statement saying …": the
  // statement speaks for the sentence's subject.
  if (before?.kind === 'desc' && participle) {
    const s = sentenceSubject(text, toks, c);
    const head = before.text
      .split(' ')
      .filter((w) => !WHEN.test(w))
      .pop();
    const utterance = UTTERANCE.test(head ?? '');
    // "… slammed a lawsuit filed by a staffer, calling it …", "released a parody website
    // asking …": a description after a verb or a preposition is its object, not a speaker.
    const p = toks.findIndex((t) => t.s >= before.start) - 1;
    const object = p >= 0 && /^\p{Ll}+$/u.test(toks[p].w) && !/^(?:and|but|or|then|also)$/.test(toks[p].w);
    if (s && (s.kind !== 'desc' || object || (utterance && s.start < before.start))) return s;
    if (object) return null;
  }
  if (before) return before;
  // Inversion only at a clause start: "…. Said Wang: …" / ", said Wang:".
  const clauseStart = c === 0 || /^[,.;:—–(]$/.test(toks[c - 1].w) || toks[c - 1].w === 'and';
  // "Lopez said, adding …" / "said Lopez, adding …": the participle shares that cue's speaker.
  if (participle && toks[c - 1]?.w === ',' && c >= 3) {
    const said = /^(?:said|says|told)$/;
    const prior = said.test(toks[c - 2].w) ? subjectEndingAt(text, toks, c - 3) : null;
    if (prior && prior.kind !== 'desc') return prior;
    for (let d = c - 3; d >= Math.max(0, c - 5); d--) {
      if (!said.test(toks[d].w)) continue;
      const after = subjectStartingAt(text, toks, d + 1);
      if (after?.kind === 'name' && after.end === toks[c - 2].e) return after;
    }
  }
  // A participle after a comma takes the sentence's subject: "Kasich closed, saying that …".
  if (participle && clauseStart) return sentenceSubject(text, toks, c);
  return clauseStart ? subjectStartingAt(text, toks, c + 1) : null;
}

/** A cue before the opening mark: Wang said: "…" / according to Wang, "…" / Wang called it "…". */
function fromLead(text: string, q: MarkedSpan, f: Frame): Found | null {
  const start = leadStart(text, q, f);
  const toks = tokens(text, start, q.open, f.mask);
  // A name and a colon introduce it: "Pew Research: “…”".
  const last = toks.length - 1;
  if (last >= 1 && toks[last].w === ':' && /^\s*$/.test(text.slice(toks[last].e, q.open))) {
    const s = subjectEndingAt(text, toks, last - 1, Math.max(0, last - 6));
    // Not "… wrote of Ms. Merkel:": the name is the object of a preposition there.
    let p = toks.findIndex((t) => s && t.e > s.start) - 1;
    while (p > 0 && TITLES.has(toks[p].w.replace(/\.$/, ''))) p--;
    // Nor "Lopez told Reuters:": the name is the object of the speech verb.
    const object =
      p >= 0 &&
      (/^(?:of|about|to|with|at|for|on)$/.test(toks[p].w) ||
        /^(?:tell|tells|told|telling|ask|asks|asked|asking)$/.test(toks[p].w));
    if (s?.kind === 'name' && !object) return { via: 'lead-colon-name', subject: s, adjacent: true };
  }
  // "… rallied supporters, saying:" / "Trump issued a statement, “…”": an introduction.
  const colon =
    last >= 1 &&
    (/:\s*$/.test(text.slice(toks[last].s, q.open)) || (toks[last].w === ',' && UTTERANCE.test(toks[last - 1].w)));
  // The cue that introduces the quotation wins; else the sentence's first strong cue with a speaker.
  let strong: Found | null = null,
    weak: Found | null = null,
    bare: Found | null = null;
  // Cues of another clause come second: "While Trump says …, Jamieson said Trump is “…”",
  // "Rubio said …, while Cruz said that the “…”".
  const clause = clauseOf(toks, toks.length);
  let cues = 0,
    mainCue = false;
  for (let c = toks.length - 1; c >= 0; c--) {
    if (c === clause - 1 && (strong || weak)) break;
    const according = isAccording(toks, c);
    if (!according && !isCue(toks, c)) continue;
    if (c >= clause) mainCue = true;
    // A sentence holds a few cues; a run of them is no prose, and their number bounds the work.
    if (++cues > MAX_LEAD_CUES) break;
    const between = text.slice(toks[c].e, q.open);
    const adjacent = /^[^.;!?]{0,60}$/.test(between) && /(?:^|[:,])\s*$/.test(between);
    const subject = according ? subjectStartingAt(text, toks, c + 2) : leadSubject(text, toks, c);
    // "Trump said, and I quote, …": the writer's own "I" is not the speaker.
    const writer = subject?.kind === 'pronoun' && subject.text === 'i';
    if (adjacent && subject && !writer) return { via: 'lead-adjacent', subject, adjacent };
    if (writer) continue;
    if (!subject) bare ??= { subject, adjacent };
    else if (according || isCue(toks, c, false)) strong = { subject, adjacent, via: 'lead-strong' };
    else weak = { subject, adjacent, via: 'lead-weak' };
  }
  const fallback = strong ?? weak ?? bare;
  // "When Trump suggested …, Rubio fired back: “…”": the colon introduces the words of the
  // main clause's subject, not of a cue in the clause before it.
  if (colon && clause > 0 && !mainCue && clause < last) {
    const main = sentenceSubject(text, toks.slice(clause), last - clause);
    if (main?.kind === 'name') return { subject: main, adjacent: true, via: 'lead-colon-main' };
  }
  if (fallback?.subject || !colon) return fallback;
  // "Sanders delivered a snappy retort: “…”": a colon introduces the sentence subject's words.
  const subject = sentenceSubject(text, toks, last);
  return subject ? { subject, adjacent: true, via: 'lead-colon-subject' } : fallback;
}

/** Words that open a subordinate clause before the main one: "When …, Clinton said". */
const SUBORDINATE =
  /^(?:when|whenever|after|before|while|although|though|because|since|if|once|until|as|whereas|unless)$/;

/**
 * Whether the quotation ends a subordinate clause that opens its sentence: "When Maddow said
 * it was “Medicare for all,” Clinton seized on it". The cue after it is the main clause's.
 */
function endsOpeningClause(text: string, q: MarkedSpan, f: Frame): boolean {
  if (!/^\s*,/.test(text.slice(q.close, q.close + 2)) && !/,\s*$/.test(text.slice(q.start, q.end))) return false;
  const toks = tokens(text, sentenceStart(text, q.open, f.floor, f.mask), q.open, f.mask);
  return toks.length > 2 && SUBORDINATE.test(toks[0].w) && !toks.some((t) => t.w === ',');
}

/** Finds the cue of quotation `q` and the phrase it names as the speaker. */
export function attribute(text: string, q: MarkedSpan, f: Frame): Attribution {
  let tail = endsOpeningClause(text, q, f) ? null : fromTail(text, q, f);
  // "Clinton responded: “What difference does it make?” Her critics cited it …": a quotation a
  // colon introduces and that ends its sentence is over; what follows is the next sentence.
  if (
    tail?.adjacent &&
    tail.subject &&
    /[.?!]/.test(trailingPunct(text, q.start, q.end)) &&
    /:\s*$/.test(text.slice(Math.max(0, q.open - 3), q.open))
  ) {
    const before = fromLead(text, q, f);
    if (before?.adjacent && before.subject?.kind === 'name') tail = null;
  }
  const lead = tail?.adjacent && tail.subject && tail.subject.kind !== 'pronoun' ? null : fromLead(text, q, f);
  // "Lopez said “…,” she said": the name before beats the pronoun after.
  if (tail?.subject?.kind === 'pronoun' && tail.adjacent && lead?.adjacent && lead.subject?.kind === 'name') {
    return { via: 'lead-over-pronoun', subject: lead.subject, adjacent: true, inSentence: true, standalone: false };
  }
  if (tail?.adjacent && tail.subject)
    return { via: tail.via, subject: tail.subject, adjacent: true, inSentence: true, standalone: false };
  if (tail?.adjacent) {
    // "…," saying/adding …: the subject of the sentence the quotation sits in.
    const lt = tokens(text, leadStart(text, q, f), q.open, f.mask);
    const subject = lead?.subject ?? sentenceSubject(text, lt, lt.length);
    return { via: 'tail-participle-lead', subject, adjacent: true, inSentence: true, standalone: false };
  }
  if (lead)
    return {
      via: lead.subject ? (lead.via ?? 'lead-bare') : 'lead-bare-tail',
      subject: lead.subject ?? tail?.subject ?? null,
      adjacent: lead.adjacent,
      inSentence: true,
      standalone: false,
    };
  if (tail)
    return { via: `far-${tail.via}`, subject: tail.subject, adjacent: false, inSentence: true, standalone: false };
  const start = sentenceStart(text, q.open, f.floor, f.mask);
  // No cue: words quoted inside a sentence are its named subject's ("Ryan worried that the
  // safety net was becoming “a hammock …”"); a description or a pronoun there is too vague.
  if (start !== q.open) {
    const lt = tokens(text, start, q.open, f.mask);
    const s = lt.length >= 3 ? sentenceSubject(text, lt, lt.length) : null;
    if (s?.kind === 'name')
      return { via: 'nocue-subject', subject: s, adjacent: false, inSentence: false, standalone: false };
  }
  return { via: 'none', subject: null, adjacent: false, inSentence: false, standalone: start === q.open };
}
