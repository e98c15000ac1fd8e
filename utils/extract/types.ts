import type { TextMap } from '../dom/text-map';

/** What Gloss knows of a page beyond its text. Dates are ISO 8601. */
export type ArticleMetadata = {
  title: string | null;
  byline: string | null;
  authors: string[];
  publisher: string | null;
  published: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  /** The language tag as the page declares it ("en-GB"). */
  lang: string | null;
  /**
   * The page's language as a primary subtag ("en", "de", "ko"): what the page
   * declares, unless a confident guess from the article's text (its script,
   * its commonest words) says otherwise; null when neither says. The content
   * script paints only quotations where it is not "en".
   */
  language: string | null;
};

/** Whether a page is an article, and whether it is journalism. */
export type Detection = {
  isArticle: boolean;
  isNews: boolean;
  /** Short human-readable reasons, for debugging and the popup. */
  reasons: string[];
};

/** The article of a live document: its text with a map back to the DOM. */
export type Extraction = Detection & {
  metadata: ArticleMetadata;
  /** Element(s) holding the article body; empty when not an article. */
  roots: Element[];
  /** Article text (paragraphs separated by blank lines) and its DOM map. */
  map: TextMap;
};
