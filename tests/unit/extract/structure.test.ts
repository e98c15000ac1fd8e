/**
 * How the extractor reads page structure in general: class words that are the site's own
 * vocabulary (a post's tags and categories), prose outside `<p>`s, short stories without
 * markup. Small pages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { classAndId, isUnlikely, ownClass } from '../../../utils/extract/dom';
import { looseProse, proseEvidence } from '../../../utils/extract/evidence';
import { mayBeArticle } from '../../../utils/extract/gate';

const SENTENCES = [
  'The ferry to the island runs twice a day in winter, and the crossing takes a little under an hour when the sea is calm.',
  'Most visitors come for the cliffs on the western shore, where thousands of seabirds nest between April and July.',
  'The village has one shop, one school and a harbour that was rebuilt after the storm of 1953 destroyed the old pier.',
  'Walkers are asked to keep to the marked paths, because the ground near the edge is soft and gives way without warning.',
  'In the evening the light turns the stone houses a warm yellow, and the only sound is the water against the rocks.',
  'A small museum beside the church tells the story of the families who fished here for more than four hundred years.',
];

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html lang="en"><head><title>Island</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

describe("a post's own tags and categories in its classes", () => {
  it('are not read as furniture words', () => {
    const el = doc('<div class="post hentry category-social tag-menu tag-comment">x</div>').querySelector('div')!;
    expect(ownClass(el)).toBe('post hentry');
    expect(classAndId(el)).not.toMatch(/social|menu|comment/);
    expect(isUnlikely(el)).toBe(false);
    // One such word alone is the page's own structure: a tag cloud, a category menu.
    const one = doc('<div class="category-menu">x</div>').querySelector('div')!;
    expect(ownClass(one)).toBe('category-menu');
    expect(isUnlikely(one)).toBe(true);
  });

  it('leave the article found when a tag is named like furniture', () => {
    const paragraphs = SENTENCES.map((s) => `<p>${s} ${s}</p>`).join('');
    const d = doc(
      `<nav><a href="/">Home</a></nav><div class="post category-travel tag-social-media tag-sidebar">${paragraphs}</div><div class="sidebar"><p>Other posts</p></div>`,
    );
    const ex = extractArticle(d);
    expect(ex.isArticle).toBe(true);
    for (const s of SENTENCES) expect(ex.map.text).toContain(s);
    expect(ex.map.text).not.toContain('Other posts');
  });
});

describe('prose outside <p>s', () => {
  it('measures runs of text parted by <br> as paragraphs of their block', () => {
    const d = doc(`<div class="entry">${SENTENCES.map((s) => `${s} ${s}`).join('<br><br>')}</div>`);
    const m = looseProse(d.querySelector('body')!);
    expect(m.runs).toBe(SENTENCES.length);
    expect(m.clustered).toBe(SENTENCES.length);
  });

  it('does not count links, lists or text in <p>s', () => {
    const links = SENTENCES.map((s) => `<a href="/x">${s} ${s}</a>`).join('<br>');
    const list = `<ul>${SENTENCES.map((s) => `<li>${s} ${s}</li>`).join('')}</ul>`;
    const ps = SENTENCES.map((s) => `<p>${s} ${s}</p>`).join('');
    const m = looseProse(doc(`<div>${links}</div>${list}<div>${ps}</div>`).querySelector('body')!);
    expect(m.runs).toBe(0);
  });

  it('finds a blog post written with <br>s as an article, without any article markup', () => {
    const d = doc(
      `<div class="header"><a href="/">My garden diary</a></div><div class="main"><h2>Island days</h2><div class="text">${SENTENCES.join(' ')}<br><br>${SENTENCES.slice(2).join(' ')}<br><br>${SENTENCES.slice(0, 3).join(' ')}</div></div><div class="links"><a href="/a">Older post</a> <a href="/b">Newer post</a></div>`,
    );
    const ex = extractArticle(d);
    expect(ex.isArticle).toBe(true);
    expect(ex.map.text).toContain(SENTENCES[0]);
    expect(ex.map.text).not.toContain('Older post');
  });

  it('does not take a landing page of short items under headings for an article', () => {
    const items = SENTENCES.map(
      (s, i) => `<div class="feature"><h3>Feature ${i}</h3><div>${s}</div><a href="/f${i}">Learn more</a></div>`,
    );
    const ex = extractArticle(doc(`<div class="features">${items.join('')}${items.join('')}</div>`));
    expect(ex.isArticle).toBe(false);
  });
});

describe('a story cut into sections, without article markup', () => {
  const para = (i: number) => `<div>${SENTENCES[i % 6]} ${SENTENCES[(i + 1) % 6]}</div>`;

  it('is one story when its sub-headings part runs of paragraphs', () => {
    const sections = ['Getting there', 'The cliffs', 'Where to stay', 'When to go']
      .map((h, k) => `<div class="sub">${h}</div>${para(k)}${para(k + 2)}`)
      .join('');
    const ex = extractArticle(doc(`<div class="layout"><div class="col">${sections}</div></div>`));
    expect(ex.isArticle).toBe(true);
    expect(ex.map.text).toContain('Where to stay');
  });

  it('is still no story when each heading has one line under it', () => {
    const items = [0, 1, 2, 3, 4, 5, 0, 1]
      .map((i, k) => `<div class="sub">Offer ${k}</div><div>${SENTENCES[i]} ${SENTENCES[(i + 3) % 6]}</div>`)
      .join('');
    expect(extractArticle(doc(`<div class="layout"><div class="col">${items}</div></div>`)).isArticle).toBe(false);
  });
});

describe('a story cut into sections of one kind, with meaningless class names', () => {
  it('keeps every section, also those the page builder gave one class more', () => {
    // Sections of unequal length: the longest wins alone, the others are joined as its siblings.
    const section = (i: number, n: number, extra = '') =>
      `<div class="q1 q2 q3${extra}"><div class="t9">${Array.from(
        { length: n },
        (_, k) => `<p>Part ${i}.${k}: ${SENTENCES[(i + k) % 6]} ${SENTENCES[(i + k + 1) % 6]}</p>`,
      ).join('')}</div></div>`;
    const slot = '<div class="q1 z4">Anzeige</div>';
    const body = [section(0, 1), slot, section(1, 6), slot, section(2, 1, ' q7'), slot, section(3, 1, ' q8')].join('');
    const ex = extractArticle(doc(`<div class="r0"><div class="r1">${body}</div><div class="r2">Kontakt</div></div>`));
    expect(ex.isArticle).toBe(true);
    for (const part of ['Part 0.0', 'Part 1.5', 'Part 2.0', 'Part 3.0']) expect(ex.map.text).toContain(part);
    expect(ex.map.text).not.toContain('Kontakt');
  });
});

describe('a wrapper named like furniture', () => {
  it('still counts the paragraphs of the story it holds', () => {
    const story = SENTENCES.map((s, i) => `<p>${s} ${SENTENCES[(i + 1) % 6]}</p>`).join('');
    const d = doc(
      `<div class="wrap layout-sidebar-right"><div class="main-col"><div class="entry">${story}</div></div><div class="widgets"><p>Links</p></div></div>`,
    );
    const ev = proseEvidence(d);
    expect(ev.longParagraphs).toBe(SENTENCES.length);
    expect(ev.clustered).toBe(SENTENCES.length);
    expect(extractArticle(d).isArticle).toBe(true);
  });

  it('is furniture when the page has more prose elsewhere', () => {
    const story = SENTENCES.map((s, i) => `<p>${s} ${SENTENCES[(i + 2) % 6]}</p>`).join('');
    const side = SENTENCES.slice(0, 3)
      .map((s) => `<p>${s} ${s}</p>`)
      .join('');
    const d = doc(`<div class="story">${story}</div><div class="sidebar">${side}</div>`);
    expect(proseEvidence(d).longParagraphs).toBe(SENTENCES.length);
  });
});

describe('<article> elements', () => {
  const teaser = (i: number) =>
    `<article class="teaser"><h3><a href="/s${i}">Story ${i}</a></h3><p>${SENTENCES[i]} ${SENTENCES[(i + 1) % 6]}</p></article>`;

  it('read a story with its related stories beside it, each an <article>, as one story', () => {
    const story = `<article class="story"><h1>Island</h1>${SENTENCES.map((s, i) => `<p>${s} ${SENTENCES[(i + 2) % 6]}</p>`).join('')}</article>`;
    const d = doc(`<main>${story}<aside>${[0, 1, 2].map(teaser).join('')}</aside></main>`);
    expect(proseEvidence(d).teasers).toBe(false);
    const ex = extractArticle(d);
    expect(ex.isArticle).toBe(true);
    expect(ex.reasons[0]).toMatch(/^article prose/);
    expect(ex.map.text).toContain(SENTENCES[0]);
  });

  it('read a short story in one <article> among many teasers as a story, without any markup', () => {
    const story = `<article class="story"><h1>Island</h1><p>${SENTENCES[0]} ${SENTENCES[1]} ${SENTENCES[2]}</p><p>${SENTENCES[3]}</p></article>`;
    const small = (i: number) => `<article class="teaser"><h3><a href="/s${i}">Story ${i}</a></h3></article>`;
    const d = doc(`<main>${story}<aside>${[0, 1, 2, 3, 4].map(small).join('')}</aside></main>`);
    expect(proseEvidence(d).storyArticle).toBe(true);
    expect(mayBeArticle(d)).toBe(true);
    const ex = extractArticle(d);
    expect(ex.isArticle).toBe(true);
    expect(ex.map.text).toContain(SENTENCES[3]);
  });

  it('read a list of teasers, none holding most of the text, as no story', () => {
    const d = doc(`<main>${[0, 1, 2, 3, 4, 5].map(teaser).join('')}</main>`);
    expect(proseEvidence(d).teasers).toBe(true);
    expect(extractArticle(d).isArticle).toBe(false);
  });
});

describe('og:type video', () => {
  const page = (body: string) =>
    parseHTML(
      `<!doctype html><html lang="en"><head><meta property="og:type" content="video.other"><title>Island</title></head><body>${body}</body></html>`,
    ).document as unknown as Document;

  it('gives way to the long story under the video', () => {
    const story = SENTENCES.map((s, i) => `<p>${s} ${SENTENCES[(i + 3) % 6]}</p>`).join('');
    const ex = extractArticle(page(`<div class="player"></div><div class="story">${story}</div>`));
    expect(ex.isArticle).toBe(true);
  });

  it('still turns away a video page with a caption under it', () => {
    const ex = extractArticle(page(`<div class="player"></div><div><p>${SENTENCES[0]} ${SENTENCES[1]}</p></div>`));
    expect(ex.isArticle).toBe(false);
  });
});

describe('a story without <p>s, article markup or meaningful class names', () => {
  const story = SENTENCES.map((s, i) => `<div>${s} ${SENTENCES[(i + 2) % 6]}</div>`).join('');
  const menu = `<div class="k1"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>`;

  it('is found from its run of paragraph-like <div>s, even inside a <header> or an unclosed heading', () => {
    for (const wrap of [
      (s: string) => `<div class="k2">${s}</div>`,
      (s: string) => `<header>${s}</header>`,
      (s: string) => `<h2>${s}`,
    ]) {
      const d = doc(`${menu}${wrap(`<div class="k3">${story}</div>`)}<div class="k4">© 2026 The Island Post</div>`);
      expect(proseEvidence(d).clustered).toBeGreaterThanOrEqual(6);
      expect(mayBeArticle(d, 'https://example.org/island/winter-ferry')).toBe(true);
      const ex = extractArticle(d);
      expect(ex.isArticle).toBe(true);
      for (const s of SENTENCES) expect(ex.map.text).toContain(s);
      expect(ex.map.text).not.toContain('Sport');
    }
  });

  it('counts a long paragraph alone between pictures and their captions (a list of places)', () => {
    const long = (i: number) =>
      `${SENTENCES[i]} ${SENTENCES[(i + 1) % 6]} ${SENTENCES[(i + 2) % 6]} ${SENTENCES[(i + 3) % 6]}`;
    const items = [0, 1, 2, 3]
      .map(
        (i) =>
          `<h2>Place ${i}</h2><figure><img src="x.jpg"><figcaption>Photo: a reader</figcaption></figure><div>${long(i)}</div>`,
      )
      .join('');
    const m = looseProse(doc(`<div>${items}</div>`).querySelector('body')!);
    expect(m.runs).toBe(4);
  });

  it('reads no text of form controls (a language menu) as prose', () => {
    const options = Array.from({ length: 40 }, (_, i) => `<option>Language number ${i}</option>`).join('');
    const m = looseProse(
      doc(`<form><div>Other languages: <select>${options}</select></div></form>`).querySelector('body')!,
    );
    expect(m.runs).toBe(0);
  });

  it('finds lorem ipsum in <div>s as placeholder text', () => {
    const lorem =
      'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.';
    const d = doc(`<div><div>${lorem}</div><div>${lorem}</div><div>${lorem}</div></div>`);
    expect(proseEvidence(d).placeholder).toBe(true);
    expect(extractArticle(d).isArticle).toBe(false);
  });
});
