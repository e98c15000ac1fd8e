/**
 * The every-page question, asked before any extraction: could this page be an
 * article? It reads what `detectArticle` reads first (structured data, meta
 * tags, the address, the page's paragraphs, bounded) and answers no only where
 * `detectArticle` would also say no at that point; where `detectArticle` goes
 * on to extract the body to decide, it answers "maybe". So a page it turns away
 * is one the full detection would turn away too, and what it lets through is
 * decided by the full detection, loaded only then.
 */
import { ARTICLE_TYPES, NEWS_TYPES, NON_ARTICLE_TYPES, readJsonLd } from './jsonld';
import { metaValue, microdataTypes, readMeta } from './meta';
import { proseEvidence, shortStory, SOME_PROSE } from './evidence';
import { isFrontUrl } from './news-signals';
import { isForumUrl, isStoryUrl } from './platform-signals';

/** Fewer characters of text than this (50 × 3 + 49 × 2 < 250) cannot make the 250 of a short article's body. */
const MIN_TEXT = 50;
/** `NodeFilter.SHOW_TEXT` (a literal: DOMs outside the browser may lack `NodeFilter`). */
const SHOW_TEXT = 4;

/** Page types in structured data that may be the subject of an article (as in detect.ts). */
const SUBJECT_TYPES = new Set(['Product', 'ProductGroup', 'Offer', 'ItemList', 'FAQPage']);

/** Whether `doc` may be an article: false only for pages the full detection refuses without extracting. */
export function mayBeArticle(doc: Document, url: string = doc.URL): boolean {
  if (!doc.body) return false;
  const ld = readJsonLd(doc);
  const meta = readMeta(doc);
  const micro = microdataTypes(doc, ARTICLE_TYPES);
  const articleMarkup = !!ld.article || micro.some((t) => ARTICLE_TYPES.has(t));
  const newsMarkup = ld.articleTypes.some((t) => NEWS_TYPES.has(t)) || micro.some((t) => NEWS_TYPES.has(t));
  if (articleMarkup || newsMarkup) return true;
  const ogType = (metaValue(meta, 'og:type') ?? '').toLowerCase();
  const pageTypes = [...ld.types, ...micro].filter((t) => NON_ARTICLE_TYPES.has(t));
  const subjectOnly = ogType === 'article' && pageTypes.every((t) => SUBJECT_TYPES.has(t));
  if (pageTypes.length && !subjectOnly) return false;
  // (A video page's own og:type is weighed against its prose in detectArticle.)
  if (/^(?:product|profile|music|books?\.|business)/.test(ogType)) return false;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? metaValue(meta, 'og:url');
  const address = canonical ?? url;
  if (isForumUrl(address)) return false;
  // Too little text for any article: the full detection needs a body of 250 characters (a CJK one
  // weighing three, blocks parted by at most two line breaks) or a paragraph of 540.
  if (!hasText(doc.body, MIN_TEXT) && !hasText(wholePage(doc), MIN_TEXT)) return false;
  const prose = proseEvidence(doc, { shapeOnly: true });
  if (prose.placeholder) return false;
  const shaped = prose.score >= 20 && (prose.clustered >= 2 || prose.longest >= 800) && !prose.teasers;
  // A site's or a section's front: there only one long story under one parent is an article (as in detect.ts).
  if (isFrontUrl(address) && !(shaped && prose.score >= 150 && prose.clustered >= 6)) return false;
  if (shaped) return true;
  // Not shaped like an article: detectArticle then extracts the body of a page that claims to
  // be one, has a little prose, or has prose outside <p>s.
  const articles = doc.querySelectorAll('article').length;
  const oneArticle = (articles >= 1 && articles <= 2) || !!doc.querySelector('[itemprop~="articleBody"]');
  if (ogType === 'article' || oneArticle || (prose.storyArticle && !prose.teasers)) return true;
  if (isStoryUrl(address) && !prose.teasers) return true;
  return prose.score >= SOME_PROSE || shortStory(doc);
}

/**
 * The whole page where a lenient parser (linkedom) left the text outside the one `<body>`
 * (malformed markup split into several bodies, or a missing one): the `<html>` element.
 */
function wholePage(doc: Document): Node {
  return doc.querySelector('html') ?? doc;
}

/**
 * Whether `root` holds at least `min` characters of text (whitespace and the
 * text of scripts and styles counted too, so it never says no too soon). It
 * stops at `min`: microseconds on any page, where `textContent` would copy
 * all of a long page's text.
 */
function hasText(root: Node, min: number): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    n += node.nodeValue?.length ?? 0;
    if (n >= min) return true;
  }
  return false;
}
