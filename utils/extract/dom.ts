/**
 * Small read-only DOM helpers shared by detection and extraction. Only APIs
 * that browsers, linkedom and happy-dom all implement (no layout, no
 * innerText, no computed style).
 */

/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'head',
  'title',
  'link',
  'meta',
  'video',
  'audio',
  'picture',
  'img',
  'map',
  'dialog',
]);

/** Elements that start a new block of text (a paragraph break around them). */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'body',
  'html',
]);

/** Block children that keep a `<div>` from counting as a paragraph (Readability's list). */
export const DIV_TO_P_BLOCKERS = new Set([
  'blockquote',
  'dl',
  'div',
  'img',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
  'section',
  'article',
  'figure',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'form',
]);

/** Class/id words of page furniture (Readability's list, plus a few). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|recirc|outbrain|taboola/i;
/** Class/id words that rescue an element from `UNLIKELY`. */
export const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
/** Class/id words of article content. */
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
/** Class/id words of furniture that may still sit inside the article. */
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** Class/id words of bylines and datelines. */
export const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/** Class/id words of share and follow bars. */
export const SHARE = /(\b|_)(share|sharedaddy|sharing|social|follow)(\b|_)/i;
/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);

// A class naming one of the site's own tags or categories ("tag-social", "category-comment"):
// publishing systems put every term of a post on its container, in the site's vocabulary.
const TERM_HINT = /(?:tag|categor|topic|format)[-_]/i;
const TERM_CLASS = /(?:^|\s)(?:tag|category|categories|topic|post_tag|format|post_format|post-format)-\S+/gi;

/**
 * The class attribute without the names of the post's own tags and categories, where it
 * holds two or more (a post container's "category-news tag-social tag-menu"): those are
 * the site's words, not its page structure, and would otherwise read as furniture.
 */
export function ownClass(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  if (!TERM_HINT.test(cls)) return cls;
  const terms = cls.match(TERM_CLASS);
  return terms && terms.length >= 2 ? cls.replace(TERM_CLASS, ' ').trim() : cls;
}

/** Class and id of an element, as one string (a post's own tags and categories left out). */
export function classAndId(el: Element): string {
  const cls = ownClass(el);
  const id = el.getAttribute('id') ?? '';
  return cls && id ? `${cls} ${id}` : cls || id;
}

/** Readability's class weight: ±25 for the class and for the id. */
export function classWeight(el: Element): number {
  let weight = 0;
  const cls = ownClass(el);
  const id = el.getAttribute('id');
  if (cls) {
    if (NEGATIVE.test(cls)) weight -= 25;
    if (POSITIVE.test(cls)) weight += 25;
  }
  if (id) {
    if (NEGATIVE.test(id)) weight -= 25;
    if (POSITIVE.test(id)) weight += 25;
  }
  return weight;
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|is-hidden|u-hidden|hide|visually-hidden|visuallyhidden|sr-only|screen-reader-text|screenreader-only|offscreen)(?:\s|$)/i;

/** Whether an element is hidden by markup alone (attribute, ARIA, inline style or a hiding class). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  if (cls && HIDDEN_CLASS.test(cls)) return true;
  // aria-hidden hides icons and duplicates; but dialog libraries also set it on
  // the whole page behind a cookie or sign-up dialog, which is still the page.
  if (el.getAttribute('aria-hidden') === 'true' && !/fallback-image/.test(cls ?? '') && !el.querySelector('p'))
    return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

/** Whether an element is furniture by its class, id or role (Readability's "unlikely candidate"). */
export function isUnlikely(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'body' || tag === 'a' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  const role = el.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const s = classAndId(el);
  return !!s && UNLIKELY.test(s) && !MAYBE.test(s);
}

/** The nearest ancestor (or self) with one of the tag names, up to `maxDepth` levels. */
export function closestTag(el: Element, tags: Set<string>, maxDepth = 50): Element | null {
  let cur: Element | null = el;
  for (let i = 0; cur && i <= maxDepth; i++, cur = cur.parentElement) if (tags.has(cur.localName)) return cur;
  return null;
}

/** Text content with white space collapsed and trimmed. */
export function normText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Up to `max` characters of an element's text, leaving out scripts, styles and hidden subtrees. */
export function visibleText(el: Element, max: number): string {
  let out = '';
  const walk = (e: Element): void => {
    for (let c = e.firstChild; c && out.length < max; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        const child = c as Element;
        if (!SKIP_TAGS.has(child.localName) && !isHidden(child)) {
          out += ' ';
          walk(child);
        }
      }
    }
  };
  walk(el);
  return out.replace(/[\s\u00a0]+/g, ' ').slice(0, max);
}

// A private-use character marks an inline element's edge while the text is gathered.
const EDGE_MARK = '\ue000';
const CAPS_EDGE = /(\p{Lu})\ue000+(?=\p{Lu}\p{Ll})/gu;
const WORD_EDGE = /([\p{Ll}\p{N}.,;:!?)\]»”])\ue000+(?=\p{Lu})/gu;
const EDGES = /\ue000/g;

/**
 * An element's text with its blocks and `<br>`s on lines of their own and a
 * space where words meet across element edges (as `buildText` does), for
 * short texts read as metadata: a byline laid out in two blocks reads
 * "ERIC TUCKER\nAssociated Press", not "ERIC TUCKERAssociated Press".
 */
export function blockText(el: Element, max = 400): string {
  let out = '';
  const walk = (e: Element): void => {
    for (let c = e.firstChild; c && out.length < max; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        const child = c as Element;
        const tag = child.localName;
        if (tag === 'br') out += '\n';
        if (SKIP_TAGS.has(tag) || isHidden(child)) continue;
        const edge =
          BLOCK_TAGS.has(tag) || tag === 'td' || tag === 'th' ? '\n' : tag === 'sub' || tag === 'sup' ? '' : EDGE_MARK;
        out += edge;
        walk(child);
        out += edge;
      }
    }
  };
  walk(el);
  return out
    .replace(CAPS_EDGE, '$1 ')
    .replace(WORD_EDGE, '$1 ')
    .replace(EDGES, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}
