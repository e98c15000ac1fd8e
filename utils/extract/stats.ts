/**
 * One read-only pass over the page that measures every element's text the
 * way Readability's scoring sees it, without touching the DOM: character
 * count, link characters, commas, and which elements act as paragraphs.
 */
import { DIV_TO_P_BLOCKERS, SKIP_TAGS, isHidden, isUnlikely } from './dom';

/** Text measures of one element's subtree (skipped subtrees count as empty). */
export type Stats = { chars: number; linkChars: number; commas: number };

/** A run of text that scores like a paragraph, credited to `parent` and its ancestors. */
export type Paragraph = { parent: Element; chars: number; commas: number };

/** Result of `measurePage`. */
export type Measured = {
  stats: Map<Element, Stats>;
  paragraphs: Paragraph[];
  /** Subtrees left out (hidden, or furniture when `stripUnlikely`). */
  skipped: Set<Element>;
  /** Elements with a block-level descendant. */
  blocky: Set<Element>;
};

const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;
const SCORED_TAGS = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const EMPTY: Stats = { chars: 0, linkChars: 0, commas: 0 };

/** Stats of an element from a `measurePage` result (zero when skipped or unseen). */
export function statsOf(m: Measured, el: Element): Stats {
  return m.stats.get(el) ?? EMPTY;
}

/** Measures the subtree of `root`; `stripUnlikely` leaves furniture-classed subtrees out. */
export function measurePage(root: Element, stripUnlikely: boolean): Measured {
  const m: Measured = { stats: new Map(), paragraphs: [], skipped: new Set(), blocky: new Set() };
  visit(root, m, stripUnlikely, false);
  return m;
}

function visit(el: Element, m: Measured, strip: boolean, inLink: boolean): Stats {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || isHidden(el) || (strip && isUnlikely(el) && !inTableOrCode(el))) {
    m.skipped.add(el);
    return EMPTY;
  }
  const isLink = tag === 'a';
  const linkWeight = isLink && (el.getAttribute('href') ?? '').startsWith('#') ? 0.3 : 1;
  const s: Stats = { chars: 0, linkChars: 0, commas: 0 };
  // A <div> mixing blocks and loose text: Readability wraps each loose run in a <p>.
  const isDiv = tag === 'div';
  let hasBlock = false;
  let run: Stats | null = null;
  const flush = (): void => {
    if (run && run.chars >= 25) m.paragraphs.push({ parent: el, chars: run.chars, commas: run.commas });
    run = null;
  };
  for (let c = el.firstChild; c; c = c.nextSibling) {
    let cs: Stats;
    let block = false;
    if (c.nodeType === 3) {
      const text = (c as Text).data;
      const chars = text.replace(/\s+/g, ' ').length;
      const commas = text.match(COMMAS)?.length ?? 0;
      cs = { chars, linkChars: inLink || isLink ? chars : 0, commas };
    } else if (c.nodeType === 1) {
      const child = c as Element;
      cs = visit(child, m, strip, inLink || isLink);
      block = DIV_TO_P_BLOCKERS.has(child.localName) || m.blocky.has(child);
    } else continue;
    s.chars += cs.chars;
    s.linkChars += isLink ? cs.chars * linkWeight : cs.linkChars;
    s.commas += cs.commas;
    if (block) {
      hasBlock = true;
      flush();
    } else if (isDiv && cs.chars > 0) {
      if (!run) run = { chars: 0, linkChars: 0, commas: 0 };
      run.chars += cs.chars;
      run.commas += cs.commas;
    }
  }
  if (hasBlock) m.blocky.add(el);
  if (isDiv && hasBlock) flush();
  else if (s.chars >= 25 && (SCORED_TAGS.has(tag) || isDiv)) {
    // A <div> without block children scores as a paragraph of its parent.
    const parent = el.parentElement;
    if (parent) m.paragraphs.push({ parent, chars: s.chars, commas: s.commas });
  }
  m.stats.set(el, s);
  return s;
}

function inTableOrCode(el: Element): boolean {
  for (let p = el.parentElement, i = 0; p && i < 10; p = p.parentElement, i++) {
    if (p.localName === 'table' || p.localName === 'code') return true;
  }
  return false;
}
