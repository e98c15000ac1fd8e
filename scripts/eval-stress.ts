/**
 * How far extraction falls when a page gives less help than the corpus pages do: the
 * snippets and Readability evaluations of `npm run eval` rerun under stress transforms
 * (`scripts/lib/stress.ts`: metadata removed, `<article>` removed, class names made
 * meaningless, boilerplate words turned into words of no language, `<p>` turned into
 * `<div>` or `<br>` runs). A robust extractor falls little. Tuning and held-back parts side
 * by side, as in `npm run eval`; study failures on tuning pages only
 * (`npm run eval:snippets -- --stress meta,article --worst 20`).
 *
 *   npm run -s eval:stress [-- --scenarios plain,meta,all] [-- --only snippets|articles]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../utils/extract';
import { bodyScore } from './lib/article-scores';
import { corpusPath } from './lib/corpus';
import { decodeHtml } from './lib/html-bytes';
import {
  addSnippetPage,
  emptySnippetCounts,
  readSnippetLabels,
  snippetPage,
  snippetPrf,
  type SnippetCounts,
} from './lib/snippet-scores';
import { partOf, type Part } from './lib/splits';
import { SCENARIOS, decipher, stressDocument, type Stress } from './lib/stress';

const args = process.argv.slice(2);
const arg = (name: string): string | null => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? null) : null);
const PARTS: Part[] = ['tuning', 'held-back'];
const f3 = (x: number) => x.toFixed(3);

type Page = { part: Part; html: string };
type SnippetPage = Page & { labels: ReturnType<typeof readSnippetLabels> extends Map<string, infer L> ? L : never };
type ArticlePage = Page & { expected: string };

/** Parses, stresses and extracts one page; the text deciphered when the words were substituted. */
function extract(html: string, kinds: Stress[], url?: string): { text: string; isArticle: boolean } {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  stressDocument(doc, kinds);
  const ex = extractArticle(doc, url ? { url, force: true } : {});
  return { text: kinds.includes('words') ? decipher(ex.map.text) : ex.map.text, isArticle: ex.isArticle };
}

function loadSnippets(): SnippetPage[] | null {
  const dir = corpusPath('snippets');
  if (!existsSync(dir)) return null;
  return [...readSnippetLabels(dir)]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, labels]) => ({ part: partOf(id), html: snippetPage(dir, id), labels }));
}

function loadArticles(): ArticlePage[] | null {
  const dir = corpusPath('readability');
  if (!existsSync(dir)) return null;
  const labels = readFileSync(`${dir}/labels.tsv`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const pages: ArticlePage[] = [];
  for (const [name, cls] of labels) {
    if (cls !== 'news' || !readdirSync(`${dir}/${name}`).includes('source.html')) continue;
    pages.push({
      part: partOf(name),
      html: decodeHtml(readFileSync(`${dir}/${name}/source.html`)),
      expected: readFileSync(`${dir}/${name}/expected.html`, 'utf8'),
    });
  }
  return pages;
}

function snippetCells(pages: SnippetPage[], kinds: Stress[]): Record<Part, string> {
  const counts: Record<Part, SnippetCounts> = { tuning: emptySnippetCounts(), 'held-back': emptySnippetCounts() };
  for (const p of pages) addSnippetPage(counts[p.part], p.labels, extract(p.html, kinds).text);
  const cell = (c: SnippetCounts) => {
    const s = snippetPrf(c);
    return `${f3(s.f)} (P ${f3(s.p)} R ${f3(s.r)}; ${c.empty}/${c.pages} empty)`;
  };
  return { tuning: cell(counts.tuning), 'held-back': cell(counts['held-back']) };
}

function articleCells(pages: ArticlePage[], kinds: Stress[]): Record<Part, string> {
  const out = {} as Record<Part, string>;
  for (const part of PARTS) {
    let f = 0,
      p = 0,
      r = 0,
      n = 0,
      recognised = 0;
    for (const page of pages.filter((x) => x.part === part)) {
      const ex = extract(page.html, kinds, 'http://fakehost/test/page.html');
      const s = bodyScore(ex.text, page.expected);
      f += s.f1;
      p += s.p;
      r += s.r;
      n++;
      if (ex.isArticle) recognised++;
    }
    out[part] = `${f3(f / (n || 1))} (P ${f3(p / (n || 1))} R ${f3(r / (n || 1))}; ${recognised}/${n} articles)`;
  }
  return out;
}

function main(): number {
  const names = (arg('--scenarios') ?? Object.keys(SCENARIOS).join(',')).split(',');
  const unknown = names.filter((n) => !SCENARIOS[n]);
  if (unknown.length) {
    console.error(`eval:stress: unknown scenario ${unknown.join(', ')}; scenarios are ${Object.keys(SCENARIOS)}`);
    return 2;
  }
  const only = arg('--only');
  const snippets = only === 'articles' ? null : loadSnippets();
  const articles = only === 'snippets' ? null : loadArticles();
  if (!snippets && !articles) {
    console.error(`eval:stress: corpus not found at ${corpusPath()} (set GLOSS_CORPUS)`);
    return 1;
  }
  const rows: string[][] = [];
  for (const name of names) {
    const t0 = performance.now();
    const kinds = SCENARIOS[name];
    if (snippets) {
      const c = snippetCells(snippets, kinds);
      rows.push([`snippets F1, ${name}`, c.tuning, c['held-back']]);
    }
    if (articles) {
      const c = articleCells(articles, kinds);
      rows.push([`news body F1, ${name}`, c.tuning, c['held-back']]);
    }
    process.stderr.write(`eval:stress: ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  const header = ['scenario', ...PARTS];
  const w = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cols: string[]) =>
    cols
      .map((c, k) => c.padEnd(w[k]))
      .join('  ')
      .trimEnd();
  console.log(`corpus: ${corpusPath()}`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  return 0;
}

process.exitCode = main();
