/**
 * Scoring of main-text extraction on `corpus/snippets` as trafilatura scores itself: after
 * collapsing white space, each `with` snippet found in the extracted text is a true positive
 * (else a false negative), each `without` snippet found there a false positive (else a true
 * negative); precision, recall and F1 over all snippets of all pages.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeHtml } from './html-bytes';

/** The labels of one page. */
export type SnippetLabels = { url: string; with: string[]; without: string[] };

/** Pooled counts over pages. */
export type SnippetCounts = { pages: number; empty: number; tp: number; fn: number; fp: number; tn: number };

/** Reads `labels.json` of a snippets folder: page id → labels. */
export function readSnippetLabels(dir: string): Map<string, SnippetLabels> {
  return new Map(
    Object.entries(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, SnippetLabels>),
  );
}

/** The saved page of `id`, decompressed and decoded as a browser would (its declared charset). */
export function snippetPage(dir: string, id: string): string {
  return decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Adds one page's extracted text to the counts. */
export function addSnippetPage(c: SnippetCounts, labels: SnippetLabels, extracted: string): void {
  const text = collapse(extracted);
  c.pages++;
  if (!text) c.empty++;
  for (const s of labels.with) {
    if (text.includes(collapse(s))) c.tp++;
    else c.fn++;
  }
  for (const s of labels.without) {
    if (text.includes(collapse(s))) c.fp++;
    else c.tn++;
  }
}

/** A zeroed tally. */
export function emptySnippetCounts(): SnippetCounts {
  return { pages: 0, empty: 0, tp: 0, fn: 0, fp: 0, tn: 0 };
}

/** Precision, recall and F1 of pooled snippet counts. */
export function snippetPrf(c: SnippetCounts): { p: number; r: number; f: number } {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
