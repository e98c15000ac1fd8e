/**
 * Speakers and entities as one identity across articles, conservatively and
 * with a reason for every merge the reader can read:
 *   - two spellings of one full name (titles, possessives, capitals and
 *     diacritics aside) are one identity, of one type only (a person is never
 *     an organisation);
 *   - a family name alone ("Wang", "Mr. Smith") is the person of the article
 *     that names them in full, when exactly one person there has that family
 *     name; otherwise it stays that article's own and is never merged across
 *     articles (two Wangs in two articles may be two people);
 *   - initials ("J. Smith") join a full name ("John Smith") only when exactly
 *     one candidate fits.
 */
import type { EntityType } from '../analysis/types';
import { initialsAgree, isFamilyOf, isFamilyOnly, nameKey, parseName, type ParsedName } from './names';

export { familyKeys, nameKey, parseName, type ParsedName } from './names';

/** Why a name was joined to an identity, or kept apart: a code for programs and a sentence for the reader. */
export type MergeReason = {
  code: 'same-name' | 'title' | 'possessive' | 'capitals' | 'surname' | 'initials' | 'reader' | 'alone' | 'ambiguous';
  text: string;
};

/** How one name of an article resolves within the article. */
export type ArticleName = {
  parsed: ParsedName;
  /** The fullest name of the article it stands for (itself when none fuller). */
  full: ParsedName;
  /** Why it stands for `full`, when that is another name; why it was kept apart, when `scope` is 'article'. */
  reason: MergeReason | null;
  /** 'article': a family name alone, not merged with anyone outside its article. */
  scope: 'global' | 'article';
};

/** Why spelling `a` is the full name `b` (both have the same key). */
export function explainSame(a: ParsedName, b: ParsedName): MergeReason {
  const titled = a.title || b.title;
  if (titled) return { code: 'title', text: `title stripped (${titled})` };
  if (a.possessive || b.possessive) return { code: 'possessive', text: 'possessive stripped' };
  if (a.capitals !== b.capitals) return { code: 'capitals', text: 'same name in capitals' };
  return { code: 'same-name', text: 'same full name' };
}

/** The better of two spellings to show: more words, then not in capitals, then the longer. */
export function fullerName(a: ParsedName, b: ParsedName): ParsedName {
  if (a.words.length !== b.words.length) return a.words.length > b.words.length ? a : b;
  if (a.capitals !== b.capitals) return a.capitals ? b : a;
  if (!!a.title !== !!b.title) return a.title ? b : a;
  return a.raw.length >= b.raw.length ? a : b;
}

/** The name as it is shown: without its title and possessive ("Wang Yi"). */
export function displayName(name: ParsedName): string {
  let text = name.raw;
  if (name.title) text = text.slice(text.indexOf(name.title) + name.title.length).trim();
  if (name.possessive) text = text.replace(/['’]s?$/u, '');
  return text;
}

/**
 * Resolves the names of one article (its entities and speakers) among
 * themselves. Names that are not name-like are left out of the map.
 */
export function resolveArticleNames(names: { name: string; type: EntityType }[]): Map<string, ArticleName> {
  const out = new Map<string, ArticleName>();
  const fulls = new Map<string, ParsedName>();
  const parsed: ParsedName[] = [];
  for (const { name, type } of names) {
    const p = parseName(name, type);
    if (!p) continue;
    parsed.push(p);
    const single = p.type === 'PER' && isFamilyOnly(p);
    if (single) continue;
    const key = nameKey(p);
    const known = fulls.get(key);
    fulls.set(key, known ? fullerName(known, p) : p);
  }
  // Initials within the article: "J. Smith" is the article's "John Smith" when only one fits.
  const canonical = new Map<string, ParsedName>();
  for (const [key, p] of fulls) {
    const fits = [...fulls.values()].filter((q) => q !== p && initialsAgree(p, q) && q.given[0]!.length > 1);
    if (p.given.some((g) => g.length === 1) && fits.length === 1) canonical.set(key, fits[0]!);
  }
  const people = [...fulls.entries()].filter(([key, p]) => p.type === 'PER' && !canonical.has(key)).map(([, p]) => p);
  for (const p of parsed) {
    const key = nameKey(p);
    if (p.type === 'PER' && isFamilyOnly(p)) {
      const named = people.filter((full) => isFamilyOf(p, full));
      if (named.length === 1) {
        const full = named[0]!;
        out.set(p.raw, {
          parsed: p,
          full,
          reason: { code: 'surname', text: `surname in an article naming ${displayName(full)}` },
          scope: 'global',
        });
      } else {
        const reason: MergeReason =
          named.length > 1
            ? {
                code: 'ambiguous',
                text: `kept apart: the article names ${named.map(displayName).join(' and ')}`,
              }
            : { code: 'alone', text: 'a single name the article does not give in full: kept to this article' };
        out.set(p.raw, { parsed: p, full: p, reason, scope: 'article' });
      }
      continue;
    }
    const viaInitials = canonical.get(key);
    if (viaInitials) {
      out.set(p.raw, {
        parsed: p,
        full: viaInitials,
        reason: { code: 'initials', text: `initials of ${displayName(viaInitials)}` },
        scope: 'global',
      });
      continue;
    }
    const full = fulls.get(key)!;
    out.set(p.raw, { parsed: p, full, reason: full.raw === p.raw ? null : explainSame(p, full), scope: 'global' });
  }
  return out;
}

/** An identity as the resolver needs it: its id, type, shown name and the name keys it is known by. */
export type IdentityCandidate = { id: string; type: EntityType; name: string; keys: string[] };

/**
 * The identity a full name belongs to, among `candidates` (those sharing its
 * key or a family name): the one with its key, else the only one whose
 * initials agree. Null when none, or when more than one might be meant.
 */
export function matchIdentity(
  name: ParsedName,
  candidates: IdentityCandidate[],
): { id: string; reason: MergeReason } | null {
  const key = nameKey(name);
  const same = candidates.filter((c) => c.type === name.type && c.keys.includes(key));
  if (same.length === 1) {
    const shown = parseName(same[0]!.name, name.type) ?? name;
    return { id: same[0]!.id, reason: explainSame(name, shown) };
  }
  if (same.length > 1 || name.type !== 'PER') return null;
  const fits = candidates.filter((c) => {
    if (c.type !== 'PER') return false;
    const shown = parseName(c.name, 'PER');
    return shown !== null && initialsAgree(name, shown);
  });
  if (fits.length !== 1) return null;
  return { id: fits[0]!.id, reason: { code: 'initials', text: `initials agree with ${fits[0]!.name}` } };
}
