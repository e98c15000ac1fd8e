/**
 * Tags as Obsidian and Logseq read them. Obsidian allows letters, digits,
 * `_`, `-` and `/` (nesting) in a tag, needs one character that is not a
 * digit, and ends a tag at anything else, so `#c++` would be read as `#c`.
 * Gloss spells out the symbols readers use in tag names and joins the words
 * with `-`: `c++` → `c-plus-plus`, `C#` → `C-sharp`, `AT&T` → `AT-and-T`,
 * `UN talks` → `UN-talks`, `node.js` → `node-js`; a tag of digits only gets a
 * leading `_` (`2025` → `_2025`). The same form is used for `#tags` in
 * Markdown and in the `tags:` of a vault file's front matter.
 */

const NAMED: Record<string, string> = { '+': 'plus', '#': 'sharp', '&': 'and', '@': 'at', '%': 'percent' };

/** A tag in the characters Obsidian allows, or '' when nothing of it is left. */
export function vaultTag(tag: string): string {
  const words = tag
    .replace(/[+#&@%]/g, (c) => ` ${NAMED[c]} `)
    .split(/[^\p{L}\p{N}\p{M}_/]+/u)
    .filter(Boolean);
  const out = words
    .join('-')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  if (!out) return '';
  return /^[\p{N}/_-]+$/u.test(out) ? `_${out}` : out;
}

/** A tag as a Markdown `#hashtag`, or '' when nothing of it is left. */
export function hashtag(tag: string): string {
  const clean = vaultTag(tag);
  return clean ? `#${clean}` : '';
}
