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

/** A site's front page: there the full detection reads only a long story as an article. */
const FRONT_URL = 'http://fakehost/';

function judge(html: string, url = URL): { gate: boolean; detect: boolean } {
  const doc = parseHTML(html).document as unknown as Document;
  return { gate: mayBeArticle(doc, url), detect: detectArticle(doc, { url }).isArticle };
}

describe('mayBeArticle', () => {
  it('lets the fixture articles through and turns the front page away', () => {
    const dir = 'tests/fixtures/pages';
    for (const name of ['seed', 'german', 'notes'])
      expect(judge(readFileSync(join(dir, name, 'index.html'), 'utf8')).gate).toBe(true);
    expect(judge(readFileSync(join(dir, 'front', 'index.html'), 'utf8'))).toEqual({ gate: false, detect: false });
  });

  it('turns away a front page of short items, and lets a long story there through', () => {
    const item = (i: number) =>
      `<div><p>Item ${i}: a short summary of one of the stories of the day, linking to it, with a few words more to be long enough.</p></div>`;
    const items = `<html><body><main>${Array.from({ length: 12 }, (_, i) => item(i)).join('')}</main></body></html>`;
    expect(judge(items, FRONT_URL)).toEqual({ gate: false, detect: false });
    // Paragraphs that differ in their words (one paragraph repeated is filler).
    const words = [
      'council',
      'harbour',
      'railway',
      'market',
      'school',
      'bridge',
      'museum',
      'festival',
      'hospital',
      'library',
    ];
    const paragraph = (i: number) =>
      `<p>The ${words[i % 10]} was the subject of the ${words[(i * 3 + 1) % 10]} meeting, where the ${words[(i * 7 + 2) % 10]} ` +
      `and the ${words[(i + 5) % 10]} were discussed at length by residents, officials and the people who run the ${words[(i * 9) % 10]} today.</p>`;
    const story = `<html><body><div>${Array.from({ length: 30 }, (_, i) => paragraph(i)).join('')}</div></body></html>`;
    expect(judge(story, FRONT_URL).gate).toBe(true);
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
      const html = readFileSync(file, 'utf8');
      const { gate, detect } = judge(html);
      if (!gate) turnedAway++;
      if (detect && !gate) missed.push(name);
      // The same page at a front page's address (unless its canonical link or og:url says otherwise).
      const front = judge(html, FRONT_URL);
      if (front.detect && !front.gate) missed.push(`${name} (front)`);
    }
    expect(missed).toEqual([]);
    expect(turnedAway).toBeGreaterThan(0);
  });
});
