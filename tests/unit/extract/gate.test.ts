/**
 * The every-page gate (`mayBeArticle`) turns a page away only where the full
 * detection would too: checked on the fixtures and on every page of the shared
 * corpus (`../shared/corpus/readability`, skipped when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../../../utils/extract';
import { mayBeArticle } from '../../../utils/extract/gate';
import { corpusPath } from '../../corpus';

const { path: CORPUS, present } = corpusPath('readability/', 'gate tests over the corpus');
const URL = 'http://fakehost/test/page.html';

function judge(html: string): { gate: boolean; detect: boolean } {
  const doc = parseHTML(html).document as unknown as Document;
  return { gate: mayBeArticle(doc, URL), detect: detectArticle(doc, { url: URL }).isArticle };
}

describe('mayBeArticle', () => {
  it('lets the fixture articles through and turns the front page away', () => {
    const dir = 'tests/fixtures/pages';
    for (const name of ['seed', 'german', 'notes'])
      expect(judge(readFileSync(join(dir, name, 'index.html'), 'utf8')).gate).toBe(true);
    expect(judge(readFileSync(join(dir, 'front', 'index.html'), 'utf8'))).toEqual({ gate: false, detect: false });
  });

  it('turns away a page without text, and one of placeholder text', () => {
    expect(judge('<html><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>').gate).toBe(false);
    const lorem = '<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt.</p>';
    expect(judge(`<html><body><div>${lorem.repeat(12)}</div></body></html>`).gate).toBe(false);
  });

  it.skipIf(!present)('never turns away a corpus page that the full detection takes for an article', () => {
    const missed: string[] = [];
    let turnedAway = 0;
    for (const name of readdirSync(CORPUS)) {
      const file = join(CORPUS, name, 'source.html');
      if (!existsSync(file)) continue;
      const { gate, detect } = judge(readFileSync(file, 'utf8'));
      if (!gate) turnedAway++;
      if (detect && !gate) missed.push(name);
    }
    expect(missed).toEqual([]);
    expect(turnedAway).toBeGreaterThan(0);
  });
});
