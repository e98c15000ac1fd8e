import { TextMapBuilder } from '../dom/text-map';
import type { Extraction } from './types';

/** Options for `extractArticle`. */
export type ExtractOptions = {
  /** The page's URL, where the document does not know it (Node). */
  url?: string;
  /** Extract a body even when the page is not recognised as an article. */
  force?: boolean;
};

/**
 * Finds the article in a live document: whether it is one, its metadata and
 * its body text with a map back to the DOM. (Placeholder until extraction lands.)
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Extraction {
  const root = doc.querySelector('article') ?? doc.body;
  const builder = new TextMapBuilder();
  for (const p of root ? Array.from(root.querySelectorAll('p')) : []) {
    const walker = doc.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) builder.appendNode(n as Text);
    builder.separate();
  }
  const isArticle = options.force || !!doc.querySelector('article');
  return {
    isArticle,
    isNews: isArticle,
    reasons: [],
    metadata: {
      title: doc.title || null,
      byline: null,
      authors: [],
      publisher: null,
      published: null,
      modified: null,
      canonicalUrl: options.url ?? null,
      lang: doc.documentElement?.getAttribute('lang') ?? null,
    },
    roots: root && isArticle ? [root] : [],
    map: isArticle ? builder.build() : { text: '', segments: [] },
  };
}
