/** Scoring helpers for the article evaluation: word-shingle overlap and metadata agreement. */
import { readFileSync } from 'node:fs';
import { decodeHtml } from './html-bytes';
import { parseHTML } from 'linkedom';
import { detectArticle, extractArticle } from '../../utils/extract';
import type { ArticleMetadata } from '../../utils/extract/types';
import { BLOCK_TAGS } from '../../utils/extract/dom';

const SHINGLE = 4;
// Han, kana and Hangul characters count as words of their own, so CJK text shingles too.
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Lower-cased word tokens of a text; soft hyphens (invisible unless a line breaks there) are not part of a word. */
export function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/\u00ad/g, '')
      .match(TOKEN) ?? []
  );
}

function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  const n = Math.min(SHINGLE, t.length);
  for (let i = 0; n > 0 && i + n <= t.length; i++) {
    const k = t.slice(i, i + n).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Text of an HTML fragment with blocks separated. */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1) {
        const tag = (c as Element).localName;
        if (tag === 'script' || tag === 'style') continue;
        const block = BLOCK_TAGS.has(tag) || tag === 'br' || tag === 'td' || tag === 'th';
        if (block) parts.push('\n');
        walk(c);
        if (block) parts.push('\n');
      }
    }
  };
  walk(document.body as unknown as Node);
  return parts.join('');
}

/** Precision, recall and F1 of `text` against the text of `expectedHtml`, by multiset word shingles. */
export function bodyScore(text: string, expectedHtml: string): { p: number; r: number; f1: number } {
  const got = shingles(text);
  const want = shingles(htmlText(expectedHtml));
  let common = 0;
  let nGot = 0;
  let nWant = 0;
  for (const [k, v] of got) {
    nGot += v;
    common += Math.min(v, want.get(k) ?? 0);
  }
  for (const v of want.values()) nWant += v;
  if (nGot === 0 && nWant === 0) return { p: 1, r: 1, f1: 1 };
  const p = nGot ? common / nGot : 0;
  const r = nWant ? common / nWant : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Agreement of one metadata field. */
export type FieldResult = { field: string; status: 'exact' | 'loose' | 'missing' | 'wrong' | 'extra' | 'none' };

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[“”"'’‘]/g, '')
    .trim();
}

function compare(field: string, got: string | null, want: unknown, dates = false): FieldResult {
  const w = typeof want === 'string' && want.trim() ? want : null;
  if (!w) return { field, status: got ? 'extra' : 'none' };
  if (!got) return { field, status: 'missing' };
  if (dates) {
    const a = Date.parse(got);
    const b = Date.parse(w);
    if (!Number.isNaN(a) && a === b) return { field, status: 'exact' };
    return { field, status: got.slice(0, 10) === new Date(b).toISOString().slice(0, 10) ? 'loose' : 'wrong' };
  }
  const a = norm(got);
  const b = norm(w);
  if (a === b) return { field, status: 'exact' };
  return { field, status: a.includes(b) || b.includes(a) ? 'loose' : 'wrong' };
}

/** Compares our metadata with Readability's `expected-metadata.json`. */
export function metadataAgreement(m: ArticleMetadata, want: Record<string, unknown>): FieldResult[] {
  return [
    compare('title', m.title, want.title),
    compare('byline', m.byline, want.byline),
    compare('publisher', m.publisher, want.siteName),
    compare('published', m.published, want.publishedTime, true),
  ];
}

/** The evaluation of one Readability page. */
export type PageRow = {
  name: string;
  cls: string;
  borderline: boolean;
  isArticle: boolean;
  isNews: boolean;
  p: number;
  r: number;
  f1: number;
  ms: number;
  detectMs: number;
  fields: FieldResult[];
  reasons: string[];
};

/** Detection, extraction (forced), body score and metadata of one page folder of the Readability set. */
export function evaluatePage(name: string, cls: string, borderline: boolean, dir: string): PageRow {
  const html = decodeHtml(readFileSync(dir + 'source.html'));
  const url = 'http://fakehost/test/page.html'; // the base URL Readability's tests use
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  let t = performance.now();
  detectArticle(doc, { url });
  const detectMs = performance.now() - t;
  t = performance.now();
  const ex = extractArticle(doc, { url, force: true });
  const ms = performance.now() - t;
  const expectedHtml = readFileSync(dir + 'expected.html', 'utf8');
  const { p, r, f1 } = bodyScore(ex.map.text, expectedHtml);
  const expectedMeta = JSON.parse(readFileSync(dir + 'expected-metadata.json', 'utf8')) as Record<string, unknown>;
  const fields = metadataAgreement(ex.metadata, expectedMeta);
  return {
    name,
    cls,
    borderline,
    isArticle: ex.isArticle,
    isNews: ex.isNews,
    p,
    r,
    f1,
    ms,
    detectMs,
    fields,
    reasons: ex.reasons,
  };
}
