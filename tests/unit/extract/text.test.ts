import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { proseEvidence } from '../../../utils/extract/evidence';
import { readJsonLd } from '../../../utils/extract/jsonld';
import { repeatedSections } from '../../../utils/extract/body';
import { measurePage } from '../../../utils/extract/stats';

const LONG =
  'The minister said on Monday that the talks, which began last year, would resume in the spring, and that both sides had agreed to a framework for the next round.';

function doc(body: string, head = ''): Document {
  return parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;
}

describe('body text', () => {
  it('separates blocks by a blank line, <br> by a line break, and leaves furniture out', () => {
    const d = doc(`<article><h1>Talks resume</h1><div class="share">Share: Facebook X</div>
      <p>${LONG}</p><p>First line<br>second line, ${LONG}</p>
      <figure><img src="x.jpg"><figcaption>A caption. Photo: Agency</figcaption></figure>
      <p style="display:none">Hidden text ${LONG}</p><script>var x = 1;</script>
      <p>${LONG}</p></article>`);
    const ex = extractArticle(d, { force: true });
    expect(ex.map.text).toBe(`${LONG}\n\nFirst line\nsecond line, ${LONG}\n\n${LONG}`);
  });
});

describe('an article cut into sections of one class', () => {
  const parts = [
    'Harbour works began in March, when the first cranes arrived, and the council said the quay would stay open all year.',
    'Fishermen moved their boats to the east pier, where the water is deeper, and most of them said they lost little trade.',
    'The second phase, which starts in autumn, will close the ferry terminal for six weeks, the council said on Tuesday.',
  ];
  const section = (t: string) =>
    `<div class="block text-block"><div class="row"><div class="col"><p>${t} ${LONG}</p></div></div></div>`;

  it('takes the run of sections of the winner’s class that hold prose', () => {
    const d = doc(
      `<main><div class="block hero"><h1>Harbour works</h1></div>${parts.map(section).join('')}` +
        `<div class="block text-block"><a href="/more">More stories from the harbour and the rest of the coast</a></div></main>`,
    );
    const body = d.body as Element;
    const m = measurePage(body, false);
    const top = d.querySelectorAll('.col')[1] as Element;
    const roots = repeatedSections(top, body, m);
    expect(roots?.map((r) => r.textContent)).toEqual(parts.map((t) => `${t} ${LONG}`));
  });

  it('keeps the winner alone when no sibling section holds prose', () => {
    const d = doc(`<main>${section(parts[0])}<div class="block text-block"><a href="/x">Share</a></div></main>`);
    const body = d.body as Element;
    expect(repeatedSections(d.querySelector('.col') as Element, body, measurePage(body, false))).toBeNull();
  });
});

describe('furniture inside the body', () => {
  it('leaves out "read more" pointers and advertisement labels', () => {
    const d = doc(`<article><p>${LONG}</p><p>Read more: <a href="/x">Another story about the talks</a></p>
      <div>Advertisement</div><p>${LONG}</p><p>${LONG}</p></article>`);
    expect(extractArticle(d, { force: true }).map.text).toBe([LONG, LONG, LONG].join('\n\n'));
  });
});

describe('hidden content', () => {
  it('skips aria-hidden icons but not a page hidden behind a dialog', () => {
    const d =
      doc(`<div id="app" aria-hidden="true"><article><p>${LONG} <span aria-hidden="true">★</span></p><p>${LONG}</p></article></div>
      <div role="dialog"><p>We use cookies. Accept?</p></div>`);
    expect(extractArticle(d, { force: true }).map.text).toBe(`${LONG}\n\n${LONG}`);
  });
});

describe('detection', () => {
  it('takes a list of teasers (a front page) for no article', () => {
    const teaser = (i: number): string => `<article><h2><a href="/s${i}">Story ${i}</a></h2><p>${LONG}</p></article>`;
    const d = doc(`<main>${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</main>`);
    expect(extractArticle(d)).toMatchObject({ isArticle: false, isNews: false });
  });

  it('takes one long story with a few linked summaries beside it for an article', () => {
    // The story is one long run of text broken by <br>s, as older sites write it; the sidebar
    // holds three linked summaries, long paragraphs of their own.
    const story = Array.from({ length: 12 }, () => LONG).join('<br><br>');
    const summaries = [
      'The harbour was closed for repairs after the storm, and officials said it would reopen next week once divers had checked the piers and the cranes.',
      'Farmers in the north expect a late harvest this year, because the spring rains came weeks later than usual and the fields stayed cold for most of May.',
      'A new library opened in the old station building on Saturday, with a reading room for children and a café run by volunteers from the parish.',
    ];
    const side = summaries.map((t, i) => `<p><a href="/other-${i}">${t}</a></p>`).join('');
    const d = doc(`<div class="content"><h1>Talks resume</h1><p>${story}</p></div><div class="side">${side}</div>`);
    expect(proseEvidence(d).teasers).toBe(false);
    expect(extractArticle(d).isArticle).toBe(true);
    // Twelve linked summaries as long as the story are a teaser list.
    const list = Array.from({ length: 4 }, () => side).join('');
    expect(proseEvidence(doc(`<div><p>${LONG} ${LONG}</p></div><div class="side">${list}</div>`)).teasers).toBe(true);
  });

  it('finds news by its dateline and attribution without any markup', () => {
    const paragraphs = ['Officials', 'Diplomats', 'Analysts', 'Negotiators']
      .map((who) => `<p>${who} expect more. ${LONG} ${LONG}</p>`)
      .join('');
    const d = doc(
      `<div class="story"><p>WASHINGTON (AP) — ${LONG}</p>${paragraphs}</div>`,
      '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-01">',
    );
    expect(extractArticle(d)).toMatchObject({ isArticle: true, isNews: true });
  });
});

describe('JSON-LD', () => {
  it('finds the article in @graph, with arrays of types and CDATA wrappers', () => {
    const ld = `<script type="application/ld+json">/*<![CDATA[*/{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":["ReportageNewsArticle","Article"],"headline":"H","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
       "publisher":{"@type":"NewsMediaOrganization","name":"The Daily"},"datePublished":"2024-05-01T10:00:00Z"}]}/*]]>*/</script>`;
    const info = readJsonLd(doc('', ld));
    expect(info.articleTypes).toContain('ReportageNewsArticle');
    expect(info.publisher).toEqual({ name: 'The Daily', types: ['NewsMediaOrganization'] });
    const ex = extractArticle(doc(`<p>${LONG}</p>`, ld));
    expect(ex).toMatchObject({ isArticle: true, isNews: true });
    expect(ex.metadata).toMatchObject({
      title: 'H',
      authors: ['Ann Lee', 'Bo Chen'],
      publisher: 'The Daily',
      published: '2024-05-01T10:00:00Z',
    });
  });

  it('does not take a list page for an article', () => {
    const ld = `<script type="application/ld+json">{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"A"}]}}</script>`;
    expect(extractArticle(doc(`<p>${LONG}</p>`.repeat(5), ld)).isArticle).toBe(false);
  });
});
