/**
 * The article's edges: text of adjacent blocks never glued, and the furniture
 * that sits inside or around an article body (boxes of related links, calls to
 * action in capitals, headings left dangling, boxes about the writer, sign-up
 * boxes) left out of the analysed text. Small pages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { wordsMeet } from '../../../utils/extract/text';

const LONG =
  'The minister said on Monday that the talks, which began last year, would resume in the spring, and that both sides had agreed to a framework for the next round.';
const LANG =
  'Der Minister sagte am Montag, die Gespräche, die im vergangenen Jahr begonnen hatten, würden im Frühjahr fortgesetzt, und beide Seiten hätten sich auf einen Rahmen geeinigt.';

function doc(body: string, head = '', lang = 'en'): Document {
  return parseHTML(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;
}

function text(body: string): string {
  return extractArticle(doc(body), { force: true }).map.text;
}

describe('separators between pieces of a page', () => {
  it('puts a virtual space where text meets across element edges without white space', () => {
    const d = doc(
      `<article><p>${LONG}</p><p>Written by <a href="/a">Ilhan Omar</a><span>Hillicon Valley</span> today.</p><p>${LONG}</p></article>`,
    );
    const ex = extractArticle(d, { force: true });
    expect(ex.map.text).toContain('Ilhan Omar Hillicon Valley today.');
    // The space is no character of the page: no segment covers it.
    const at = ex.map.text.indexOf('Omar Hillicon') + 'Omar'.length;
    expect(ex.map.segments.some((s) => s.start <= at && at < s.end)).toBe(false);
    expect(ex.map.text).toContain(LONG);
  });

  it('leaves words split by markup whole: drop caps, formulas, quotation marks', () => {
    const t = text(
      `<article><p><span class="dropcap">T</span>he water, H<sub>2</sub>O, was "<i>Clean</i>" and <b>C</b>lear. ${LONG}</p><p>${LONG}</p></article>`,
    );
    expect(t).toContain('The water, H2O, was "Clean" and Clear.');
  });

  it('decides word meetings by case', () => {
    expect(wordsMeet('r', 'Hillicon')).toBe(true);
    expect(wordsMeet('R', 'Associated Press')).toBe(true);
    expect(wordsMeet('.', 'The')).toBe(true);
    expect(wordsMeet('T', 'he')).toBe(false);
    expect(wordsMeet('A', 'NOTHER')).toBe(false);
    expect(wordsMeet('"', 'The')).toBe(false);
    expect(wordsMeet(' ', 'The')).toBe(false);
  });
});

describe('furniture at the edges of the body', () => {
  it('leaves out a box of related links with its title, in any language', () => {
    for (const title of ['Related stories', 'Lesen Sie auch:', 'Notícias relacionadas', '관련기사']) {
      const t = text(
        `<article><p>${LONG}</p><p>${LONG}</p><h3>${title}</h3><ul><li><a href="/1">Another story about a thing</a></li><li><a href="/2">A second story about it</a></li></ul><p>${LONG} End.</p></article>`,
      );
      expect(t).not.toContain(title.replace(':', ''));
      expect(t).not.toContain('Another story');
      expect(t).toContain('End.');
    }
  });

  it('leaves out calls to action in capitals and advertisement labels', () => {
    const t = text(
      `<article><p>${LONG}</p><p><strong><a href="/app">CLICK HERE TO GET THE NEWS APP</a></strong></p><p>Anzeige</p><p>${LONG}</p><p>SUBSCRIBE NOW FOR MORE STORIES</p><p>${LONG}</p></article>`,
    );
    expect(t).toBe([LONG, LONG, LONG].join('\n\n'));
  });

  it('leaves out advertisement labels in other languages and scripts', () => {
    for (const label of ['Werbung', 'Publicité', 'Pubblicità', 'Реклама', '広告', '广告', 'Sponsored']) {
      const t = text(`<article><p>${LANG}</p><div><span>${label}</span></div><p>${LANG}</p></article>`);
      expect(t).toBe(`${LANG}\n\n${LANG}`);
    }
  });

  it('keeps a short sentence in capitals that is part of the story', () => {
    const t = text(`<article><p>${LONG}</p><p>THE END OF AN ERA, HE WROTE.</p><p>${LONG}</p></article>`);
    expect(t).toContain('THE END OF AN ERA, HE WROTE.');
  });

  it('drops headings left with nothing under them at the end', () => {
    const t = text(
      `<article><p>${LONG}</p><p>${LONG}</p><h2>Photos of the visit</h2><figure><img src="a.jpg"></figure><p><strong>More information</strong></p></article>`,
    );
    expect(t).toBe(`${LONG}\n\n${LONG}`);
  });

  it('leaves out boxes about the writer and sign-up boxes', () => {
    const t = text(
      `<article><p>${LONG}</p><div class="newsletter-signup"><p>Get our morning briefing in your inbox every day.</p></div><p>${LONG}</p>
       <div class="author-bio"><p>Jane Doe covers diplomacy and has written for the paper since 2004, after years abroad.</p></div></article>`,
    );
    expect(t).toBe(`${LONG}\n\n${LONG}`);
  });
});

describe('furniture found by its structure alone (meaningless classes, no telling words)', () => {
  const story = [LONG, LANG, LONG.replace('Monday', 'Tuesday')].map((t) => `<p>${t}</p>`).join('');
  // Boxes of links are left out of articles only (on other pages they may be the content).
  const text = (body: string): string => {
    const ex = extractArticle(doc(body, '<meta property="og:type" content="article">'));
    expect(ex.isArticle).toBe(true);
    return ex.map.text;
  };

  it('leaves out teaser cards of one kind that open with a title link, inside or after the story', () => {
    const card = (i: number) =>
      `<div class="q7 x${i}"><h4><a href="/s${i}">A headline of another story number ${i}</a></h4><div>${LANG}</div><span>3 May</span></div>`;
    const t = text(
      `<div class="z1">${story}<div class="w2">${[1, 2, 3].map(card).join('')}</div><p>${LONG} End.</p></div>`,
    );
    expect(t).toContain(LANG);
    expect(t).toContain('End.');
    expect(t).not.toContain('A headline of another story');
    expect(t).not.toContain('3 May');
  });

  it('keeps paragraphs that open with a link, and one box that opens with a link', () => {
    const ps = [1, 2, 3].map((i) => `<p><a href="/p${i}">The minister of state number ${i}</a> ${LONG}</p>`).join('');
    const t = text(
      `<div>${story}${ps}<div class="q7"><a href="/x">A link that opens a box of text</a> ${LANG}</div></div>`,
    );
    expect(t).toContain('The minister of state number 3');
    expect(t).toContain('A link that opens a box of text');
  });

  it('leaves out blocks of links after the last long paragraph, and keeps links inside the story', () => {
    const share = `<div class="k1"><div class="k2">Teilen:</div><ul><li><a href="/f">Facebook</a></li><li><a href="/t">Bluesky</a></li><li><a href="/m">E-Mail</a></li></ul></div>`;
    const inside = `<p><a href="/a">An earlier report</a> on the talks.</p>`;
    const t = text(
      `<div class="k0">${story}${inside}<p>${LONG} Last.</p>${share}<div><a href="/tag/a">Talks</a> · <a href="/tag/b">Europe</a></div></div>`,
    );
    expect(t).toContain('An earlier report on the talks.');
    expect(t).toContain('Last.');
    expect(t).not.toContain('Bluesky');
    expect(t).not.toContain('Europe');
    expect(t).not.toContain('Teilen');
  });
});

describe('articles that are found in any language and shape', () => {
  it('finds a story whose text is in <br>-separated lines at a story address, og:type website', () => {
    const lines = Array.from({ length: 6 }, () => LANG).join('<br><br>');
    const d = doc(
      `<header><a href="/">Zeitung</a></header><div id="articleBody">${lines}</div><footer>Impressum</footer>`,
      '<meta property="og:type" content="website">',
      'de',
    );
    const ex = extractArticle(d, { url: 'https://zeitung.example/politik/gespraeche-werden-fortgesetzt-123456' });
    expect(ex.isArticle).toBe(true);
    expect(ex.map.text.split('\n').filter(Boolean)).toHaveLength(6);
  });

  it('finds a short post that the site calls an article', () => {
    const d = doc(
      `<article><h1>Ein kurzer Beitrag</h1><div class="entry">Ein kurzer Text über den Nebel am Morgen. Er lag dicht über dem Fluss, bis die Sonne kam und ihn in wenigen Minuten auflöste. Am Ufer standen ein paar Angler, die auf den ersten Fang warteten.</div><div class="entry">Danach war es ein klarer, kalter Tag, und der Fluss glänzte bis zum Abend in der Sonne.</div></article>`,
      '<meta property="og:type" content="article">',
      'de',
    );
    expect(extractArticle(d, { url: 'https://blog.example/p/nebel' }).isArticle).toBe(true);
  });

  it('does not take a short page with a leftover "Lorem ipsum" label for filler', () => {
    const paragraphs = [LONG, LONG.replace('Monday', 'Tuesday'), LONG.replace('spring', 'autumn')]
      .map((p) => `<p>${p} ${p}</p>`)
      .join('');
    const d = doc(
      `<div class="top"><p>Lorem ipsum dolor sit amet:</p></div><div class="story">${paragraphs}</div>`,
      '<meta property="og:type" content="article">',
    );
    expect(extractArticle(d).isArticle).toBe(true);
  });

  it('takes a forum thread for no article', () => {
    const posts = Array.from({ length: 4 }, () => `<div class="post"><p>${LONG}</p></div>`).join('');
    const d = doc(`<div class="thread">${posts}</div>`);
    expect(extractArticle(d, { url: 'https://example.org/forum/viewtopic.php?t=167' }).isArticle).toBe(false);
  });
});
