/**
 * Decides, read-only, which elements inside the chosen body are furniture
 * rather than article text: Readability's "prepArticle" and conditional
 * cleaning, judged children first so that a container is measured without
 * the junk already left out of it.
 */
import { BLOCK_TAGS, BYLINE, DIV_TO_P_BLOCKERS, SHARE, classAndId, classWeight, isHidden, SKIP_TAGS } from './dom';
import type { Flags } from './body';
import { statsOf, type Measured } from './stats';

type Agg = {
  chars: number;
  linkChars: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  headingChars: number;
  textishChars: number;
  listChars: number;
  dataTable: boolean;
};

const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;
const ALWAYS_OUT = new Set(['aside', 'footer', 'nav', 'figcaption', 'link']);
const CONDITIONAL = new Set(['div', 'section', 'ul', 'table', 'fieldset', 'form']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKISH = new Set(['p', 'div', 'li', 'strong', 'b']);
// Elements that may title a box of links.
const TITLES = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'header']);
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P_BLOCKERS]);
const CAPTION = /caption|credit|(^|[\s_-])(wp-caption|photo-?credit)/i;
// A short paragraph that only points elsewhere: "Read more: …", "Related: …", "Advertisement".
const POINTER =
  /^(?:read (?:more|also|next)|related(?: stories| articles| coverage)?|see also|also read|more on this|recommended|watch|listen|sign up|subscribe|advertisement|advertising|sponsored(?: content)?|paid content|story continues below(?: advertisement)?|lire aussi|à lire aussi|voir aussi|leia também|leia mais|veja também|lea también|lee también|mehr zum thema|siehe auch|auch interessant|weiterlesen|mehr lesen|lesen sie auch|anzeige|werbung|gesponsert|publicité|sponsorisé|pubblicità|publicidad|publicidade|patrocinado|advertentie|annonce|reklama|реклама|광고|広告|广告|廣告|관련\s?기사|相关阅读|延伸阅读|推荐阅读|関連記事)(?=$|[^\p{L}])\s*[:：|-]?/iu;
// The title of a box of links to other pages: related stories, most read, more from the site.
const RELATED =
  /^(?:related(?: stories| articles| content| coverage| news| posts)?|read (?:more|also|next)|more (?:stories|news|from|on|about|to read)|you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|latest(?: news| stories| articles)?|editor'?s picks|see also|also read|further reading|weiterlesen|mehr (?:lesen|zum thema|dazu|aus|von|news)|lesen sie (?:auch|mehr)|das könnte sie (?:auch )?interessieren|auch interessant|ähnliche (?:beiträge|artikel|themen)|empfohlene (?:beiträge|artikel)|weitere (?:artikel|beiträge|nachrichten|themen|meldungen|news)|neueste (?:artikel|beiträge|nachrichten)|meistgelesen|siehe auch|lire aussi|à lire (?:aussi|également)|a lire aussi|voir aussi|sur le même sujet|(?:articles )?les plus lus|dernières (?:news|actualités|infos)|leia (?:também|mais)|veja também|(?:notícias |noticias )?relacionad[ao]s|lee también|lea también|(?:también )?te puede interesar|más noticias|leggi anche|potrebbe interessarti|zobacz (?:też|także)|czytaj (?:też|także|więcej)|관련\s?기사|추천\s?기사|많이 본 기사|あわせて読みたい|関連記事|相关阅读|延伸阅读|推荐阅读|相关新闻)(?=$|[^\p{L}])/iu;
const AD_WORDS =
  /^(ad(vertising|vertisement)?|pub(licité)?|pubblicità|werb(ung)?|anzeige|publicidad|publicidade|advertentie|annonce|reklama|sponsored|gesponsert|sponsorisé|patrocinado|广告|廣告|広告|광고|Реклама|Anuncio)$/iu;
// Class/id words of boxes about the writer, sign-up boxes and promotions inside an article.
const AUTHOR_BOX =
  /author[-_]?(?:box|bio|info|profile|description|card|about)|about[-_]?(?:the[-_]?)?author|(?:^|[\s_-])bio(?:$|[\s_-])/i;
const SIGN_UP = /newsletter|sign-?up|subscribe|subscription|opt-?in|paywall|(?:^|[\s_-])promo(?:$|[\s_-])/i;
// A call to action in capitals: "CLICK HERE TO GET THE APP", "SUBSCRIBE NOW".
const CALL_TO_ACTION = /\b(?:CLICK|TAP|DOWNLOAD|SUBSCRIBE|SIGN UP|FOLLOW|WATCH|LISTEN|READ|GET|JOIN)\b/u;
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;

/** Elements inside `roots` to leave out of the text, given the page title; boxes of related links only in an `article`. */
export function furnitureIn(roots: Element[], m: Measured, flags: Flags, title: string, article = true): Set<Element> {
  const out = new Set<Element>();
  const ctx: Ctx = { m, flags, out, titleWords: words(title), article };
  for (const root of roots) visit(root, ctx, false, false, false);
  if (article) linksAfterStory(roots, m, out);
  return out;
}

type Ctx = {
  m: Measured;
  flags: Flags;
  out: Set<Element>;
  titleWords: string[];
  article: boolean;
};

function emptyAgg(): Agg {
  return {
    chars: 0,
    linkChars: 0,
    commas: 0,
    p: 0,
    img: 0,
    li: 0,
    input: 0,
    embed: 0,
    headingChars: 0,
    textishChars: 0,
    listChars: 0,
    dataTable: false,
  };
}

function visit(el: Element, ctx: Ctx, inLink: boolean, inFigure: boolean, inData: boolean): Agg | null {
  const tag = el.localName;
  if (ctx.m.skipped.has(el) || isHidden(el)) return null;
  const a = emptyAgg();
  if (tag === 'img' || tag === 'picture') a.img = 1;
  if (tag === 'input') a.input = 1;
  if (tag === 'object' || tag === 'embed' || tag === 'iframe') a.embed = 1;
  if (SKIP_TAGS.has(tag)) return a; // counted, never text
  const isLink = tag === 'a';
  const dataTable = tag === 'table' && isDataTable(el);
  const figure = inFigure || tag === 'figure';
  // Children first, then the boxes of links they form, then the sums of what stays.
  const kids: [Element, Agg][] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      const t = (c as Text).data;
      const n = t.replace(/\s+/g, ' ').length;
      a.chars += n;
      if (inLink || isLink) a.linkChars += n;
      a.commas += t.match(COMMAS)?.length ?? 0;
      continue;
    }
    if (c.nodeType !== 1) continue;
    const child = c as Element;
    const ca = visit(child, ctx, inLink || isLink, figure, inData || dataTable);
    if (ca) kids.push([child, ca]);
  }
  if (ctx.article && kids.length > 1 && !inData) {
    relatedBoxes(kids, ctx.out);
    teaserCards(kids, ctx.out);
  }
  for (const [child, ca] of kids) {
    if (ctx.out.has(child)) continue;
    const ct = child.localName;
    a.chars += ca.chars;
    a.linkChars += ca.linkChars;
    a.commas += ca.commas;
    a.img += ca.img;
    a.li += ca.li + (ct === 'li' ? 1 : 0);
    a.input += ca.input;
    a.embed += ca.embed;
    a.p += ca.p + (ct === 'p' || (ct === 'div' && !ctx.m.blocky.has(child) && ca.chars > 0) ? 1 : 0);
    a.headingChars += HEADINGS.has(ct) ? ca.chars : ca.headingChars;
    a.textishChars += TEXTISH.has(ct) ? ca.chars : ca.textishChars;
    a.listChars += ct === 'ul' || ct === 'ol' ? ca.chars : ca.listChars;
    a.dataTable ||= ca.dataTable;
  }
  a.dataTable ||= dataTable;
  if (isFurniture(el, a, ctx, figure, inData)) {
    ctx.out.add(el);
    return null;
  }
  return a;
}

/**
 * A box of links among siblings: a short title saying what it is ("Related",
 * "Most read", "Lesen Sie auch", "관련기사") and what follows it while that is
 * lists or mostly links, up to the next prose. The title goes even alone.
 */
function relatedBoxes(kids: [Element, Agg][], out: Set<Element>): void {
  for (let i = 0; i < kids.length; i++) {
    const [el, a] = kids[i];
    if (a.chars < 3 || a.chars > 80 || !TITLES.has(el.localName) || out.has(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!RELATED.test(text) || text.replace(RELATED, '').replace(/[\s:：|»›>…-]+/gu, '').length > 0) continue;
    out.add(el);
    for (let j = i + 1; j < kids.length; j++) {
      const [sib, sa] = kids[j];
      const tag = sib.localName;
      const linky = sa.chars > 0 && sa.linkChars / sa.chars > 0.5;
      if (!(linky || tag === 'ul' || tag === 'ol' || sa.chars === 0)) break;
      out.add(sib);
    }
  }
}

/**
 * Teaser cards among siblings: three or more of one kind (the same tag and first class), or two
 * alone in their parent, that each
 * open with a link of a title's length and hold little else (a summary, a date): the related
 * stories or "more from the site" under a story, whatever their box is called. Paragraphs are
 * not cards: a run of them that opens with links is prose about those pages.
 */
function teaserCards(kids: [Element, Agg][], out: Set<Element>): void {
  const groups = new Map<string, Element[]>();
  for (const [el, a] of kids) {
    const tag = el.localName;
    if (tag === 'p' || HEADINGS.has(tag) || out.has(el) || a.chars === 0 || a.chars > 1000) continue;
    if (a.linkChars === 0) continue;
    // One kind: the same tag and first class name, numbers aside ("post post-0", "post post-1").
    const key = `${tag} ${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0].replace(/\d+/g, '#')}`;
    const list = groups.get(key) ?? [];
    list.push(el);
    groups.set(key, list);
  }
  // Two of a kind are cards where they are all the text of their parent (a box of two related stories).
  const withText = kids.filter(([, a]) => a.chars > 0).length;
  for (const group of groups.values()) {
    // (The costlier test last, on groups only.)
    const list = group.length >= 2 ? group.filter(opensWithTitleLink) : [];
    if (list.length >= 3 || (list.length === 2 && withText === 2)) for (const el of list) out.add(el);
  }
}

/** Whether the first text of an element is a link of 20 characters or more (a title). */
function opensWithTitleLink(el: Element): boolean {
  let first: Text | null = null;
  const find = (e: Element): void => {
    for (let c = e.firstChild; c && !first; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (/[^\s\u00a0]/.test((c as Text).data)) first = c as Text;
      } else if (c.nodeType === 1 && !SKIP_TAGS.has((c as Element).localName) && !isHidden(c as Element))
        find(c as Element);
    }
  };
  find(el);
  if (!first) return false;
  for (let a = (first as Text).parentElement; a && a !== el; a = a.parentElement)
    if (a.localName === 'a') return (a.textContent ?? '').replace(/\s+/g, ' ').trim().length >= 20;
  return false;
}

/**
 * After the story's last long paragraph, blocks that are mostly links are the page's, not the
 * story's: share bars, tags, related links, "more from" lists, whatever their class or
 * language. Adds them to `out`.
 */
function linksAfterStory(roots: Element[], m: Measured, out: Set<Element>): void {
  const leaves: Element[] = [];
  const walk = (el: Element): void => {
    let hasBlock = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (out.has(c) || m.skipped.has(c) || SKIP_TAGS.has(c.localName) || isHidden(c)) continue;
      if (BLOCK_TAGS.has(c.localName) || m.blocky.has(c)) {
        hasBlock = true;
        walk(c);
      }
    }
    if (!hasBlock) leaves.push(el);
  };
  for (const root of roots) walk(root);
  let last = -1;
  leaves.forEach((el, i) => {
    const s = statsOf(m, el);
    if (s.chars >= 140 && s.linkChars < s.chars * 0.3 && /[.!?。！？]/.test(el.textContent ?? '')) last = i;
  });
  if (last < 0) return;
  for (const el of leaves.slice(last + 1)) {
    const s = statsOf(m, el);
    if (s.chars > 0 && s.linkChars >= s.chars * 0.5) out.add(el);
  }
}

/** Letters in capitals over all cased letters (a line of page furniture shouts). */
function capitals(text: string): number {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper + lower ? upper / (upper + lower) : 0;
}

function isFurniture(el: Element, a: Agg, ctx: Ctx, inFigure: boolean, inData: boolean): boolean {
  const tag = el.localName;
  if (ALWAYS_OUT.has(tag)) return true;
  if (a.chars >= 12 && a.chars < 120 && (BLOCKISH.has(tag) || HEADINGS.has(tag))) {
    // A line in capitals that links away or calls to action: "CLICK HERE TO GET THE APP".
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (
      text.split(' ').length >= 3 &&
      capitals(text) > 0.8 &&
      (a.linkChars / a.chars > 0.5 || CALL_TO_ACTION.test(text))
    )
      return true;
  }
  if (HEADINGS.has(tag))
    return (
      tag === 'h1' || (ctx.flags.weightClasses && classWeight(el) < 0 && tag === 'h2') || similar(ctx.titleWords, el)
    );
  const s = classAndId(el);
  if (s && SHARE.test(s) && a.chars < 500) return true;
  if ((tag === 'p' || tag === 'div' || tag === 'li') && a.chars < 200 && isPointer(el, a)) return true;
  if (
    a.chars < 100 &&
    a.p <= 1 &&
    (el.getAttribute('rel') === 'author' || /author/i.test(el.getAttribute('itemprop') ?? '') || (s && BYLINE.test(s)))
  )
    return true;
  if (s && CAPTION.test(s) && a.chars < 300 && a.p <= 1) return true;
  if (s && AUTHOR_BOX.test(s) && a.chars < 1500) return true;
  if (s && SIGN_UP.test(s) && a.chars < 1000 && tag !== 'p') return true;
  if (tag === 'header' && a.p === 0) return true;
  if (!ctx.flags.cleanConditionally || !CONDITIONAL.has(tag) || inData) return false;
  if (tag === 'div' && !ctx.m.blocky.has(el)) return false; // a paragraph in Readability's eyes
  if (a.dataTable) return false;
  return conditionallyOut(el, a, ctx, inFigure);
}

/** Readability's `_cleanConditionally` rules on already-cleaned measures. */
function conditionallyOut(el: Element, a: Agg, ctx: Ctx, inFigure: boolean): boolean {
  const tag = el.localName;
  const weight = ctx.flags.weightClasses ? classWeight(el) : 0;
  if (weight < 0) return true;
  if (a.commas >= 10) return false;
  const isList = tag === 'ul' || tag === 'ol' || (a.chars > 0 && a.listChars / a.chars > 0.9);
  const text = (el.textContent ?? '').trim();
  if (text.length < 40 && (AD_WORDS.test(text) || LOADING_WORDS.test(text))) return true;
  const li = a.li - 100;
  const ld = a.chars ? a.linkChars / a.chars : 0;
  const headingDensity = a.chars ? a.headingChars / a.chars : 0;
  const textDensity = a.chars ? a.textishChars / a.chars : 0;
  const remove =
    (!inFigure && a.img > 1 && a.p / a.img < 0.5) ||
    (!isList && li > a.p) ||
    a.input > Math.floor(a.p / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && a.chars < 25 && (a.img === 0 || a.img > 2) && ld > 0) ||
    (!isList && weight < 25 && ld > 0.2) ||
    (weight >= 25 && ld > 0.5) ||
    (a.embed === 1 && a.chars < 75) ||
    a.embed > 1 ||
    (a.img === 0 && textDensity === 0);
  if (remove && isList && a.img === a.li + 0 && a.img > 0) return false; // a list of images
  return remove;
}

/** "Read more: <a>…</a>" and "Advertisement" lines, which are not article text. */
function isPointer(el: Element, a: Agg): boolean {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!POINTER.test(text)) return false;
  const rest = text.replace(POINTER, '').trim();
  return rest.length === 0 || /^advertisement$/i.test(text) || a.linkChars / Math.max(1, a.chars) > 0.5;
}

/** Readability's data-table test: real tables of data are kept whole. */
function isDataTable(t: Element): boolean {
  if (t.getAttribute('role') === 'presentation' || t.getAttribute('datatable') === '0') return false;
  if (t.getAttribute('summary') || t.querySelector('caption, thead, tfoot, colgroup, th')) return true;
  if (t.querySelector('table')) return false;
  const rows = t.querySelectorAll('tr');
  const cols = rows[0] ? rows[0].children.length : 0;
  return rows.length >= 10 || cols > 4 || rows.length * cols > 10;
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a heading repeats the title (Readability's token similarity above 0.75). */
function similar(titleWords: string[], el: Element): boolean {
  if (titleWords.length === 0) return false;
  const b = words(el.textContent ?? '');
  if (b.length === 0) return false;
  const a = new Set(titleWords);
  const uniqB = b.filter((w) => !a.has(w));
  return 1 - uniqB.join(' ').length / b.join(' ').length > 0.75;
}

/**
 * Headings left with nothing under them at the end of the text ("Related
 * stories", "Weitere Informationen:", "Photos of the visit"): what they
 * introduced was left out as furniture, or is not text. Adds them to `out`.
 */
export function danglingHeadings(roots: Element[], out: Set<Element>, skipped: Set<Element>): void {
  // Text blocks from the end backwards, while they are heading-like; the first other block stops it.
  const found: Element[] = [];
  let done = false;
  const walk = (el: Element, block: Element): void => {
    for (let c = el.lastChild; c && !done; c = c.previousSibling) {
      if (c.nodeType === 3) {
        if (!/[^\s\u00a0]/.test((c as Text).data) || found[found.length - 1] === block) continue;
        if (!headingLike(block)) done = true;
        else found.push(block);
      } else if (c.nodeType === 1) {
        const child = c as Element;
        if (SKIP_TAGS.has(child.localName) || out.has(child) || skipped.has(child) || isHidden(child)) continue;
        walk(child, BLOCK_TAGS.has(child.localName) ? child : block);
      }
    }
  };
  for (let r = roots.length - 1; r >= 0 && !done; r--) walk(roots[r], roots[r]);
  // A text made of headings only is left as it is.
  if (done) for (const el of found) if (!roots.includes(el)) out.add(el);
}

/** A heading, or a short line that introduces what follows ("Weitere Informationen:", a bold label). */
function headingLike(el: Element): boolean {
  if (HEADINGS.has(el.localName)) return true;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 80) return false;
  if (/[:：]$/.test(text)) return true;
  const only = el.firstElementChild;
  return (
    !!only &&
    only === el.lastElementChild &&
    (only.localName === 'strong' || only.localName === 'b') &&
    (only.textContent ?? '').trim().length === text.length &&
    !/[.!?。]$/.test(text)
  );
}
