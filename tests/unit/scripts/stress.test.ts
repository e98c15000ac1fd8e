/**
 * The stress transforms of `npm run eval:stress` (`scripts/lib/stress.ts`): each takes away
 * what it says and nothing else, and the word substitution can be undone exactly.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { cipher, decipher, stressDocument } from '../../../scripts/lib/stress';

const PAGE = `<!doctype html><html><head><title>Talks resume</title>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
<meta property="og:type" content="article"><meta property="og:title" content="Talks resume">
<link rel="canonical" href="https://example.org/a"></head>
<body><main><article class="story main" id="s1" itemscope itemtype="https://schema.org/NewsArticle">
<p class="lead">Advertisement</p><p>Zwei Sätze. 서울 北京 東京 Москва.</p></article>
<div class="story">Related</div></main></body></html>`;

function page(): Document {
  return parseHTML(PAGE).document as unknown as Document;
}

describe('stress transforms', () => {
  it('meta: removes structured data, Open Graph, the canonical link and microdata', () => {
    const d = page();
    stressDocument(d, ['meta']);
    expect(d.querySelector('script, meta[property], link[rel="canonical"], [itemscope], [itemtype]')).toBeNull();
    expect(d.querySelector('article')).not.toBeNull();
  });

  it('article: turns <article> and <main> into <div>s with their attributes and content', () => {
    const d = page();
    stressDocument(d, ['article']);
    expect(d.querySelector('article, main')).toBeNull();
    expect(d.querySelector('div#s1')?.querySelectorAll('p').length).toBe(2);
  });

  it('classes: renames every class and id, the same name to the same token', () => {
    const d = page();
    stressDocument(d, ['classes']);
    const [a, b] = [...d.querySelectorAll('[class]')].filter((e) => e.localName !== 'p');
    expect(a.getAttribute('class')).not.toMatch(/story|main/);
    expect(a.getAttribute('class')!.split(' ')[0]).toBe(b.getAttribute('class'));
    expect(d.querySelector('#s1')).toBeNull();
  });

  it('words: substitutes letters in every script, and deciphers exactly', () => {
    const d = page();
    stressDocument(d, ['words']);
    const text = d.querySelector('body')!.textContent!;
    expect(text).not.toContain('Advertisement');
    expect(text).not.toContain('서울');
    expect(decipher(text)).toContain('Advertisement');
    expect(decipher(text)).toContain('Zwei Sätze. 서울 北京 東京 Москва.');
    expect(d.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    for (const s of ['The Minister, 42.', 'Ωμέγα ё я', 'ひらがな カタカナ 힣 鿿']) expect(decipher(cipher(s))).toBe(s);
  });

  it('div and br: <p>s become <div>s, or their content followed by two <br>s', () => {
    const d = page();
    stressDocument(d, ['div']);
    expect(d.querySelector('p')).toBeNull();
    expect(d.querySelector('div.lead')?.textContent).toBe('Advertisement');
    const b = page();
    stressDocument(b, ['br']);
    expect(b.querySelector('p')).toBeNull();
    expect(b.querySelector('article')!.innerHTML).toContain('Advertisement<br><br>');
  });
});
