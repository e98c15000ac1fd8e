/**
 * Descriptions resolved to people: "the minister added" → Wang Yi, when the article has
 * tied that role to a name ("Foreign Minister Wang Yi", "Wang Yi, the foreign minister,").
 */
import { NOT_NAMES, TITLES } from './lexicon';
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

/** Where the article ties a role to a name: the name, where the tie is, and the words around it. */
type Tie = { at: number; end: number; name: string; around: string };

/** Where the article ties each role to a name, found once per role and article. */
export type RoleIndex = Map<string, Tie[]>;

/** Words before a title that make it another role: "Vice President", "Lt. Gov.". */
const OTHER_ROLE = /\b(?:vice|deputy|assistant|lieutenant|lt\.|associate|under)[\s-]*$/i;

function tiesFor(text: string, head: string): Tie[] {
  // Either case for the first letter only: an "i" flag would let \p{Lu} match lowercase too.
  const forms = [head, ...(FORMS[head] ?? [])]
    .map((f) => `[${f[0].toUpperCase()}${f[0]}]${escape(f.slice(1))}`)
    .join('|');
  const out: Tie[] = [];
  const tie = (at: number, end: number, name: string) =>
    out.push({ at, end, name: stripTitles(name), around: text.slice(Math.max(0, at - 30), end + 20) });
  // A title before the name, on the same line: "Foreign Minister Wang Yi", "Sen. Ted Cruz".
  const titled = new RegExp(
    String.raw`\b(?:${forms})\.?[ \u00a0]((?:\p{Lu}[\p{L}'’.-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+)`,
    'gu',
  );
  for (const t of text.matchAll(titled)) {
    const at = t.index ?? 0;
    // "Vice President Joe Biden" is no president.
    if (OTHER_ROLE.test(text.slice(Math.max(0, at - 14), at))) continue;
    tie(at, at + t[0].length, t[1]);
  }
  // An appositive: "Wang Yi, the foreign minister," / "Cruz, a Texas senator,".
  const apposed = new RegExp(String.raw`(${NAME}),\s(?:the|a|an)\s(?:[\p{L}.-]+\s){0,4}?(?:${forms})\b`, 'gu');
  for (const a of text.matchAll(apposed)) tie(a.index ?? 0, (a.index ?? 0) + a[0].length, a[1]);
  return out
    .filter((t) => t.name.includes(' ') && !NOT_NAMES.has(t.name.split(' ')[0].toLowerCase()))
    .sort((a, b) => a.end - b.end);
}

/** Whether two names are one person: the words of one are all in the other ("Biden", "Joe Biden"). */
function samePerson(a: string, b: string): boolean {
  const x = a.split(' '),
    y = b.split(' ');
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/**
 * The person a definite description means: the one person the article tied to the same role
 * before it ("the minister" → "Wang Yi"), and who fits its other words ("the Florida senator",
 * "the former president"); null when the article never tied them, or tied several people.
 */
export function resolveDescription(text: string, desc: string, pos: number, index: RoleIndex): string | null {
  const m = /^the\s((?:[\p{L}-]+\s){0,3}?)(\p{Ll}+)$/iu.exec(desc.trim());
  if (!m) return null;
  const head = m[2].toLowerCase();
  // Only roles people are named by ("the senator"), not any noun ("the woman", "the board").
  if (!TITLES.has(head) && !FORMS[head]) return null;
  let ties = index.get(head);
  if (!ties) index.set(head, (ties = tiesFor(text, head)));
  const words = m[1].split(/\s+/).filter(Boolean);
  // "the Florida senator": a tie that says Florida; "the former president": one that says former.
  const marks = words.filter((w) => /^\p{Lu}/u.test(w) || /^(?:former|vice|deputy|assistant)$/i.test(w));
  const fits = (t: Tie) =>
    marks.every((w) => new RegExp(`(?:^|[^\\p{L}])${escape(w)}(?![\\p{L}])`, 'iu').test(t.around));
  const people: string[] = [];
  for (const t of ties) {
    // The tie must come before the description, and not be the description itself.
    if (t.end > pos) break;
    if (!fits(t)) continue;
    const same = people.findIndex((p) => samePerson(p, t.name));
    if (same < 0) people.push(t.name);
    else if (t.name.length > people[same].length) people[same] = t.name;
  }
  return people.length === 1 ? people[0] : null;
}
