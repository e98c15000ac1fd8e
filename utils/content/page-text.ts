import { TextMapBuilder, type TextMap } from '../dom/text-map';

/** Elements whose text is never part of what the reader sees. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'TEXTAREA', 'SELECT']);
/** Elements that start a new block of text. */
const BLOCK =
  /^(P|DIV|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|MAIN|NAV|LI|UL|OL|DL|DT|DD|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|TD|TH|FIGURE|FIGCAPTION|FORM|HR|ADDRESS|DETAILS|SUMMARY)$/;

/**
 * The text of the whole page, in document order, with its DOM map. Saved
 * annotations are anchored in it, so they work on any page, article or not.
 * `ignore` is Gloss's own UI host, whose text is not the page's.
 */
export function pageTextMap(doc: Document = document, ignore?: Element | null): TextMap {
  const builder = new TextMapBuilder();
  const root = doc.body;
  if (!root) return builder.build();
  // An explicit stack rather than recursion: some pages nest thousands deep.
  const stack: (Node | 'end-block')[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === 'end-block') {
      builder.separate('\n');
      continue;
    }
    if (item.nodeType === 3) {
      builder.appendNode(item as Text, item.parentElement?.closest('pre') != null);
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el === ignore || el.hasAttribute('hidden')) continue;
    if (tag === 'BR') {
      builder.appendSeparator('\n');
      continue;
    }
    if (BLOCK.test(tag)) {
      builder.separate('\n');
      stack.push('end-block');
    }
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return builder.build();
}

/**
 * Whether elements nest more than `max` deep under `root`. Gloss's extraction
 * walks the tree recursively; past a few thousand levels that overflows a
 * content script's stack, at a depth that varies with the browser and its JIT,
 * so such pages are refused up front, the same way every time.
 */
export function nestedDeeperThan(root: Element, max: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}
