/**
 * Decides whether a page is an article and whether it is journalism. Cheap by
 * design, since it runs on every page: structured data is read first (a few
 * `querySelectorAll` calls); a page that structured data marks as something
 * else stops there; otherwise the page's paragraphs are read once, bounded.
 */
import type { Detection } from './types';
import { ARTICLE_TYPES, NEWS_TYPES, NON_ARTICLE_TYPES, readJsonLd } from './jsonld';
import { metaValue, microdataTypes, readMeta } from './meta';
import { findTitle, type Signals } from './metadata';
import { extractBody, type Body } from './extract-body';
import { isPlaceholder, proseEvidence, shortStory, SOME_PROSE, type ProseEvidence } from './evidence';
import { isFrontUrl, isNewsByEvidence, newsEvidence, pageUrl } from './news-signals';
import { inWriterSpace, isForumUrl, isStoryUrl } from './platform-signals';

/** Page types in structured data that may be the subject of an article (a review's product, a guide's questions). */
const SUBJECT_TYPES = new Set(['Product', 'ProductGroup', 'Offer', 'ItemList', 'FAQPage']);

/** Options for `detectArticle`. */
export type DetectOptions = { url?: string };

/** Detection plus the signals it read, for the extraction to reuse. */
export type DetectionDetail = Detection & {
  signals: Signals;
  prose: ProseEvidence | null;
  /** The body, when detection had to extract it to decide. */
  body?: Body;
};

/** Decides whether `doc` is an article and whether it is news. */
export function detectArticle(doc: Document, options: DetectOptions = {}): Detection {
  const { isArticle, isNews, reasons } = detectDetail(doc, options);
  return { isArticle, isNews, reasons };
}

/** `detectArticle` with the signals it read. */
export function detectDetail(doc: Document, options: DetectOptions = {}): DetectionDetail {
  const signals: Signals = { ld: readJsonLd(doc), meta: readMeta(doc), micro: microdataTypes(doc, ARTICLE_TYPES) };
  const reasons: string[] = [];
  const no = (why: string, prose: ProseEvidence | null = null): DetectionDetail => {
    reasons.push(why);
    return { isArticle: false, isNews: false, reasons, signals, prose };
  };
  const { ld, meta, micro } = signals;
  const newsMarkup = ld.articleTypes.some((t) => NEWS_TYPES.has(t)) || micro.some((t) => NEWS_TYPES.has(t));
  const articleMarkup = !!ld.article || micro.some((t) => ARTICLE_TYPES.has(t));
  const ogType = (metaValue(meta, 'og:type') ?? '').toLowerCase();
  const pageTypes = [...ld.types, ...micro].filter((t) => NON_ARTICLE_TYPES.has(t));
  // A review or a guide that the site calls an article may describe its subject
  // (a product, a list, questions and answers) in structured data: the prose decides.
  const subjectOnly = ogType === 'article' && pageTypes.every((t) => SUBJECT_TYPES.has(t));
  if (!articleMarkup && pageTypes.length && !subjectOnly) return no(`structured data ${pageTypes[0]}: not an article`);
  if (!articleMarkup && /^(?:product|profile|music|books?\.|business)/.test(ogType))
    return no(`og:type ${ogType}: not an article`);
  const url = pageUrl(doc, signals, options.url);
  if (!articleMarkup && isForumUrl(url)) return no('forum address');
  const front = !articleMarkup && isFrontUrl(url);

  const newsType = [...ld.articleTypes, ...micro.filter((t) => NEWS_TYPES.has(t))][0];
  const writerSpace = newsMarkup && inWriterSpace(url, authorUrls(signals));
  if (newsMarkup && !writerSpace) {
    // The site's own statement decides, without reading the text.
    reasons.push(`news markup (${newsType})`);
    return { isArticle: true, isNews: true, reasons, signals, prose: null };
  }
  const prose = proseEvidence(doc);
  if (prose.placeholder) return no('placeholder text', prose);
  const shaped = prose.score >= 20 && (prose.clustered >= 2 || prose.longest >= 800) && !prose.teasers;
  // Many long paragraphs under one parent: one story, whatever its address or og:type say.
  const oneStory = shaped && prose.score >= 40 && prose.clustered >= 4;
  // An address like a section's ("/supermarket/") gives way only to a long story.
  if (front && !(oneStory && prose.score >= 150 && prose.clustered >= 6)) return no('front or section page URL', prose);
  // A news story led by a video may call itself one (og:type video.other): its long story decides.
  if (!articleMarkup && ogType.startsWith('video') && !oneStory) return no(`og:type ${ogType}: not an article`, prose);
  let isArticle = articleMarkup || (shaped && (ogType !== 'website' || oneStory));
  let body: Body | undefined;
  const storyUrl = isStoryUrl(url) && !prose.teasers;
  const claimed =
    ogType === 'article' || singleArticleElement(doc) || (prose.storyArticle && !prose.teasers) || storyUrl;
  // A few long paragraphs (a short story), or prose outside <p>s (<br> runs, a <div> per
  // paragraph): judged by the body, which must then be mostly prose.
  const short = !isArticle && !claimed && !shaped && prose.score < SOME_PROSE && shortStory(doc);
  const loose = !isArticle && !claimed && !shaped && (prose.score >= SOME_PROSE || short);
  if (!isArticle && (claimed || shaped || loose)) {
    // Claims to be an article, or is addressed or shaped like one, but its
    // text is not in long <p>s under one parent (lists, <br> runs, short
    // paragraphs, a generic og:type): extract the body and judge its shape.
    body = extractBody(doc, findTitle(doc, signals) ?? '');
    isArticle =
      claimed || shaped ? bodyLooksLikeArticle(body, claimed) : bodyIsMostlyProse(body) || (short && shortBody(body));
    if (isArticle && isPlaceholder(body.map.text)) return no('placeholder text', prose);
  }
  if (!isArticle) return no(`too little article prose (score ${Math.round(prose.score)})`, prose);

  if (articleMarkup) reasons.push(`article markup (${ld.articleTypes[0] ?? 'microdata'})`);
  else reasons.push(body ? 'article-shaped body' : `article prose (score ${Math.round(prose.score)})`);
  // Platforms of individual writers mark every post as news: there the
  // markup is one mark among others.
  if (writerSpace) reasons.push(`news markup (${newsType}) in a writer's space on a platform: weighed with the rest`);
  const evidence = newsEvidence(doc, signals, prose, ogType, url, reasons, writerSpace);
  return { isArticle, isNews: isNewsByEvidence(evidence), reasons, signals, prose, body };
}

/** The authors' addresses: JSON-LD `author.url`, or an `article:author` that is a URL. */
function authorUrls(sig: Signals): string[] {
  const meta = metaValue(sig.meta, 'article:author');
  return meta && /^https?:/.test(meta) ? [...sig.ld.authorUrls, meta] : sig.ld.authorUrls;
}

/** One or two `<article>` elements (more are a list of teasers) or an `articleBody`. */
function singleArticleElement(doc: Document): boolean {
  const n = doc.querySelectorAll('article').length;
  return (n >= 1 && n <= 2) || !!doc.querySelector('[itemprop~="articleBody"]');
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
// The end of a sentence, in any script: a full stop, question or exclamation mark (also the CJK ones).
const SENTENCE_END = /[.!?…。！？](?:["'”’»)\]]*)(?:\s|$)/gu;

/** Length of a text with a CJK character counting three (it carries about three Latin characters). */
function weightedLength(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

/**
 * At least 1,000 characters (a CJK character counts three) in three or more
 * lines. A page that claims to be an article (og:type, one `<article>`, a
 * story's address) may be a short one: 250 characters, with a line of prose (≥ 100) and two sentences.
 */
function bodyLooksLikeArticle(body: Body, claimed: boolean): boolean {
  const text = body.map.text;
  const length = weightedLength(text);
  const lines = text.split('\n');
  if (length >= 1000) return lines.filter((line) => line.length >= 20).length >= 3;
  if (!claimed || length < 250) return false;
  const prose = lines.filter((line) => weightedLength(line) >= 100);
  return (
    prose.length >= 1 && prose.join(' ').match(SENTENCE_END) !== null && (text.match(SENTENCE_END)?.length ?? 0) >= 2
  );
}

/**
 * The body of a page that neither claims to be an article nor has its paragraphs: a run of
 * three or more lines of prose (60 characters or more, a CJK one counting three, ending a
 * sentence) one after the other, 700 characters in all and half the text at least. One short
 * line (a sub-heading, a caption) after a line of prose does not end a run that has two lines
 * of prose since the last short line, or three in all: a story is cut into sections. The
 * short items of a landing page or a list, one line under each heading, make no such run.
 */
function bodyIsMostlyProse(body: Body): boolean {
  const text = body.map.text;
  const length = weightedLength(text);
  if (length < 700) return false;
  let best = 0;
  let run = 0;
  let lines = 0;
  // Lines of prose since the last short line.
  let section = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const n = weightedLength(line);
    SENTENCE_END.lastIndex = 0;
    if (n >= 60 && SENTENCE_END.test(`${line} `)) {
      run += n;
      lines++;
      section++;
    } else if (n < 120 && (section >= 2 || (section >= 1 && lines >= 3))) section = 0;
    else run = lines = section = 0;
    if (lines >= 3) best = Math.max(best, run);
  }
  return best >= 700 && best * 2 >= length;
}

/**
 * The body of a short story found by its run of paragraphs (`shortStory`): under 1,000
 * characters (a CJK one counting three), judged as the body of a page that claims to be an
 * article is; a longer body must be mostly prose.
 */
function shortBody(body: Body): boolean {
  return weightedLength(body.map.text) < 1000 && bodyLooksLikeArticle(body, true);
}
