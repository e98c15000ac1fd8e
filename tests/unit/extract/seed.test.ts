import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { detectArticle, extractArticle } from '../../../utils/extract';
import { domPosition } from '../../../utils/dom/text-map';

const SEED = fileURLToPath(new URL('../../fixtures/pages/seed/index.html', import.meta.url));
const html = readFileSync(SEED, 'utf8');

const FIRST = 'BEIJING, Feb. 24 (Xinhua) -- Chinese Foreign Minister Wang Yi delivered a video address';
const LAST = 'to create a brighter future for human rights worldwide, Wang added.';

function linkedomDoc(): Document {
  return parseHTML(html).document as unknown as Document;
}

function happyDoc(): Document {
  const window = new Window({ url: 'http://127.0.0.1/seed/index.html' });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe.each([
  ['linkedom', linkedomDoc],
  ['happy-dom', happyDoc],
])('seed page under %s', (_name, load) => {
  it('is detected as news from its structured data', () => {
    const d = detectArticle(load());
    expect(d).toMatchObject({ isArticle: true, isNews: true });
    expect(d.reasons.join(' ')).toMatch(/NewsArticle/);
  });

  it('extracts exactly the seven paragraphs of the story', () => {
    const ex = extractArticle(load());
    const paras = ex.map.text.split('\n\n');
    expect(paras).toHaveLength(7);
    expect(paras[0].startsWith(FIRST)).toBe(true);
    expect(paras[6].endsWith(LAST)).toBe(true);
    expect(ex.map.text).not.toMatch(/Editor:|Share:|Facebook|Related|Spring festival|China reaffirms/);
  });

  it('reads the metadata', () => {
    const { metadata } = extractArticle(load());
    expect(metadata).toMatchObject({
      title: 'China reaffirms commitment to international cooperation in human rights',
      publisher: 'Xinhua',
      published: '2025-02-25T08:30:00+08:00',
      lang: 'en',
    });
  });

  it('maps text offsets back to the live DOM', () => {
    const doc = load();
    const ex = extractArticle(doc);
    const at = ex.map.text.indexOf('Wang Yi');
    // linkedom's Range is minimal: check the mapped DOM positions themselves.
    const from = domPosition(ex.map, at, 'start');
    const to = domPosition(ex.map, at + 'Wang Yi'.length, 'end');
    expect(to?.node).toBe(from?.node);
    expect(from!.node.data.slice(from!.offset, to!.offset)).toBe('Wang Yi');
    expect(ex.roots[0].closest('article')).not.toBeNull();
  });

  it('leaves the DOM unchanged and gives the same result twice', () => {
    const doc = load();
    const before = doc.documentElement.outerHTML;
    const a = extractArticle(doc);
    const b = extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(b.map.text).toBe(a.map.text);
  });
});
