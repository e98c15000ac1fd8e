/**
 * Speech cues and their subjects: "Wang said", "said Wang", "Wang, the minister, said",
 * "he added", "a spokesman said", "according to the ministry".
 */
import { AUXILIARIES, CUE_FORMS, IRREGULAR_PAST, TITLES, WEAK_CUES } from './lexicon';
import { isProperWord, nameAfter, nameBefore, type NameSpan } from './names';
import type { Tok } from './tokens';

/** The phrase a cue names as the speaker, before it is resolved to a person. */
export type Subject = { kind: 'name' | 'pronoun' | 'desc'; text: string; start: number; end: number };

const DETERMINERS = new Set(
  (
    'the a an another one this that these those his her their its our some several many most two three ' +
    'four five other each both any no'
  ).split(' '),
);
/** Words that cannot be inside a described speaker: they end the phrase. */
const STOP = new Set(
  (
    'who which that whose when where while as and but or to with for by before after at in on from into ' +
    'about over than like is was are were be been has have had will would can could did does do not ' +
    'if because since then there here it they he she we i you him them me us what how why also ' +
    'without despite against among through under between toward towards across behind beyond within upon'
  ).split(' '),
);
const PUNCT = /^[,.;:!?—–()]$/;
const PREPOSITIONS = /^(?:for|of|at|to|with|from|in|on|about|during|after|before|by|into|over|since)$/;
/** Speech verbs that are nouns too ("a blunt message"). */
const NOUNISH = new Set(
  (
    'message messages retort comment comments report reply response answer remark remarks warning promise ' +
    'pledge vow claim charge quote question call calls tweet post text email statement demand plea boast ' +
    'joke quip complaint note cry chant chants shout yell whisper point answer praise attack'
  ).split(' '),
);

/** Things said or written, which speak for their author ("a statement from Lopez"). */
const UTTERANCES = new Set(
  'statement statements tweet email e-mail letter memo release message post remarks speech'.split(' '),
);

/** Words that end a speaker phrase after a cue ("said Wang, who …", "said Wang and …"). */
const NP_END = new Set(
  'who which that whose when where while as and but or is was are were has had have will would'.split(' '),
);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'who']);

/** A pronoun with "is" or "has" after it: "he’s", "she's", "it's". */
const CONTRACTED = /^(?:he|she|it|who|that|there)['’]s$/;

/** Whether token `i` is a speech verb (not a noun: "his promise", "the calls"). */
export function isCue(toks: Tok[], i: number, weakToo = true): boolean {
  const t = toks[i];
  if (!t || !CUE_FORMS.has(t.w)) return false;
  if (!weakToo && WEAK_CUES.has(t.w)) return false;
  const prev = toks[i - 1]?.w;
  if (prev && DETERMINERS.has(prev) && prev !== 'that' && prev !== 'one') return false;
  // After "of" it is a noun: "a series of tweets", "the secretary of state".
  if (prev === 'of') return false;
  // After a possessive it is a noun: "the inspector general's report"; not after a pronoun's
  // contraction ("he’s predicting", "she's said").
  if (prev && /['’]s?$/.test(prev) && !/(?:ed|said|told|wrote)$/.test(t.w) && !CONTRACTED.test(prev)) return false;
  // Capitalised inside a sentence, it is part of a name: "the United States", "Says Who".
  const starts = !prev || /^[.!?:;—–("“]$/.test(prev);
  if (t.cap && !starts && (toks[i - 1]?.cap || toks[i + 1]?.cap)) return false;
  // "a blunt message", "one last retort": a noun after a determiner and an adjective.
  return !(NOUNISH.has(t.w) && toks[i - 2] && DETERMINERS.has(toks[i - 2].w) && /^\p{Ll}/u.test(prev ?? ''));
}

/** Index of the last token that ends by `pos`, scanning left from token `j` (-1 if none). */
function tokenBefore(toks: Tok[], j: number, pos: number): number {
  let k = Math.min(j, toks.length - 1);
  while (k >= 0 && toks[k].e > pos) k--;
  return k;
}

/** "Clinton's", "Sanders’": the token owns what follows. */
function isPossessive(text: string, t: Tok): boolean {
  return /['’]s$/.test(t.w) || /^['’](?!\p{L})/u.test(text.slice(t.e, t.e + 2));
}

function isCap(text: string, t: Tok): boolean {
  return /^\p{Lu}/u.test(text.slice(t.s, t.e));
}

/** A described speaker from token k to j, if it looks like one ("a senior official"). */
function described(text: string, toks: Tok[], k: number, j: number, floor: number): Subject | null {
  for (let x = k; x <= j; x++) {
    const joined = toks[x].w === 'and' && DETERMINERS.has(toks[k].w);
    if ((STOP.has(toks[x].w) && !joined) || PUNCT.test(toks[x].w) || /n['’]t$/.test(toks[x].w)) return null;
  }
  const atClause = k <= floor || PUNCT.test(toks[k - 1].w) || /^(?:and|but)$/.test(toks[k - 1].w);
  // "Clinton's campaign", "the White House's spokesman": a possessive works as a determiner.
  const possessive = toks.slice(k, j).some((t) => isPossessive(text, t));
  // "21 percent said", "2,000 protesters chanted": a number counts as a determiner.
  const counted = /^\d[\d,.]*%?$/.test(toks[k].w);
  if (!DETERMINERS.has(toks[k].w) && !possessive && !counted && !(atClause && j - k < 3 && /s$/.test(toks[j].w)))
    return null;
  return { kind: 'desc', text: text.slice(toks[k].s, toks[j].e), start: toks[k].s, end: toks[j].e };
}

/** The speaker phrase that ends with token `j` (scanning leftwards), not before `floor`. */
export function subjectEndingAt(text: string, toks: Tok[], j: number, floor = 0): Subject | null {
  // Skip auxiliaries and adverbs: "Wang has also said", "he later added", "was quoted as saying".
  const skippable = (t: Tok) => !t.cap && (AUXILIARIES.has(t.w) || /ly$/.test(t.w) || t.w === 'quoted' || t.w === 'as');
  while (j >= floor && skippable(toks[j])) j--;
  if (j < floor) return null;
  // A parenthesis after the name: "Rep. Jim McDermott (D-Wash.) said", "Gov. John Kasich (R-OH), said".
  if (toks[j].w === ',' && toks[j - 1]?.w === ')' && j - 1 >= floor) j--;
  if (toks[j].w === ')') {
    let k = j - 1;
    while (k > floor && toks[k].w !== '(' && j - k < 8) k--;
    if (k > floor && toks[k]?.w === '(') return subjectEndingAt(text, toks, k - 1, floor);
  }
  // An appositive or relative clause: "Wang, the minister, said" → Wang.
  if (toks[j].w === ',') {
    let desc: Subject | null = null,
      inner: Subject | null = null;
    for (let k = j - 1; k > floor && j - k < 30; k--) {
      if (/^[.;:!?]$/.test(toks[k].w)) break;
      if (toks[k].w !== ',') continue;
      const head = subjectEndingAt(text, toks, k - 1, floor);
      if (head && head.kind !== 'desc') return head;
      // "Her chief aide, Jake Sullivan, said": the name in the appositive wins over the description.
      const n: NameSpan | null = !inner && isCap(text, toks[k + 1]) ? nameAfter(text, toks[k + 1].s) : null;
      if (n && n.end >= toks[j - 1].e - 1) inner = { kind: 'name', ...n };
      // The description and its name make the whole subject: a name further back is another
      // phrase's ("Russia, a country that the former nominee, Mitt Romney, called …").
      if (inner && head) return inner;
      desc ??= head;
    }
    return inner ?? desc;
  }
  const t = toks[j];
  const bare = t.w.replace(/['’](?:s|d|ll|ve|re)$/, '');
  if (SUBJECT_PRONOUNS.has(bare)) return { kind: 'pronoun', text: bare, start: t.s, end: t.s + bare.length };
  if (isCap(text, t) && !STOP.has(bare)) {
    const n = nameBefore(text, t.e);
    // A name inside a phrase is not the subject: "posted a message on Twitter reading …".
    const p = tokenBefore(toks, j, n?.start ?? t.s);
    // "Secretary of State Jane R. Doe said": a title's "of" belongs to the name phrase.
    const titleOf =
      toks[p]?.w === 'of' && p - 1 >= floor && toks[p - 1].cap && TITLES.has(toks[p - 1].w.replace(/\.$/, ''));
    if (n && p >= floor && !titleOf && /^(?:on|to|at|from|in|for|of|by|about|against|over)$/.test(toks[p].w)) {
      // Skip the phrase: "Rep. Tom Cole of Oklahoma said" → Tom Cole; but a description keeps
      // whose it is: "a spokesman for Bernie Sanders said".
      const head = p - 1 >= floor ? subjectEndingAt(text, toks, p - 1, floor) : null;
      if (head?.kind === 'desc' && /^(?:for|of)$/.test(toks[p].w) && head.end === toks[p - 1].e) {
        return { kind: 'desc', text: text.slice(head.start, n.end), start: head.start, end: n.end };
      }
      return head;
    }
    if (n) {
      // "the Republican", "one senior Democrat": a determiner makes a lone name a description.
      let d = p;
      while (
        d >= floor &&
        d > p - 3 &&
        !n.text.includes(' ') &&
        /^\p{Ll}+$/u.test(toks[d].w) &&
        !DETERMINERS.has(toks[d].w) &&
        !STOP.has(toks[d].w)
      )
        d--;
      const det = toks[d];
      if (
        det &&
        d >= floor &&
        DETERMINERS.has(det.w) &&
        (d === p ? /^(?:the|a|an)$/.test(det.w) : !n.text.includes(' '))
      ) {
        return { kind: 'desc', text: text.slice(det.s, n.end), start: det.s, end: n.end };
      }
      return { kind: 'name', ...n };
    }
  }
  let k = j;
  // "the Florida senator and presidential candidate said": one description joined by "and".
  const joins = (x: number) =>
    toks[x].w === 'and' && x - 1 > floor && /^\p{Ll}/u.test(text.slice(toks[x - 1].s, toks[x - 1].e));
  while (
    k > floor &&
    j - k < 8 &&
    !DETERMINERS.has(toks[k].w) &&
    (!STOP.has(toks[k - 1].w) || joins(k - 1)) &&
    !PUNCT.test(toks[k - 1].w)
  )
    k--;
  // A possessive name before the noun: "Mrs. Clinton's campaign".
  if (!DETERMINERS.has(toks[k].w) && isPossessive(text, toks[k]) && isCap(text, toks[k])) {
    const n = nameBefore(text, toks[k].e - (/['’]s$/.test(toks[k].w) ? 2 : 0));
    if (n) return { kind: 'desc', text: text.slice(n.start, toks[j].e), start: n.start, end: toks[j].e };
  }
  // A time or place phrase between subject and verb: "Trump at the time said".
  if (k - 1 >= floor && PREPOSITIONS.test(toks[k - 1].w))
    return k - 2 >= floor ? subjectEndingAt(text, toks, k - 2, floor) : null;
  return described(text, toks, k, j, floor);
}

/** A name that may stand as a speaker: not a lone sentence-initial common word ("Hours"). */
function usableName(text: string, toks: Tok[], n: NameSpan): boolean {
  if (n.text.includes(' ')) return true;
  let k = toks.length - 1;
  while (k >= 0 && toks[k].s >= n.start) k--;
  const first = toks[k];
  const initial =
    /^[.!?:;—–(]$/.test(first?.w ?? '') || /(?:^|\n)\s*$/.test(text.slice(Math.max(0, n.start - 3), n.start));
  return !initial || isProperWord(text, n.text.replace(/['’]s?$/, ''));
}

/**
 * The speaker phrase that starts at token `j`: "said Wang Yi", "said GOP strategist Keith
 * Nahigian", "said a spokesman for the ministry". A name at the head of the phrase wins,
 * but not one inside a prepositional phrase ("a spokesman for Wang").
 */
/** Whether capitalised words from token `from` lead to a title and a capitalised name before token `to`. */
function titledNameAfter(text: string, toks: Tok[], from: number, to: number): boolean {
  for (let y = from; y < Math.min(to, toks.length - 1); y++) {
    if (TITLES.has(toks[y].w.replace(/\.$/, ''))) return isCap(text, toks[y + 1]);
    if (!isCap(text, toks[y])) return false;
  }
  return false;
}

export function subjectStartingAt(text: string, toks: Tok[], j: number): Subject | null {
  const t = toks[j];
  if (!t) return null;
  const bare = t.w.replace(/['’](?:s|d|ll|ve|re)$/, '');
  if (SUBJECT_PRONOUNS.has(bare) && bare !== 'who')
    return { kind: 'pronoun', text: bare, start: t.s, end: t.s + bare.length };
  let k = j; // last token of the phrase
  let headEnd = -1; // last token before a preposition
  for (let x = j; x < toks.length && x - j < 12; x++) {
    const w = toks[x].w;
    // A finite speech verb ends the phrase; a bare form may be a noun ("secretary of state").
    const verb = x > j && isCue(toks, x) && (/(?:ed|s)$/.test(w) || /^(?:said|told|wrote|spoke)$/.test(w));
    // A verb in the past ends it too: "the spokesman refused …", "the president left …".
    // Not right after a determiner, where it is an adjective: "said the retired neurosurgeon".
    const past =
      x > j &&
      !toks[x].cap &&
      (/^\p{Ll}{3,}ed$/u.test(w) || IRREGULAR_PAST.has(w)) &&
      !TITLES.has(w) &&
      !DETERMINERS.has(toks[x - 1].w);
    if (PUNCT.test(w) || NP_END.has(w) || /n['’]t$/.test(w) || verb || past) break;
    const next = toks[x + 1];
    const titleOf =
      w === 'of' &&
      x > j &&
      TITLES.has(toks[x - 1].w.replace(/\.$/, '')) &&
      !!next &&
      (isCap(text, next) || TITLES.has(next.w));
    // "University of Texas professor Ann Lee": an "of" inside an organisation's name that
    // qualifies a titled person is no preposition of the phrase's head.
    const inName =
      w === 'of' &&
      x > j &&
      isCap(text, toks[x - 1]) &&
      !!next &&
      isCap(text, next) &&
      titledNameAfter(text, toks, x + 2, j + 12);
    if (PREPOSITIONS.test(w) && !titleOf && !inName) {
      if (headEnd < 0) headEnd = x - 1;
      if (w !== 'of' && w !== 'for') break;
    }
    k = x;
  }
  if (headEnd < 0) headEnd = k;
  if (headEnd < j) return null;
  // The last name of the head: "former Secretary of State Madeleine Albright".
  let head: NameSpan | null = null;
  for (let x = j; x <= headEnd; x++) {
    if (!isCap(text, toks[x]) || DETERMINERS.has(toks[x].w)) continue;
    const n = nameAfter(text, toks[x].s);
    if (!n) continue;
    head = n;
    while (x < headEnd && toks[x + 1].s < n.end) x++;
  }
  const possessive = head && /['’]s?$/.test(head.text);
  // "said one Republican involved in …": a lone name after a determiner describes.
  const lone = !!head && DETERMINERS.has(t.w) && !head.text.includes(' ');
  if (head && !lone && head.end >= toks[headEnd].e - 1 && !possessive && usableName(text, toks, head))
    return { kind: 'name', ...head };
  if ((!DETERMINERS.has(t.w) || /^(?:that|this|these|those)$/.test(t.w)) && !possessive) return null;
  // "according to a statement from Lopez": the statement speaks for its author.
  const by = toks[headEnd + 1];
  if (UTTERANCES.has(toks[headEnd].w) && by && /^(?:from|by)$/.test(by.w) && toks[headEnd + 2]?.cap) {
    const author = subjectStartingAt(text, toks, headEnd + 2);
    if (author?.kind === 'name') return author;
  }
  return { kind: 'desc', text: text.slice(t.s, toks[k].e), start: t.s, end: toks[k].e };
}
