/**
 * Content evidence, read cheaply from the page's paragraphs: how much
 * article-shaped prose there is (Readability's `isProbablyReaderable`
 * measure, tightened), whether it is placeholder text, and the marks of
 * journalism (datelines, attribution verbs) or of a personal post (first and
 * second person).
 */
import { BLOCK_TAGS, SKIP_TAGS, isHidden, isUnlikely } from './dom';

/** What the paragraphs of a page show. Rates are per 1,000 words (a CJK character is half a word). */
export type ProseEvidence = {
  /** Readability's readerable score: Σ √(length − 140) over long paragraphs. */
  score: number;
  /** Long paragraphs (≥ 140 characters) and the most of them under one parent. */
  longParagraphs: number;
  clustered: number;
  /** Length of the longest paragraph. */
  longest: number;
  /**
   * Teaser list: the long paragraphs sit in three or more `<article>`s, none
   * holding half of them, or half of them are links (summaries on a front
   * page or in search results).
   */
  teasers: boolean;
  /**
   * Among three or more `<article>`s, one holds half the long paragraphs or more: the story,
   * with teasers beside it in `<article>`s of their own.
   */
  storyArticle: boolean;
  /** Placeholder text: lorem ipsum, or one paragraph repeated over most of the page. */
  placeholder: boolean;
  /** A dateline opens one of the first paragraphs ("BEIJING, Feb. 24 (Xinhua) --"). */
  dateline: boolean;
  /** A date alone opens one of the first paragraphs, as a dateline does ("Feb. 23, 2015 -- "). */
  dateLead: boolean;
  /** Attribution verbs ("said", "told", "according to", …). */
  attribution: number;
  /** First person ("I", "my", "we") and second person ("you", "your"), English only. */
  firstPerson: number;
  secondPerson: number;
  /** The prose is English (its commonest words are), so the person rates mean something. */
  english: boolean;
  words: number;
};

const MAX_PARAGRAPHS = 400;
const DATELINE = [
  // WASHINGTON (AP) — / BEIJING, Feb. 24 (Xinhua) -- / LONDON, March 3 — / PARIS:
  /^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,\s?[\p{L}\p{M} .'’-]{0,30})?(?:,?\s?[\p{L}.]+\.? \d{1,2}(?:,? \d{4})?)?\s*(?:\([^)]{2,40}\))?\s*(?:--|—|–|-|:)\s/u,
  /^\s*(?:新华社|中新社|中新网|本报|人民网|央视网|记者)[^。]{0,30}(?:电|讯)/u,
  /^\s*[（(](?:记者|通讯员)/u,
  /^\s*【[^】]{1,20}】/u,
];
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
// Feb. 23, 2015 -- / 23 February 2015 — / 2015-02-23 --: a dash, not a hyphen or colon.
const DATE_LEAD = new RegExp(
  `^(?:${MONTH}\\s+\\d{1,2},?\\s+(?:19|20)\\d\\d|\\d{1,2}\\.?\\s+${MONTH}\\s+(?:19|20)\\d\\d|(?:19|20)\\d\\d-\\d\\d-\\d\\d)\\s*(?:--|—|–)\\s`,
  'i',
);
// 新华社北京2月24日电 / 10月14日报道: may stand in a short paragraph of its own.
const CJK_DATELINE = /\d{1,2}月\d{1,2}日(?:电|讯|报道|消息)/u;
const ATTRIBUTION =
  /\b(?:said|says|told|according to|declared|a (?:déclaré|dit|affirmé|ajouté)|selon|dijo|afirmó|según|disse|afirmou|segundo|sagte|erklärte|laut|řekl|uvedla?|uvedl)\b|表示|指出|介绍|说|と述べ|によると|と話/giu;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|mine|we|we're|we’re|our|us)\b/g;
const SECOND_PERSON = /\b(?:you|your|you're|you’re|yourself)\b/gi;
const ENGLISH = /\b(?:the|and|of)\b/gi;
const PLACEHOLDER =
  /\b(?:lorem ipsum|dolor sit amet|consectetur adipisicing|eiusmod tempor|duis aute irure|ullamco laboris)\b/i;
const QUOTED = /“[^”]{0,600}”|"[^"]{0,600}"|«[^»]{0,600}»|„[^“”]{0,600}[“”]/g;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Whether a text (an extracted body) opens with placeholder text. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.slice(0, 2000));
}

/**
 * Reads the page's paragraphs once (bounded) and measures them. With
 * `shapeOnly` (the every-page gate) it measures only the shape (score, long
 * paragraphs, clustering, longest, teasers, placeholder) and leaves the marks
 * of journalism and of a personal post (datelines, words, attribution, person
 * rates) unread: they cost most of the time per paragraph, and compiling
 * their patterns most of the rest.
 */
export function proseEvidence(doc: Document, { shapeOnly = false }: { shapeOnly?: boolean } = {}): ProseEvidence {
  const ev: ProseEvidence = {
    score: 0,
    longParagraphs: 0,
    clustered: 0,
    longest: 0,
    teasers: false,
    storyArticle: false,
    placeholder: false,
    dateline: false,
    dateLead: false,
    attribution: 0,
    firstPerson: 0,
    secondPerson: 0,
    english: false,
    words: 0,
  };
  const perParent = new Map<Element, number>();
  let seen = 0;
  let shortSeen = 0;
  let linked = 0;
  let linkedLength = 0;
  let longLength = 0;
  // Long paragraphs per <article>: teasers spread over many; one story holds most of them.
  const articles = new Map<Element, number>();
  const counts = { attribution: 0, firstPerson: 0, secondPerson: 0, english: 0, englishWords: 0 };
  // Long paragraphs by their opening, numbers aside, to find one paragraph repeated (generated filler).
  const repeats = new Map<string, number>();
  let mostRepeated = 0;
  /** Counts one long paragraph (≥ 140 characters, visible) of the page. */
  const countLong = (p: Element, text: string, cjk: number, length: number): void => {
    if (p.parentElement?.closest('li')) return;
    ev.longParagraphs++;
    ev.longest = Math.max(ev.longest, length);
    longLength += length;
    if (p.closest('a') || linkShare(p) > 0.5) {
      linked++;
      linkedLength += length;
    }
    const article = p.closest('article');
    if (article) articles.set(article, (articles.get(article) ?? 0) + 1);
    ev.score += Math.sqrt(length - 140);
    // Paragraphs each wrapped in a box of their own still cluster at the grandparent.
    const parent = p.parentElement;
    const grand = parent?.parentElement;
    if (parent) perParent.set(parent, (perParent.get(parent) ?? 0) + 1);
    if (grand) perParent.set(grand, (perParent.get(grand) ?? 0) + 1);
    if (!shapeOnly && ev.longParagraphs <= 3 && DATELINE.some((re) => re.test(text))) ev.dateline = true;
    // Digits count: listings (dates, times, scores) repeat a pattern, filler repeats a text.
    const key = text.slice(0, 200).replace(/\d+/g, '#');
    const n = (repeats.get(key) ?? 0) + 1;
    repeats.set(key, n);
    mostRepeated = Math.max(mostRepeated, n);
    if (shapeOnly) return;
    ev.words += (cjk ? text.replace(CJK, ' ') : text).match(WORD)?.length ?? 0;
    ev.words += cjk / 2;
    counts.attribution += text.match(ATTRIBUTION)?.length ?? 0;
    if (ev.longParagraphs <= 10) {
      counts.english += text.match(ENGLISH)?.length ?? 0;
      counts.englishWords = ev.words;
    }
    // Quoted speech and block quotations are the sources' voice, not the writer's.
    if (p.closest('blockquote')) return;
    const own = text.replace(QUOTED, ' ');
    counts.firstPerson += own.match(FIRST_PERSON)?.length ?? 0;
    counts.secondPerson += own.match(SECOND_PERSON)?.length ?? 0;
  };
  const behind = new Map<Element, [Element, string, number, number][]>();
  for (const p of Array.from(doc.querySelectorAll('p, pre'))) {
    if (++seen > MAX_PARAGRAPHS) break;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 8) continue;
    // Filler is long; a template's leftover "Lorem ipsum dolor sit amet:" label is not.
    if (shortSeen++ < 5 && text.length >= 60 && PLACEHOLDER.test(text)) ev.placeholder = true;
    if (!shapeOnly && shortSeen <= 8 && !ev.longParagraphs && CJK_DATELINE.test(text)) ev.dateline = true;
    // CJK characters carry about three Latin characters' worth of text.
    const cjk = text.match(CJK)?.length ?? 0;
    const length = text.length + 2 * cjk;
    // The lead may be short ("Feb. 23, 2015 -- Peanut allergies are on the rise.").
    if (!shapeOnly && !ev.dateLead && ev.longParagraphs < 3 && DATE_LEAD.test(text) && visibleAndLikely(p))
      ev.dateLead = true;
    if (length < 140) continue;
    const blocked = blocker(p);
    if (blocked === p) continue;
    if (blocked) {
      // Behind a furniture-named wrapper: counted later if that wrapper turns out to hold the story.
      const list = behind.get(blocked) ?? [];
      list.push([p, text, cjk, length]);
      behind.set(blocked, list);
      continue;
    }
    countLong(p, text, cjk, length);
  }
  // A wrapper named like furniture ("cb-sidebar-right": a layout with a sidebar) that holds three
  // or more long paragraphs, more than all the rest of the page, is the story's wrapper.
  let rescue: [Element, string, number, number][] = [];
  for (const list of behind.values()) if (list.length > rescue.length) rescue = list;
  if (rescue.length >= 3 && rescue.length > ev.longParagraphs)
    for (const [p, text, cjk, length] of rescue) countLong(p, text, cjk, length);
  for (const n of perParent.values()) ev.clustered = Math.max(ev.clustered, n);
  // A page shown twice repeats each paragraph once; filler repeats one paragraph many times.
  if (mostRepeated >= 3 && mostRepeated * 2 > ev.longParagraphs) ev.placeholder = true;
  // Half the long paragraphs are links, and half the long text too: one long story with a few
  // linked summaries beside it is no teaser list.
  // Three or more <article>s make a teaser list unless one of them holds half the long paragraphs
  // (a story with its related stories beside it, each an <article> of its own).
  const mostInOne = Math.max(0, ...articles.values());
  ev.storyArticle = articles.size >= 1 && mostInOne * 2 >= ev.longParagraphs && ev.longParagraphs > 0;
  ev.teasers =
    (articles.size >= 3 && mostInOne * 2 < ev.longParagraphs) ||
    (ev.longParagraphs > 0 && linked / ev.longParagraphs >= 0.5 && linkedLength * 2 >= longLength);
  // Prose outside <p>s (<br> runs, one <div> per paragraph) counts as paragraphs do, where the
  // paragraphs alone do not give the page an article's shape: structure, whatever the tags.
  if (!(ev.score >= 20 && (ev.clustered >= 2 || ev.longest >= 800))) {
    const bodies = doc.querySelectorAll('body');
    const root = bodies.length === 1 ? bodies[0] : doc.documentElement;
    if (root) {
      const loose = looseProse(root);
      ev.score += loose.score;
      ev.clustered = Math.max(ev.clustered, loose.clustered);
      ev.longest = Math.max(ev.longest, loose.longest);
      ev.placeholder ||= loose.placeholder;
    }
  }
  if (ev.words) {
    ev.attribution = (counts.attribution * 1000) / ev.words;
    ev.firstPerson = (counts.firstPerson * 1000) / ev.words;
    ev.secondPerson = (counts.secondPerson * 1000) / ev.words;
    ev.english = (counts.english * 1000) / Math.max(1, counts.englishWords) >= 60;
  }
  return ev;
}

/** Share of a paragraph's characters inside links. */
function linkShare(p: Element): number {
  const links = p.querySelectorAll('a');
  if (links.length === 0) return 0;
  let n = 0;
  for (const a of Array.from(links)) n += (a.textContent ?? '').length;
  return n / Math.max(1, (p.textContent ?? '').length);
}

/**
 * What keeps a paragraph from counting: the paragraph itself where it or an ancestor (six
 * levels up) is hidden, the nearest ancestor named like furniture, or null.
 */
function blocker(el: Element): Element | null {
  let unlikely: Element | null = null;
  for (let a: Element | null = el, i = 0; a && i < 6; a = a.parentElement, i++) {
    if (isHidden(a)) return el;
    if (!unlikely && isUnlikely(a)) unlikely = a;
  }
  return unlikely;
}

function visibleAndLikely(el: Element): boolean {
  return blocker(el) === null;
}

/**
 * A readerable score (`ProseEvidence.score`) from which a page not shaped like an article may
 * still hold a short one (a paragraph or two of 200 characters and more): its body decides.
 */
export const SOME_PROSE = 8;

/** Prose outside `<p>`s: runs of text in other blocks, parted by `<br>`s and child blocks. */
export type LooseProse = { score: number; runs: number; clustered: number; longest: number; placeholder: boolean };

// Blocks whose text the paragraph measure reads already, or that are never prose: not walked.
const NOT_LOOSE = new Set(['p', 'pre', 'a', 'li', 'ul', 'ol', 'dl', 'button', 'select', 'option', 'textarea', 'label']);
// Blocks walked for the blocks they hold (a header or an unclosed heading may wrap the story, as
// a <p> anywhere counts in `proseEvidence`), whose own loose text is no paragraph.
const MEDIA = new Set(['figure', 'figcaption', 'picture']);
const NOT_RUNS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav']);
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'img',
  'picture',
  'video',
  'audio',
  'canvas',
  'input',
  'head',
]);
const LOOSE_BLOCKS = /^(?:div|section|article|main|td|blockquote|center|font|span|body|dd)$/;
const MAX_LOOSE_ELEMENTS = 6000;

/**
 * Measures the prose of a page whose text is not in `<p>`s (blog engines and older sites
 * that part paragraphs with `<br>`, or write one `<div>` per paragraph), the way
 * `proseEvidence` measures paragraphs: a run of text at least 140 characters long (a CJK
 * character counting three), mostly not links, counts as a long paragraph of its block.
 * One bounded walk over the elements; furniture (hidden or unlikely by class) is skipped.
 */
export function looseProse(root: Element): LooseProse {
  const out: LooseProse = { score: 0, runs: 0, clustered: 0, longest: 0, placeholder: false };
  const perParent = new Map<Element, number>();
  let seen = 0;
  // Long runs count in pairs or more, one after the other, unless one is long on its own: a
  // story's paragraphs follow one another, while a landing page's or a list's short items each
  // stand under a line of their own.
  let chain = 0;
  let held: [Element, number] | null = null;
  const add = (block: Element, length: number): void => {
    out.runs++;
    out.score += Math.sqrt(length - 140);
    out.longest = Math.max(out.longest, length);
    // A block of runs is one story; one block per paragraph clusters at the parent.
    for (const a of [block, block.parentElement]) if (a) perParent.set(a, (perParent.get(a) ?? 0) + 1);
    if (out.runs <= 5 && PLACEHOLDER.test((block.textContent ?? '').slice(0, 600))) out.placeholder = true;
  };
  const count = (block: Element, length: number, linked: number): void => {
    // A caption, a credit or a stray character beside a picture parts nothing.
    if (length < 3 || MEDIA.has(block.localName)) return;
    if (length < 140 || linked * 2 > length || NOT_RUNS.has(block.localName)) {
      chain = 0;
      held = null;
      return;
    }
    // A long paragraph (400 characters or more) counts alone.
    if (++chain === 1 && length < 400) held = [block, length];
    else {
      if (held) add(...held);
      held = null;
      add(block, length);
    }
  };
  const walk = (el: Element): void => {
    let run = 0;
    let linked = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data;
        if (/\S/.test(t)) run += weighted(t.replace(/\s+/g, ' '));
        continue;
      }
      if (c.nodeType !== 1 || ++seen > MAX_LOOSE_ELEMENTS) continue;
      const child = c as Element;
      const tag = child.localName;
      if (NOT_TEXT.has(tag) || SKIP_TAGS.has(tag)) continue;
      if (tag === 'br' || tag === 'hr' || BLOCK_TAGS.has(tag)) {
        count(el, run, linked);
        run = linked = 0;
        if (tag === 'br' || tag === 'hr' || isHidden(child) || isUnlikely(child)) continue;
        if (!NOT_LOOSE.has(tag)) walk(child);
        // A paragraph or a list between two runs parts them.
        else if (chain > 0 && /\S/.test(child.textContent ?? '')) chain = 0;
        continue;
      }
      if (isHidden(child)) continue;
      // Inline: its text joins the run (a <span> or <font> holding blocks is read as a block).
      if (LOOSE_BLOCKS.test(tag) && child.querySelector('div, p, br')) {
        count(el, run, linked);
        run = linked = 0;
        if (!isUnlikely(child)) walk(child);
        continue;
      }
      const n = weighted((child.textContent ?? '').replace(/\s+/g, ' '));
      run += n;
      if (tag === 'a' || child.querySelector('a')) linked += tag === 'a' ? n : linkText(child);
    }
    count(el, run, linked);
  };
  walk(root);
  for (const n of perParent.values()) out.clustered = Math.max(out.clustered, n);
  return out;
}

function weighted(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

function linkText(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += (a.textContent ?? '').length;
  return n;
}

const SENTENCE_END = /[.!?…。！？다요][”"'’»)\]]*\s*$/u;
const TEXT_BLOCK_BREAKERS = new Set([...BLOCK_TAGS, 'br']);
const MAX_STORY_ELEMENTS = 3000;

/**
 * A short story however its page is marked up: three or more paragraphs one after another under
 * one parent (`<p>`s, or `<div>`s of text alone), each ending a sentence, 60 characters or more
 * (a CJK character counting three), mostly not links, 350 characters in all. Too short for the
 * readerable score (a local story of four short paragraphs, a Korean story of one sentence a
 * paragraph), it lets the body decide. Bounded: a few thousand elements.
 */
export function shortStory(doc: Document): boolean {
  const parents = new Set<Element>();
  let seen = 0;
  for (const el of Array.from(doc.querySelectorAll('p, div'))) {
    if (++seen > MAX_STORY_ELEMENTS) break;
    if (el.parentElement && textBlock(el)) parents.add(el.parentElement);
  }
  for (const parent of parents) {
    let lines = 0;
    let total = 0;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.localName;
      if (NOT_TEXT.has(tag) || SKIP_TAGS.has(tag) || tag === 'br' || tag === 'hr' || MEDIA.has(tag) || isHidden(c))
        continue;
      const text = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const n = weighted(text);
      if (
        (tag === 'p' || tag === 'div') &&
        n >= 60 &&
        SENTENCE_END.test(text) &&
        linkText(c) * 2 < text.length &&
        textBlock(c)
      ) {
        lines++;
        total += n;
        if (lines >= 3 && total >= 350 && !isUnlikely(parent)) return true;
      } else lines = total = 0;
    }
  }
  return false;
}

/** A `<p>`, or a `<div>` with no block inside it (a paragraph by another name). */
function textBlock(el: Element): boolean {
  if (el.localName === 'p') return true;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (TEXT_BLOCK_BREAKERS.has(c.localName) && c.localName !== 'br') return false;
  return true;
}
