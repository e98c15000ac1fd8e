/**
 * Descriptions resolved to people: "the minister added" → Wang Yi, when the article has
 * tied that role to a name ("Foreign Minister Wang Yi", "Wang Yi, the foreign minister,").
 */
import { stripTitles } from './names';

/** A role tied to a name at a position in the text. */
type Role = { pos: number; role: string; name: string };

/** Abbreviated titles and the role nouns a description uses for them. */
const EXPAND: Record<string, string> = {
  sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', pres: 'president',
  sec: 'secretary', amb: 'ambassador', atty: 'attorney', lt: 'lieutenant', col: 'colonel',
};
/** Words for the same role ("the congressman" for "Rep. …"). */
const SAME: Record<string, string[]> = {
  representative: ['congressman', 'congresswoman', 'lawmaker'],
  senator: ['lawmaker'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
};

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]+){1,2}`;
/** "Foreign Minister Wang Yi", "campaign manager Jeff Weaver", "Sen. Ted Cruz". */
const TITLED = new RegExp(String.raw`\b([\p{L}.]+)\s(${NAME})`, 'gu');
/** "Wang Yi, the foreign minister," / "Trump, the Republican nominee,". */
const APPOSED = new RegExp(String.raw`(${NAME}),\s(?:the|a|an|his|her)\s(?:[\p{L}-]+\s){0,4}?([\p{Ll}]+)[,.]`, 'gu');

function roleWords(word: string): string[] {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = EXPAND[w] ?? w;
  return [full, ...(SAME[full] ?? [])];
}

/** Every role the article ties to a name, in text order. */
export function articleRoles(text: string): Role[] {
  const out: Role[] = [];
  for (const m of text.matchAll(TITLED)) {
    const name = stripTitles(m[2]);
    if (!name.includes(' ')) continue;
    for (const role of roleWords(m[1])) out.push({ pos: m.index ?? 0, role, name });
  }
  for (const m of text.matchAll(APPOSED)) {
    const name = stripTitles(m[1]);
    if (!name.includes(' ')) continue;
    for (const role of roleWords(m[2])) out.push({ pos: m.index ?? 0, role, name });
  }
  return out.sort((a, b) => a.pos - b.pos);
}

/**
 * The person a definite description means: the latest name before `pos` that the article
 * gave the same role ("the minister" → "Wang Yi"); null when the article never said.
 */
export function resolveDescription(desc: string, pos: number, roles: Role[]): string | null {
  const m = /^the\s(?:[\p{L}-]+\s){0,3}?([\p{Ll}]+)$/iu.exec(desc.trim());
  if (!m) return null;
  const head = m[1].toLowerCase();
  let found: string | null = null;
  for (const r of roles) {
    if (r.pos >= pos) break;
    if (r.role === head) found = r.name;
  }
  return found;
}
