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
import { proseEvidence, type ProseEvidence } from './evidence';
import { isFrontUrl, isNewsByEvidence, newsEvidence, pageUrl } from './news-signals';
import { inWriterSpace } from './platform-signals';

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
  if (!articleMarkup && pageTypes.length) return no(`structured data ${pageTypes[0]}: not an article`);
  if (!articleMarkup && /^(?:product|profile|video|music|books?\.|business)/.test(ogType))
    return no(`og:type ${ogType}: not an article`);
  const url = pageUrl(doc, signals, options.url);
  if (!articleMarkup && isFrontUrl(url)) return no('front or section page URL');

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
  let isArticle = articleMarkup || (shaped && (ogType !== 'website' || (prose.score >= 40 && prose.clustered >= 4)));
  let body: Body | undefined;
  if (!isArticle && (ogType === 'article' || singleArticleElement(doc))) {
    // Claims to be an article but its text is not in long <p>s (lists, <br>
    // runs, short paragraphs): extract the body and judge its shape.
    body = extractBody(doc, findTitle(doc, signals) ?? '');
    isArticle = bodyLooksLikeArticle(body);
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

/** At least 1,000 characters (a CJK character counts three) in three or more lines. */
function bodyLooksLikeArticle(body: Body): boolean {
  const text = body.map.text;
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  if (text.length + 2 * cjk < 1000) return false;
  return text.split('\n').filter((line) => line.length >= 20).length >= 3;
}
