/**
 * The rules that tell journalism from other articles, each on a small page
 * written for the purpose.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../../../utils/extract';
import { proseEvidence } from '../../../utils/extract/evidence';
import { bylinedSections } from '../../../utils/extract/digest';

// A made-up local story: impersonal, no attribution verbs.
const PLAIN = [
  'The city council voted on Tuesday to close the old harbour bridge to heavy traffic after engineers found cracks in two of its supporting piers during a routine inspection last month.',
  'The closure will last at least six months while the transport department studies whether the bridge can be repaired or must be replaced, a decision expected before the end of the year.',
  'Lorry drivers will be sent along the northern ring road, which adds about twenty minutes to the journey between the port and the industrial estate on a normal weekday.',
  'Shipping will not be affected, although cargo handlers at the eastern quay expect delays on the roads to slow the loading of containers during the busiest weeks of the season.',
  'Engineers first raised concerns about the bridge in a report three years ago, but repairs were postponed twice because of budget shortfalls in the council of the time.',
  'Shops near the bridge have asked for compensation, since fewer customers will pass their doors while the crossing is closed to vans and lorries of every size.',
  'A public meeting on the plans is scheduled for next week at the town hall, where residents will be able to put questions to the engineers and the transport department.',
];
// The same story with its sources named.
const REPORTED = PLAIN.map(
  (s, i) =>
    `${s} ${['The mayor said so', 'Officials told reporters', 'The council said', 'A spokesman said'][i % 4]} on Wednesday.`,
);
// A personal post: the writer's own voice.
const PERSONAL = PLAIN.map(
  (s) => `I think ${s.charAt(0).toLowerCase()}${s.slice(1)} We were surprised, and my neighbours agree with me.`,
);

/** Two sentences per paragraph, each paragraph opening differently. */
function paragraphs(sentences: string[]): string {
  return sentences.map((s, i) => `<p>${s} ${sentences[(i + 3) % sentences.length]}</p>`).join('');
}

function page(body: string, head = ''): Document {
  return parseHTML(
    `<!doctype html><html lang="en"><head><title>Harbour bridge closed</title>${head}</head><body>${body}</body></html>`,
  ).document as unknown as Document;
}

const ARTICLE_META =
  '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-01T10:00:00Z"><meta name="author" content="Ann Lee">';
const canonical = (url: string): string => `<link rel="canonical" href="${url}">`;
const newsLd = (authorUrl: string): string =>
  `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge closed","datePublished":"2024-05-01",
    "author":{"@type":"Person","name":"Ann Lee","url":"${authorUrl}"},"publisher":{"@type":"Organization","name":"Platform"}}</script>`;

describe("news markup in a writer's space on a platform", () => {
  it('is weighed with the rest, so a personal post is not news', () => {
    const d = detectArticle(
      page(
        `<article>${paragraphs(PERSONAL)}</article>`,
        newsLd('https://example.com/@annlee') + canonical('https://example.com/some-publication/harbour-bridge-1a2b'),
      ),
    );
    expect(d).toMatchObject({ isArticle: true, isNews: false });
    expect(d.reasons.join('; ')).toMatch(/writer's space/);
  });

  it('still decides alone on a news site, whose writers are not @handles', () => {
    const d = detectArticle(
      page(
        `<article>${paragraphs(PERSONAL)}</article>`,
        newsLd('https://example.com/by/ann-lee') + canonical('https://example.com/2024/05/01/harbour-bridge'),
      ),
    );
    expect(d).toMatchObject({ isArticle: true, isNews: true });
  });

  it("counts an @handle in the page's own address, and ignores one on another host", () => {
    const own = detectArticle(
      page(
        `<article>${paragraphs(PERSONAL)}</article>`,
        newsLd('https://example.com/by/ann') + canonical('https://example.com/@annlee/harbour-bridge'),
      ),
    );
    expect(own.isNews).toBe(false);
    const elsewhere = detectArticle(
      page(
        `<article>${paragraphs(PERSONAL)}</article>`,
        newsLd('https://social.example/@annlee') + canonical('https://example.com/harbour-bridge'),
      ),
    );
    expect(elsewhere.isNews).toBe(true);
  });
});

describe('weighing without news markup', () => {
  const weak = ARTICLE_META;

  it('takes an impersonal, dated, signed story for news and a personal one for not', () => {
    const impersonal = detectArticle(page(`<article>${paragraphs(PLAIN)}</article>`, weak));
    expect(impersonal.reasons).toContain('+1 impersonal voice');
    expect(impersonal.isNews).toBe(true);
    expect(detectArticle(page(`<article>${paragraphs(PERSONAL)}</article>`, weak)).isNews).toBe(false);
  });

  it("does not count first person inside a block quotation as the writer's", () => {
    const quoted = `<blockquote><p>${PERSONAL[0]} ${PERSONAL[1]}</p></blockquote>`;
    const ev = proseEvidence(page(`<article>${paragraphs(PLAIN)}${quoted}</article>`));
    expect(ev.firstPerson).toBe(0);
  });

  it('reads a date that opens the story as a dateline, even in a short lead', () => {
    const body = `<article><p>Feb. 23, 2015 -- The harbour bridge is closed.</p>${paragraphs(REPORTED)}</article>`;
    const d = detectArticle(page(body, '<meta name="author" content="Ann Lee">'));
    expect(d.reasons).toContain('+2 date leads the story');
    expect(d.isNews).toBe(true);
    // Without it the page does not say when it was published.
    expect(
      detectArticle(page(`<article>${paragraphs(REPORTED)}</article>`, '<meta name="author" content="Ann Lee">'))
        .isNews,
    ).toBe(false);
  });

  it('does not take a date followed by a hyphen or colon for a dateline', () => {
    for (const lead of ['Feb. 23, 2015 - The bridge is closed.', 'Feb. 23, 2015: The bridge is closed.']) {
      expect(proseEvidence(page(`<article><p>${lead}</p>${paragraphs(PLAIN)}</article>`)).dateLead).toBe(false);
    }
  });

  it('holds a blog address against the page', () => {
    const at = (url: string): boolean =>
      detectArticle(page(`<article>${paragraphs(REPORTED)}</article>`, ARTICLE_META + canonical(url))).isNews;
    const d = detectArticle(
      page(
        `<article>${paragraphs(REPORTED)}</article>`,
        ARTICLE_META + canonical('https://example.com/blog/harbour-bridge'),
      ),
    );
    expect(d.reasons).toContain('-1 blog address');
    expect(at('https://example.com/news/harbour-bridge')).toBe(true);
  });

  it('takes a chapter of serial fiction for no news, however much dialogue it attributes', () => {
    const url = 'https://example.com/fiction/123/the-bridge/chapter/456/the-crossing';
    const d = detectArticle(
      page(
        `<article>${paragraphs(REPORTED)}</article>`,
        '<meta property="og:type" content="article"><meta name="author" content="Ann Lee">' + canonical(url),
      ),
    );
    expect(d.reasons).toContain('-3 filed as a chapter (serial fiction)');
    expect(d.isNews).toBe(false);
  });
});

describe('a digest of several stories', () => {
  // An edition page: no structured data, no dateline; each story under its own
  // headline, with its writer and its day in the byline.
  const story = (title: string, byline: string, sentences: string[]): string =>
    `<h2><a href="/a/${title.length}">${title}</a></h2><div class="byline">${byline}</div>${paragraphs(sentences)}<p><a href="#c">Comments (2)</a></p>`;
  const digest = (bylines: [string, string], sentences = PLAIN): Document =>
    page(
      `<h1>Weekly edition</h1><div class="stories">${story('Harbour bridge closed to lorries', bylines[0], sentences)}${story('Port expects slower loading', bylines[1], sentences.slice().reverse())}</div>`,
    );

  it('takes two headlined stories, each signed and dated, for news', () => {
    const d = detectArticle(digest(['By Ann Lee<br>March 3, 2024', 'By Tom Berg<br>March 2, 2024']));
    expect(d.reasons).toContain('+1 news digest: 2 headlined, signed and dated stories');
    expect(d).toMatchObject({ isArticle: true, isNews: true });
  });

  it('needs a date in each byline, two stories, and an impersonal voice', () => {
    expect(detectArticle(digest(['By Ann Lee', 'By Tom Berg'])).isNews).toBe(false);
    const one = page(
      `<h1>Weekly edition</h1><div>${story('Harbour bridge closed', 'By Ann Lee<br>March 3, 2024', PLAIN)}</div>`,
    );
    expect(detectArticle(one).isNews).toBe(false);
    expect(
      detectArticle(digest(['By Ann Lee<br>March 3, 2024', 'By Tom Berg<br>March 2, 2024'], PERSONAL)).isNews,
    ).toBe(false);
  });

  it('does not count headlined teasers without prose of their own', () => {
    const teasers = ['Harbour bridge closed', 'Port expects slower loading', 'Council sets budget']
      .map((t, i) => `<h3>${t}</h3><div class="byline">By Ann Lee, March ${i + 1}, 2024</div><p>${t}.</p>`)
      .join('');
    expect(bylinedSections(page(`${paragraphs(PLAIN)}<aside>${teasers}</aside>`))).toBe(0);
  });
});

describe('generated filler', () => {
  it('takes one paragraph repeated with different numbers for no article', () => {
    const filler = [11111, 22222, 33333].map((n) => `<p>Regarding item ${n}, ${PLAIN[0]} ${PLAIN[1]}</p>`).join('');
    const d = detectArticle(page(filler));
    expect(d).toMatchObject({ isArticle: false, isNews: false });
    expect(d.reasons).toContain('placeholder text');
  });

  it('still takes a story shown twice (each paragraph once more) for an article', () => {
    const twice = `<article>${paragraphs(REPORTED)}</article><article>${paragraphs(REPORTED)}</article>`;
    expect(proseEvidence(page(twice)).placeholder).toBe(false);
  });
});
