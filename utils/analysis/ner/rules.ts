/**
 * Corrections after tagging for what 1996 Reuters did not teach the model.
 * Titles ("Mr.", "Dr.", "Sen.", "Governor") are not part of a name in
 * CoNLL-2003 ("Mr./O Smith/PER") and say that the name after them is a
 * person's; Reuters hardly writes "Mr." or "Dr.", web news all the time.
 */
import { capClass } from './context';
import { CAPITALISED_ELSEWHERE, HEADLINE_LOWERED, IN_HEADLINE } from './features';
import { listBit } from './gazetteer';
import type { EntityType } from '../types';
import { beginLabel, isInside, labelSpans } from './labels';

/**
 * Abbreviated honorifics and ranks: the capitalised words after them are a person even if
 * the tagger missed them, and they are never a person by themselves.
 */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'maj',
  'adm',
  'rev',
  'sir',
  'dame',
  'messrs',
  'mme',
  'mlle',
]);

/**
 * Titles written out: only taken out of a name the tagger found (a person's,
 * or a person's it took for an organisation's); "General Motors", "King Street"
 * and "Premier League" are why the list is short and never creates a name.
 */
const TITLES = new Set(
  'president governor senator minister chancellor pope judge justice secretary mayor ambassador professor chairman chairwoman spokesman spokeswoman speaker chief vice attorney'.split(
    ' ',
  ),
);

/** Words that go on a title written out ("Attorney General", "Secretary General"), never one by themselves. */
const TITLE_TAILS = new Set(['general']);

/**
 * Last words of an organisation's or a place's name: a title written out before them is part
 * of that name ("Justice Department", "Chief Executive Office", "Governor's Island" aside).
 */
const NAME_HEADS = new Set(
  'department ministry office court committee commission council league party media group agency bureau board house union association foundation institute university college school'.split(
    ' ',
  ),
);

/** 1 for an abbreviated honorific ("Mr.", "Dr"), 2 for a written-out title ("Governor"), else 0. */
export function titleKind(word: string): number {
  const c = word.charCodeAt(0);
  if (word.length > 12 || c < 65 || c > 90) return 0;
  const w = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
  return HONORIFICS.has(w) ? 1 : TITLES.has(w) ? 2 : 0;
}

/** The end of the run of titles that starts at i ("Lt. Col.", "Chief Justice", "Attorney General"). */
function titleRun(words: string[], i: number, kind: number): number {
  let last = i;
  for (;;) {
    const next = words[last + 1];
    if (next === undefined) return last;
    const k = titleKind(next);
    if (kind === 1 ? k === 1 : k === 2 || (capClass(next) === 1 && TITLE_TAILS.has(next.toLowerCase()))) last++;
    else return last;
  }
}

/** Takes titles out of names and makes the capitalised words after an honorific a person, in place. */
export function applyTitles(words: string[], labels: Uint8Array): void {
  const B = beginLabel('PER');
  const ORG = beginLabel('ORG');
  const n = words.length;
  for (let i = 0; i + 1 < n; i++) {
    const kind = titleKind(words[i]);
    if (kind === 0) continue;
    const last = titleRun(words, i, kind);
    if (last + 1 >= n || capClass(words[last + 1]) !== 1) {
      // An abbreviated title alone is never a name ("Col." said): drop an entity made only of titles.
      const alone = last + 1 >= n || !isInside(labels[last + 1]);
      if (kind === 1 && labels[i] !== 0 && !isInside(labels[i]) && alone) for (let k = i; k <= last; k++) labels[k] = 0;
      i = last;
      continue;
    }
    // The name after the title: where the tagger's entity goes on past the titles, or the entity that follows.
    let end = last + 1;
    while (end < n && isInside(labels[end])) end++;
    const within = end > last + 1 && labels[i] !== 0 && !isInside(labels[i]);
    if (kind === 2) {
      // "Chief Justice" tagged apart before a person's name: the titles are no name.
      const titlesAlone =
        labels[i] !== 0 && !isInside(labels[i]) && labels[last + 1] === B && (last === i || isInside(labels[last]));
      if (titlesAlone) {
        for (let k = i; k <= last; k++) labels[k] = 0;
        i = last;
        continue;
      }
      if (!within || (labels[i] !== B && labels[i] !== ORG)) continue;
      // "Justice Department", "Vice Media": the title is part of the organisation's name.
      if (NAME_HEADS.has(words[end - 1].toLowerCase()) || capClass(words[end - 1]) !== 1) continue;
      if (words.slice(last + 1, end).some((w) => titleKind(w) === 2)) continue;
    }
    for (let k = i; k <= last; k++) labels[k] = 0;
    i = last;
    let j = i + 1;
    if (labels[j] !== 0) {
      // The name goes on (or starts) after the title: make it a person.
      labels[j] = B;
      j++;
      while (j < n && isInside(labels[j])) labels[j++] = B + 1;
    } else if (kind === 1) {
      // A name the tagger missed: the capitalised words after the honorific, at most three.
      while (j < n && j <= i + 3 && capClass(words[j]) === 1 && labels[j] === 0) labels[j] = j++ === i + 1 ? B : B + 1;
    }
    i = j - 1;
  }
}

/** Words before "n't" are verbs ("Won't" → "Wo n't"), and "Let's" is not a possessive: never part of a name. */
export function dropVerbs(words: string[], labels: Uint8Array): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const next = words[i + 1].toLowerCase();
    if (labels[i] === 0 || !(next === "n't" || (next === "'s" && words[i].toLowerCase() === 'let'))) continue;
    const inside = isInside(labels[i]);
    labels[i] = 0;
    // Cut the entity before this word; a name that started here is gone.
    if (!inside) for (let j = i + 1; j < words.length && isInside(labels[j]); j++) labels[j] = 0;
  }
}

/**
 * A leading "The" is not part of an organisation's or event's name in CoNLL-2003
 * (276 of 310 times in the training text; the exceptions are places like "The
 * Hague"), but sentence-initial capitals lure the tagger into including it.
 */
export function dropArticles(words: string[], labels: Uint8Array): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const l = labels[i];
    if (l === 0 || isInside(l) || words[i] !== 'The' || labels[i + 1] !== l + 1) continue;
    const type = (l - 1) >> 1;
    if (type !== 1 && type !== 3) continue;
    labels[i] = 0;
    labels[i + 1] = l;
  }
}

/**
 * Page furniture in capitals ("ADVERTISEMENT", "SUBSCRIBE", "CLICK HERE TO GET THE APP",
 * "SIGN UP FOR OUR NEWSLETTER") names nothing, even when it names the outlet: a line of
 * its own, written in capitals, with one of these words, keeps no entity.
 */
const FURNITURE = new Set(
  'advertisement advertisements advertising ad ads sponsored subscribe subscription click tap sign newsletter newsletters download app share follow watch listen related recommended trending continue read more skip comments'.split(
    ' ',
  ),
);

/** Clears the labels of lines of page furniture in capitals (see `FURNITURE`), in place. */
export function dropFurniture(words: string[], lineBreakBefore: boolean[], labels: Uint8Array): void {
  const n = words.length;
  let a = 0;
  while (a < n) {
    let b = a + 1;
    while (b < n && !lineBreakBefore[b]) b++;
    let letters = 0;
    let lower = 0;
    let furniture = false;
    for (let i = a; i < b; i++) {
      const c = capClass(words[i]);
      if (c > 3) continue;
      letters++;
      if (c !== 2 && !(c === 1 && words[i].length === 1)) lower++;
      if (FURNITURE.has(words[i].toLowerCase())) furniture = true;
    }
    if (furniture && letters > 0 && lower === 0 && b - a <= 16) for (let i = a; i < b; i++) labels[i] = 0;
    a = b;
  }
}

/** A capitalised word joined by hyphens, each part capitalised: "Jean-Pierre", "Al-Sayed". */
function hyphenatedName(w: string): boolean {
  const parts = w.split('-');
  return parts.length > 1 && parts.every((p) => p.length > 0 && capClass(p) === 1);
}

/**
 * A hyphenated first name belongs to the person's name that follows it: "Jean-Pierre"
 * tagged apart (often as MISC, like "Franco-German") right before a person's name
 * becomes part of that name. In place.
 */
export function joinHyphenated(words: string[], labels: Uint8Array): void {
  const B = beginLabel('PER');
  for (let i = 0; i + 1 < words.length; i++) {
    if (labels[i] === 0 || isInside(labels[i]) || labels[i + 1] !== B || !hyphenatedName(words[i])) continue;
    labels[i] = B;
    labels[i + 1] = B + 1;
  }
}

/**
 * "The Smiths" after "John Smith": a family named by its plural is people, not an
 * organisation. A capitalised plural after "the" whose singular is, elsewhere in the
 * article, a person's name (or its last word) becomes a person. In place.
 */
export function pluralFamilies(words: string[], labels: Uint8Array): void {
  const B = beginLabel('PER');
  const surnames = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (labels[i] !== B && labels[i] !== B + 1) continue;
    if (i + 1 < words.length && labels[i + 1] === B + 1) continue;
    surnames.add(words[i].toLowerCase());
  }
  if (!surnames.size) return;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (labels[i] === 0 || labels[i] === B || isInside(labels[i]) || capClass(w) !== 1 || !w.endsWith('s')) continue;
    if (i + 1 < words.length && isInside(labels[i + 1])) continue;
    if (words[i - 1].toLowerCase() !== 'the') continue;
    const l = w.toLowerCase();
    if (surnames.has(l.slice(0, -1)) || (l.endsWith('es') && surnames.has(l.slice(0, -2)))) labels[i] = B;
  }
}

/** Head nouns of a body that belongs to a larger organisation ("the Standing Committee of the …"). */
const ORGANS = new Set(
  'bureau committee commission council department ministry office board division secretariat presidium directorate agency'.split(
    ' ',
  ),
);

/**
 * An organ of an organisation is one name: "Political Bureau" + "of the" +
 * "Communist Party of China Central Committee", both tagged ORG, become one ORG
 * ("the Judiciary Committee of the Senate" likewise). Only when the first part
 * ends in such a head noun and both parts are organisations. In place.
 */
export function joinOrgans(words: string[], labels: Uint8Array): void {
  const B = beginLabel('ORG');
  for (let i = 0; i + 2 < words.length; i++) {
    if ((labels[i] !== B && labels[i] !== B + 1) || labels[i + 1] === B + 1) continue;
    if (!ORGANS.has(words[i].toLowerCase()) || words[i + 1] !== 'of') continue;
    const next = words[i + 2] === 'the' ? i + 3 : i + 2;
    if (labels[next] !== B) continue;
    for (let k = i + 1; k <= next; k++) labels[k] = B + 1;
  }
}

/**
 * Two places side by side with no comma are two names: "talks between Germany France and
 * Italy", "ties between Berlin Warsaw". A place the tagger found that splits into two
 * listed places (countries, cities the training text also named as places), while the whole is no name the tagger or the lists
 * know ("Mexico City", "Salt Lake City" stay whole), becomes two places. `known(a, b)`:
 * the gazetteer mask of words [a, b). In place.
 */
export function splitPlaces(words: string[], labels: Uint8Array, known: (a: number, b: number) => number): void {
  const LOC = beginLabel('LOC');
  // A country, or a city the training text also named as a place: the list of cities alone
  // knows too many small towns ("Sandy" and "Hook" of "Sandy Hook").
  const isPlace = (m: number) => (m & listBit(1)) !== 0 || ((m & listBit(2)) !== 0 && (m & (1 << 2)) !== 0);
  for (const s of labelSpans(labels)) {
    if (s.type !== 'LOC' || s.end - s.start < 2 || s.end - s.start > 6 || known(s.start, s.end) !== 0) continue;
    for (let k = s.start + 1; k < s.end; k++) {
      if (!isPlace(known(s.start, k)) || !isPlace(known(k, s.end))) continue;
      if (capClass(words[k]) !== 1) break;
      labels[k] = LOC;
      break;
    }
  }
}

/**
 * Last words that make a name an organisation's whatever its first words are: a company's
 * legal form, a party, a ministry, a university ("Hilton Garden Inn", "Harlan Foundation"
 * are no person). In eng.train every multi-word name ending in one of these is an
 * organisation (a "Bank" or a "Hospital" may be a place, so they are not here).
 */
const ORG_SUFFIXES = new Set(
  'inc inc. corp corp. co co. llc llc. ltd ltd. plc group university college institute foundation association party ministry company corporation airlines airways council agency department inn'.split(
    ' ',
  ),
);

/** A person's or place's name of two words or more that ends in an organisation's suffix becomes an organisation's. In place. */
export function orgSuffixes(words: string[], labels: Uint8Array): void {
  const ORG = beginLabel('ORG');
  for (const s of labelSpans(labels)) {
    if ((s.type !== 'PER' && s.type !== 'LOC') || s.end - s.start < 2) continue;
    if (!ORG_SUFFIXES.has(words[s.end - 1].toLowerCase())) continue;
    labels[s.start] = ORG;
    for (let k = s.start + 1; k < s.end; k++) labels[k] = ORG + 1;
  }
}

/**
 * "on Facebook", "on Twitter": a one-word place right after "on" that neither the training
 * names nor the lists know as a place is a website or a network, an organisation ("talks on
 * Iraq" keeps its place). `known(a, b)`: the gazetteer mask of words [a, b). In place.
 */
export function onPlatforms(words: string[], labels: Uint8Array, known: (a: number, b: number) => number): void {
  const LOC = beginLabel('LOC');
  const place = (1 << 2) | listBit(1) | listBit(2);
  for (let i = 1; i < words.length; i++) {
    if (labels[i] !== LOC || (i + 1 < words.length && isInside(labels[i + 1])) || words[i - 1] !== 'on') continue;
    if (known(i, i + 1) & place) continue;
    labels[i] = beginLabel('ORG');
  }
}

/**
 * Names of organisations that CoNLL-2003's few examples tag otherwise: "GOP" (the US
 * Republican Party, once a MISC adjective in eng.train) is an organisation, as readers and
 * our labels of recent news take it, also before a noun ("GOP nomination"). In place.
 */
const ORG_WORDS = new Set(['GOP']);

/** Makes every word of `ORG_WORDS` that stands alone (untagged or an entity by itself) an organisation. In place. */
export function orgWords(words: string[], labels: Uint8Array): void {
  const ORG = beginLabel('ORG');
  for (let i = 0; i < words.length; i++) {
    if (!ORG_WORDS.has(words[i]) || isInside(labels[i]) || (i + 1 < words.length && isInside(labels[i + 1]))) continue;
    labels[i] = ORG;
  }
}

/**
 * Ordinary words of a headline are no names: "Why Winning Iowa Could Break The Election Wide
 * Open" is not an organisation, "Marine Le Pen Backs Trump" is two names. `codes` per word
 * (from `featurize`): `HEADLINE_LOWERED` for the words truecasing read in lower case (usual in
 * lower case in the article or the training text, never capitalised in the article's own
 * sentences), `IN_HEADLINE`, `CAPITALISED_ELSEWHERE`. Lowered words leave the names they were
 * tagged in, and what is left on either side is a name of its own, of the type the rest of
 * the article gives those words, else of the name's type. Then a name of a headline that
 * the article never writes capitalised in its sentences, never names elsewhere, and the
 * gazetteer does not know ("Unleashes", "Backfire") is dropped. A name the gazetteer knows
 * whole ("New York" in a line of capitals) is kept. `known(a, b)`: the gazetteer mask of
 * words [a, b). In place.
 */
export function headlineWords(
  words: string[],
  labels: Uint8Array,
  codes: Uint8Array,
  known: (a: number, b: number) => number,
): void {
  let any = false;
  for (let i = 0; i < codes.length && !any; i++) if (codes[i] & IN_HEADLINE && labels[i] !== 0) any = true;
  if (!any) return;
  const spans = labelSpans(labels);
  const inHeadline = spans.filter((s) => codes[s.start] & IN_HEADLINE);
  // The type the rest of the article gives a name, where it gives one type.
  const key = (a: number, b: number) => words.slice(a, b).join(' ').toLowerCase();
  const elsewhere = new Map<string, EntityType | null>();
  for (const s of spans) {
    if (codes[s.start] & IN_HEADLINE) continue;
    const k = key(s.start, s.end);
    const t = elsewhere.get(k);
    elsewhere.set(k, t === undefined || t === s.type ? s.type : null);
  }
  for (const s of inHeadline) {
    if (known(s.start, s.end)) continue;
    let k = s.start;
    while (k < s.end) {
      if (codes[k] & HEADLINE_LOWERED) {
        labels[k++] = 0;
        continue;
      }
      let j = k + 1;
      while (j < s.end && !(codes[j] & HEADLINE_LOWERED)) j++;
      const there = elsewhere.get(key(k, j));
      // Only in Title Case: a line in capitals ("SOCCER - JAPAN BEAT CHINA") says too little.
      let seen = there !== undefined || known(k, j) !== 0 || capClass(words[k]) !== 1;
      for (let m = k; m < j && !seen; m++) if (codes[m] & CAPITALISED_ELSEWHERE) seen = true;
      const b = seen ? beginLabel(there ?? s.type) : 0;
      labels[k] = b;
      for (let m = k + 1; m < j; m++) labels[m] = b && b + 1;
      k = j;
    }
  }
}

/** Interjections that open quoted speech ("Oh well, …", "Wow, …"): never a name by themselves. */
const INTERJECTIONS = new Set('oh ah aw wow hey well yes yeah okay uh um hmm'.split(' '));

/** Clears one-word names that are interjections, in place. */
export function dropInterjections(words: string[], labels: Uint8Array): void {
  for (let i = 0; i < words.length; i++) {
    if (labels[i] === 0 || isInside(labels[i]) || (i + 1 < words.length && isInside(labels[i + 1]))) continue;
    if (INTERJECTIONS.has(words[i].toLowerCase())) labels[i] = 0;
  }
}

/**
 * A person is introduced: news names a person in full ("Jack Dorsey"), or with a title
 * ("Mr. Dorsey"), before or after using the surname alone. A one-word "person" that the
 * article never names so, that no list or training name knows as a person's or a given name,
 * and that stands in an ordinary sentence, is a company, a website or a group the 1996
 * training text never saw ("Twitter said", "Google added"): an organisation. Lines of
 * capitals and tables (sports line-ups name players by surname alone) are left alone.
 * `known(a, b)`: the gazetteer mask of words [a, b). In place.
 */
export function unintroducedPersons(
  words: string[],
  sentences: [number, number][],
  labels: Uint8Array,
  known: (a: number, b: number) => number,
): void {
  const spans = labelSpans(labels);
  const introduced = new Set<string>();
  for (const s of spans) {
    if (s.type === 'PER' && s.end - s.start > 1)
      for (let k = s.start; k < s.end; k++) introduced.add(words[k].toLowerCase());
    if (s.type === 'PER' && s.start > 0 && titleKind(words[s.start - 1]) > 0)
      introduced.add(words[s.start].toLowerCase());
  }
  // Whether each token stands in an ordinary sentence: at least half its words in lower case.
  const prose = new Uint8Array(words.length);
  for (const [a, b] of sentences) {
    let letters = 0;
    let lower = 0;
    for (let i = a; i < b; i++) {
      const c = capClass(words[i]);
      if (c > 3) continue;
      letters++;
      if (c === 0) lower++;
    }
    if (letters >= 4 && lower * 2 >= letters) prose.fill(1, a, b);
  }
  const suspects = new Map<string, boolean>();
  for (const s of spans) {
    if (s.type !== 'PER' || s.end - s.start !== 1) continue;
    const w = words[s.start];
    const l = w.toLowerCase();
    if (introduced.has(l) || capClass(w) !== 1 || w.length < 3) continue;
    if (known(s.start, s.end) & (1 | listBit(0))) continue;
    suspects.set(l, (suspects.get(l) ?? false) || prose[s.start] === 1);
  }
  const ORG = beginLabel('ORG');
  for (const s of spans)
    if (s.type === 'PER' && s.end - s.start === 1 && suspects.get(words[s.start].toLowerCase())) labels[s.start] = ORG;
}

/**
 * One name, one type, when the article is split between a place and an organisation: a
 * name the article tags both ways, that neither the training names nor the lists of
 * countries and cities know as a place, is an organisation everywhere ("Facebook" read as a
 * place after "at" and "of" and as a company elsewhere). A listed place stays split (a city
 * is also its team in sports results). `known(a, b)`: the gazetteer mask of words [a, b). In place.
 */
export function unlistedPlaces(words: string[], labels: Uint8Array, known: (a: number, b: number) => number): void {
  const spans = labelSpans(labels);
  const place = (1 << 2) | listBit(1) | listBit(2);
  // Places no list knows, by their first word; only names starting with one of those are compared.
  const firsts = new Set<string>();
  for (const s of spans)
    if (s.type === 'LOC' && !(known(s.start, s.end) & place)) firsts.add(words[s.start].toLowerCase());
  if (!firsts.size) return;
  const key = (s: { start: number; end: number }) => words.slice(s.start, s.end).join(' ').toLowerCase();
  const types = new Map<string, number>();
  const keys = spans.map((s) => (firsts.has(words[s.start].toLowerCase()) ? key(s) : ''));
  spans.forEach((s, k) => {
    if (keys[k]) types.set(keys[k], (types.get(keys[k]) ?? 0) | (1 << TYPE_BITS[s.type]));
  });
  const ORG = beginLabel('ORG');
  for (const [k, s] of spans.entries()) {
    if (s.type !== 'LOC' || !keys[k] || types.get(keys[k]) !== 6 || known(s.start, s.end) & place) continue;
    labels[s.start] = ORG;
    for (let k = s.start + 1; k < s.end; k++) labels[k] = ORG + 1;
  }
}

const TYPE_BITS: Record<EntityType, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

/**
 * A one-word name the article tags both as a person and as a place, that the lists know as a
 * country or city, and that the article never gives a person's full name ("Orlando" the city,
 * also a given name) is a place everywhere in it. `known(a, b)`: the gazetteer mask. In place.
 */
export function listedPlaces(words: string[], labels: Uint8Array, known: (a: number, b: number) => number): void {
  const spans = labelSpans(labels);
  const single = spans.filter((s) => s.end - s.start === 1 && (s.type === 'PER' || s.type === 'LOC'));
  if (single.length < 2) return;
  const inNames = new Set<string>();
  for (const s of spans)
    if (s.end - s.start > 1) for (let k = s.start; k < s.end; k++) inNames.add(words[k].toLowerCase());
  const types = new Map<string, number>();
  for (const s of single) {
    const l = words[s.start].toLowerCase();
    types.set(l, (types.get(l) ?? 0) | (s.type === 'PER' ? 1 : 4));
  }
  const LOC = beginLabel('LOC');
  for (const s of single) {
    const l = words[s.start].toLowerCase();
    if (s.type !== 'PER' || types.get(l) !== 5 || inNames.has(l)) continue;
    if (known(s.start, s.end) & (listBit(1) | listBit(2))) labels[s.start] = LOC;
  }
}
