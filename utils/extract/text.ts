/**
 * Builds the article text from the live body elements with `TextMapBuilder`,
 * so every character maps back to its DOM text node. Blocks are separated by
 * a blank line, `<br>` by a line break, table cells by a tab, and text that
 * meets across an element's edge without white space ("Omar" + "Hillicon")
 * by a space. Separators are virtual: characters of no DOM node.
 */
import { TextMapBuilder, type TextMap } from '../dom/text-map';
import { BLOCK_TAGS, SKIP_TAGS } from './dom';

const STRENGTH: Record<string, number> = { '': 0, '\t': 1, '\n': 2, '\n\n': 3 };
const VISIBLE = /[^\s\u00a0]/;

/** Text of `roots` in order, leaving out the `excluded` subtrees. */
export function buildText(roots: Element[], excluded: (el: Element) => boolean): TextMap {
  const b = new TextMapBuilder();
  // Separators are held back until the next visible text, so that empty
  // blocks and white space between blocks never stack up breaks.
  let pending = '';
  let started = false;
  // The last character of the text so far, and whether an element starts or ends since.
  let last = '';
  let crossed = false;
  const brk = (sep: string): void => {
    if (STRENGTH[sep] > STRENGTH[pending]) pending = sep;
  };
  const walk = (el: Element): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c as Text;
        if (!VISIBLE.test(t.data)) {
          if (!pending && started) b.appendNode(t);
          if (t.data) last = ' ';
          continue;
        }
        if (pending && started) {
          if (pending === '\n\n') b.separate();
          else b.appendSeparator(pending);
        } else if (started && crossed && wordsMeet(last, t.data)) b.appendSeparator(' ');
        pending = '';
        started = true;
        crossed = false;
        last = t.data[t.data.length - 1];
        b.appendNode(t, inPre(el));
      } else if (c.nodeType === 1) {
        const child = c as Element;
        const tag = child.localName;
        if (tag === 'br') {
          brk('\n');
          continue;
        }
        if (SKIP_TAGS.has(tag) || excluded(child)) continue;
        const sep = tag === 'td' || tag === 'th' ? '\t' : BLOCK_TAGS.has(tag) ? '\n\n' : '';
        const edge = !INSIDE_WORDS.has(tag);
        brk(sep);
        crossed ||= edge;
        walk(child);
        crossed ||= edge;
        brk(sep);
      }
    }
  };
  for (const root of roots) {
    brk('\n\n');
    walk(root);
  }
  return b.build();
}

/** Elements that may sit inside a word: H<sub>2</sub>O, 10<sup>th</sup>, a soft break. */
const INSIDE_WORDS = new Set(['sub', 'sup', 'wbr', 'ruby', 'rt', 'rp']);

/**
 * Whether the text `next` starts a new word right after `prev` (the last
 * character before an element's edge), with no white space between: two
 * pieces of a page set apart by layout, not by characters ("Omar" then
 * "Hillicon Valley", "ERIC TUCKER" then "Associated Press"). A capital after
 * a small letter, a digit or closing punctuation, or a capitalised word after
 * capitals; a drop cap ("T" + "he") and a word split by markup are left whole.
 */
export function wordsMeet(prev: string, next: string): boolean {
  if (!prev || /\s/.test(prev)) return false;
  if (/^[\p{Ll}\p{N}.!?:;,)\]»”]$/u.test(prev)) return /^\p{Lu}/u.test(next);
  if (/^\p{Lu}$/u.test(prev)) return /^\p{Lu}\p{Ll}/u.test(next);
  return false;
}

function inPre(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < 8; p = p.parentElement, i++) if (p.localName === 'pre') return true;
  return false;
}
