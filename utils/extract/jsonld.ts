/**
 * Reads schema.org JSON-LD: the page's article item (if any) and what kind of
 * page the structured data says this is. Only top-level items, `@graph`
 * members and a WebPage's `mainEntity` count, so a front page's list of
 * teasers is not mistaken for an article.
 */

/** schema.org types that are journalism. */
export const NEWS_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'LiveBlogPosting',
]);
/** schema.org types that are articles of any kind. */
export const ARTICLE_TYPES = new Set([
  ...NEWS_TYPES,
  'Article',
  'BlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'APIReference',
  'SatiricalArticle',
  'MedicalScholarlyArticle',
  'AdvertiserContentArticle',
]);
/** schema.org page types that are not a single article. */
export const NON_ARTICLE_TYPES = new Set([
  'CollectionPage',
  'ItemList',
  'SearchResultsPage',
  'Product',
  'ProductGroup',
  'Offer',
  'ProfilePage',
  'DiscussionForumPosting',
  'QAPage',
  'FAQPage',
  'CheckoutPage',
  'Store',
]);

/** What the JSON-LD of a page says about it. */
export type JsonLdInfo = {
  /** Types of the top-level items, without the schema.org prefix. */
  types: string[];
  /** The first item with an article type, if any. */
  article: Record<string, unknown> | null;
  articleTypes: string[];
  /** Publisher (or site) of the page, with its types. */
  publisher: { name: string | null; types: string[] } | null;
  /** The article item's publication date and whether it names an author. */
  datePublished: string | null;
  hasAuthor: boolean;
  /** Addresses of the article item's authors (their `url` or `@id`). */
  authorUrls: string[];
};

/** Parses every JSON-LD script of the document; malformed ones are ignored. */
export function readJsonLd(doc: Document): JsonLdInfo {
  const info: JsonLdInfo = {
    types: [],
    article: null,
    articleTypes: [],
    publisher: null,
    datePublished: null,
    hasAuthor: false,
    authorUrls: [],
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    let data: unknown;
    try {
      // Pages saved as XHTML wrap scripts in CDATA sections or comments.
      const text = (script.textContent ?? '')
        .replace(/^\s*(?:\/\*\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*\/)?/, '')
        .replace(/(?:\/\*\s*)?(?:\]\]>|-->)(?:\s*\*\/)?\s*$/, '');
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const item of topItems(data)) consider(item, info);
  }
  return info;
}

function topItems(data: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (x: unknown, depth: number): void => {
    if (depth > 3 || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach((y) => add(y, depth + 1));
    const o = x as Record<string, unknown>;
    if (o['@graph']) add(o['@graph'], depth + 1);
    if (o['@type']) out.push(o);
    const types = typesOf(o);
    if (o.mainEntity && types.some((t) => /Page$/.test(t))) add(o.mainEntity, depth + 1);
  };
  add(data, 0);
  return out;
}

/** An item's types without prefixes ("http://schema.org/NewsArticle" → "NewsArticle"). */
export function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

function consider(item: Record<string, unknown>, info: JsonLdInfo): void {
  const types = typesOf(item);
  info.types.push(...types);
  if (!info.article && types.some((t) => ARTICLE_TYPES.has(t))) {
    info.article = item;
    info.articleTypes = types;
    info.datePublished = stringProp(item, 'datePublished');
    info.hasAuthor = authorsOf(item).length > 0;
    info.authorUrls = authorUrlsOf(item);
    const pub = (item.publisher ?? item.sourceOrganization) as unknown;
    const p = Array.isArray(pub) ? pub[0] : pub;
    if (p && typeof p === 'object') info.publisher = { name: nameOf(p), types: typesOf(p as Record<string, unknown>) };
    else if (typeof p === 'string') info.publisher = { name: p, types: [] };
  }
  if (!info.publisher && types.some((t) => /Organization$/.test(t))) {
    info.publisher = { name: nameOf(item), types };
  }
}

/** The `name` of a schema.org thing, or the string itself. */
export function nameOf(x: unknown): string | null {
  if (typeof x === 'string') return x.trim() || null;
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const n = (x as Record<string, unknown>).name;
    if (typeof n === 'string') return n.trim() || null;
    if (Array.isArray(n) && typeof n[0] === 'string') return n[0].trim() || null;
  }
  return null;
}

/** Names of an item's authors (`author` or `creator`), in order, without duplicates. */
export function authorsOf(item: Record<string, unknown>): string[] {
  const raw = item.author ?? item.creator;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const names = list.map(nameOf).filter((n): n is string => !!n && !/^https?:/.test(n));
  return [...new Set(names)];
}

/** Addresses (`url`, else `@id`) of an item's authors. */
function authorUrlsOf(item: Record<string, unknown>): string[] {
  const raw = item.author ?? item.creator;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const urls: string[] = [];
  for (const a of list) {
    const o = a && typeof a === 'object' ? (a as Record<string, unknown>) : null;
    const u = typeof a === 'string' ? a : o && (o.url ?? o['@id']);
    if (typeof u === 'string' && /^https?:/.test(u)) urls.push(u);
  }
  return urls;
}

/** A string property of an item (first of an array). */
export function stringProp(item: Record<string, unknown> | null, key: string): string | null {
  const v = item?.[key];
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s === 'string') return s.trim() || null;
  if (s && typeof s === 'object') {
    const id = (s as Record<string, unknown>)['@id'] ?? (s as Record<string, unknown>).url;
    if (typeof id === 'string') return id;
  }
  return null;
}
