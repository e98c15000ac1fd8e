/**
 * The every-page gate (`mayBeArticle`) turns a page away only where the full
 * detection would too: checked on the fixtures and on every page of the shared
 * corpus (`../shared/corpus/readability`, skipped when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../../../utils/extract';
import { mayBeArticle } from '../../../utils/extract/gate';
import { corpusPath } from '../../corpus';

const { path: CORPUS, present } = corpusPath('readability/', 'gate tests over the corpus');
const { path: SNIPPETS, present: snippetsPresent } = corpusPath('snippets/', 'gate tests over the snippets pages');
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

  it('lets a page through whose prose is outside <p>s, or is one short story', () => {
    const line =
      'We walked along the river for most of the afternoon, and the light on the water changed every few minutes as the clouds moved over the hills. ';
    const brs = `<html><body><div class="post">${Array.from({ length: 6 }, () => line.repeat(2)).join('<br><br>')}</div></body></html>`;
    expect(judge(brs)).toEqual({ gate: true, detect: true });
    const divs = `<html><body><div>${Array.from({ length: 6 }, () => `<div>${line.repeat(2)}</div>`).join('')}</div></body></html>`;
    expect(judge(divs)).toEqual({ gate: true, detect: true });
    // One long paragraph and short ones (under 140 characters): a short story, not shaped like a long one.
    const lead =
      'The council voted on Tuesday night to close the old bridge to cars from next month, after engineers found that two of its supports had cracked during the winter floods and could not be repaired this year. ';
    const shorts = [
      'Buses will use the northern road instead, adding about ten minutes to the trip into town.',
      'The mayor said the decision was difficult but that safety had to come first for everyone.',
      'Shops near the bridge fear that fewer people will stop on their way home in the evening.',
      'A new bridge is planned, but the money for it has not yet been found in the budget.',
      'Residents can send their views to the council until the end of the month by letter.',
      'The next meeting of the council is on the first Tuesday of March, in the town hall.',
      'Cyclists and people on foot may still cross the bridge while the work is being planned.',
    ];
    const short = `<html><body><nav><a href="/">Home</a></nav><div><p>${lead.repeat(2)}</p>${shorts.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`;
    expect(judge(short)).toEqual({ gate: true, detect: true });
  });

  it('turns away a page without text, and one of placeholder text', () => {
    expect(judge('<html><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>').gate).toBe(false);
    const lorem = '<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt.</p>';
    expect(judge(`<html><body><div>${lorem.repeat(12)}</div></body></html>`).gate).toBe(false);
  });

  it.skipIf(!present)(
    'never turns away a corpus page that the full detection takes for an article',
    () => {
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
    },
    120_000,
  );

  it.skipIf(!snippetsPresent)(
    'never turns away a snippets page (many languages, any markup) that the full detection takes',
    () => {
      const labels = JSON.parse(readFileSync(join(SNIPPETS, 'labels.json'), 'utf8')) as Record<string, { url: string }>;
      const missed: string[] = [];
      for (const [id, { url }] of Object.entries(labels)) {
        const html = new TextDecoder().decode(gunzipSync(readFileSync(join(SNIPPETS, 'html', `${id}.html.gz`))));
        const { gate, detect } = judge(html, /^https?:/.test(url) ? url : URL);
        if (detect && !gate) missed.push(id);
      }
      expect(missed).toEqual([]);
    },
    120_000,
  );
});
