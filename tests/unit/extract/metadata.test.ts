/** Page details cleaned: bylines as names, dates that are real, the outlet as publisher, the page's language. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { toIsoDate, urlDate } from '../../../utils/extract/dates';
import { blockText } from '../../../utils/extract/dom';
import { cleanNames } from '../../../utils/extract/metadata';
import { guessLanguage, primaryTag } from '../../../utils/extract/language';

const LONG =
  'The minister said on Monday that the talks, which began last year, would resume in the spring, and that both sides had agreed to a framework for the next round.';
const DE =
  'Der Minister sagte am Montag, die Gespräche, die im vergangenen Jahr begonnen hatten, würden im Frühjahr fortgesetzt. Beide Seiten hätten sich auf einen Rahmen für die nächste Runde geeinigt, und das sei auch gut so.';

function doc(body: string, head = '', htmlAttrs = 'lang="en"'): Document {
  return parseHTML(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;
}

function meta(body: string, head = '', htmlAttrs?: string) {
  return extractArticle(doc(body, head, htmlAttrs), { force: true }).metadata;
}

describe('bylines', () => {
  it('reads a byline laid out in blocks as a name, without the agency', () => {
    const m = meta(
      `<div class="byline"><span class="name">ERIC TUCKER</span><span class="org">Associated Press</span></div><article><p>${LONG}</p></article>`,
    );
    expect(m.authors).toEqual(['Eric Tucker']);
  });

  it('does not take a date line for authors', () => {
    const m = meta(
      `<p class="byline">By Jane Doe, March 3, 2024<br>Updated 5:12 p.m. EST</p><article><p>${LONG}</p></article>`,
    );
    expect(m.authors).toEqual(['Jane Doe']);
  });

  it("leaves an outlet's initials after the names out of the authors", () => {
    const m = meta(
      `<span class="byline">By Ann Lee, Bob Stone and Carla Diaz, TNW</span><article><p>${LONG}</p></article>`,
    );
    expect(m.authors).toEqual(['Ann Lee', 'Bob Stone', 'Carla Diaz']);
    // A name in capitals is still a name.
    expect(cleanNames(['ANN LEE', 'NPR'])).toEqual(['Ann Lee']);
  });

  it('cleans names from structured data and meta tags too', () => {
    expect(cleanNames(['By Ann Lee', 'Reuters', 'Staff Writer', 'Bo Chen', 'Feb. 3', '2024', 'Bo Chen'])).toEqual([
      'Ann Lee',
      'Bo Chen',
    ]);
    const m = meta(`<article><p>${LONG}</p></article>`, '<meta name="author" content="By Ann Lee | AFP">');
    expect(m.authors).toEqual(['Ann Lee']);
  });

  it('reads blocks and line breaks apart in metadata text', () => {
    const d = doc(
      '<div id="b"><div>ERIC TUCKER</div><div>Associated Press</div>Jo<b>Ann</b> Smith<br>Omar<a>Hillicon</a></div>',
    );
    expect(blockText(d.querySelector('#b')!)).toBe('ERIC TUCKER\nAssociated Press\nJo Ann Smith\nOmar Hillicon');
  });
});

describe('dates', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');

  it('rejects empty date fields, dates before 1990 and dates in the future', () => {
    expect(toIsoDate('0001-01-01T00:00:00', now)).toBeNull();
    expect(toIsoDate('1970-01-01', now)).toBeNull();
    expect(toIsoDate('2030-01-01T00:00:00Z', now)).toBeNull();
    expect(toIsoDate('2024-06-02T06:00:00Z', now)).toBe('2024-06-02T06:00:00Z'); // within a day: time zones
  });

  it('reads the forms pages use', () => {
    expect(toIsoDate('25.03.2015', now)).toBe('2015-03-25');
    expect(toIsoDate('25.03.2015, 14:30', now)).toBe('2015-03-25T14:30');
    expect(toIsoDate('2015/03/25', now)).toBe('2015-03-25');
    expect(toIsoDate('25. März 2015', now)).toBe('2015-03-25');
    expect(toIsoDate('25 de março de 2015', now)).toBe('2015-03-25');
    expect(toIsoDate('1er janvier 2020', now)).toBe('2020-01-01');
    expect(toIsoDate('2015-03-25T10:00:00+01:00', now)).toBe('2015-03-25T10:00:00+01:00');
    expect(toIsoDate('March 25, 2015', now)?.slice(0, 10)).toBe('2015-03-25');
  });

  it('reads the day an article’s address gives, only when it is a real date', () => {
    expect(urlDate('https://news.example.org/2023/11/07/harbour-reopens', now)).toBe('2023-11-07');
    expect(urlDate('https://news.example.org/local/2023-11-07/harbour-reopens.html', now)).toBe('2023-11-07');
    expect(urlDate('https://news.example.org/article/20231107/LOCAL/99/harbour', now)).toBe('2023-11-07');
    expect(urlDate('https://news.example.org/2023/13/07/harbour', now)).toBeNull();
    expect(urlDate('https://news.example.org/items/2023118123/harbour', now)).toBeNull();
    expect(urlDate('https://news.example.org/2031/01/01/harbour', now)).toBeNull();
  });

  it('falls back to the date in the canonical address when the page gives no other', () => {
    const m = meta(
      `<article><h1>Harbour reopens</h1><p>${LONG}</p></article>`,
      '<link rel="canonical" href="https://news.example.org/2021/05/04/harbour-reopens">',
    );
    expect(m.published).toBe('2021-05-04');
  });

  it('takes the next date of the page when the first is not a real one', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"0001-01-01T00:00:00"}</script>`;
    const m = meta(
      `<article><p>${LONG}</p></article>`,
      `${ld}<meta property="article:published_time" content="2023-04-05T08:00:00Z">`,
    );
    expect(m.published).toBe('2023-04-05T08:00:00Z');
  });
});

describe('publisher', () => {
  it('is the outlet, not the hosting platform or publishing system', () => {
    const m = meta(
      `<article><p>${LONG}</p></article>`,
      '<meta property="og:site_name" content="WordPress.com"><meta name="application-name" content="The Valley Courier">',
    );
    expect(m.publisher).toBe('The Valley Courier');
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Blogger"}}</script>`;
    expect(
      meta(`<article><p>${LONG}</p></article>`, `${ld}<meta property="og:site_name" content="Daily Planet">`).publisher,
    ).toBe('Daily Planet');
  });
});

describe('language', () => {
  it('is the declared language as a primary subtag', () => {
    expect(primaryTag('en-GB')).toBe('en');
    expect(primaryTag('pt_BR')).toBe('pt');
    expect(meta(`<article><p>${LONG}</p></article>`, '', 'lang="en-US"').language).toBe('en');
  });

  it('is read from Content-Language when <html> says nothing', () => {
    const m = meta(`<article><p>${LONG}</p></article>`, '<meta http-equiv="Content-Language" content="en-GB">', '');
    expect(m.language).toBe('en');
  });

  it('follows the text where a template declares English on a German page', () => {
    const m = meta(`<article><p>${DE}</p><p>${DE}</p></article>`, '', 'lang="en-US"');
    expect(m.lang).toBe('en-US');
    expect(m.language).toBe('de');
  });

  it('is guessed from the script, with no declaration at all', () => {
    const ko =
      '서울 시내 곳곳에서 시민들이 새해 첫날을 맞아 해돋이를 보기 위해 모였다. 관계자는 올해도 많은 인파가 몰렸다고 말했다.';
    expect(meta(`<article><p>${ko}</p><p>${ko}</p></article>`, '', '').language).toBe('ko');
    expect(
      guessLanguage(
        '東京都内では新年を迎え、多くの人が初日の出を見るために集まった。関係者によると、今年も多くの人出があった。',
      ),
    ).toBe('ja');
    expect(guessLanguage('short')).toBeNull();
  });
});
