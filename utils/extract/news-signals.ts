/**
 * Marks of journalism on a page without trusted news markup, weighed as
 * points: datelines and attribution verbs in the prose, news metadata
 * (publication date, section, byline), a news publisher or section, a dated
 * URL, a digest of stories each signed and dated, a writer who stays out of
 * the story; against it, the first and second person of a personal post or a
 * how-to, a blog's or a fiction chapter's address.
 */
import { metaValue } from './meta';
import { visibleText } from './dom';
import type { Signals } from './metadata';
import type { ProseEvidence } from './evidence';
import { isBlogUrl, isChapterUrl } from './platform-signals';
import { hasDate } from './dates';
import { bylinedSections } from './digest';

// "News" in a few languages, for site names, sections, keywords and URL paths.
const NEWS_WORD =
  /(?:^|[^\p{L}])(?:news|nachrichten|meldung|noticias|notícias|nouvelles|actualités|zprávy|zpravy|notizie|nieuws|wiadomości|новости)(?:$|[^\p{L}])|新闻|新聞|ニュース|뉴스|资讯|報道|报道/iu;

/** The page's own URL: canonical link, og:url, the one given, or the document's. */
export function pageUrl(doc: Document, sig: Signals, given?: string): string | null {
  return (
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    metaValue(sig.meta, 'og:url') ??
    given ??
    doc.URL ??
    null
  );
}

/** Whether a URL is a site's front or a section front ("/", "/news/", "/es/"), not a story. */
export function isFrontUrl(url: string | null): boolean {
  if (!url) return false;
  let path: string;
  try {
    const u = new URL(url, 'http://x.invalid/');
    if (!/^https?:$/.test(u.protocol)) return false; // about:blank, file: (saved pages, Node)
    if (/\d/.test(u.search)) return false; // "?id=123": a story addressed by query
    path = u.pathname;
  } catch {
    return false;
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return true;
  return parts.length === 1 && /^[\p{L}]{1,20}$/u.test(parts[0]) && !/\.\w+$/.test(parts[0]);
}

/** Evidence of journalism, in three kinds (see `isNewsByEvidence`). */
export type NewsEvidence = {
  /** Marks few other pages have: dateline (or a date leading the story), attribution verbs, news publisher, section, dated URL, a digest of signed and dated stories. */
  strong: number;
  /** Marks every publishing system adds (og:type article, a date, a byline, a section or tags), an impersonal voice, untrusted news markup. */
  weak: number;
  /** A personal voice (first or second person), blog/social markup, a blog address, a fiction chapter's address. */
  against: number;
  /** The page states when it was published: in metadata, a dateline, or the bylines of a digest. */
  dated: boolean;
};

/**
 * Weighs the marks of journalism of a page whose markup does not settle it;
 * `newsMarkup` when it has news markup that is not trusted alone (a writer's
 * space on a platform).
 */
export function newsEvidence(
  doc: Document,
  sig: Signals,
  prose: ProseEvidence,
  ogType: string,
  url: string | null,
  reasons: string[],
  newsMarkup = false,
): NewsEvidence {
  const ev: NewsEvidence = { strong: 0, weak: 0, against: 0, dated: false };
  const add = (kind: 'strong' | 'weak' | 'against', n: number, why: string): void => {
    ev[kind] += n;
    reasons.push(`${n > 0 ? '+' : ''}${n} ${why}`);
  };
  const { meta, ld } = sig;
  if (ld.publisher?.types.includes('NewsMediaOrganization')) add('strong', 3, 'news publisher');
  if (prose.dateline) add('strong', 3, 'dateline');
  else if (prose.dateLead) add('strong', 2, 'date leads the story');
  if (prose.attribution >= 7) add('strong', 2, `attribution verbs ${prose.attribution.toFixed(1)}‰`);
  else if (prose.attribution >= 2.4) add('strong', 1, `attribution verbs ${prose.attribution.toFixed(1)}‰`);
  const where = [metaValue(meta, 'og:site_name', 'application-name', 'topic', 'keywords', 'article:section'), url].join(
    ' ',
  );
  if (NEWS_WORD.test(where)) add('strong', 1, 'news site or section');
  if (url && /\/(?:19|20)\d\d[/-]?[01]\d[/-]?[0-3]\d(?:\/|[-_]|$)/.test(url)) add('strong', 1, 'dated URL');

  if (newsMarkup) add('weak', 1, 'news markup');
  if (ogType === 'article') add('weak', 1, 'og:type article');
  const metaDate = !!(
    ld.datePublished ||
    metaValue(meta, 'article:published_time', 'parsely-pub-date', 'pubdate', 'publishdate', 'date', 'dc:date')
  );
  if (metaDate) add('weak', 1, 'published date');
  else if (visibleDate(doc)) add('weak', 1, 'visible date');
  if (hasByline(doc, sig)) add('weak', 1, 'byline');
  if (metaValue(meta, 'article:section', 'news_keywords', 'parsely-section', 'article:tag'))
    add('weak', 1, 'section or tags');
  // The writer stays out of the story: no "I", "we" or "you" outside quotations.
  const impersonal = prose.english && prose.words >= 300 && prose.firstPerson < 3 && prose.secondPerson < 10;
  if (impersonal) add('weak', 1, 'impersonal voice');
  // Several stories, each under its own headline and signed and dated byline:
  // an edition or digest of a news outlet, whose bylines say when it was published.
  const sections = impersonal && !prose.teasers ? bylinedSections(doc) : 0;
  if (sections >= 2) add('strong', 1, `news digest: ${sections} headlined, signed and dated stories`);
  ev.dated = metaDate || prose.dateline || prose.dateLead || ogType === 'article' || sections >= 2;

  if (prose.firstPerson >= 20) add('against', -3, `first person ${prose.firstPerson.toFixed(1)}‰`);
  else if (prose.firstPerson >= 15) add('against', -2, `first person ${prose.firstPerson.toFixed(1)}‰`);
  else if (prose.firstPerson >= 9) add('against', -1, `first person ${prose.firstPerson.toFixed(1)}‰`);
  if (prose.secondPerson >= 20) add('against', -1, `second person ${prose.secondPerson.toFixed(1)}‰`);
  const types = [...ld.articleTypes, ...sig.micro];
  if (types.some((t) => t === 'Blog' || t === 'BlogPosting' || t === 'SocialMediaPosting'))
    add('against', -1, 'marked as a blog or social post');
  if (isBlogUrl(url)) add('against', -1, 'blog address');
  if (isChapterUrl(url)) add('against', -3, 'filed as a chapter (serial fiction)');
  return ev;
}

/**
 * News when the evidence adds up to 3, with at least one strong mark (or all
 * four weak ones), and the page says when it was published: publishing
 * systems give blogs the same metadata as newspapers, so metadata alone is
 * not enough.
 */
export function isNewsByEvidence(ev: NewsEvidence): boolean {
  return ev.strong + ev.weak + ev.against >= 3 && (ev.strong >= 1 || ev.weak >= 4) && ev.dated;
}

const DATE_SELECTOR =
  'time, [class*="date"], [class*="Date"], [class*="time"], [class*="publish"], [id*="date"], [id*="time"]';

/** A publication date shown near the headline or in a date-classed element. */
function visibleDate(doc: Document): boolean {
  const texts: string[] = [];
  const h1 = doc.querySelector('h1');
  if (h1?.parentElement) texts.push(visibleText(h1.parentElement, 600));
  const els = Array.from(doc.querySelectorAll(DATE_SELECTOR)).slice(0, 30);
  for (const el of els) texts.push(visibleText(el, 100));
  return texts.some(hasDate);
}

const BYLINE_SELECTOR = '[rel="author"], [itemprop~="author"], [class*="byline"], [class*="Byline"], [class*="author"]';

function hasByline(doc: Document, sig: Signals): boolean {
  if (sig.ld.hasAuthor || metaValue(sig.meta, 'author', 'article:author', 'dc:creator', 'parsely-author', 'byl'))
    return true;
  return !!doc.querySelector(BYLINE_SELECTOR);
}
