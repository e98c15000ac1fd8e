/**
 * Article metadata from, in order of trust: JSON-LD, meta tags (og:,
 * article:, twitter:, Dublin Core, Parse.ly), microdata, then visible
 * byline and time elements.
 */
import type { ArticleMetadata } from './types';
import { authorsOf, stringProp, type JsonLdInfo } from './jsonld';
import { metaValue, type MetaTags } from './meta';
import { toIsoDate, urlDate } from './dates';
import { blockText, normText } from './dom';
import { primaryTag } from './language';

/** Structured signals read once and shared by detection and metadata. */
export type Signals = { ld: JsonLdInfo; meta: MetaTags; micro: string[] };

/** Gathers the metadata of a document (`language` from what it declares; `extractArticle` checks it against the text). */
export function readMetadata(doc: Document, sig: Signals, url?: string): ArticleMetadata {
  const a = sig.ld.article;
  const authors = findAuthors(doc, sig);
  const title = findTitle(doc, sig);
  const lang =
    doc.documentElement?.getAttribute('lang') ||
    doc.documentElement?.getAttribute('xml:lang') ||
    metaValue(sig.meta, 'content-language', 'dc:language', 'og:locale') ||
    stringProp(a, 'inLanguage');
  return {
    title,
    byline: authors.length ? authors.join(', ') : null,
    authors,
    publisher: findPublisher(doc, sig, title),
    // The first of the page's dates that is a real one (not "0001-01-01", not next year).
    published: firstDate([
      () => stringProp(a, 'datePublished'),
      ...metaValues(
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
      ),
      () => microValue(doc, 'datePublished'),
      () => timeElement(doc),
      // Last, the day the article's address gives ("/2024/03/05/talks-resume").
      () => urlDate(findCanonical(doc, sig, url) ?? url),
    ]),
    modified: firstDate([
      () => stringProp(a, 'dateModified'),
      ...metaValues(sig.meta, 'article:modified_time', 'og:updated_time', 'dc:modified', 'last-modified'),
      () => microValue(doc, 'dateModified'),
    ]),
    canonicalUrl: findCanonical(doc, sig, url),
    lang,
    language: primaryTag(lang),
  };
}

/** One lazily read value per key, in order. */
function metaValues(meta: MetaTags, ...keys: string[]): (() => string | null)[] {
  return keys.map((k) => () => metaValue(meta, k));
}

/** The first candidate that reads as a real date; candidates are read only as far as needed. */
function firstDate(candidates: (() => string | null)[]): string | null {
  for (const c of candidates) {
    const d = toIsoDate(c());
    if (d) return d;
  }
  return null;
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
    const names = cleanNames(authorsOf(sig.ld.article).flatMap(splitNames));
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
  if (meta && !/^https?:|^\/|www\./.test(meta)) {
    const names = cleanNames(splitNames(meta));
    if (names.length) return names;
  }
  const micro = doc.querySelector('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"]');
  const fromMicro = micro && (micro.getAttribute('content') || blockText(micro));
  if (fromMicro && fromMicro.length < 100) {
    const names = cleanNames(bylineLines(fromMicro).flatMap(splitNames));
    if (names.length) return names;
  }
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
      const text = blockText(el, 300);
      if (text.length < 3 || text.length >= 200 || /about the author|^share|follow/i.test(text)) continue;
      const names = cleanNames(bylineLines(text).flatMap(splitNames));
      if (names.length) return names;
    }
  }
  return [];
}

// What a byline line says besides names: when, and for whom.
const DATE_WORDS =
  /\s*(?:updated|published|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|atualizado)\b.*$/i;
const DATE_TAIL =
  /\s*[|,–—-]?\s*(?:\p{L}+\.? \d{1,2}, \d{4}|\d{1,2}\.? \p{L}+\.? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d).*$/u;
// A news agency, a desk or a role: the line or part is no person's name.
const NOT_A_NAME =
  /\b(?:associated press|press association|reuters|agence france|afp|dpa|ap|upi|efe|ansa|apa|sda|kna|epd|xinhua|kyodo|yonhap|staff|writer|reporter|correspondent|editor|redaktion|rédaction|redacción|redação|newsroom|desk|contributor|contributors|news service|wire|agencies|agency|agentur)\b|\b(?:news|press|media|magazine|zeitung|presse)$/i;
// A news agency after a name on the same line: "ERIC TUCKER Associated Press", "Ann Lee (AFP)".
const AGENCY_TAIL =
  /\s*[(,|/–—-]?\s*\b(?:the )?(?:associated press|press association|reuters|agence france-presse|afp|dpa|ap|upi|efe|ansa|xinhua|kyodo|yonhap)\b.*$/i;
// A date or time: a part with a digit, a month's name alone, a time zone.
const MONTH_OR_TIME =
  /\d|^(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\.?$|\b(?:gmt|utc|[ecmp][sd]t|mez|mesz|cet|cest|uhr)\b/i;

/** The lines of a byline that may hold names: "By" dropped, dates and update notes cut off. */
export function bylineLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(DATE_WORDS, '').replace(DATE_TAIL, '').trim())
    .filter(Boolean);
}

/**
 * Names as a byline should show them: "By" and titles dropped, agencies, roles
 * and dates left out, a name in capitals written as a name ("ERIC TUCKER" →
 * "Eric Tucker"), each name once.
 */
export function cleanNames(names: string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const n = raw
      .replace(/^\s*(?:by|von|par|por|di|door|av)\s+/i, '')
      .replace(AGENCY_TAIL, '')
      .replace(/^[\s|,:–—-]+|[\s|,:–—-]+$/g, '')
      .trim();
    if (n.length < 2 || n.length > 60 || !/\p{L}/u.test(n) || MONTH_OR_TIME.test(n) || NOT_A_NAME.test(n)) continue;
    const words = n.split(/\s+/);
    // One word of two to five capitals is an outlet's initials ("…, Carla Diaz, CNN"), not a name.
    if (words.length > 5 || /^\p{Lu}{2,5}$/u.test(n)) continue;
    const name = n === n.toUpperCase() && /\p{Lu}{2}/u.test(n) ? titleCase(n) : n;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** "By Ann Lee and Bo Chen" → ["Ann Lee", "Bo Chen"]. */
export function splitNames(s: string): string[] {
  const clean = s
    .replace(/^\s*(by|von|par|por|di|door|av)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = clean
    .split(/\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*/i)
    .map((x) => x.trim())
    .filter(Boolean);
  return [...new Set(parts.length ? parts : [clean])].filter((x) => x.length > 1);
}

// Hosting platforms, publishing systems, networks and CDNs: where a page is, not who publishes it.
const PLATFORMS =
  /^(?:wordpress(?:\.com|\.org)?|blogger|blogspot|tumblr|wix(?:\.com)?|squarespace|ghost|weebly|jimdo|typepad|livejournal|over-blog|overblog|hatena(?: blog)?|tistory|naver(?: blog)?|note|drupal|joomla!?|typo3|contao|wagtail|arc ?xp|arc publishing|brightspot|sitecore|adobe experience manager|hubspot|shopify|webflow|github(?: pages)?|gitlab pages|netlify|vercel|cloudflare|amazon(?: web services| s3)?|aws|fastly|akamai|google(?: sites)?|facebook|instagram|youtube|twitter|x|linkedin|apple news|msn|yahoo(?:!)?(?: news)?|flipboard|newsbreak|home|homepage|startseite|accueil|inicio|início|website|site|blog|news)$/i;

function findPublisher(doc: Document, sig: Signals, title: string | null): string | null {
  const candidates = [
    () => sig.ld.publisher?.name ?? null,
    ...metaValues(sig.meta, 'og:site_name', 'application-name', 'dc:publisher', 'publisher', 'cxenseparse:sitename'),
    () => {
      const micro = doc.querySelector('[itemprop~="publisher"] [itemprop~="name"], [itemprop~="publisher"]');
      return micro && (micro.getAttribute('content') || normText(micro));
    },
  ];
  for (const c of candidates) {
    const v = c();
    const p = v && clean(v);
    if (p && isOutletName(p, title)) return p;
  }
  return null;
}

/** Whether a name can be the outlet's: short, not an address, not a platform, not the headline. */
function isOutletName(p: string, title: string | null): boolean {
  if (p.length < 2 || p.length > 80 || /^https?:|^\/|@/.test(p)) return false;
  if (PLATFORMS.test(p)) return false;
  return !title || p.toLowerCase() !== title.toLowerCase() || p.split(' ').length <= 3;
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
