/**
 * Parsing a person's or an organisation's name into comparable parts: titles
 * and possessives stripped, case and diacritics folded, the family name found
 * (with its particles, or first for Chinese and Korean names). Pure, no data
 * beyond the short word lists below.
 */
import type { EntityType } from '../analysis/types';
import { fold } from '../db/words';

/**
 * Words of a title before a person's name ("Foreign Minister", "Sen.", "Col.",
 * "Ms"), compared folded and without their full stop.
 */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev reverend fr father sister brother ' +
    'sen senator rep representative congressman congresswoman gov governor mayor president vice prime premier ' +
    'chancellor minister secretary general gen col colonel lt lieutenant maj major capt captain cmdr commander ' +
    'adm admiral sgt sergeant cpl corporal pvt private brig brigadier marshal chief justice judge attorney ' +
    'ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair ceo cfo director deputy acting ' +
    'former foreign defence defense interior finance health trade education justice economy energy state home ' +
    'environment labour labor transport agriculture culture affairs of the for and king queen prince princess ' +
    'emperor sheikh sheik pope cardinal bishop archbishop rabbi imam ayatollah supreme leader speaker mp mep ' +
    'assemblyman assemblywoman councillor councilman councilwoman commissioner superintendent inspector detective ' +
    'officer sheriff coach manager striker midfielder defender goalkeeper star actor actress singer author'
  ).split(' '),
);

/** Words that end a title and can never be a name's first word ("of", "the"). */
const TITLE_ONLY = new Set(['of', 'the', 'for', 'and']);

/** Name suffixes kept out of comparisons ("Jr.", "III"). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/** Particles that belong to the family name that follows ("de la Cruz", "van Gogh", "bin Salman"). */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'ben',
  'abu',
  'st',
]);

/** Prefixes joined to a family name by a hyphen ("al-Assad"): the name is also known without them. */
const JOINED_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ben)-(?=\p{L})/u;

/**
 * Common Chinese, Korean and Vietnamese family names, written first: in
 * "Wang Yi" or "Kim Jong-un" the family name is the first word.
 */
const FAMILY_FIRST = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang ' +
    'xi han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao ' +
    'lu jin qin fu fan bai mao tan jia hao kong qian duan lei long shi wan xiong zou hou meng qiu yan xue ' +
    'kim lee park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo hong moon ko ' +
    'nguyen tran pham hoang vu vo dang bui'
  ).split(' '),
);

/** A name, parsed for comparison. */
export type ParsedName = {
  /** The name as the text gave it, trimmed. */
  raw: string;
  type: EntityType;
  /** The name's words without title, possessive and suffix; folded (lower case, no diacritics). */
  words: string[];
  /** The title words stripped from its start, as written ("Foreign Minister"); '' when none. */
  title: string;
  /** Whether a possessive ending ("'s") was stripped. */
  possessive: boolean;
  /** Whether it was written in capitals ("WANG YI"). */
  capitals: boolean;
  /** The family name with its particles, folded ("de la cruz", "wang"); '' for a one-word name. */
  family: string;
  /** Other spellings of the family name it is known by ("assad" for "al-assad", "cruz" for "de la cruz"). */
  familyAlso: string[];
  /** The given names, folded, initials without their full stop ("j"). */
  given: string[];
};

/** Splits a name into words, keeping hyphens and apostrophes inside words. */
function tokens(text: string): string[] {
  return text.split(/[\s\u00a0]+/u).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** A word folded for comparison: diacritics and full stops gone, curly apostrophes straight. */
function foldWord(word: string): string {
  return fold(word)
    .replace(/[’‘`]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** A title word at the start of a name? A nationality before a title ("Chinese Foreign Minister") counts. */
function isTitleWord(word: string, next: string | undefined): boolean {
  if (TITLE_WORDS.has(word)) return true;
  return next !== undefined && /(?:ese|ian|an|ish|i)$/.test(word) && TITLE_WORDS.has(next);
}

/**
 * Parses a name. Titles are stripped only from people's names ("General
 * Motors" keeps its first word) and never leave nothing behind. Returns null
 * when nothing name-like is left.
 */
export function parseName(raw: string, type: EntityType): ParsedName | null {
  const text = raw.trim();
  let words = tokens(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  let possessive = false;
  const last = words.length - 1;
  if (last >= 0 && /['’]s?$/u.test(words[last]!) && !/^[\p{L}]['’]s?$/u.test(words[last]!)) {
    const stripped = words[last]!.replace(/['’]s?$/u, '');
    if (stripped.length > 1) {
      words[last] = stripped;
      possessive = true;
    }
  }
  let title = '';
  if (type === 'PER') {
    let n = 0;
    const folded = words.map(foldWord);
    while (n < words.length - 1 && isTitleWord(folded[n]!, folded[n + 1])) n++;
    // A title ends on a title word, never on "of" or "the" ("Secretary of State Rubio" keeps "Rubio" alone).
    while (n > 0 && TITLE_ONLY.has(folded[n - 1]!)) n--;
    if (n > 0) {
      title = words.slice(0, n).join(' ');
      words = words.slice(n);
    }
    while (words.length > 1 && SUFFIXES.has(foldWord(words[words.length - 1]!))) words = words.slice(0, -1);
  }
  const folded = words.map(foldWord).filter(Boolean);
  if (folded.length === 0) return null;
  const parsed: ParsedName = {
    raw: text,
    type,
    words: folded,
    title,
    possessive,
    capitals,
    family: '',
    familyAlso: [],
    given: [],
  };
  if (type !== 'PER' || isFamilyOnly(parsed)) return parsed;
  // The family name: the last word with the particles before it ("de la cruz").
  let start = folded.length - 1;
  while (start > 1 && PARTICLES.has(folded[start - 1]!)) start--;
  parsed.family = folded.slice(start).join(' ');
  parsed.given = folded.slice(0, start);
  const also = new Set<string>();
  const core = folded[folded.length - 1]!;
  if (start < folded.length - 1) also.add(core); // "Cruz" for "de la Cruz"
  const joined = core.replace(JOINED_PARTICLE, '');
  if (joined !== core) also.add(joined); // "Assad" for "al-Assad"
  // Family name first: "Wang Yi", "Kim Jong-un" (two or three words, the first a known family name).
  if (folded.length <= 3 && FAMILY_FIRST.has(folded[0]!)) also.add(folded[0]!);
  also.delete(parsed.family);
  parsed.familyAlso = [...also];
  return parsed;
}

/** Whether a person's name is a family name alone: one word, or particles and a word ("de la Vega"). */
export function isFamilyOnly(name: Pick<ParsedName, 'words'>): boolean {
  return name.words.slice(0, -1).every((w) => PARTICLES.has(w));
}

/** The key two spellings of one full name share: type and folded words ("PER:wang yi"). */
export function nameKey(name: ParsedName): string {
  return `${name.type}:${name.words.join(' ')}`;
}

/** Every family name `name` is known by, as keys ("PER:wang"), for lookups by surname. */
export function familyKeys(name: ParsedName): string[] {
  if (!name.family) return [];
  return [name.family, ...name.familyAlso].map((f) => `${name.type}:${f}`);
}

/** Whether `short` (one word, or particles and a word) is a family name of `full`. */
export function isFamilyOf(short: ParsedName, full: ParsedName): boolean {
  if (short.type !== full.type || !full.family || short.words.length >= full.words.length) return false;
  const s = short.words.join(' ');
  return s === full.family || full.familyAlso.includes(s);
}

/** Whether one given name is the other, or its initial ("j" and "john"). */
function givenAgree(a: string, b: string): 'same' | 'initial' | null {
  if (a === b) return 'same';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  return null;
}

/**
 * Whether two full names of people can be one person by their initials
 * ("J. Smith" and "John Smith", "John F. Kennedy" and "J. Kennedy"): same
 * family name, first given names that agree, and at least one initial. Two
 * spelled-out given names that differ never agree.
 */
export function initialsAgree(a: ParsedName, b: ParsedName): boolean {
  if (a.type !== 'PER' || b.type !== 'PER' || !a.family || a.family !== b.family) return false;
  if (a.given.length === 0 || b.given.length === 0) return false;
  let initial = false;
  for (let i = 0; i < Math.min(a.given.length, b.given.length); i++) {
    const agree = givenAgree(a.given[i]!, b.given[i]!);
    if (!agree) return false;
    if (agree === 'initial') initial = true;
  }
  return initial;
}
