/**
 * Article metadata from, in order of trust: JSON-LD, meta tags (og:,
 * article:, twitter:, Dublin Core, Parse.ly), microdata, then visible
 * byline and time elements.
 */
import type { ArticleMetadata } from './types';
import { authorsOf, stringProp, type JsonLdInfo } from './jsonld';
import { metaValue, type MetaTags } from './meta';
import { toIsoDate } from './dates';
import { normText } from './dom';

/** Structured signals read once and shared by detection and metadata. */
export type Signals = { ld: JsonLdInfo; meta: MetaTags; micro: string[] };

/** Gathers the metadata of a document. */
export function readMetadata(doc: Document, sig: Signals, url?: string): ArticleMetadata {
  const a = sig.ld.article;
  const authors = findAuthors(doc, sig);
  return {
    title: findTitle(doc, sig),
    byline: authors.length ? authors.join(', ') : null,
    authors,
    publisher: findPublisher(doc, sig),
    published: toIsoDate(
      stringProp(a, 'datePublished') ??
        metaValue(
          sig.meta,
          'article:published_time',
          'og:published_time',
          'parsely-pub-date',
          'pubdate',
          'publishdate',
          'publish-date',
          'date',
          'dc:date',
          'dc:created',
          'sailthru.date',
          'article.published',
        ) ??
        microValue(doc, 'datePublished') ??
        timeElement(doc),
    ),
    modified: toIsoDate(
      stringProp(a, 'dateModified') ??
        metaValue(sig.meta, 'article:modified_time', 'og:updated_time', 'dc:modified', 'last-modified') ??
        microValue(doc, 'dateModified'),
    ),
    canonicalUrl: findCanonical(doc, sig, url),
    lang:
      doc.documentElement?.getAttribute('lang') ||
      metaValue(sig.meta, 'content-language', 'dc:language', 'og:locale') ||
      stringProp(a, 'inLanguage'),
  };
}

/** The headline: JSON-LD, meta tags, microdata, else the cleaned document title. */
export function findTitle(doc: Document, sig: Signals): string | null {
  const docTitle = normText(doc.querySelector('title'));
  const fromData =
    ldHeadline(sig, docTitle) ??
    metaValue(sig.meta, 'dc:title', 'og:title', 'twitter:title', 'parsely-title', 'title', 'sailthru.title') ??
    microValue(doc, 'headline');
  if (fromData) return clean(fromData);
  if (!docTitle) {
    const h1s = doc.querySelectorAll('h1');
    return h1s.length === 1 ? normText(h1s[0]) || null : null;
  }
  // "Headline | Site" or "Headline - Site": keep the headline when it is long enough.
  const cut = docTitle.replace(/^(.*)\s[|\-–—\\/>»·]\s.*$/, '$1');
  return cut.split(/\s+/).length >= 3 ? cut : docTitle;
}

/** JSON-LD headline, or its `name` where that is closer to the document title (some sites put a summary in `headline`). */
function ldHeadline(sig: Signals, docTitle: string): string | null {
  const headline = stringProp(sig.ld.article, 'headline');
  const name = stringProp(sig.ld.article, 'name');
  if (headline && name && headline !== name && docTitle) {
    const h = overlap(headline, docTitle);
    return h < 0.5 && overlap(name, docTitle) > h ? name : headline;
  }
  return headline ?? name;
}

/** Share of `a`'s words found in `b`. */
function overlap(a: string, b: string): number {
  const words = (s: string): string[] =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const inB = new Set(words(b));
  const wa = words(a);
  return wa.length ? wa.filter((w) => inB.has(w)).length / wa.length : 0;
}

function findAuthors(doc: Document, sig: Signals): string[] {
  if (sig.ld.article) {
    const names = authorsOf(sig.ld.article);
    if (names.length) return names;
  }
  const meta = metaValue(
    sig.meta,
    'author',
    'dc:creator',
    'parsely-author',
    'sailthru.author',
    'article:author',
    'byl',
  );
  if (meta && !/^https?:|^\/|www\./.test(meta)) return splitNames(meta);
  const micro = doc.querySelector('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"]');
  const fromMicro = micro && (micro.getAttribute('content') || normText(micro));
  if (fromMicro && fromMicro.length < 100) return splitNames(fromMicro);
  return visibleByline(doc);
}

// In order of trust; the first element with a plausible text wins.
const BYLINE_SELECTORS = [
  '[itemprop~="author"]',
  '[rel="author"]',
  '.byline',
  '[class*="byline"]',
  '[class*="Byline"]',
  '.author',
  '[class*="author"]',
  '[class*="Author"]',
];

/** Names from the page's visible byline element. */
function visibleByline(doc: Document): string[] {
  for (const selector of BYLINE_SELECTORS) {
    const els = Array.from(doc.querySelectorAll(selector)).slice(0, 10);
    for (const el of els) {
      if (el.localName === 'link' || el.localName === 'meta') continue;
      const text = normText(el)
        .replace(/\s*(?:updated|published|posted|veröffentlicht|publié|mis à jour)\b.*$/i, '')
        .replace(/\s*[|,–—-]?\s*(?:\w+\.? \d{1,2}, \d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}).*$/, '');
      if (text.length >= 3 && text.length < 100 && !/about the author|^share|follow/i.test(text))
        return splitNames(text);
    }
  }
  return [];
}

/** "By Ann Lee and Bo Chen" → ["Ann Lee", "Bo Chen"]. */
export function splitNames(s: string): string[] {
  const clean = s
    .replace(/^\s*(by|von|par|por|di|door|av)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = clean
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*/i)
    .map((x) => x.trim())
    .filter(Boolean);
  return [...new Set(parts.length ? parts : [clean])].filter((x) => x.length > 1);
}

function findPublisher(doc: Document, sig: Signals): string | null {
  const p =
    sig.ld.publisher?.name ??
    metaValue(sig.meta, 'og:site_name', 'application-name', 'dc:publisher', 'publisher', 'cxenseparse:sitename');
  if (p) return clean(p);
  const micro = doc.querySelector('[itemprop~="publisher"] [itemprop~="name"], [itemprop~="publisher"]');
  const name = micro && (micro.getAttribute('content') || normText(micro));
  return name && name.length < 80 ? name : null;
}

function findCanonical(doc: Document, sig: Signals, url?: string): string | null {
  const href =
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    metaValue(sig.meta, 'og:url') ??
    stringProp(sig.ld.article, 'url') ??
    stringProp(sig.ld.article, 'mainEntityOfPage');
  if (!href) return url ?? null;
  try {
    return new URL(href, url ?? doc.baseURI ?? undefined).href;
  } catch {
    return /^https?:/.test(href) ? href : (url ?? null);
  }
}

function microValue(doc: Document, prop: string): string | null {
  const el = doc.querySelector(`[itemprop~="${prop}"]`);
  if (!el) return null;
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? (normText(el) || null);
}

/** A visible `<time>` that marks publication. */
function timeElement(doc: Document): string | null {
  const t = doc.querySelector('time[pubdate], time[itemprop~="datePublished"], article time[datetime], time[datetime]');
  return t?.getAttribute('datetime') ?? null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
