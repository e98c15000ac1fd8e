/**
 * Builds the article text from the live body elements with `TextMapBuilder`,
 * so every character maps back to its DOM text node. Blocks are separated by
 * a blank line, `<br>` by a line break, table cells by a tab.
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
  const brk = (sep: string): void => {
    if (STRENGTH[sep] > STRENGTH[pending]) pending = sep;
  };
  const walk = (el: Element): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c as Text;
        if (!VISIBLE.test(t.data)) {
          if (!pending && started) b.appendNode(t);
          continue;
        }
        if (pending && started) {
          if (pending === '\n\n') b.separate();
          else b.appendSeparator(pending);
        }
        pending = '';
        started = true;
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
        brk(sep);
        walk(child);
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

function inPre(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < 8; p = p.parentElement, i++) if (p.localName === 'pre') return true;
  return false;
}
