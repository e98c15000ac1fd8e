/**
 * Speaker resolution: a cue's subject phrase → the fullest name the article uses for that
 * person, using the tagger's entities when there are any and the article's own names else.
 */
import type { EntityGroup, EntityMention } from '../types';
import type { Subject } from './cues';
import { FEMALE_NAMES, MALE_NAMES, PERSON_NOUNS, SPEAKER_NOUNS, TITLES } from './lexicon';
import { resolveDescription, type RoleIndex } from './descriptions';
import { lineStart, REACH, work } from './tokens';
import {
  articleNames,
  fullestName,
  indexNames,
  isProperWord,
  nameAfter,
  stripTitles,
  afterSpaces,
  wordStarts,
  WordStarts,
  type NameIndex,
  type NameSpan,
} from './names';

type Gender = 'm' | 'f' | null;
/** A mention of a person, in text order, for resolving pronouns. */
type Person = { pos: number; name: string };

/** Index of the first item of `list` (kept in text order) at or after `pos`. */
function firstAt(list: { pos: number }[], pos: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of `list` (kept in text order) from `from` up to `to`. */
function within<T extends { pos: number }>(list: T[], from: number, to: number): T[] {
  const out = list.slice(firstAt(list, from), firstAt(list, to));
  work.steps += out.length;
  return out;
}

/** Inserts a person into a list kept in text order. */
function insert(list: Person[], p: Person): void {
  list.splice(firstAt(list, p.pos), 0, p);
}

/**
 * Distinct people among names, a shorter form counting with the fuller name it is part of
 * ("Kostro Miller" and "Amanda A. Kostro Miller" are one person); each given by its fullest name.
 */
function samePeople(names: string[]): string[] {
  const uniq = [...new Set(names)].sort((a, b) => b.length - a.length);
  // So many names are several people in any case (and comparing them all would be slow).
  if (uniq.length > 24) return uniq;
  const out: string[] = [];
  for (const n of uniq) {
    const w = n.split(' ');
    if (!out.some((o) => w.every((x) => o.split(' ').includes(x)))) out.push(n);
  }
  return out;
}

function samePerson(name: string, words: string[]): boolean {
  const w = name.split(' ');
  return w.every((x) => words.includes(x)) || words.every((x) => w.includes(x));
}

/** Titles written short, which always go before a name: a speaker never ends with one. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Adm|Capt|Cmdr|Maj|Rev|Pres|Sec|Cpl|Pvt|Supt|Insp|Det)\.?$/;

/** Titles of people that are no name on their own (not "House", "Treasury", "State": organisations). */
const ROLE_ONLY = new Set(
  [...TITLES].filter(
    (t) =>
      !/^(?:king|queen|prince|princess|pope|lord|lady|sir|dame|judge|justice|chair|host|anchor|agent|officer|author|coach|speaker|sheriff|editor|state|house|senate|defense|defence|interior|finance|treasury|homeland|foreign|prime|former|acting|u\.s|us|gop|republican|democratic|democrat|independent|presidential|majority|minority|first|executive|associate|assistant|deputy|vice|chief)$/.test(
        t,
      ),
  ),
);

/** Nouns that head the name of an organisation ("Bank of America", "University of Texas"). */
const INSTITUTIONS =
  /^(?:bank|university|college|school|institute|department|ministry|office|council|board|association|society|foundation|church|party|chamber|court|commission|committee|agency|bureau|service|corps|army|navy|league|union|federation|federal|conference|academy|center|centre|republic|kingdom|city|county|state|states|government|museum|library|order|sisters|brotherhood|friends|daughters|sons|knights|coalition|alliance|organization|organisation|fund|trust|company|group|house|port|embassy|mission|administration|authority|command|division|school|guild|club|network|council)$/;

/** Words that open sentences and are never a speaker. */
const NOT_SPEAKERS = new Set(
  'moreover however furthermore meanwhile also still yet thus instead wait more tune now then so indeed besides otherwise anyway'.split(
    ' ',
  ),
);

/**
 * Whether a description can name a speaker: its last word is a person, a group, an
 * organisation or something said ("a senior official", "the campaign", "a statement"), a
 * name ("the Washington Post", "the DNC"), a word for someone who does something ("a
 * supporter", "the strategist"), or a number of them ("21 percent", "a 46-year-old").
 */
function describesSpeaker(desc: string): boolean {
  const words = desc.split(/\s+/);
  // "the former secretary of state", "one owner of a shop": the noun before "of" is the head;
  // "10 percent of registered voters": or the last one.
  const of = words.indexOf('of');
  return (of > 0 && headsSpeaker(words.slice(0, of))) || headsSpeaker(words);
}

/** Whether a phrase's last noun can be a speaker (see `describesSpeaker`). */
function headsSpeaker(phrase: string[]): boolean {
  let words = phrase;
  // "a source familiar with …", "a person close to …", "those surveyed": the noun before.
  while (
    words.length > 1 &&
    /^(?:familiar|close|linked|involved|surveyed|polled|asked|interviewed|known)$/.test(words[words.length - 1])
  )
    words = words.slice(0, -1);
  const head = words[words.length - 1].replace(/['’]s?[.,]?$|[.,]$/, '');
  if (/^\p{Lu}/u.test(head) || /\d|^percent$/.test(head)) return true;
  const w = head.toLowerCase();
  if (
    SPEAKER_NOUNS.has(w) ||
    (/(?:[^e]er|or|ist|ian|ant|ent|eon|man|men|ee)s?$/.test(w) && !/(?:ment|ness)s?$/.test(w))
  )
    return true;
  // A verb or an adverb after the noun that slipped in: "the foundation predicts", "her campaign quickly".
  return words.length > 1 && SPEAKER_NOUNS.has(words[words.length - 2].toLowerCase());
}

/** A word for a person's role or trade: "spokesman", "dietitian", "nutritionist", "director". */
function isRoleNoun(w: string): boolean {
  return (
    (PERSON_NOUNS.has(w) || /(?:ist|ian|man|woman|or|er)$/.test(w)) &&
    !/^(?:after|over|under|other|either|neither|whether|rather|together|for|or|per|ever|never|however|later)$/.test(w)
  );
}

/**
 * Whether the line at `pos` is a promo line or a kicker rather than a speaker's label: a
 * word in capitals and a colon before more text ("WATCH: Senator explains vote", "RELATED:
 * …", "READ MORE: …"), or a line of several words with no small letter ("CLICK HERE TO GET
 * THE APP"). A transcript's label ("JANE DOE:" on its own) is neither.
 */
export function promoLine(text: string, pos: number): boolean {
  const start = lineStart(text, pos);
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).trim();
  if (/^[\p{Lu}\d][\p{Lu}\d '’&-]*:\s*\S/u.test(line)) return true;
  return /\s\S/.test(line) && !/:$/.test(line) && !/\p{Ll}/u.test(line);
}

/** What the article says about its people, built once per article. */
export class People {
  private readonly names: NameSpan[];
  private readonly nameIndex: NameIndex;
  private readonly persons: Person[] = [];
  private readonly genders = new Map<string, Gender>();
  /** Whether "the minister" becomes the named minister (see `resolveDescription`). */
  resolveDescriptions = true;
  /** People named as the subject of a speech cue, in text order. */
  private readonly speakers: Person[] = [];
  private readonly spoken = new Set<number>();
  private readonly roles: RoleIndex = new Map();
  private mask: Uint8Array | null = null;
  private readonly personAt = new Set<number>();
  /** The tagger's person mentions that belong to a group, in text order. */
  private readonly grouped: EntityMention[];
  /** The people's full names by their last word ("Hill" → "Mark Hill", "Paul Hill"). */
  private readonly bySurname = new Map<string, string[]>();
  /** The tagger's organisations, in text order. */
  private readonly orgs: Person[] = [];

  constructor(
    private readonly text: string,
    private readonly entities: EntityMention[],
    private readonly groups: EntityGroup[],
  ) {
    // The tagger's full person names help resolve short ones ("Obama" → "Barack Obama").
    this.names = articleNames(text);
    for (const m of entities) {
      if (m.type !== 'PER' || !m.text.includes(' ')) continue;
      const name = stripTitles(m.text);
      if (name.includes(' ')) this.names.push({ start: m.start, end: m.end, text: name });
    }
    this.names.sort((a, b) => a.start - b.start);
    this.grouped = entities.filter((e) => e.type === 'PER' && e.group !== undefined).sort((a, b) => a.start - b.start);
    for (const m of entities) if (m.type === 'ORG') this.orgs.push({ pos: m.start, name: m.text });
    this.orgs.sort((a, b) => a.pos - b.pos);
    this.nameIndex = indexNames(this.names);
    for (const m of entities) {
      if (m.type !== 'PER') continue;
      const name = m.group !== undefined && groups[m.group] ? groups[m.group].name : m.text;
      this.persons.push({ pos: m.start, name: stripTitles(name) || name });
    }
    for (const n of this.names) {
      const first = n.text.split(' ')[0].toLowerCase();
      // A known first name, or a word for someone's role or trade before the name ("registered
      // dietitian Trista Best", "spokesman John Doe"), makes it a person whatever the tagger says.
      const role = /(?:^|\s)(\p{Ll}[\p{Ll}-]+)\s+$/u.exec(text.slice(Math.max(0, n.start - 30), n.start))?.[1];
      if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first) || (role && isRoleNoun(role)))
        this.persons.push({ pos: n.start, name: n.text });
    }
    // Later mentions by surname alone: "Barack Obama … Obama".
    const surnames = new Map<string, string>();
    for (const p of this.persons) {
      const words = p.name.split(' ');
      if (words.length > 1 && /^\p{Lu}[\p{L}'’-]+$/u.test(words[words.length - 1])) {
        const last = words[words.length - 1];
        surnames.set(last, p.name);
        const all = this.bySurname.get(last) ?? [];
        if (!all.includes(p.name)) all.push(p.name);
        this.bySurname.set(last, all);
      }
    }
    if (surnames.size) {
      const re = new RegExp(`\\b(?:${[...surnames.keys()].join('|')})\\b`, 'gu');
      // A surname two people share stays a surname: which of them it means is not known.
      const shared = (last: string) => samePeople(this.bySurname.get(last) ?? []).length > 1;
      for (const m of text.matchAll(re))
        this.persons.push({ pos: m.index ?? 0, name: shared(m[0]) ? m[0] : surnames.get(m[0])! });
    }
    // Honorifics mark people even when only a surname is used: "Mr. Netanyahu".
    for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s(\p{Lu}[\p{L}'’-]+)/gu)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      this.persons.push({ pos: at, name: fullestName(m[1], this.nameIndex, at) });
    }
    this.sort();
  }

  private sort(): void {
    this.persons.sort((a, b) => a.pos - b.pos);
    for (const p of this.persons) this.personAt.add(p.pos);
  }

  /** Records a person named as the subject of a cue, so pronouns after it can find them. */
  addSpeaker(pos: number, name: string): void {
    if (this.spoken.has(pos) || !this.plausible(name) || promoLine(this.text, pos)) return;
    this.spoken.add(pos);
    insert(this.speakers, { pos, name });
    if (!this.personAt.has(pos)) insert(this.persons, { pos, name });
    this.personAt.add(pos);
  }

  /** The last person a speech cue names between `from` and `to` ("Viguerie says …"). */
  lastSpeaker(from: number, to: number): string | null {
    const i = firstAt(this.speakers, to) - 1;
    return i >= 0 && this.speakers[i].pos >= from ? this.speakers[i].name : null;
  }

  /**
   * The fullest name for a name phrase at `start`: the tagger's group, else the article's.
   * A surname alone that two people of the article share ("Mark Hill … Paul Hill … Hill
   * said") stays the surname, unless an honorific says which of them it is.
   */
  fullName(phrase: string, start: number, end: number): string {
    const bare = stripTitles(phrase);
    if (!bare) return phrase;
    if (!bare.includes(' ')) {
      const shared = samePeople(this.bySurname.get(bare) ?? []);
      if (shared.length > 1) {
        const honorific =
          /^(Mr|Mrs|Ms|Miss)\b/.exec(phrase) ??
          /\b(Mr|Mrs|Ms|Miss)\.?\s*$/.exec(this.text.slice(Math.max(0, start - 6), start));
        const want: Gender = honorific ? (honorific[1] === 'Mr' ? 'm' : 'f') : null;
        const fit = want ? shared.filter((n) => this.gender(n) === want) : [];
        return fit.length === 1 ? fit[0] : bare;
      }
    }
    // The tagger's coreference, when it agrees with the phrase: "Wang" → group "Wang Yi".
    const m = this.groupedOver(start, end);
    const group = m ? this.groups[m.group!] : undefined;
    if (group) {
      const name = stripTitles(group.name);
      const words = bare.split(' ');
      const key = words[words.length - 1];
      if (name.includes(' ') && name.split(' ').some((w) => w === key || w === words[0])) return name;
    }
    return fullestName(bare, this.nameIndex, start);
  }

  /** The first grouped person mention that overlaps `[start, end)` (mentions do not nest). */
  private groupedOver(start: number, end: number): EntityMention | undefined {
    const list = this.grouped;
    let lo = 0,
      hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    let found: EntityMention | undefined;
    for (let i = lo - 1; i >= 0 && lo - i <= 16; i--) if (list[i].end > start) found = list[i];
    return found;
  }

  /** He or she, as far as the article shows it (honorifics, first names, pronouns after it). */
  gender(name: string): Gender {
    const known = this.genders.get(name);
    if (known !== undefined) return known;
    const words = name.split(' ');
    const first = words[0].toLowerCase(),
      last = words[words.length - 1];
    const g: Gender = MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : this.surnameGender(last);
    this.genders.set(name, g);
    return g;
  }

  /** Where words stand after "Mr.", "Mrs." or "Ms.", and where any word starts (built when first needed). */
  private starts: { mr: WordStarts; mrs: WordStarts; any: WordStarts } | null = null;
  private readonly surnames = new Map<string, Gender>();

  /**
   * He or she for a surname: "Mr. Smith" or "Ms. Smith" in the article, else the pronouns that
   * most often follow it within 160 characters (with no other name between, outside quotations).
   */
  private surnameGender(last: string): Gender {
    const known = this.surnames.get(last);
    if (known !== undefined) return known;
    this.starts ??= {
      mr: new WordStarts(
        this.text,
        afterSpaces(this.text, (t, p) => /(?:^|\W)Mr\.? $/.test(t.slice(Math.max(0, p - 5), p))),
      ),
      mrs: new WordStarts(
        this.text,
        afterSpaces(this.text, (t, p) => /(?:^|\W)M(?:rs|s)\.? $/.test(t.slice(Math.max(0, p - 6), p))),
      ),
      // `\b` before the name: a word starts there (a name that starts with no word character never has one).
      any: new WordStarts(this.text, wordStarts(this.text)),
    };
    let g: Gender = this.starts.mr.find(last).length ? 'm' : this.starts.mrs.find(last).length ? 'f' : null;
    if (!g) {
      let m = 0,
        f = 0,
        reached = 0;
      for (const at of this.starts.any.find(last)) {
        if (at < reached) continue;
        const hit = this.pronounAfter(at + last.length);
        if (!hit) continue;
        reached = hit.end;
        // Another name in between may be the one the pronoun stands for; a quotation's
        // pronouns are the speaker's own ("He told me …").
        if (/[\p{Ll},;] \p{Lu}\p{Ll}/u.test(this.text.slice(at + last.length, hit.start)) || this.quoted(hit.end - 1))
          continue;
        if (hit.male) m++;
        else f++;
      }
      g = m > f ? 'm' : f > m ? 'f' : null;
    }
    this.surnames.set(last, g);
    return g;
  }

  /** The first "he", "his", "him", "she" or "her" (any case) that starts within 160 characters of `from`. */
  private pronounAfter(from: number): { start: number; end: number; male: boolean } | null {
    const m = /\b(he|his|him|she|her)\b/i.exec(this.text.slice(from, from + 166));
    if (!m || m.index > 160) return null;
    const start = from + m.index;
    return { start, end: start + m[1].length, male: /^h(?:e|is|im)$/i.test(m[1]) };
  }

  /**
   * The person a pronoun at `pos` means, or null when the text does not make it clear.
   * First the subject of its own sentence ("Bush went after Trump, when he called him …").
   * Then paragraph by paragraph backwards (this one, then at most two before it): a person
   * who spoke in that paragraph, else the one person there whose gender fits (known from
   * first names, honorifics or pronouns), else the one person there of unknown gender; with
   * several people who could be meant the search stops with null: it never skips over a
   * paragraph that introduced someone else who could be meant.
   */
  pronoun(word: string, pos: number): string | null {
    const want: Gender = word === 'he' ? 'm' : word === 'she' ? 'f' : null;
    if (word !== 'he' && word !== 'she' && word !== 'who') return null;
    const fits = (p: Person) => p.pos < pos && (!want || (this.gender(p.name) ?? want) === want);
    if (word === 'who') {
      // "Lopez, who …": only a name right before "who" is what it stands for ("the groups who …" are no one).
      if (!/\p{Lu}[\p{L}'’.-]*\)?,?\s*$/u.test(this.text.slice(Math.max(0, pos - 40), pos))) return null;
      return this.latest(pos, fits);
    }
    const start = this.sentenceStart(pos);
    const own = within(this.persons, start, pos).find((p) => !this.quoted(p.pos));
    if (own && fits(own) && own.pos - start < 40) return own.name;
    let end = pos;
    for (let k = 0; k < 3 && end > 0; k++) {
      // A paragraph, or its last `REACH` characters when it is longer.
      const from = lineStart(this.text, end);
      const here = (list: Person[]) => within(list, from, end).filter((p) => !this.quoted(p.pos));
      const spoke = here(this.speakers).filter((p) => this.gender(p.name) === want);
      if (spoke.length) return spoke[spoke.length - 1].name;
      // People named as objects ("told Winfrey", "a friend of Harry's mother, Princess Diana") are
      // not what a "he" or "she" after them usually means.
      // In the pronoun's own paragraph they are left out; further back they count when no one else fits.
      const all = here(this.persons);
      const subjects = all.filter((p) => !this.objectAt(p.pos));
      const fitting = (list: Person[]) => list.some((p) => (this.gender(p.name) ?? want) === want);
      const people = k === 0 || fitting(subjects) ? subjects : all;
      const names = (list: Person[]) => samePeople(list.map((p) => p.name));
      const known = names(people.filter((p) => this.gender(p.name) === want));
      const spokeUnknown = names(here(this.speakers).filter((p) => this.gender(p.name) === null));
      // Someone who spoke here, of unknown gender, and someone else of the right gender who was
      // only talked about ("Earnest said Obama would …. “…,” he said"): two people who could be
      // meant, so unsure.
      if (spokeUnknown.length === 1 && known.length && !known.some((n) => samePerson(n, spokeUnknown[0].split(' '))))
        return null;
      if (known.length === 1) return known[0];
      const unknown = names(people.filter((p) => this.gender(p.name) === null));
      // The one who spoke, unless someone else here could as well be meant.
      if (known.length === 0 && spokeUnknown.length === 1)
        return unknown.every((n) => samePerson(n, spokeUnknown[0].split(' '))) ? spokeUnknown[0] : null;
      if (known.length === 0 && unknown.length === 1) return unknown[0];
      // Someone here who could be meant but is not clearly the one: unsure. People of the
      // other gender do not stand in the way.
      if (known.length || unknown.length) return null;
      // Nobody here: the paragraph before, over any blank lines.
      end = from - 1;
      while (end > 0 && this.text[end - 1] === '\n' && from - end < REACH) end--;
    }
    return null;
  }

  /** Whether the name at `pos` stands where an object does: after a preposition, a verb of telling, or a noun and a comma. */
  private objectAt(pos: number): boolean {
    const before = this.text.slice(Math.max(0, pos - 40), pos);
    const m = /(?:^|[\s(])([\p{L}'’]+)([,]?)\s+(?:(?:\p{Lu}[\p{L}.]*|(?:the|a|an)\s+[\p{Ll}-]+)\s+){0,3}$/u.exec(
      before,
    );
    if (!m) return false;
    const w = m[1].toLowerCase();
    if (m[2] === ',') return /^\p{Ll}/u.test(m[1]) && !/^(?:said|says|added|wrote|told)$/.test(w);
    return (
      /^(?:of|to|with|for|against|about|at|from|into|on|than|told|tells|asked|asks|met|meets|called|calls|thanked|praised|attacked|criticized|criticised)$/.test(
        w,
      ) || /['’]s$/.test(w)
    );
  }

  /** Whether text between `from` and `to` (outside quotations) names a person other than `name`. */
  someoneElse(from: number, to: number, name: string): boolean {
    const words = name.split(' ');
    return within(this.persons, from, to).some((p) => !this.quoted(p.pos) && !samePerson(p.name, words));
  }

  /** The tagger's type of the last entity that overlaps `[start, end)`, or ''. */
  typeAt(start: number, end: number): string {
    let type = '';
    for (const e of this.entities) if (e.start < end && e.end > start) type = e.type;
    return type;
  }

  /**
   * How many people or organisations other than `speaker` the text between `from` and `to`
   * names (outside quotations and outside `skip`, the speaker phrase itself): the others a
   * cue or a pronoun there could have meant.
   */
  rivals(from: number, to: number, speaker: string, skip: { start: number; end: number } | null): number {
    const words = speaker.replace(/^(?:the|a|an)\s/i, '').split(' ');
    const seen = new Set<string>();
    for (const p of [...within(this.persons, from, to), ...within(this.orgs, from, to)]) {
      if (this.quoted(p.pos) || (skip && p.pos >= skip.start && p.pos < skip.end)) continue;
      if (samePerson(p.name, words) || seen.has(p.name)) continue;
      if ([...seen].some((n) => samePerson(n, p.name.split(' ')))) continue;
      seen.add(p.name);
    }
    return seen.size;
  }

  /**
   * Whether a speaker phrase can be a person or an organisation: not a line in capitals (a
   * headline, "CLICK HERE TO GET THE APP"), not a number, not a sentence's first word that
   * is no name ("Moreover", "Wait"), not a bare determiner.
   */
  plausible(name: string): boolean {
    const words = name.split(/\s+/).filter(Boolean);
    if (!/\p{L}\p{L}/u.test(name)) return false;
    if (words.length >= 2 && !/\p{Ll}/u.test(name)) return false;
    if (words.length === 1 && /^(?:the|a|an|this|that|these|those|it|its)$/i.test(name)) return false;
    // A title with no name after it ("Col.", "Army Col.", "Sen."): the name was cut off.
    if (HONORIFIC.test(words[words.length - 1])) return false;
    // A person's title alone ("Senator", "Mayor"): a headline's word, or a name cut off.
    if (words.length === 1 && /^\p{Lu}/u.test(name) && ROLE_ONLY.has(name.toLowerCase())) return false;
    // A sentence's first word that is no name: "Moreover", "Specifically", "Challenged", "Wait".
    if (
      words.length === 1 &&
      /^\p{Lu}\p{Ll}+$/u.test(name) &&
      (/(?:ly|ed|ing)$/.test(name) || NOT_SPEAKERS.has(name.toLowerCase()))
    ) {
      const tagged = this.entities.some(
        (e) => (e.type === 'PER' || e.type === 'ORG') && e.text.split(' ').includes(name),
      );
      if (!tagged && !isProperWord(this.text, name)) return false;
    }
    return true;
  }

  /** The last person before `pos` (at most `REACH` characters before) that fits. */
  private latest(pos: number, fits: (p: Person) => boolean): string | null {
    const near = within(this.persons, pos - REACH, pos);
    for (let i = near.length - 1; i >= 0; i--) {
      const p = near[i];
      if (!this.quoted(p.pos) && fits(p)) return p.name;
    }
    return null;
  }

  private sentenceStart(pos: number): number {
    const floor = Math.max(0, pos - REACH);
    for (let i = pos - 1; i > floor; i--) {
      const c = this.text[i];
      if (c === '\n') return i + 1;
      if ((c === '.' || c === '?' || c === '!') && /\s/.test(this.text[i + 1]) && !this.quoted(i)) return i + 1;
    }
    return floor;
  }

  /** Whether a position is inside a quotation (names there are not the narrative's people). */
  private quoted(pos: number): boolean {
    return this.mask !== null && this.mask[pos] === 1;
  }

  /** Tells the resolver where the quotations are. */
  setQuotes(mask: Uint8Array): void {
    this.mask = mask;
  }

  /** The speaker a cue's subject names, as the article would name them. */
  resolve(s: Subject): string | null {
    if (s.kind === 'pronoun') return this.pronoun(s.text, s.start);
    // The phrase ends a longer capitalised one: "Bank of America", "The Art of the Deal".
    // Only after "The" or "A": "Lewis of the Cato Institute" is a person of an organisation.
    const of = /(?:^|[^\p{L}])(?:The|A|An)\s((?:\p{Lu}[\p{L}'’.-]*\s){0,2}?(\p{Lu}[\p{L}'’-]*))\sof\s(?:the\s)?$/u.exec(
      this.text.slice(Math.max(0, s.start - 60), s.start),
    );
    const head = of && /^(?:the\s)?\p{Lu}/iu.test(s.text) ? of[2].toLowerCase() : null;
    // A person's office goes on as before ("Secretary of State John Kerry"); an institution
    // speaks ("Bank of America"); anything else is the title of a book, a film or a show.
    const titled = (phrase: string) => phrase.split(/\s+/).some((w) => TITLES.has(w.toLowerCase().replace(/\.$/, '')));
    // "Bank of America President Ann Lee" is Ann Lee.
    if (of && head && !TITLES.has(head.replace(/\.$/, '')) && !titled(s.text)) {
      if (!INSTITUTIONS.test(head)) return null;
      const start = s.start - (of[0].length - of[0].search(/\p{Lu}/u));
      return this.text.slice(start, s.end);
    }
    // "Bank of America said": the phrase stopped before "of".
    const last = s.text.split(' ').pop()!.toLowerCase();
    const rest = INSTITUTIONS.test(last)
      ? /^\sof\s(?:the\s)?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,3}/u.exec(this.text.slice(s.end, s.end + 60))
      : null;
    if (rest && s.kind === 'name' && !titled(rest[0]) && !/^\p{Lu}/u.test(this.text.slice(s.end + rest[0].length + 1)))
      return this.text.slice(s.start, s.end + rest[0].length);
    if (s.kind === 'name') {
      const name = this.fullName(s.text, s.start, s.end);
      if (name) this.addSpeaker(s.start, name);
      return name || null;
    }
    // A description with the name after it: "said Smith's lawyer, Jane Doe." is Jane Doe.
    const comma = /^,\s+/.exec(this.text.slice(s.end, s.end + 3));
    const named = comma ? nameAfter(this.text, s.end + comma[0].length) : null;
    if (named && named.text.includes(' ') && /^(?:[.,;:!?]|\s*$)/.test(this.text.slice(named.end, named.end + 1))) {
      const name = this.fullName(named.text, named.start, named.end);
      this.addSpeaker(named.start, name);
      return name;
    }
    if (!describesSpeaker(s.text)) return null;
    const desc = s.text.replace(/^(?:The|A|An)\b/, (d) => d.toLowerCase());
    const person = this.resolveDescriptions ? resolveDescription(this.text, desc, s.start, this.roles) : null;
    return person && this.lastMentioned(s.start, person) ? person : desc;
  }

  /**
   * Whether the last person the text names before `pos` (outside quotations, in this
   * paragraph or the one before) is `name`: "the governor" is the governor the article tied to
   * the role only when the text was just talking about him ("Christie defended … “…,” the
   * governor said" is not the other governor the article named earlier).
   */
  private lastMentioned(pos: number, name: string): boolean {
    const para = lineStart(this.text, pos);
    let from = para > 0 ? lineStart(this.text, para - 1) : 0;
    // Over blank lines to the paragraph before.
    while (from > 0 && from === para - 1) from = lineStart(this.text, from - 1);
    const near = within(this.persons, Math.max(from, pos - 2 * REACH), pos).filter((p) => !this.quoted(p.pos));
    const last = near[near.length - 1];
    return !!last && samePerson(last.name, name.split(' '));
  }
}
