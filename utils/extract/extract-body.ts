/**
 * Body extraction: Readability's passes over the live page, read-only. Each
 * pass measures the page, chooses the body element(s), leaves furniture out
 * and builds the text; a later pass relaxes one heuristic when the text came
 * out too short.
 */
import { TextMapBuilder, type TextMap } from '../dom/text-map';
import { measurePage } from './stats';
import { chooseBody, type Flags } from './body';
import { danglingHeadings, furnitureIn } from './clean';
import { buildText } from './text';

/** The body element(s) of an article and their text. */
export type Body = { roots: Element[]; map: TextMap };

/** Readability's passes: each relaxes one heuristic when the text came out too short. */
const PASSES: Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
const MIN_CHARS = 500;

/**
 * The body element(s) and their text, trying Readability's passes in turn.
 * `article` false (a page analysed on request that is not an article, such
 * as a front page) keeps its boxes of links: there they are the content.
 */
export function extractBody(doc: Document, title: string, article = true): Body {
  const body = pageBody(doc);
  let best: Body = { roots: [], map: new TextMapBuilder().build() };
  if (!body) return best;
  for (const flags of PASSES) {
    const m = measurePage(body, flags.stripUnlikely);
    const choice = chooseBody(body, m, flags);
    if (!choice) continue;
    const out = furnitureIn(choice.roots, m, flags, title, article);
    danglingHeadings(choice.roots, out, m.skipped);
    const map = buildText(choice.roots, (el) => out.has(el) || m.skipped.has(el));
    if (map.text.length >= MIN_CHARS) return { roots: choice.roots, map };
    if (map.text.length > best.map.text.length) best = { roots: choice.roots, map };
  }
  return best;
}

/**
 * The element to search: `<body>`, unless a lenient parser (linkedom) split
 * malformed markup into several bodies, where the whole document is searched.
 */
function pageBody(doc: Document): Element | null {
  // Not `doc.body`: linkedom's getter inserts a missing <head>, a change to the page.
  const bodies = doc.querySelectorAll('body');
  const body = bodies[0];
  if (body && body.firstElementChild && bodies.length === 1) return body;
  return doc.documentElement;
}
