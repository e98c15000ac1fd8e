/**
 * The reader's annotations on a long page, for `npm run bench`: how long the
 * annotation layer takes to anchor 1, 100 and 1,000 of them, and how many come
 * back in the right place after random word edits of the page, beside exact
 * quote search alone. Figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { anchor, describe } from '../../utils/anchoring';
import { pageTextMap } from '../../utils/content/page-text';
import { inSlices } from '../../utils/content/slices';
import type { Annotation } from '../../utils/db/types';
import { longText } from '../../tests/unit/anchoring/fixture';
import { editWords, overlap, passageAfter, random, type EditedText } from './word-edits';

const PAGE_LENGTH = 200_000;
const EDITS = [0.01, 0.05, 0.2];
/** Passages per quality measure. */
const PASSAGES = 2000;
/** A found range is the same passage when it overlaps the passage's place by at least this share of their union. */
const SAME = 0.5;

/** About `length` characters of real news (the corpus's PolNeAR articles) or, without the corpus, generated text. */
function pageText(corpus: string, length: number): { text: string; source: string } {
  const dev = join(corpus, 'polnear/dev.jsonl');
  if (!existsSync(dev)) return { text: longText(length), source: 'generated text (corpus absent)' };
  const parts: string[] = [];
  let size = 0;
  for (const line of readFileSync(dev, 'utf8').trim().split('\n')) {
    if (size >= length) break;
    const text = (JSON.parse(line).text as string).trim();
    parts.push(text);
    size += text.length + 2;
  }
  return { text: parts.join('\n\n').slice(0, length), source: 'PolNeAR dev news articles' };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOM page of `text`: a paragraph per line, with a link or emphasis every few words. */
function pageOf(text: string): Document {
  const { document } = new Window();
  const html = text
    .split(/\n+/)
    .map((line, p) => {
      const words = line.split(' ').map((w, i) => {
        if ((i + p) % 11 === 5) return `<a href="#">${escape(w)}</a>`;
        if ((i + p) % 17 === 3) return `<em>${escape(w)}</em>`;
        return escape(w);
      });
      return `<p>${words.join(' ')}</p>`;
    })
    .join('\n');
  document.body.innerHTML = html;
  return document as unknown as Document;
}

/** `count` random passages of whole words, mostly a phrase or a sentence, sometimes a paragraph. */
function passages(text: string, count: number, seed: number): [number, number][] {
  const rnd = random(seed);
  const starts = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
  const out: [number, number][] = [];
  while (out.length < count) {
    const r = rnd();
    const words =
      r < 0.1
        ? 1
        : r < 0.4
          ? 2 + Math.floor(rnd() * 4)
          : r < 0.8
            ? 6 + Math.floor(rnd() * 15)
            : 21 + Math.floor(rnd() * 60);
    const i = Math.floor(rnd() * (starts.length - words));
    out.push([starts[i][0], starts[i + words - 1][1]]);
  }
  return out;
}

function annotationsOf(text: string, spans: [number, number][]): Annotation[] {
  return spans.map(([start, end], i) => {
    const selectors = describe(text, start, end);
    return {
      id: `a${i}`,
      url: 'https://example.com/page',
      createdAt: 0,
      updatedAt: 0,
      target: { source: 'https://example.com/page', selectors },
      exact: selectors.quote.exact,
      color: 'yellow',
      note: '',
      tags: [],
      words: [],
    };
  });
}

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

/** Median time of `runs` runs of `f`. */
function time(f: () => void, runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/**
 * Anchoring time for batches of annotations, each anchored in turn as the
 * annotation layer does (its DOM ranges are left out: happy-dom's take
 * milliseconds each, a browser's microseconds), and the spread per annotation.
 */
function speed(text: string, all: Annotation[]): void {
  console.log(
    `  ${'page'.padEnd(18)}${'1'.padStart(10)}${'100'.padStart(10)}${'1,000'.padStart(10)}   one annotation (of 1,000): median / p99 / max`,
  );
  for (const fraction of [0, ...EDITS]) {
    const page = fraction ? editWords(text, fraction, 11).text : text;
    const batch = (n: number) => () => {
      for (const a of all.slice(0, n)) anchor(page, a.target.selectors);
    };
    const cols = [1, 100, 1000].map((n) => time(batch(n), 3));
    const each = all.map((a) => time(() => anchor(page, a.target.selectors), 3)).sort((x, y) => x - y);
    const name = fraction ? `after ${fraction * 100}% edits` : 'unchanged';
    console.log(
      `  ${name.padEnd(18)}${cols.map((c) => ms(c).padStart(10)).join('')}   ${ms(each[500])} / ${ms(each[989])} / ${ms(each[999])}`,
    );
  }
}

/**
 * The same 1,000 anchored as the page does it: in slices of about 8 ms with
 * a task between them (`utils/content/slices.ts`), so the page never waits
 * longer than one slice; printed: slices, the longest, the total.
 */
async function sliced(text: string, all: Annotation[]): Promise<void> {
  for (const fraction of [0, 0.2]) {
    const page = fraction ? editWords(text, fraction, 11).text : text;
    const slices: number[] = [];
    let start = performance.now();
    const t0 = start;
    await inSlices(all, (a) => void anchor(page, a.target.selectors), {
      afterSlice: () => {
        const now = performance.now();
        slices.push(now - start);
        start = now;
      },
      pause: () => new Promise<void>((resolve) => setTimeout(() => ((start = performance.now()), resolve()), 0)),
    });
    const total = performance.now() - t0;
    const name = fraction ? `after ${fraction * 100}% edits` : 'unchanged';
    console.log(
      `  ${name.padEnd(18)}${String(slices.length).padStart(4)} slices, longest ${ms(Math.max(...slices))}, ` +
        `median ${ms(slices.sort((a, b) => a - b)[Math.floor(slices.length / 2)])}; all 1,000 in ${ms(total)}`,
    );
  }
}

type Tally = { correct: number; wrong: number; apart: number; copies: number; orphan: number };
const tally = (): Tally => ({ correct: 0, wrong: 0, apart: 0, copies: 0, orphan: 0 });

/** Counts a result: `copy` when the found text is the quote itself (an exact copy elsewhere). */
function judge(t: Tally, found: [number, number] | null, truth: [number, number] | null, copy: boolean): void {
  if (!found) t.orphan++;
  else if (truth && overlap(found, truth) >= SAME) t.correct++;
  else {
    t.wrong++;
    if (!truth || overlap(found, truth) === 0) t.apart++;
    if (copy) t.copies++;
  }
}

/** Share of passages found again after word edits, by Gloss's anchoring and by exact quote search alone. */
function quality(text: string, spans: [number, number][]): void {
  const annotations = annotationsOf(text, spans);
  console.log(
    `  ${'edits'.padEnd(8)}${'Gloss: correct'.padStart(15)}${'wrong'.padStart(8)}${'orphaned'.padStart(10)}` +
      `${'exact quote: correct'.padStart(23)}${'wrong'.padStart(8)}${'not found'.padStart(11)}${'passage deleted'.padStart(17)}`,
  );
  for (const fraction of EDITS) {
    const edited: EditedText = editWords(text, fraction, 7);
    const gloss = tally();
    const exact = tally();
    let deleted = 0;
    annotations.forEach((a, i) => {
      const truth = passageAfter(edited, ...spans[i]);
      if (!truth) deleted++;
      const m = anchor(edited.text, a.target.selectors);
      judge(gloss, m && [m.start, m.end], truth, !!m && edited.text.slice(m.start, m.end) === a.exact);
      const at = edited.text.indexOf(a.exact);
      judge(exact, at < 0 ? null : [at, at + a.exact.length], truth, true);
    });
    const n = annotations.length;
    console.log(
      `  ${`${fraction * 100}%`.padEnd(8)}${pct(gloss.correct, n).padStart(15)}${pct(gloss.wrong, n).padStart(8)}${pct(gloss.orphan, n).padStart(10)}` +
        `${pct(exact.correct, n).padStart(23)}${pct(exact.wrong, n).padStart(8)}${pct(exact.orphan, n).padStart(11)}${pct(deleted, n).padStart(17)}`,
    );
    if (gloss.wrong)
      console.log(
        `          Gloss wrong: ${gloss.wrong} of ${n} (${gloss.copies} an exact copy of the quote elsewhere, ${gloss.apart} not overlapping the passage at all)`,
      );
  }
}

/** Prints the annotation figures for a long page. */
export async function annotationBench(corpus: string): Promise<void> {
  const { text: raw, source } = pageText(corpus, PAGE_LENGTH);
  // The page text as the content script sees it (white space collapsed, a line per paragraph).
  const text = pageTextMap(pageOf(raw)).text;
  const spans = passages(text, Math.max(PASSAGES, 1000), 3);
  console.log(`\nthe reader's annotations on a ${text.length.toLocaleString('en')}-character page (${source})`);
  console.log(
    `anchoring time for a batch, one after another (median of 3 runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  speed(text, annotationsOf(text, spans.slice(0, 1000)));
  console.log("1,000 anchored as the page anchors them: slices of about 8 ms, the page's turn between them");
  await sliced(text, annotationsOf(text, spans.slice(0, 1000)));
  console.log(
    `re-anchored after random word insertions, deletions and substitutions (${spans.length.toLocaleString('en')} passages of 1–80 words;` +
      ` correct: overlaps the passage's new place by ≥ ${SAME * 100}% of both together)`,
  );
  quality(text, spans);
}
