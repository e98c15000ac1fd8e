/**
 * `npm run bench`: prints Gloss's sizes and speeds. Figures, not tests: a slow
 * machine changes them, and nothing here fails because of that.
 *   - size of each built entry point (raw and gzipped), Chrome and Firefox;
 *   - model load time; analysis time on the seed article and on corpus texts;
 *   - detection and extraction time per corpus page (as the content script runs them);
 *   - re-anchoring time on a 200,000-character page (exact, moved, edited, deleted passages);
 *   - the whole analysis of pathological texts a page can send (many quotation marks in one
 *     paragraph, a huge paragraph without any);
 *   - the reader's annotations on a long page: anchoring time for 1, 100 and 1,000, and the share
 *     found again after word edits of 1%, 5% and 20% (`scripts/lib/annotation-bench.ts`);
 *   - a library of 100,000 highlights over 10,000 pages: export of everything in each format and
 *     import of the full JSON-LD file (`scripts/lib/library-data-bench.ts`);
 *   - the library with 100,000 annotations in headless Chromium: popup and library first paint,
 *     search per keystroke, scrolling (`scripts/lib/library-ui-bench.ts`; needs `npm run build`);
 *   - the page layer in headless Chromium over the corpus's pages: the every-page script's size, Gloss's
 *     main-thread time, time to the first painted highlight beside Readability's parse, long tasks, mouseup →
 *     toolbar, frame times while scrolling thousands of highlights (`scripts/lib/layer-bench.ts`);
 *   - remembered sources: 10,000 synthetic articles (about 100,000 quotations) through the real store in
 *     fake-indexeddb; the speakers list, quotation search per keystroke, storage per 1,000 articles
 *     (`scripts/lib/sources-bench.ts`; `--articles=N` seeds another number);
 *   - remembered sources in Chromium with the built extension: IndexedDB space per 1,000 articles
 *     (`scripts/lib/sources-idb-bench.ts`, 1,000 articles; needs `npm run build`);
 *   - the Sources view with 10,000 remembered articles in headless Chromium with the built extension: storage
 *     per 1,000 articles, open → first speakers row painted, quotation search per keystroke
 *     (`scripts/lib/sources-ui-bench.ts`; needs `npm run build`).
 * `-- --only=annotations,anchoring` runs some sections (sizes, analysis, pathological, extraction,
 * anchoring, annotations, library-data, library-ui, layer, sources, sources-idb, sources-ui).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { analyzeText } from '../utils/analysis/analyze';
import { loadTagger } from '../utils/analysis/ner';
import { detectArticle, extractArticle } from '../utils/extract';
import { anchor, describe } from '../utils/anchoring';
import { longText } from '../tests/unit/anchoring/fixture';
import { PATHOLOGICAL } from '../tests/unit/analysis/quotes/pathological';
import { annotationBench } from './lib/annotation-bench';
import { libraryDataBench } from './lib/library-data-bench';
import { layerBench } from './lib/layer-bench';
import { libraryUiBench } from './lib/library-ui-bench';
import { corpusDir } from './lib/corpus';
import { kb, median, p95 } from './lib/stats';
import { sourcesBench } from './lib/sources-bench';
import { sourcesIndexedDbBench } from './lib/sources-idb-bench';
import { sourcesUiBench } from './lib/sources-ui-bench';

const CORPUS = corpusDir();

const ms = (x: number) => `${x.toFixed(2)} ms`;

function sizes(): void {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const dir = resolve('.output', target);
    if (!existsSync(dir)) {
      console.log(`${target}: not built (npm run build)`);
      continue;
    }
    console.log(`\n${target} (raw / gzip)`);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    let total = 0;
    for (const file of walk(dir).filter((f) => /\.(js|css|html|bin)$/.test(f))) {
      const raw = readFileSync(file);
      total += raw.length;
      console.log(
        `  ${relative(dir, file).padEnd(40)} ${kb(raw.length).padStart(10)} ${kb(gzipSync(raw).length).padStart(10)}`,
      );
    }
    console.log(`  ${'total'.padEnd(40)} ${kb(total).padStart(10)}`);
  }
}

function analysis(): void {
  const bytes = readFileSync('public/models/ner.bin');
  const loads: number[] = [];
  let tagger = loadTagger(bytes);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    tagger = loadTagger(bytes);
    loads.push(performance.now() - t);
  }
  console.log(`\nmodel: ${kb(bytes.length)}, load ${ms(median(loads))} (median of 5)`);
  const seed = readFileSync(resolve('tests/fixtures/seed/xinhua-2025-02-25-human-rights.txt'), 'utf8');
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    analyzeText(seed, tagger);
    runs.push(performance.now() - t);
  }
  console.log(`seed article (${seed.length} chars): analysis ${ms(median(runs))} (median of 20)`);
  const dev = join(CORPUS, 'polnear/dev.jsonl');
  if (existsSync(dev)) {
    const texts = readFileSync(dev, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).text as string);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const t = performance.now();
    for (const text of texts) analyzeText(text, tagger);
    const s = (performance.now() - t) / 1000;
    console.log(
      `polnear dev: ${texts.length} articles, ${(texts.length / s).toFixed(0)} articles/s, ${(chars / s / 1e6).toFixed(2)} M chars/s`,
    );
  }
}

function extraction(): void {
  const dir = join(CORPUS, 'readability');
  if (!existsSync(dir)) return;
  const detect: number[] = [];
  const extract: number[] = [];
  const notArticles: number[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'source.html');
    if (!existsSync(file)) continue;
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const doc = document as unknown as Document;
    let t = performance.now();
    const d = detectArticle(doc);
    detect.push(performance.now() - t);
    if (!d.isArticle) notArticles.push(detect[detect.length - 1]);
    t = performance.now();
    extractArticle(doc);
    extract.push(performance.now() - t);
  }
  console.log(`\nreadability corpus (linkedom): ${detect.length} pages`);
  console.log(
    `  detectArticle: median ${ms(median(detect))}, p95 ${ms(p95(detect))}; on pages judged not articles: median ${ms(median(notArticles))}`,
  );
  console.log(
    `  extractArticle: median ${ms(median(extract))}, p95 ${ms(p95(extract))}, max ${ms(Math.max(...extract))}`,
  );
}

/** Re-anchoring on a long page: each case timed over several runs (median). */
function anchoring(): void {
  const text = longText(200_000);
  const at = 150_000;
  const inserted = 'Inserted paragraph. '.repeat(10);
  const word = text.indexOf(' the ', at) + 1;
  const cases: Array<[string, string, ReturnType<typeof describe>]> = [
    ['exact, in place', text, describe(text, at, at + 80)],
    ['moved by an insertion', inserted + text, describe(text, at, at + 80)],
    ['edited inside', text.slice(0, at + 10) + 'XYZ' + text.slice(at + 13), describe(text, at, at + 80)],
    ['deleted (orphan)', text.slice(0, at) + text.slice(at + 80), describe(text, at, at + 80)],
    ['5,000 characters deleted', text.slice(0, 20_000) + text.slice(25_000), describe(text, 20_000, 25_000)],
    ['a common word, moved', inserted + text, describe(text, word, word + 3)],
  ];
  console.log(`
anchoring on a ${text.length}-character page (median of 5)`);
  for (const [name, page, selectors] of cases) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      anchor(page, selectors);
      runs.push(performance.now() - t);
    }
    console.log(`  ${name.padEnd(28)} ${ms(median(runs)).padStart(10)}`);
  }
}

/** The whole analysis (entities and quotations) of texts built to make it slow: one run each. */
function pathological(): void {
  const tagger = loadTagger(readFileSync('public/models/ner.bin'));
  console.log('\npathological texts, whole analysis (one run each)');
  for (const p of PATHOLOGICAL) {
    const text = p.make(p.n);
    const t = performance.now();
    const { quotes } = analyzeText(text, tagger);
    const took = performance.now() - t;
    console.log(
      `  ${p.name.padEnd(46)} ${kb(text.length).padStart(10)} ${ms(took).padStart(12)}  ${quotes.length} quotations`,
    );
  }
}

/** `npm run bench -- --only=annotations,anchoring` runs some sections. */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const articles = Number(process.argv.find((a) => a.startsWith('--articles='))?.slice('--articles='.length) ?? 10_000);
const sections: Record<string, () => void | Promise<void>> = {
  sizes,
  analysis,
  pathological,
  extraction,
  anchoring,
  annotations: () => annotationBench(CORPUS),
  'library-data': () => libraryDataBench(),
  layer: () => layerBench(CORPUS, process.argv),
  'library-ui': libraryUiBench,
  sources: () => sourcesBench(articles),
  'sources-idb': () => sourcesIndexedDbBench(Math.min(articles, 1000)),
  'sources-ui': () => sourcesUiBench(articles),
};
for (const [name, section] of Object.entries(sections)) if (!only || only.includes(name)) await section();
