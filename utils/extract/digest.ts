/**
 * A news digest: one page holding several stories, each under its own
 * headline with its own signed and dated byline ("By Jane Doe", then the
 * day) and its own paragraphs. An edition or a newsletter page has no
 * structured data or dateline of its own; the bylines say who wrote each
 * story and when.
 */
import { hasDate } from './dates';
import { isHidden, visibleText } from './dom';

const MAX_HEADINGS = 80;
const MAX_SIBLINGS = 60;
// "By Jane Doe", "by JANE DOE", "Par Jeanne Dupont", "Von Hans Meier", "Por Juan Pérez": a name follows.
const BY_NAME = /^(?:[Bb]y|BY|[Pp]ar|[Pp]or|[Vv]on)\s+\p{Lu}/u;
const HEADING = /^h[1-6]$/;

/**
 * How many sections of the page open with a headline (`<h2>` or `<h3>`),
 * then within two elements a short line that names the writer ("By …") and
 * gives a date, then at least two paragraphs of prose of their own (≥ 140
 * characters) before the next headline of that level. Distinct headlines
 * only; bounded to the first 80 headlines.
 */
export function bylinedSections(doc: Document): number {
  const headlines = new Set<string>();
  let n = 0;
  for (const h of Array.from(doc.querySelectorAll('h2, h3')).slice(0, MAX_HEADINGS)) {
    const title = visibleText(h, 200).trim();
    if (title.length < 8 || headlines.has(title) || isHidden(h)) continue;
    const byline = bylineAfter(h);
    if (!byline || paragraphsAfter(byline, h.localName) < 2) continue;
    headlines.add(title);
    n++;
  }
  return n;
}

/** The short "By Name … date" line among the two elements after a headline (or after its wrapper). */
function bylineAfter(h: Element): Element | null {
  const start = h.nextElementSibling ?? h.parentElement?.nextElementSibling ?? null;
  for (let el = start, i = 0; el && i < 2; el = el.nextElementSibling, i++) {
    if (HEADING.test(el.localName)) return null;
    const text = visibleText(el, 160).trim();
    if (text.length <= 150 && BY_NAME.test(text) && hasDate(text)) return el;
  }
  return null;
}

/** Long paragraphs after the byline, up to the next headline of the section's level (counting to two). */
function paragraphsAfter(byline: Element, level: string): number {
  let n = 0;
  for (let el = byline.nextElementSibling, i = 0; el && i < MAX_SIBLINGS && n < 2; el = el.nextElementSibling, i++) {
    if (el.localName === level || el.querySelector(level)) break;
    const ps = el.localName === 'p' ? [el] : Array.from(el.querySelectorAll('p'));
    for (const p of ps) if (visibleText(p, 140).length >= 140) n++;
  }
  return n;
}
