/**
 * Descriptions resolved to people: "the minister added" → Wang Yi, when the article has
 * tied that role to a name ("Foreign Minister Wang Yi", "Wang Yi, the foreign minister,").
 */
import { TITLES } from './lexicon';
import { stripTitles } from './names';

/** Other ways the article may write a role ("Sen." for "the senator"). */
const FORMS: Record<string, string[]> = {
  senator: ['sen'],
  representative: ['rep'],
  congressman: ['rep', 'representative'],
  congresswoman: ['rep', 'representative'],
  governor: ['gov'],
  general: ['gen'],
  president: ['pres'],
  secretary: ['sec'],
};

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]+){1,2}`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the article ties each role to a name, found once per role and article. */
export type RoleIndex = Map<string, { at: number; name: string }[]>;

function tiesFor(text: string, head: string): { at: number; name: string }[] {
  // Either case for the first letter only: an "i" flag would let \p{Lu} match lowercase too.
  const forms = [head, ...(FORMS[head] ?? [])]
    .map((f) => `[${f[0].toUpperCase()}${f[0]}]${escape(f.slice(1))}`)
    .join('|');
  const out: { at: number; name: string }[] = [];
  // A title before the name: "Foreign Minister Wang Yi", "Sen. Ted Cruz".
  const titled = new RegExp(String.raw`\b(?:${forms})\.?\s((?:\p{Lu}[\p{L}'’.-]*\s){0,3}\p{Lu}[\p{L}'’-]+)`, 'gu');
  for (const t of text.matchAll(titled)) out.push({ at: t.index ?? 0, name: stripTitles(t[1]) });
  // An appositive: "Wang Yi, the foreign minister," / "Cruz, a Texas senator,".
  const apposed = new RegExp(String.raw`(${NAME}),\s(?:the|a|an)\s(?:[\p{L}.-]+\s){0,4}?(?:${forms})\b`, 'gu');
  for (const a of text.matchAll(apposed)) out.push({ at: a.index ?? 0, name: stripTitles(a[1]) });
  return out.filter((t) => t.name.includes(' ')).sort((a, b) => a.at - b.at);
}

/**
 * The person a definite description means: the latest name before `pos` that the article
 * gave the same role ("the minister" → "Wang Yi"); null when the article never tied them.
 */
export function resolveDescription(text: string, desc: string, pos: number, index: RoleIndex): string | null {
  const m = /^the\s(?:[\p{L}-]+\s){0,3}?(\p{Ll}+)$/iu.exec(desc.trim());
  if (!m) return null;
  const head = m[1].toLowerCase();
  // Only roles people are named by ("the senator"), not any noun ("the woman", "the board").
  if (!TITLES.has(head) && !FORMS[head]) return null;
  let ties = index.get(head);
  if (!ties) index.set(head, (ties = tiesFor(text, head)));
  let best: string | null = null;
  for (const t of ties) {
    if (t.at >= pos) break;
    best = t.name;
  }
  return best;
}
