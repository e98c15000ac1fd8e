/**
 * Article extraction on a live document: is it an article, is it news, its
 * metadata, and its body text with a map back to the DOM. Read-only: the page
 * is never modified, so it can run on any site and again after mutations.
 */
import type { Extraction } from './types';
import { detectDetail, type DetectOptions } from './detect';
import { readMetadata } from './metadata';
import { extractBody } from './extract-body';
import { pageLanguage } from './language';

export { detectArticle } from './detect';
export { extractBody } from './extract-body';
export type { DetectOptions } from './detect';
export type { Extraction, Detection, ArticleMetadata } from './types';

/** Options for `extractArticle`. */
export type ExtractOptions = DetectOptions & {
  /** Extract a body even when the page is not recognised as an article. */
  force?: boolean;
};

/** Finds the article in a live document: whether it is one, its metadata and its body text. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Extraction {
  const det = detectDetail(doc, options);
  const metadata = readMetadata(doc, det.signals, options.url);
  const base = { isArticle: det.isArticle, isNews: det.isNews, reasons: det.reasons, metadata };
  if (!det.isArticle && !options.force) {
    metadata.language = pageLanguage([metadata.lang], metadata.title ?? '');
    return { ...base, roots: [], map: { text: '', segments: [] } };
  }
  const body = det.body ?? extractBody(doc, metadata.title ?? '', det.isArticle);
  metadata.language = pageLanguage([metadata.lang], body.map.text || (metadata.title ?? ''));
  return { ...base, roots: body.roots, map: body.map };
}
