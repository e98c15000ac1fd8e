/**
 * Stress transforms for the extraction evaluation: what pages of sites never seen do to the
 * extractor, simulated on the corpus's own pages. Each transform takes away one kind of help
 * the corpus pages give and unseen pages may not:
 * - `meta`: JSON-LD, Open Graph / article / Twitter meta tags, the canonical link and
 *   microdata (itemscope, itemtype, itemprop) removed;
 * - `article`: `<article>` and `<main>` become `<div>`s, and roles main/article go;
 * - `classes`: every class name and id renamed to a meaningless token (the same name, the same
 *   token: repeated sibling patterns stay, the words in them go);
 * - `words`: every letter of the page's text (and of its title, the meta tags of titles,
 *   descriptions and names, alt, title and aria-label) replaced by a fixed substitution (Latin, Cyrillic, Greek, kana, Hangul and Han
 *   letters each within their own alphabet): boilerplate words such as "Advertisement",
 *   "Related" or "Lesen Sie auch" become words of no language, while word lengths, capitals,
 *   punctuation and digits stay. The extracted text is deciphered before scoring;
 * - `div`: every `<p>` becomes a `<div>` with the same attributes;
 * - `br`: every `<p>` is replaced by its content followed by two `<br>`s.
 * The transforms change the parsed copy of a saved page, never a live one.
 */

/** One transform. */
export type Stress = 'meta' | 'article' | 'classes' | 'words' | 'div' | 'br';

/** The scenarios `npm run eval:stress` runs, by name: the transforms each applies. */
export const SCENARIOS: Record<string, Stress[]> = {
  plain: [],
  meta: ['meta'],
  article: ['article'],
  'meta+article': ['meta', 'article'],
  classes: ['classes'],
  words: ['words'],
  div: ['div'],
  br: ['br'],
  all: ['meta', 'article', 'classes', 'words', 'div'],
};

/** Whether a name is a known stress transform. */
export function isStress(s: string): s is Stress {
  return ['meta', 'article', 'classes', 'words', 'div', 'br'].includes(s);
}

/** Applies the transforms, in a fixed order, to a parsed document. */
export function stressDocument(doc: Document, kinds: readonly Stress[]): void {
  if (kinds.includes('meta')) removeMetadata(doc);
  if (kinds.includes('article')) {
    for (const el of [...doc.querySelectorAll('article, main')]) rename(doc, el, 'div');
    for (const el of [...doc.querySelectorAll('[role="main"], [role="article"]')]) el.removeAttribute('role');
  }
  if (kinds.includes('classes')) renameClasses(doc);
  if (kinds.includes('words')) cipherDocument(doc);
  if (kinds.includes('div')) for (const p of [...doc.querySelectorAll('p')]) rename(doc, p, 'div');
  if (kinds.includes('br'))
    for (const p of [...doc.querySelectorAll('p')]) {
      const parent = p.parentNode;
      if (!parent) continue;
      while (p.firstChild) parent.insertBefore(p.firstChild, p);
      parent.insertBefore(doc.createElement('br'), p);
      parent.insertBefore(doc.createElement('br'), p);
      p.remove();
    }
}

function removeMetadata(doc: Document): void {
  const sel = [
    'script[type*="ld+json"]',
    'meta[property^="og:"]',
    'meta[property^="article:"]',
    'meta[name^="og:"]',
    'meta[name^="article:"]',
    'meta[name^="twitter:"]',
    'meta[property^="twitter:"]',
    'link[rel~="canonical"]',
  ].join(', ');
  for (const el of [...doc.querySelectorAll(sel)]) el.remove();
  for (const el of [...doc.querySelectorAll('[itemscope], [itemtype], [itemprop]')]) {
    el.removeAttribute('itemscope');
    el.removeAttribute('itemtype');
    el.removeAttribute('itemprop');
  }
}

/** Replaces `el` by an element named `tag` with its attributes and children. */
function rename(doc: Document, el: Element, tag: string): void {
  const out = doc.createElement(tag);
  for (const a of [...el.attributes]) out.setAttribute(a.name, a.value);
  while (el.firstChild) out.appendChild(el.firstChild);
  el.replaceWith(out);
}

/** A short token for a name: the same name always gives the same token. */
function token(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `k${h.toString(36)}`;
}

function renameClasses(doc: Document): void {
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    const cls = el.getAttribute('class');
    if (cls !== null) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map(token).join(' '));
    const id = el.getAttribute('id');
    if (id !== null) el.setAttribute('id', token(id));
  }
}

// The substitution: within each alphabet, a letter moves by a fixed step (a bijection, so
// the extracted text can be deciphered exactly).
const RANGES: [number, number, number][] = [
  [0x61, 0x7a, 7], // a–z
  [0x41, 0x5a, 7], // A–Z
  [0x430, 0x44f, 11], // а–я
  [0x410, 0x42f, 11], // А–Я
  [0x3b1, 0x3c9, 5], // α–ω
  [0x391, 0x3a9, 5], // Α–Ω (with the unassigned U+03A2, mapped to and from like any other)
  [0x3041, 0x3096, 17], // hiragana
  [0x30a1, 0x30f6, 17], // katakana
  [0xac00, 0xd7a3, 997], // Hangul syllables
  [0x4e00, 0x9fff, 1009], // CJK unified ideographs
];

function shift(s: string, dir: 1 | -1): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    let mapped = c;
    for (const [lo, hi, step] of RANGES)
      if (c >= lo && c <= hi) {
        const n = hi - lo + 1;
        mapped = lo + ((((c - lo + dir * step) % n) + n) % n);
        break;
      }
    out += String.fromCodePoint(mapped);
  }
  return out;
}

/** The `words` substitution of a text. */
export function cipher(s: string): string {
  return shift(s, 1);
}

/** Undoes `cipher`. */
export function decipher(s: string): string {
  return shift(s, -1);
}

const NO_TEXT = new Set(['script', 'style', 'template', 'noscript']);

function cipherDocument(doc: Document): void {
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) (c as Text).data = cipher((c as Text).data);
      else if (c.nodeType === 1 && !NO_TEXT.has((c as Element).localName)) walk(c);
    }
  };
  walk(doc.documentElement);
  // Meta contents that are words (titles, descriptions, names), not types or addresses.
  for (const el of [...doc.querySelectorAll('meta[content]')])
    if (/title|description|site_name|author/i.test(`${el.getAttribute('name')} ${el.getAttribute('property')}`))
      el.setAttribute('content', cipher(el.getAttribute('content') ?? ''));
  for (const attr of ['alt', 'title', 'aria-label'])
    for (const el of [...doc.querySelectorAll(`[${attr}]`)]) el.setAttribute(attr, cipher(el.getAttribute(attr)!));
}
