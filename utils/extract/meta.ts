/**
 * Reads `<meta>` tags (Open Graph, article:, twitter:, Dublin Core, Parse.ly,
 * plain names) into one lookup, and schema.org microdata types.
 */

/** Meta values by lower-cased `name`/`property` (first non-empty value wins). */
export type MetaTags = Map<string, string>;

/** Collects every `<meta name|property|http-equiv content>` of the document. */
export function readMeta(doc: Document): MetaTags {
  const meta: MetaTags = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = (el.getAttribute('content') ?? '').trim();
    if (!content) continue;
    const keys = `${el.getAttribute('name') ?? ''} ${el.getAttribute('property') ?? ''} ${el.getAttribute('http-equiv') ?? ''}`;
    for (const key of keys.toLowerCase().split(/\s+/)) {
      // "dc.title", "dc:title" and "dcterms.title" are the same field.
      const k = key.replace(/^(dc|dcterms?)[.:]/, 'dc:');
      if (k && !meta.has(k)) meta.set(k, content);
    }
  }
  return meta;
}

/** The first meta value among `keys`. */
export function metaValue(meta: MetaTags, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

/**
 * schema.org types named by microdata `itemtype` attributes (without prefix).
 * Article types repeated on three or more items are a list of teasers (a
 * front page), so they are left out.
 */
export function microdataTypes(doc: Document, articleTypes: Set<string>): string[] {
  const out: string[] = [];
  let articles = 0;
  for (const el of Array.from(doc.querySelectorAll('[itemtype]'))) {
    for (const t of (el.getAttribute('itemtype') ?? '').split(/\s+/)) {
      if (!/schema\.org/i.test(t)) continue;
      const type = t.replace(/^.*[/:#]/, '');
      if (articleTypes.has(type)) articles++;
      out.push(type);
    }
  }
  return articles >= 3 ? out.filter((t) => !articleTypes.has(t)) : out;
}
