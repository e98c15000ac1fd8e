/**
 * Speaker resolution: a cue's subject phrase → the fullest name the article uses for that
 * person, using the tagger's entities when there are any and the article's own names else.
 */
import type { EntityGroup, EntityMention } from '../types';
import type { Subject } from './cues';
import { FEMALE_NAMES, MALE_NAMES } from './lexicon';
import { resolveDescription, type RoleIndex } from './descriptions';
import { articleNames, fullestName, indexNames, stripTitles, type NameIndex, type NameSpan } from './names';

type Gender = 'm' | 'f' | null;
/** A mention of a person, in text order, for resolving pronouns. */
type Person = { pos: number; name: string };

/** Inserts a person into a list kept in text order. */
function insert(list: Person[], p: Person): void {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].pos < p.pos) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, p);
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
    this.nameIndex = indexNames(this.names);
    for (const m of entities) {
      if (m.type !== 'PER') continue;
      const name = m.group !== undefined && groups[m.group] ? groups[m.group].name : m.text;
      this.persons.push({ pos: m.start, name: stripTitles(name) || name });
    }
    for (const n of this.names) {
      const first = n.text.split(' ')[0].toLowerCase();
      if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) this.persons.push({ pos: n.start, name: n.text });
    }
    // Later mentions by surname alone: "Barack Obama … Obama".
    const surnames = new Map<string, string>();
    for (const p of this.persons) {
      const words = p.name.split(' ');
      if (words.length > 1 && /^\p{Lu}[\p{L}'’-]+$/u.test(words[words.length - 1]))
        surnames.set(words[words.length - 1], p.name);
    }
    if (surnames.size) {
      const re = new RegExp(`\\b(?:${[...surnames.keys()].join('|')})\\b`, 'gu');
      for (const m of text.matchAll(re)) this.persons.push({ pos: m.index ?? 0, name: surnames.get(m[0])! });
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
    if (this.spoken.has(pos)) return;
    this.spoken.add(pos);
    insert(this.speakers, { pos, name });
    if (!this.personAt.has(pos)) insert(this.persons, { pos, name });
    this.personAt.add(pos);
  }

  /** The last person a speech cue names between `from` and `to` ("Viguerie says …"). */
  lastSpeaker(from: number, to: number): string | null {
    let best: Person | null = null;
    for (const p of this.speakers) if (p.pos >= from && p.pos < to && (!best || p.pos > best.pos)) best = p;
    return best?.name ?? null;
  }

  /** The fullest name for a name phrase at `start`: the tagger's group, else the article's. */
  fullName(phrase: string, start: number, end: number): string {
    const bare = stripTitles(phrase);
    if (!bare) return phrase;
    // The tagger's coreference, when it agrees with the phrase: "Wang" → group "Wang Yi".
    const m = this.entities.find((e) => e.start < end && e.end > start && e.group !== undefined && e.type === 'PER');
    const group = m ? this.groups[m.group!] : undefined;
    if (group) {
      const name = stripTitles(group.name);
      const words = bare.split(' ');
      const key = words[words.length - 1];
      if (name.includes(' ') && name.split(' ').some((w) => w === key || w === words[0])) return name;
    }
    return fullestName(bare, this.nameIndex, start);
  }

  /** He or she, as far as the article shows it (honorifics, first names, pronouns after it). */
  gender(name: string): Gender {
    const known = this.genders.get(name);
    if (known !== undefined) return known;
    const words = name.split(' ');
    const first = words[0].toLowerCase(),
      last = words[words.length - 1];
    let g: Gender = MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
    if (!g) {
      const esc = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`\\bMr\\.? ${esc}\\b`).test(this.text)) g = 'm';
      else if (new RegExp(`\\bM(?:rs|s)\\.? ${esc}\\b`).test(this.text)) g = 'f';
    }
    if (!g) {
      let m = 0,
        f = 0;
      const re = new RegExp(
        `\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b([^]{0,160}?)\\b(he|his|him|she|her)\\b`,
        'gi',
      );
      for (const hit of this.text.matchAll(re)) {
        // Another name in between may be the one the pronoun stands for; a quotation's
        // pronouns are the speaker's own ("He told me …").
        if (/[\p{Ll},;] \p{Lu}\p{Ll}/u.test(hit[1]) || this.quoted((hit.index ?? 0) + hit[0].length - 1)) continue;
        if (/^h(?:e|is|im)$/i.test(hit[2])) m++;
        else f++;
      }
      g = m > f ? 'm' : f > m ? 'f' : null;
    }
    this.genders.set(name, g);
    return g;
  }

  /** The person a pronoun at `pos` most likely means: the latest compatible one before it. */
  pronoun(word: string, pos: number): string | null {
    const want: Gender = word === 'he' ? 'm' : word === 'she' ? 'f' : null;
    if (word !== 'he' && word !== 'she' && word !== 'who') return null;
    const fits = (p: Person) => p.pos < pos && (!want || (this.gender(p.name) ?? want) === want);
    if (word === 'who') return this.latest(pos, fits);
    // The subject of its own sentence: "Bush went after Trump, when he called him …".
    const start = this.sentenceStart(pos);
    const own = this.persons.find((p) => p.pos >= start && p.pos < pos && !this.quoted(p.pos));
    if (own && fits(own) && own.pos - start < 40) return own.name;
    // Whoever is speaking in this paragraph keeps the floor: "Sanders said … Dr. Song … He writes".
    const paraStart = this.text.lastIndexOf('\n', pos) + 1;
    for (let i = this.speakers.length - 1; i >= 0; i--) {
      const p = this.speakers[i];
      if (p.pos < paraStart) break;
      if (fits(p)) return p.name;
    }
    // The subject of the sentence before: "Obama met Merkel on Monday. "…," he said."
    const prevStart = start > 1 ? this.sentenceStart(start - 1) : -1;
    const subject = this.persons.find((p) => p.pos >= prevStart && p.pos < start && !this.quoted(p.pos));
    if (prevStart >= 0 && subject && fits(subject) && subject.pos - prevStart < 40) return subject.name;
    return this.latest(pos, fits);
  }

  private latest(pos: number, fits: (p: Person) => boolean): string | null {
    for (let i = this.persons.length - 1; i >= 0; i--) {
      const p = this.persons[i];
      if (p.pos < pos && !this.quoted(p.pos) && fits(p)) return p.name;
    }
    return null;
  }

  private sentenceStart(pos: number): number {
    for (let i = pos - 1; i > 0; i--) {
      const c = this.text[i];
      if (c === '\n') return i + 1;
      if ((c === '.' || c === '?' || c === '!') && /\s/.test(this.text[i + 1]) && !this.quoted(i)) return i + 1;
    }
    return 0;
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
    if (s.kind === 'name') {
      const name = this.fullName(s.text, s.start, s.end);
      if (name) this.addSpeaker(s.start, name);
      return name || null;
    }
    const desc = s.text.replace(/^(?:The|A|An)\b/, (d) => d.toLowerCase());
    return (this.resolveDescriptions && resolveDescription(this.text, desc, s.start, this.roles)) || desc;
  }
}
