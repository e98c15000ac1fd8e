/**
 * Chooses the element(s) holding the article body by Readability's scoring,
 * read-only: paragraphs credit their ancestors by length and commas, scores
 * are discounted by link density, and strong siblings of the winner join it.
 */
import { classWeight, normText } from './dom';
import { statsOf, type Measured } from './stats';

/** Which of Readability's heuristics a pass applies (later passes relax them). */
export type Flags = { stripUnlikely: boolean; weightClasses: boolean; cleanConditionally: boolean };

/** The body elements in document order, the winning candidate and the scores. */
export type BodyChoice = { roots: Element[]; top: Element; scores: Map<Element, number> };

const TAG_SCORE: Record<string, number> = {
  div: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

/** A candidate's score before its paragraphs count: tag, class/id words, and the page's own `articleBody` mark. */
function initialScore(el: Element, flags: Flags): number {
  let s = TAG_SCORE[el.localName] ?? 0;
  if (!flags.weightClasses) return s;
  s += classWeight(el);
  if (/\barticleBody\b/.test(el.getAttribute('itemprop') ?? '')) s += 25;
  return s;
}

/** Link characters over all characters of an element's measured text. */
export function linkDensity(m: Measured, el: Element): number {
  const s = statsOf(m, el);
  return s.chars ? s.linkChars / s.chars : 0;
}

/** Scores candidates and picks the body; null when no paragraph scored. */
export function chooseBody(body: Element, m: Measured, flags: Flags): BodyChoice | null {
  const scores = new Map<Element, number>();
  for (const p of m.paragraphs) {
    const content = 1 + (p.commas + 1) + Math.min(Math.floor(p.chars / 100), 3);
    let level = 0;
    for (let a: Element | null = p.parent; a && a.parentElement && level < 5; a = a.parentElement, level++) {
      if (m.skipped.has(a)) break;
      let s = scores.get(a);
      if (s === undefined) s = initialScore(a, flags);
      scores.set(a, s + content / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  const ranked: [Element, number][] = [];
  for (const [el, s] of scores) ranked.push([el, s * (1 - linkDensity(m, el))]);
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => b[1] - a[1]);
  const final = new Map(ranked);
  let [top, topScore] = ranked[0];
  if (top === body || top.localName === 'html') return { roots: [body], top: body, scores: final };
  top = preferSharedAncestor(top, topScore, ranked.slice(1, 5), body);
  top = climbWhileBetter(top, final, body);
  // A wrapper around the winner alone holds the same content: it keeps the winner's score if
  // that is higher (the siblings it is compared with are wrapped alike).
  const climbedFrom = final.get(top) ?? topScore;
  while (top.parentElement && top.parentElement !== body && countedChildren(top.parentElement, m) === 1)
    top = top.parentElement;
  topScore = Math.max(final.get(top) ?? topScore, climbedFrom);
  const roots = siblingsToKeep(top, topScore, final, m);
  return { roots: roots.length === 1 ? (repeatedSections(top, body, m) ?? roots) : roots, top, scores: final };
}

/**
 * Page builders cut one article into a run of sections of one class ("section text-block"),
 * each holding a few paragraphs, so no one section is the article. When the winner sits a
 * few levels inside such a section and sibling sections of the same class hold prose of
 * their own, the run of sections from the first to the last with prose is the body.
 */
export function repeatedSections(top: Element, body: Element, m: Measured): Element[] | null {
  let a = top;
  for (let up = 0; up < 4 && a.parentElement && a.parentElement !== body; up++) {
    a = a.parentElement;
    const cls = a.getAttribute('class');
    if (!cls || m.skipped.has(a)) continue;
    const same: Element[] = [];
    for (let sib = a.parentElement!.firstElementChild; sib; sib = sib.nextElementSibling)
      if (sib.getAttribute('class') === cls && !m.skipped.has(sib)) same.push(sib);
    const prose = (el: Element) => statsOf(m, el).chars >= 200 && linkDensity(m, el) < 0.3;
    const at = same.indexOf(a);
    if (same.length < 2 || !same.some((el) => el !== a && prose(el))) continue;
    let first = at,
      last = at;
    for (let k = 0; k < same.length; k++)
      if (prose(same[k])) {
        first = Math.min(first, k);
        last = Math.max(last, k);
      }
    return same.slice(first, last + 1);
  }
  return null;
}

/** Element children that Readability would still see (not skipped, not scripts or styles). */
function countedChildren(el: Element, m: Measured): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!m.skipped.has(c)) n++;
  return n;
}

/** When three strong runners-up share an ancestor with the winner, the ancestor holds the article. */
function preferSharedAncestor(top: Element, topScore: number, others: [Element, number][], body: Element): Element {
  const lists = others.filter(([, s]) => s / topScore >= 0.75).map(([el]) => ancestorsOf(el));
  if (lists.length < 3) return top;
  for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
    if (lists.filter((l) => l.has(p!)).length >= 3) return p;
  }
  return top;
}

function ancestorsOf(el: Element): Set<Element> {
  const set = new Set<Element>();
  for (let p = el.parentElement; p; p = p.parentElement) set.add(p);
  return set;
}

/** Moves up while a parent scores higher than the child (the article is split among children). */
function climbWhileBetter(top: Element, scores: Map<Element, number>, body: Element): Element {
  let last = scores.get(top) ?? 0;
  const threshold = last / 3;
  for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
    const s = scores.get(p);
    if (s === undefined) continue;
    if (s < threshold) break;
    // Unlike Readability, an ancestor merely edging past its child (by under 5%) is noise.
    if (s > last * 1.05) return p;
    last = s;
  }
  return top;
}

/** The winner plus the siblings that look like more of the same article. */
function siblingsToKeep(top: Element, topScore: number, scores: Map<Element, number>, m: Measured): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClasses = classSet(top);
  const roots: Element[] = [];
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    if (m.skipped.has(sib)) continue;
    const bonus = sib.localName === top.localName && alike(topClasses, classSet(sib)) ? topScore * 0.2 : 0;
    const s = scores.get(sib);
    if (s !== undefined && s + bonus >= threshold) roots.push(sib);
    else if (sib.localName === 'p') {
      const text = normText(sib);
      const ld = linkDensity(m, sib);
      if (
        (text.length > 80 && ld < 0.25) ||
        (text.length > 0 && text.length < 80 && ld === 0 && /\.( |$)/.test(text))
      ) {
        roots.push(sib);
      }
    }
  }
  return roots;
}

function classSet(el: Element): Set<string> {
  return new Set((el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
}

/**
 * Whether two class lists are of one kind: half their names or more in common (Readability asks
 * for the same class attribute; a page builder adds a name or two to some of a run of sections).
 */
function alike(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const c of a) if (b.has(c)) common++;
  return common * 2 >= a.size + b.size - common;
}
