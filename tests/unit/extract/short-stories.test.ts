/**
 * Short stories on pages without article markup: a local story of four short paragraphs and a
 * Korean story of one sentence a paragraph, too short for the readerable score, are found by
 * their run of paragraphs, and the every-page gate lets them through. Small pages written for
 * these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../utils/extract';
import { shortStory } from '../../../utils/extract/evidence';
import { mayBeArticle } from '../../../utils/extract/gate';

const NAV = `<div class="k1"><a href="/">Home</a> <a href="/local">Local</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a></div>`;
const FOOT = `<div class="k9"><a href="/about">About us</a> <a href="/contact">Contact</a> © 2026</div>`;

const LOCAL = [
  'The Millbrook Public Library reopened Tuesday after three months of repairs to its basement, which flooded in December.',
  'Director Ann Lowry said the children\'s section has moved upstairs for good. "We lost about two thousand books," she said.',
  'The town paid for the repairs from its reserve fund, and the work came in under budget.',
  'Regular hours resume this week, from 9 a.m. to 8 p.m. on weekdays.',
];
const KOREAN = [
  '서울시는 내년부터 심야 버스 노선을 현재 14개에서 20개로 늘린다고 4일 밝혔다.',
  '시는 늦은 시간 귀가하는 시민들의 교통 불편을 줄이기 위해 이번 계획을 마련했다고 설명했다.',
  '새로 생기는 노선은 주로 외곽 지역과 도심을 잇는 구간에 배치된다.',
  '시 관계자는 "이용 현황을 분석해 필요한 곳에 노선을 추가할 것"이라고 말했다.',
];

function page(lang: string, body: string): Document {
  return parseHTML(
    `<!doctype html><html lang="${lang}"><head><title>News</title></head><body>${NAV}${body}${FOOT}</body></html>`,
  ).document as unknown as Document;
}

const URL_OF_NO_SHAPE = 'https://example.org/view.php?id=7';

describe('a short story without article markup', () => {
  for (const tag of ['p', 'div'])
    it(`is a local story of four short paragraphs (<${tag}>s)`, () => {
      const d = page(
        'en',
        `<div class="k2"><h1>Library reopens after flood repairs</h1><div class="k3">March 4, 2026</div><div class="k4">${LOCAL.map((s) => `<${tag}>${s}</${tag}>`).join('')}</div></div>`,
      );
      expect(shortStory(d)).toBe(true);
      expect(mayBeArticle(d, URL_OF_NO_SHAPE)).toBe(true);
      const ex = extractArticle(d, { url: URL_OF_NO_SHAPE });
      expect(ex.isArticle).toBe(true);
      for (const s of LOCAL) expect(ex.map.text).toContain(s);
      expect(ex.map.text).not.toContain('Weather');
    });

  for (const tag of ['p', 'div'])
    it(`is a Korean news story of one sentence a paragraph (<${tag}>s)`, () => {
      const d = page(
        'ko',
        `<div class="k2"><h1>서울시, 내년부터 심야 버스 노선 확대</h1><div class="k3">김민수 기자 | 입력 2026.03.04 10:21</div><div class="k4">${KOREAN.map((s) => `<${tag}>${s}</${tag}>`).join('')}</div></div>`,
      );
      expect(mayBeArticle(d, URL_OF_NO_SHAPE)).toBe(true);
      const ex = extractArticle(d, { url: URL_OF_NO_SHAPE });
      expect(ex.isArticle).toBe(true);
      for (const s of KOREAN) expect(ex.map.text).toContain(s);
      expect(ex.metadata.language).toBe('ko');
    });

  it('is not three lines of a shop under its product links, nor items each under a heading', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<div class="k5"><a href="/p/${i}">Garden chair model ${i}</a> <span>€ ${40 + i}.00</span></div>`,
    ).join('');
    const shop = page(
      'en',
      `<div class="k2">${items}</div><div class="k6"><h3>Free delivery</h3><div>Orders over fifty euros are delivered free of charge.</div><h3>Returns</h3><div>You can return any item within thirty days of delivery.</div></div>`,
    );
    expect(shortStory(shop)).toBe(false);
    expect(extractArticle(shop, { url: URL_OF_NO_SHAPE }).isArticle).toBe(false);
  });
});
