/**
 * Extraction on a sample of real pages from the shared corpus
 * (`../shared/corpus/readability`), read at test time; skipped when absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { bodyScore } from '../../../scripts/lib/article-scores';
import { corpusPath } from '../../corpus';

const { path: CORPUS, present } = corpusPath('readability/', 'corpus extraction tests');

function load(name: string): { doc: Document; expected: string } {
  const html = readFileSync(`${CORPUS}${name}/source.html`, 'utf8');
  const expected = readFileSync(`${CORPUS}${name}/expected.html`, 'utf8');
  return { doc: parseHTML(html).document as unknown as Document, expected };
}

describe.skipIf(!present)('corpus pages', () => {
  it.each(['guardian-1', 'wapo-1', 'folha', 'heise', 'gmw', 'nytimes-2', 'yahoo-3', 'webmd-1'])(
    '%s is news with its body found',
    (name) => {
      const { doc, expected } = load(name);
      const ex = extractArticle(doc, { url: 'http://fakehost/test/page.html' });
      expect(ex).toMatchObject({ isArticle: true, isNews: true });
      expect(bodyScore(ex.map.text, expected).f1).toBeGreaterThan(0.95);
    },
  );

  it.each(['wikipedia', 'mercurial', 'medium-1', 'ietf-1', 'medium-3', 'royal-road'])(
    '%s is an article but not news',
    (name) => {
      const { doc, expected } = load(name);
      const ex = extractArticle(doc, { url: 'http://fakehost/test/page.html' });
      expect(ex).toMatchObject({ isArticle: true, isNews: false });
      expect(bodyScore(ex.map.text, expected).f1).toBeGreaterThan(0.95);
    },
  );

  it.each(['mozilla-1', 'mozilla-2', 'nytimes-5', 'yahoo-2', 'basic-tags-cleaning', 'rtl-1', 'reordering-paragraphs'])(
    '%s is left alone',
    (name) => {
      const ex = extractArticle(load(name).doc);
      expect(ex).toMatchObject({ isArticle: false, isNews: false, roots: [] });
      expect(ex.map.text).toBe('');
    },
  );

  it('never modifies the page', () => {
    const { doc } = load('nytimes-2');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { force: true });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
